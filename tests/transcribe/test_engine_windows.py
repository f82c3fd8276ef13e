"""A recording longer than 15 minutes is transcribed in windows cut at quiet moments, with a fake model at the seam
(the real model on a 2-hour file is `benchmarks/bench_large_input.py`: flat memory, progress that moves)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from vlogkit.jobs import JobContext
from vlogkit.transcribe.audio import SAMPLE_RATE, windows
from vlogkit.transcribe.engine import WhisperEngine
from vlogkit.transcribe.languages import Stretch


class FakeModel:
    """Says "hello world." 1 s into whatever audio it gets; detects Dutch; records what it was asked."""

    def __init__(self) -> None:
        self.calls: list[dict] = []

    def transcribe(self, samples, **kw):  # type: ignore[no-untyped-def]
        self.calls.append({"seconds": len(samples) / SAMPLE_RATE, **kw})
        words = [SimpleNamespace(word=" hello", start=1.0, end=1.4, probability=0.9),
                 SimpleNamespace(word=" world.", start=1.5, end=2.0, probability=0.9)]
        seg = SimpleNamespace(start=1.0, end=2.0, text=" hello world.", words=words)
        return iter([seg]), SimpleNamespace(language="nl")


def test_a_long_recording_goes_in_windows_on_one_clock_and_one_language() -> None:
    rng = np.random.default_rng(1)
    n = int(22 * 60 * SAMPLE_RATE)  # 22 minutes: two windows
    samples = (rng.standard_normal(n) * 0.1).astype(np.float32)
    quiet = 585 * SAMPLE_RATE
    samples[quiet : quiet + SAMPLE_RATE // 2] = 0.0  # a pause at 9:45, inside the search range before 10:00
    spans = windows(samples)
    assert len(spans) == 2 and spans[0][1] == spans[1][0]
    cut_ms = spans[0][1] * 1000 // SAMPLE_RATE
    assert 585_000 <= cut_ms <= 585_500  # cut in the pause, not at 10:00 sharp
    progress: list[float] = []
    model = FakeModel()
    segments, language = WhisperEngine("base")._run(model, samples, [Stretch(0, n, "")], "Acme", n * 1000 // SAMPLE_RATE,
                                                    "", JobContext(on_progress=lambda f, _m: progress.append(f)))
    assert language == "nl"
    assert [c["language"] for c in model.calls] == [None, "nl"]  # detected once, then held
    assert all(c["initial_prompt"] == "Acme" for c in model.calls)  # the glossary reaches every window
    assert [round(c["seconds"]) for c in model.calls] == [round(cut_ms / 1000), round(22 * 60 - cut_ms / 1000)]
    assert [(s.start, s.end) for s in segments] == [(1000, 2000), (cut_ms + 1000, cut_ms + 2000)]
    assert [w.start for w in segments[1].words] == [cut_ms + 1000, cut_ms + 1500]
    assert progress == sorted(progress) and progress[-1] > 0.4


def test_a_short_recording_is_one_call_as_before() -> None:
    samples = np.zeros(int(14 * 60 * SAMPLE_RATE), dtype=np.float32)
    assert windows(samples) == [(0, len(samples))]
    model = FakeModel()
    segments, _ = WhisperEngine("base")._run(model, samples, [Stretch(0, len(samples), "en")], None, 0, "", JobContext())
    assert len(model.calls) == 1 and model.calls[0]["language"] == "en"
    assert [(s.start, s.end) for s in segments] == [(1000, 2000)]
    assert segments[0].language == "en" and {w.language for w in segments[0].words} == {"en"}


def test_each_stretch_is_transcribed_in_its_language_on_one_clock() -> None:
    sec = SAMPLE_RATE
    samples = np.zeros(30 * sec, dtype=np.float32)
    plan = [Stretch(0, 12 * sec, "nl"), Stretch(12 * sec, 20 * sec, "fr"), Stretch(20 * sec, 30 * sec, "en")]
    model = FakeModel()
    segments, first = WhisperEngine("base")._run(model, samples, plan, "Acme", 0, "", JobContext())
    assert [(c["language"], round(c["seconds"])) for c in model.calls] == [("nl", 12), ("fr", 8), ("en", 10)]
    assert [(s.start, s.language) for s in segments] == [(1000, "nl"), (13000, "fr"), (21000, "en")]
    assert [w.start for w in segments[2].words] == [21000, 21500] and first == "nl"
