"""The real bundled Whisper `base` model on real speech: accuracy, word timings, languages, stereo, cancel.

Each file is transcribed once (module fixtures share the results); the model is loaded once per session.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vlogkit.errors import Cancelled
from vlogkit.jobs import JobContext

pytestmark = pytest.mark.slow

NL_CLIPS = ("vl00203", "vl04108", "vl09647", "vl12745", "vl14994")


def run(engine, path: Path, language: str | None = None, ctx: JobContext | None = None):
    return engine.transcribe(str(path), language=language, initial_prompt=None, duration_ms=0, ctx=ctx or JobContext())


def ref(path: Path, suffix: str = ".txt") -> str:
    return path.with_suffix(suffix).read_text(encoding="utf-8")


def test_jfk_words_timing_and_progress(media, whisper_engine, word_error_rate) -> None:
    path = media / "en" / "jfk.flac"
    seen: list[float] = []
    t = run(whisper_engine, path, ctx=JobContext(on_progress=lambda f, m: seen.append(f)))
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert any(0.5 < f < 1.0 for f in seen)  # the segment's report: 10.4 s of 11 s reached
    assert t.language == "en" and t.model == "base" and t.duration == 11000
    assert word_error_rate(ref(path), t.text) <= 0.05, t.text
    americans = [w for w in t.words if w.text.strip(",.").lower() == "americans"]
    assert len(americans) == 1 and 1200 <= americans[0].start <= 2000, americans
    assert all(w.text == w.text.strip() and w.start <= w.end and 0 < w.probability <= 1 for w in t.words)
    assert t.options["vad_filter"] and t.options["word_timestamps"] and t.options["split_stereo"] is False


def test_harvard_sentences_8khz(media, whisper_engine, word_error_rate) -> None:
    path = media / "en" / "OSR_us_000_0034_8k.wav"
    t = run(whisper_engine, path)
    assert word_error_rate(ref(path), t.text) <= 0.20, t.text


def test_french(media, whisper_engine, word_error_rate) -> None:
    path = media / "fr" / "picovoice_test_fr.wav"
    t = run(whisper_engine, path, "fr")
    assert t.language == "fr"
    assert word_error_rate(ref(path), t.text) <= 0.30, t.text


@pytest.fixture(scope="module")
def dutch(media, whisper_engine):
    return {name: run(whisper_engine, media / "nl" / f"{name}.wav", "nl")
            for name in (*NL_CLIPS, "vl_concat_5_sentences_16k")}


@pytest.mark.parametrize("name", NL_CLIPS)
def test_flemish_dutch_clip(dutch, media, name, word_error_rate) -> None:
    t = dutch[name]
    assert t.language == "nl"
    assert word_error_rate(ref(media / "nl" / f"{name}.wav"), t.text) <= 0.50, t.text


def test_flemish_dutch_concatenation(dutch, media, word_error_rate) -> None:
    t = dutch["vl_concat_5_sentences_16k"]
    assert word_error_rate(ref(media / "nl" / "vl_concat_5_sentences_16k.wav"), t.text) <= 0.30, t.text


def test_multilingual_file_is_detected_as_english(media, whisper_engine) -> None:
    t = run(whisper_engine, media / "multi" / "multilingual_en_de.mp3")
    assert t.language == "en"
    assert len(t.words) > 50


def test_split_stereo_keeps_both_speakers(media, whisper_engine, word_error_rate) -> None:
    path = media / "en" / "stereo_diarization.wav"
    t = run(whisper_engine, path)
    assert t.options["split_stereo"] is True
    by_speaker = {sp: " ".join(w.text for w in t.words if w.speaker == sp) for sp in ("left", "right")}
    assert word_error_rate(ref(path, ".left.txt"), by_speaker["left"]) <= 0.2, by_speaker
    assert word_error_rate(ref(path, ".right.txt"), by_speaker["right"]) <= 0.2, by_speaker
    starts = [s.start for s in t.segments]
    assert starts == sorted(starts)  # merged by time


def test_cancel_stops_within_one_segment(media, whisper_engine) -> None:
    segments_seen: list[float] = []
    ctx = JobContext()

    def on_progress(fraction: float, message: str) -> None:
        if message.startswith("Transcribing"):
            segments_seen.append(fraction)
            ctx.cancel()

    ctx.on_progress = on_progress
    with pytest.raises(Cancelled):
        run(whisper_engine, media / "en" / "OSR_us_000_0034_8k.wav", "en", ctx)
    assert len(segments_seen) == 1 and segments_seen[0] < 0.9
