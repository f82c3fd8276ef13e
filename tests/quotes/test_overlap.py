"""Is a line already in the bank: the same words, most of them, or neither."""

from __future__ import annotations

from vlogkit.domain import Quote, Segment, Transcript, Word
from vlogkit.quotes.overlap import bank_match


def _transcript() -> Transcript:
    words = tuple(Word(w, i * 500, i * 500 + 400, 0.9) for i, w in enumerate("one two three four five six seven "
                                                                           "eight nine ten".split()))
    return Transcript((Segment(0, 4900, words),), "en", 5000)


def _quote(start: int, end: int) -> Quote:
    return Quote.from_dict({"id": f"q{start}", "vlog_id": "v", "start": start, "end": end, "text": "x"})


def test_same_words_overlap_and_no_match() -> None:
    t = _transcript()
    padded = _quote(-100, 2200)  # a card's padded range over words one..four
    assert bank_match(t, 0, 1900, [padded]).kind == "same"  # a selection of exactly those words
    m = bank_match(t, 0, 2900, [_quote(5000, 6000), padded])  # one..six: four of six words shared
    assert m is not None and m.kind == "overlap" and m.quote is padded and m.shared == 4
    assert bank_match(t, 0, 3900, [padded]) is None  # one..eight: the bank quote is only half of it
    assert bank_match(t, 1000, 1900, [padded]) is None  # three..four: a trimmed line of its own
    assert bank_match(None, -50, 2300, [padded]).kind == "same"  # no words to compare: the bank's range rule
