"""One test with the real bundled Whisper model: the GUI transcribes in a worker process, the event loop keeps
running, and the words appear in the editor. Plus cancel, which kills the worker at once."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

pytestmark = pytest.mark.slow


@pytest.fixture
def real_window(qtbot, home: Path):
    from vlogkit.config import Paths
    from vlogkit.services import App
    from vlogkit.ui.main_window import MainWindow

    app = App(Paths(home))  # no injected transcriber: the real engine
    app.settings.auto_transcribe = False
    w = MainWindow(app)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.jobs.cancel_all()


def import_file(window, path: Path) -> str:
    from vlogkit.domain import Speaker
    from vlogkit.services.library import ImportOptions

    result = window.app.library.import_file(path, ImportOptions(speaker=Speaker("John F. Kennedy")))
    assert result.ok, result.error
    window.library.refresh()
    return result.vlog.id


def test_real_transcription_runs_in_a_worker_process_and_keeps_the_gui_smooth(qtbot, real_window, media) -> None:
    w = real_window
    vid = import_file(w, media / "en" / "jfk.flac")
    whisper_loaded_before = "faster_whisper" in sys.modules
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    w.transcribe([vid])
    job = w.transcribing[vid]
    assert "Transcribing" in w.library.list.item(0).text()
    qtbot.waitUntil(lambda: not job.running, timeout=300000)
    timer.stop()
    assert job.state == "done", job.error
    # where the work ran: a child process, never this (the GUI) process
    assert job.where.startswith("process ") and int(job.where.split()[1]) != os.getpid()
    if not whisper_loaded_before:
        assert "faster_whisper" not in sys.modules and "ctranslate2" not in sys.modules
    # the event loop kept turning the whole time
    assert len(gaps) > 100
    lateness = sorted(g - 10 for g in gaps)
    p99 = lateness[int(len(lateness) * 0.99) - 1]
    assert p99 < 250, f"p99 timer lateness {p99} ms"
    w.open_vlog(vid)
    ed = w.editor
    qtbot.waitUntil(lambda: ed.transcript is not None, timeout=60000)
    text = ed.transcript_view.toPlainText()
    assert "Americans" in text and "country" in text
    assert "Transcribed" in w.library.list.item(0).text() or "Has quotes" in w.library.list.item(0).text()


def test_cancelling_a_real_transcription_kills_the_worker(qtbot, real_window, media) -> None:
    w = real_window
    vid = import_file(w, media / "en" / "jfk.flac")
    w.transcribe([vid])
    job = w.transcribing[vid]
    qtbot.waitUntil(lambda: job.where.startswith("process "), timeout=60000)
    t0 = time.monotonic()
    job.cancel()
    assert job.state == "cancelled"
    qtbot.waitUntil(lambda: job.proc.state() == job.proc.ProcessState.NotRunning, timeout=5000)
    assert time.monotonic() - t0 < 5
    qtbot.waitUntil(lambda: vid not in w.transcribing, timeout=5000)
    assert w.app.transcription.get(vid) is None
    assert "New" in w.library.list.item(0).text()
