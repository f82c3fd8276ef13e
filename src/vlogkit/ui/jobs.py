"""The Qt job bridge: runs `fn(..., ctx=JobContext)` off the GUI thread and re-emits progress, result and error as
signals on the GUI thread.

Two runners:
- a QThreadPool worker for light jobs (import, probe, thumbnails, exports that mostly wait on ffmpeg);
- a worker *process* (`python -m vlogkit.ui.worker TASK ARGS`, driven by QProcess) for transcription: Python-side work
  in a thread holds the GIL and leaves 90-137 ms gaps in the event loop; a process keeps the GUI smooth and makes cancel
  immediate. Progress comes back as JSON lines on its stdout.

Workers never touch widgets; results are handled in slots on the GUI thread.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QRunnable, QThreadPool, Signal

from vlogkit.errors import Cancelled, VlogkitError
from vlogkit.jobs import JobContext
from vlogkit.ui.i18n import error_text, tr

log = logging.getLogger(__name__)

RUNNING, DONE, FAILED, CANCELLED = "running", "done", "failed", "cancelled"


def readable_error(exc: BaseException) -> str:
    """One line a person can act on; tracebacks go to the log file only."""
    if isinstance(exc, VlogkitError):
        return error_text(exc)
    log.error("unexpected error in a job", exc_info=exc)
    return tr("Something went wrong ({kind}). Details are in the log file.", kind=type(exc).__name__)


class Job(QObject):
    """One unit of background work, as the GUI sees it."""

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(str)
    ended = Signal()  # after succeeded/failed/cancel, whatever the outcome

    def __init__(self, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.state = RUNNING
        self.fraction = 0.0
        self.message = ""
        self.result: Any = None
        self.error = ""
        self.where = ""  # "thread <name>" or "process <pid>": where the work ran (never the GUI thread)
        self.outputs: list[str] = []  # files to "open folder" / "play" when finished
        self.summary = ""  # what a finished job did, when "Done" would say too little ("1 imported, 2 failed")
        self.problem = False  # the summary reports something that went wrong (shown in red)
        self.ctx = JobContext()

    def cancel(self) -> None:
        self.ctx.cancel()

    @property
    def running(self) -> bool:
        return self.state == RUNNING

    def _progress(self, fraction: float, message: str) -> None:
        if self.state != RUNNING:
            return
        self.fraction, self.message = fraction, message or self.message
        self.progressed.emit(self.fraction, self.message)

    def _finish(self, ok: bool, payload: Any) -> None:
        if self.state != RUNNING:
            return
        if ok:
            self.state, self.result, self.fraction = DONE, payload, 1.0
            self.succeeded.emit(payload)
        elif payload is None:
            self.state = CANCELLED
        else:
            self.state, self.error = FAILED, str(payload)
            self.failed.emit(self.error)
        self.ended.emit()


class _ThreadTask(QRunnable):
    def __init__(self, job: Job, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        super().__init__()
        self.job, self.fn, self.args, self.kwargs = job, fn, args, kwargs
        self.setAutoDelete(True)

    def run(self) -> None:  # on a pool thread: only signals cross back
        job = self.job
        job.where = f"thread {threading.current_thread().name}"
        job.ctx.on_progress = lambda f, m: job.progressed_from_worker.emit(f, m)
        try:
            result = self.fn(*self.args, ctx=job.ctx, **self.kwargs)
        except Cancelled:
            job.finished_from_worker.emit(False, None)
        except BaseException as exc:  # noqa: BLE001 - shown as one readable line
            job.finished_from_worker.emit(False, readable_error(exc))
        else:
            job.finished_from_worker.emit(True, result)


class ThreadJob(Job):
    progressed_from_worker = Signal(float, str)
    finished_from_worker = Signal(bool, object)

    def __init__(self, title: str, parent: QObject | None = None) -> None:
        super().__init__(title, parent)
        # Emitted on a pool thread; queued to this object's (the GUI) thread.
        self.progressed_from_worker.connect(self._progress)
        self.finished_from_worker.connect(self._finish)

    def cancel(self) -> None:
        super().cancel()
        self.message = tr("Cancelling…")
        self.progressed.emit(self.fraction, self.message)


class ProcessJob(Job):
    """Runs `vlogkit.ui.worker TASK` in a child Python process; cancel kills it at once."""

    def __init__(self, title: str, task: str, kwargs: dict[str, Any], home: str, parent: QObject | None = None) -> None:
        super().__init__(title, parent)
        self._buffer = b""
        self._outcome: tuple[bool, Any] | None = None
        self.proc = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        env.insert("VLOGKIT_HOME", home)
        env.insert("PYTHONUNBUFFERED", "1")
        self.proc.setProcessEnvironment(env)
        self.proc.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        self.proc.readyReadStandardOutput.connect(self._on_proc_output)
        self.proc.finished.connect(self._on_proc_finished)
        self.proc.errorOccurred.connect(self._on_proc_error)
        self.proc.start(sys.executable, ["-m", "vlogkit.ui.worker", task, json.dumps(kwargs)])
        self.where = "process"

    def cancel(self) -> None:
        super().cancel()
        if self.proc.state() != QProcess.ProcessState.NotRunning:
            self.proc.kill()
        self._finish(False, None)

    def _on_proc_output(self) -> None:
        self._buffer += bytes(self.proc.readAllStandardOutput().data())
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            try:
                msg = json.loads(line)
            except ValueError:
                continue
            if "pid" in msg:
                self.where = f"process {msg['pid']}"
            elif "progress" in msg:
                self._progress(float(msg["progress"]), str(msg.get("message", "")))
            elif "result" in msg:
                self._outcome = (True, msg["result"])
            elif "error" in msg:
                self._outcome = (False, error_text(VlogkitError.from_dict(msg)))
            elif "cancelled" in msg:
                self._outcome = (False, None)

    def _on_proc_finished(self, code: int, _status: Any) -> None:
        self._on_proc_output()
        if self._outcome is None:
            err = bytes(self.proc.readAllStandardError().data()).decode("utf-8", "replace").strip()
            log.error("worker process ended with %s: %s", code, err[-2000:])
            self._outcome = (False, tr("The background worker stopped unexpectedly. Details are in the log file."))
        self._finish(*self._outcome)

    def _on_proc_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._finish(False, tr("Could not start the background worker."))


class JobManager(QObject):
    """Starts jobs and keeps the list the jobs panel shows."""

    job_added = Signal(object)

    def __init__(self, home: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.jobs: list[Job] = []
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max(2, min(4, os.cpu_count() or 2)))

    def _add(self, job: Job, on_result: Callable[[Any], None] | None, quiet: bool = False) -> Job:
        if on_result is not None:
            job.succeeded.connect(on_result)
        self.jobs.append(job)
        if not quiet:
            self.job_added.emit(job)
        return job

    def run(self, title: str, fn: Callable[..., Any], *args: Any,
            on_result: Callable[[Any], None] | None = None, quiet: bool = False, **kwargs: Any) -> Job:
        """Run `fn(*args, ctx=..., **kwargs)` on a pool thread. `quiet` jobs (previews) stay out of the jobs area."""
        job = ThreadJob(title, self)
        self._add(job, on_result, quiet)
        self.pool.start(_ThreadTask(job, fn, args, kwargs))
        return job

    def run_process(self, title: str, task: str, *, on_result: Callable[[Any], None] | None = None,
                    quiet: bool = False, **kwargs: Any) -> Job:
        """Run the worker task `task` (see `vlogkit.ui.worker.TASKS`) in a child process."""
        job = ProcessJob(title, task, kwargs, self.home, self)
        return self._add(job, on_result, quiet)

    def active(self) -> list[Job]:
        return [j for j in self.jobs if j.running]

    def cancel_all(self) -> None:
        for j in self.active():
            j.cancel()

    def wait_all(self, msecs: int = 30000) -> None:
        self.pool.waitForDone(msecs)
