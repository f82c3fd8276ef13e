"""How a quote's text is printed on cards and slides: typographic apostrophes, the words as said."""

from __future__ import annotations

import pytest

from vlogkit.domain.quote import quoted, typeset


@pytest.mark.parametrize(("said", "printed"), [
    ("C'est l'équipe", "C’est l’équipe"),
    ("We don't guess, we check", "We don’t guess, we check"),
    ("'s Morgens zie je alles", "'s Morgens zie je alles"),  # no letter before it: left as said
    ("Ze zei 'nee' en ging", "Ze zei 'nee' en ging"),  # quotes inside a quote are not apostrophes
    ("", ""),
])
def test_only_an_apostrophe_between_letters_is_typeset(said: str, printed: str) -> None:
    assert typeset(said) == printed


def test_typesetting_then_quoting_keeps_the_language_marks() -> None:
    assert quoted(typeset("l'usine"), "fr") == "«\u00a0l’usine\u00a0»"
    assert quoted(typeset("it's ours"), "en") == "“it’s ours”"
