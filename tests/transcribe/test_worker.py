"""WorkerTranscriber: the real engine in a child process (for the GUI), with progress, cancel and errors."""

from __future__ import annotations

import pytest

from vlogkit.errors import Cancelled, MediaError
from vlogkit.jobs import JobContext
from vlogkit.transcribe.worker import WorkerTranscriber

pytestmark = pytest.mark.slow


def test_worker_transcribes_like_the_engine_and_reports_progress(media) -> None:
    seen: list[float] = []
    t = WorkerTranscriber().transcribe(str(media / "en" / "jfk.flac"), language="en", initial_prompt=None,
                                       duration_ms=11000, ctx=JobContext(on_progress=lambda f, m: seen.append(f)))
    assert t.model == "base" and t.language == "en" and "ask not what your country can do for you" in t.text
    assert any(0.5 < f < 1.0 for f in seen) and seen[-1] == 1.0


def test_worker_cancel_terminates_the_child(media) -> None:
    ctx = JobContext()
    ctx.on_progress = lambda f, m: ctx.cancel()
    with pytest.raises(Cancelled):
        WorkerTranscriber().transcribe(str(media / "en" / "OSR_us_000_0034_8k.wav"), language="en",
                                       initial_prompt=None, duration_ms=0, ctx=ctx)


def test_worker_errors_come_back_as_the_same_one_line_error(tmp_path) -> None:
    junk = tmp_path / "junk.wav"
    junk.write_text("not audio")
    with pytest.raises(MediaError, match="junk.wav"):
        WorkerTranscriber().transcribe(str(junk), language=None, initial_prompt=None, duration_ms=0, ctx=JobContext())
