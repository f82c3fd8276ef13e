"""Per-stretch language: the allowed set, restricted probabilities, smoothing and the stretches that tile a recording
(pure parts; the real model on a mixed Dutch/French/English file is test_real_languages.py)."""

from __future__ import annotations

import pytest

from vlogkit.errors import UsageError
from vlogkit.transcribe.languages import (
    WHISPER_LANGUAGES,
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
