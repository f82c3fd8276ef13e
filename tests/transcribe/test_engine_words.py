"""Whisper's word pieces are joined the way people write them."""

from __future__ import annotations

from types import SimpleNamespace as S

from vlogkit.transcribe.engine import to_segment


def _w(word: str, start: float, end: float, p: float = 0.9) -> S:
    return S(word=word, start=start, end=end, probability=p)


def test_elisions_and_hyphenated_words_are_one_word() -> None:
    seg = to_segment(S(text="", words=[
        _w(" Nous", 0, 0.2), _w(" d", 0.2, 0.3), _w("'accord", 0.3, 0.6, 0.7), _w(" l", 0.7, 0.75),
        _w("\u2019Usoc", 0.75, 1.0), _w(" États", 1.0, 1.2), _w("-Unis", 1.2, 1.5), _w(" Z", 1.6, 1.7),
        _w("-engte", 1.7, 2.0), _w(" don't", 2.1, 2.3),
    ]))
    assert seg is not None
    assert [w.text for w in seg.words] == ["Nous", "d'accord", "l\u2019Usoc", "États-Unis", "Z-engte", "don't"]
    dac = seg.words[1]
    assert (dac.start, dac.end, dac.probability) == (200, 600, 0.7)


def test_words_with_leading_spaces_stay_apart() -> None:
    seg = to_segment(S(text="", words=[_w(" well", 0, 0.2), _w(" -", 0.2, 0.3), _w(" yes", 0.3, 0.5)]))
    assert seg is not None and [w.text for w in seg.words] == ["well", "-", "yes"]
