"""Word frequencies: the same word gets the same Zipf value whatever else was looked up with it."""

from __future__ import annotations

import pytest

from vlogkit.quotes import frequency


def test_an_elided_word_reads_as_its_word_whatever_was_looked_up_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """'l'équipe' read 2.06 (as the rare 'léquipe') when 'équipe' came first in the same batch, 5.48 alone: a
    French line's score depended on which vlogs had been analysed before it in the same session."""
    seen = []
    for batch in (["équipe", "l'équipe"], ["l'équipe", "équipe"], ["l'équipe"], []):
        monkeypatch.setattr(frequency, "_KNOWN", {})
        frequency.prefetch(batch, "fr")
        seen.append(frequency.zipf("l'équipe", "fr"))
    assert seen == [frequency.zipf("équipe", "fr")] * 4 and seen[0] > 5
