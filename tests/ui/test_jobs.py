"""The Qt job bridge and the jobs area: progress on the GUI thread, cancel buttons, readable errors."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt

from vlogkit.errors import MediaError


def slow_job(ctx) -> str:
    for i in range(400):
        ctx.raise_if_cancelled()
        ctx.report(i / 400, f"step {i}")
        time.sleep(0.02)
    return "finished"


def test_progress_arrives_on_the_gui_thread_and_cancel_stops_the_job(qtbot, window) -> None:
    seen_threads: set[str] = set()
    job = window.jobs.run("Slow", slow_job)
    job.progressed.connect(lambda f, m: seen_threads.add(threading.current_thread().name))
    row = window.jobs_panel.rows[0]
    assert row.job is job and row.title.text() == "Slow"
    qtbot.waitUntil(lambda: row.bar.value() > 0, timeout=60000)
    assert seen_threads == {threading.main_thread().name}  # widgets are only touched on the GUI thread
    assert job.where.startswith("thread") and threading.main_thread().name not in job.where
    qtbot.mouseClick(row.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: job.state == "cancelled", timeout=60000)
    assert row.status.text() == "Cancelled" and row.cancel_button.isHidden()


def test_job_errors_are_one_readable_line(qtbot, window) -> None:
    def broken(ctx) -> None:
        raise MediaError("clip.mp4 has no audio track - there is nothing to transcribe.")

    def crashing(ctx) -> None:
        raise ZeroDivisionError("boom")

    a = window.jobs.run("Broken", broken)
    b = window.jobs.run("Crashing", crashing)
    qtbot.waitUntil(lambda: not a.running and not b.running, timeout=60000)
    assert a.error == "clip.mp4 has no audio track - there is nothing to transcribe."
    assert "Something went wrong (ZeroDivisionError)" in b.error and "Traceback" not in b.error
    texts = [r.status.text() for r in window.jobs_panel.rows]
    assert a.error in texts
    assert "Crashing" in window.last_error or "Broken" in window.last_error
