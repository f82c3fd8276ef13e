"""quotes.text.follow_words: a saved quote's text once the words it quotes change (a word fix, or its undo)."""

from __future__ import annotations

import pytest

from vlogkit.quotes.text import follow_words


@pytest.mark.parametrize(("text", "said", "now", "expected"), [
    ("Het loon, maar ook", "Het loon, maar ook", "Het salaris maar ook", "Het salaris, maar ook"),  # its comma stays
    ("het LOON maar ook!", "Het loon, maar ook", "Het salaris maar ook", "het salaris maar ook!"),  # case, punctuation
    ("Loon, maar ook", "Loon, maar ook", "salaris maar ook", "Salaris, maar ook"),  # the first word keeps its capital
    ("We gonna win.", "We gonna win.", "We going to win.", "We going to win."),  # one word fixed into two
    ("We the win.", "We the win.", "We the new win.", "We the new win."),  # a missed word inserted
    ("We the new win.", "We the new win.", "We the win.", "We the win."),  # and taken back
    ("L’équipe gagne", "L'équipe gagne", "L'équipe perd", "L’équipe perd"),
])
def test_the_changed_words_are_replaced_and_the_rest_of_the_text_kept(text, said, now, expected) -> None:  # noqa: ANN001
    assert follow_words(text, said, now) == expected


def test_a_text_whose_words_were_edited_by_hand_is_not_followed() -> None:
    assert follow_words("We won, together.", "We the new win.", "We the win.") is None
