"""Per-stretch language: the allowed set, restricted probabilities, smoothing and the stretches that tile a recording
(pure parts; the real model on a mixed Dutch/French/English file is test_real_languages.py)."""

from __future__ import annotations

import pytest

from vlogkit.errors import UsageError
from vlogkit.transcribe.languages import (
    WHISPER_LANGUAGES,
    LanguageMap,
    Piece,
    Stretch,
    format_languages,
    label,
    parse_languages,
    restricted,
    stretches,
)

SR = 16000


def test_whisper_language_list_matches_faster_whisper() -> None:
    from faster_whisper.tokenizer import _LANGUAGE_CODES

    assert WHISPER_LANGUAGES == tuple(_LANGUAGE_CODES)


def test_parse_languages() -> None:
    assert parse_languages(None) == ("nl", "fr", "en")
    assert parse_languages(" NL, fr ,en,nl") == ("nl", "fr", "en")
    assert parse_languages("any") == () and parse_languages("") == ()
    assert format_languages(()) == "any" and format_languages(("de", "en")) == "de,en"
    with pytest.raises(UsageError, match="'vlaams' is not a language Whisper knows"):
        parse_languages("nl,vlaams")


def test_probabilities_are_renormalised_over_the_allowed_languages() -> None:
    whisper = [("<|de|>", 0.6), ("<|nl|>", 0.3), ("<|en|>", 0.05), ("<|fr|>", 0.05)]
    got = restricted(whisper, ("nl", "fr", "en"))
    assert got == pytest.approx({"nl": 0.75, "fr": 0.125, "en": 0.125})
    assert max(restricted(whisper, ()), key=restricted(whisper, ()).get) == "de"  # 'any': German stays possible
    assert restricted([("<|de|>", 1.0)], ("nl", "fr")) == {"nl": 0.5, "fr": 0.5}


def piece(t0: float, t1: float, **probs: float) -> Piece:
    return Piece(int(t0 * SR), int(t1 * SR), probs)


def test_a_short_unsure_piece_follows_its_neighbours_but_a_clear_sentence_switches() -> None:
    unsure = [piece(0, 3, nl=0.97, fr=0.01, en=0.02), piece(3.5, 4.5, nl=0.2, fr=0.0, en=0.8),
              piece(5, 8, nl=0.95, fr=0.01, en=0.04)]
    assert label(unsure) == ["nl", "nl", "nl"]  # "Hallo" alone is not an English stretch
    clear = [piece(0, 3, nl=0.97, fr=0.01, en=0.02), piece(3.5, 7, nl=0.001, fr=0.998, en=0.001),
             piece(7.5, 10, nl=0.98, fr=0.01, en=0.01)]
    assert label(clear) == ["nl", "fr", "nl"]
    assert label([]) == []


def test_stretches_tile_the_recording_cut_in_the_middle_of_pauses() -> None:
    pieces = [piece(0.5, 2, nl=1, fr=0, en=0), piece(3, 5, nl=1, fr=0, en=0), piece(9, 12, nl=0, fr=1, en=0),
              piece(12.4, 14, nl=0, fr=0, en=1)]
    got = stretches(pieces, label(pieces), 15 * SR)
    assert got == [Stretch(0, 7 * SR, "nl"), Stretch(7 * SR, int(12.2 * SR), "fr"), Stretch(int(12.2 * SR), 15 * SR, "en")]
    assert stretches([], [], 10) == []


class Table:
    """Stands in for the model: each piece's probabilities come from a table; counts what was identified."""

    def __init__(self, table: dict[int, dict[str, float]]) -> None:
        self.table = table
        self.asked: list[int] = []

    def identify(self, _model, _samples, a: int, b: int, _allowed) -> Piece:  # noqa: ANN001
        self.asked.append(a // SR)
        return Piece(a, b, self.table[a // SR])


def language_map(monkeypatch, langs: str) -> tuple[LanguageMap, Table]:  # noqa: ANN001
    """A recording with one 2 s piece every 3 s; piece i is in language langs[i] (n, f or e), clearly."""
    import numpy as np

    from vlogkit.transcribe import languages

    codes = {"n": "nl", "f": "fr", "e": "en"}
    table = Table({3 * i: {c: (0.98 if c == codes[ch] else 0.01) for c in ("nl", "fr", "en")}
                   for i, ch in enumerate(langs)})
    spans = [(3 * i * SR, (3 * i + 2) * SR) for i in range(len(langs))]
    monkeypatch.setattr(languages, "speech_pieces", lambda _samples: spans)
    monkeypatch.setattr(languages, "identify_piece", table.identify)
    return LanguageMap(None, np.zeros(3 * len(langs) * SR, dtype=np.float32), ("nl", "fr", "en")), table


def test_a_single_language_vlog_is_judged_from_a_sample(monkeypatch) -> None:  # noqa: ANN001
    lmap, table = language_map(monkeypatch, "n" * 20)
    assert lmap.first_look() == [Stretch(0, 60 * SR, "nl")]
    assert len(table.asked) == 6 and not lmap.complete  # 6 of 20 pieces, spread: 0-9 s ... 51-60 s
    assert min(table.asked) < 9 and max(table.asked) >= 50


def test_a_switch_in_the_sample_identifies_every_piece(monkeypatch) -> None:  # noqa: ANN001
    lmap, table = language_map(monkeypatch, "nnnnnnnfffffnnnneeee")
    got = lmap.first_look()
    assert lmap.complete and [s.language for s in got] == ["nl", "fr", "nl", "en"]
    assert got[1].start == int(20.5 * SR) and got[3].end == 60 * SR


def test_a_sentence_the_sample_missed_is_found_where_the_transcript_is_doubtful(monkeypatch) -> None:  # noqa: ANN001
    lmap, table = language_map(monkeypatch, "nnnnnnnnnnnnfnnnnnnn")  # French at 36-38 s, not in the sample
    assert lmap.first_look() == [Stretch(0, 60 * SR, "nl")] and 36 not in table.asked
    asked = len(table.asked)
    doubtful = [(int(35.9 * SR), int(38.2 * SR))]  # the words read as Dutch there came out with low confidence
    assert lmap.recheck(doubtful, "nl") == [Stretch(int(35.5 * SR), int(38.5 * SR), "fr")]
    assert len(table.asked) == asked + 1  # only the doubtful piece was looked at
    assert lmap.recheck([(0, 2 * SR)], "nl") == []  # doubtful, but Dutch after all: nothing to redo
