"""The JSON/text/SRT/VTT renderings of a transcript and of a time range of it."""

from __future__ import annotations

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
        "start": 0.0, "end": 1.8, "text": "Hello world.",
        "words": [{"text": "Hello", "start": 0.0, "end": 0.5, "probability": 0.91},
                  {"text": "world.", "start": 0.5, "end": 1.8, "probability": 0.42, "original": "wrold."}],
    }
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
