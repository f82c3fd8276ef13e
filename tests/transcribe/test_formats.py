"""The JSON/text/SRT/VTT renderings of a transcript and of a time range of it."""

from __future__ import annotations

import json
from dataclasses import replace

import pysubs2
import pytest

from vlogkit.domain import Segment, Transcript, Word
from vlogkit.errors import UsageError
from vlogkit.transcribe.formats import render, time_range, transcript_json, transcript_text

T = Transcript(
    segments=(
        Segment(0, 1800, (Word("Hello", 0, 500, 0.91), Word("wrold.", 500, 1800, 0.42, corrected="world."))),
        Segment(2400, 5200, (Word("Second", 2400, 3000, 0.9), Word("um", 3000, 3300, 0.5, filler=True),
                             Word("part.", 3300, 5200, 0.8))),
    ),
    language="en", duration=6000, model="/models/my-whisper",
)


def test_json_shape_has_seconds_corrections_and_original() -> None:
    d = transcript_json(T)
    assert (d["language"], d["duration"], d["model"]) == ("en", 6.0, "/models/my-whisper")
    assert d["segments"][0] == {
        "start": 0.0, "end": 1.8, "language": "en", "text": "Hello world.",
        "words": [{"text": "Hello", "start": 0.0, "end": 0.5, "probability": 0.91, "language": "en"},
                  {"text": "world.", "start": 0.5, "end": 1.8, "probability": 0.42, "language": "en",
                   "original": "wrold."}],
    }
    assert d["languages"] == ["en"]
    assert d["segments"][1]["words"][1]["filler"] is True


def test_text_and_speakers() -> None:
    assert transcript_text(T) == "Hello world.\nSecond um part.\n"
    split = T.with_segments((replace(T.segments[0], speaker="left"),))
    assert transcript_text(split) == "left: Hello world.\n"


def test_range_is_retimed_to_start_at_zero() -> None:
    part = time_range(T, 2000, 6000)
    assert part.text == "Second um part." and part.segments[0].start == 400 and part.duration == 4000
    srt = pysubs2.SSAFile.from_string(render(part, "srt"), format_="srt")
    assert srt[0].start == 400 and srt[0].plaintext == "Second um part."
    with pytest.raises(UsageError, match="ends .* before it starts"):
        time_range(T, 3000, 1000)
    with pytest.raises(UsageError, match="Unknown subtitle format"):
        render(T, "docx")


def test_vtt_of_whole_transcript_shows_corrections() -> None:
    vtt = render(T, "vtt")
    assert vtt.startswith("WEBVTT") and "Hello world." in vtt and "wrold" not in vtt


def test_word_error_rate_normalisation(word_error_rate) -> None:
    assert word_error_rate("Don't stop, he said: \"GO!\" 10 times.", "don't stop he said go 10 times") == 0.0
    assert word_error_rate("a b c d", "a x c") == 0.5
    assert word_error_rate("Zee-engte aan het uiteinde.", "zee engte aan het uiteinde") == 0.0
    assert word_error_rate("ten times", "10 times") == 0.5  # digits as written


MIXED = Transcript(
    segments=(
        Segment(0, 1500, (Word("Goeiemorgen", 0, 700, 0.9, language="nl"), Word("collega's.", 700, 1500, 0.9,
                                                                               language="nl")), language="nl"),
        Segment(2000, 3500, (Word("Bonjour", 2000, 2600, 0.9, language="fr"), Word("à", 2600, 2800, 0.8, language="fr"),
                             Word("tous.", 2800, 3500, 0.9, language="fr")), language="fr"),
        Segment(9000, 11000, (Word("Ondertiteld", 9000, 10000, 0.3, language="nl"),
                              Word("door", 10000, 11000, 0.3, language="nl")), language="nl", flag="credit"),
        Segment(12000, 13000, (Word("Thanks!", 12000, 13000, 0.9, language="en"),), language="en"),
    ),
    language="nl", duration=14000,
)


def test_mixed_languages_per_segment_and_word_in_json_and_subtitles() -> None:
    d = transcript_json(MIXED)
    assert [s["language"] for s in d["segments"]] == ["nl", "fr", "nl", "en"]
    assert d["languages"] == ["nl", "fr", "en"] and MIXED.language_label == "nl + fr + en"
    assert d["segments"][1]["words"][0] == {"text": "Bonjour", "start": 2.0, "end": 2.6, "probability": 0.9,
                                            "language": "fr"}
    assert d["segments"][2]["flag"] == "credit"  # the full transcript shows what was held back, flagged
    sub = json.loads(render(MIXED, "json"))  # `vlogkit subtitles --format json`: held back segments are left out
    assert [(s["language"], s["start"]) for s in sub["segments"]] == [("nl", 0.0), ("fr", 2.0), ("en", 12.0)]
    srt = render(MIXED, "srt")
    assert "Bonjour" in srt and "Ondertiteld" not in srt
    kept = MIXED.with_kept(2)
    assert "Ondertiteld" in render(kept, "srt") and json.loads(render(kept, "json"))["segments"][2]["kept"] is True
    part = time_range(MIXED, 2000, 4000)
    assert part.segments[0].language == "fr" and part.segments[0].words[0].start == 0


def test_transcript_round_trips_languages_flags_and_confirmations() -> None:
    t = replace(MIXED, segments=(*MIXED.segments[:3], replace(MIXED.segments[3], kept=True, words=(
        replace(MIXED.segments[3].words[0], confirmed=True, language="nl"),))))
    data = t.to_dict()
    assert "language" not in data["segments"][0]["words"][0]  # a word in its segment's language stores nothing extra
    assert data["segments"][3]["words"][0]["language"] == "nl"
    back = Transcript.from_dict(data)
    assert back == t
    assert [back.word_language(w) for w in back.segments[1].words] == ["fr", "fr", "fr"]
    assert back.word_language(Word("x", 0, 1)) == "nl"
    old = Transcript.from_dict({"language": "en", "segments": [{"start": 0, "end": 5, "words": [
        {"text": "hi", "start": 0, "end": 5, "probability": 0.5}]}]})  # a transcript stored before languages
    assert old.languages == ("en",) and old.word_language(old.words[0]) == "en" and old.words[0].language == ""
    assert [s.start for s in MIXED.flagged] == [9000] and not MIXED.with_kept(2).flagged
