"""The embarrassment guard's lexicon and rule: swear words and slurs in Dutch, French and English."""

from __future__ import annotations

import pytest

from vlogkit.domain import Word
from vlogkit.domain.sensitive import is_sensitive, sensitive_words, to_confirm


@pytest.mark.parametrize(("text", "language"), [
    ("kut", "nl"), ("Kut.", "nl"), ("klootzak!", "nl"), ("godverdomme", ""), ("kutweer", "nl"), ("klote-dag", "nl"),
    ("teringlijer", "nl"), ("putain", "fr"), ("Enculé", "fr"), ("l'enculé", "fr"), ("merde,", "nl"), ("con", "fr"),
    ("fucking", "nl"), ("shit", "fr"), ("bullshit.", "en"), ("Motherfucker", "en"), ("faggot", "en"),
    ("makak", "nl"), ("bougnoule", "fr"),
])
def test_swear_words_and_slurs_are_caught(text: str, language: str) -> None:
    assert is_sensitive(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("con", "en"), ("bite", "en"), ("country.", "en"), ("kunnen", "nl"), ("kanker", "nl"), ("kankeronderzoek", "nl"),
    ("Dick", "nl"), ("consulat", "fr"), ("constructie", "nl"), ("pikken", "nl"), ("assist", "en"), ("Scunthorpe", "en"),
    ("shiitake", "en"), ("klok", "nl"), ("conseiller", "fr"), ("passé", "fr"),
])
def test_ordinary_words_are_not(text: str, language: str) -> None:
    assert not is_sensitive(text, language)


def test_each_confirmation_covers_one_occurrence_and_a_fix_needs_none() -> None:
    words = [Word("Wat", 0, 200, 0.9, language="nl"), Word("een", 200, 300, 0.9, language="nl"),
             Word("kutdag,", 300, 800, 0.9, language="nl", confirmed=True), Word("echt", 800, 900, 0.9, language="nl"),
             Word("kutdag.", 900, 1400, 0.4, language="nl")]
    assert [w.start for w in sensitive_words(words)] == [300, 900]
    assert to_confirm(words, [w.display for w in words if w.confirmed]) == (words[4],)
    assert to_confirm(words, ["kutdag", "Kutdag!"]) == ()
    fixed = [*words[:2], Word("kutdag,", 300, 800, 0.9, corrected="rotdag,")]
    assert to_confirm(fixed, []) == ()  # corrected: nothing left to confirm
    english = [Word(t, 0, 0, language="en") for t in "the pros and cons of this con".split()]
    assert to_confirm(english, []) == ()  # "con" is rude in French only
    assert len(to_confirm(english, [], "fr")) == 0 and len(to_confirm([Word("con", 0, 0)], [], "fr")) == 1
