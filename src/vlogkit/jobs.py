"""Background work: a job is a plain function taking a `JobContext` as its `ctx` keyword.

`ctx.report(fraction, message)` gives progress; `ctx.raise_if_cancelled()` stops the job.
Runners: `run_sync` for tests, `ThreadRunner` for the CLI; the GUI has a Qt bridge in `vlogkit.ui.jobs`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from vlogkit.errors import Cancelled

T = TypeVar("T")

ProgressCallback = Callable[[float, str], None]


@dataclass
class JobContext:
    on_progress: ProgressCallback | None = None
    cancel_event: threading.Event = field(default_factory=threading.Event)
    fraction: float = 0.0
    message: str = ""

    def report(self, fraction: float, message: str = "") -> None:
        self.fraction = max(0.0, min(1.0, float(fraction)))
        if message:
            self.message = message
        if self.on_progress is not None:
            self.on_progress(self.fraction, self.message)

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def raise_if_cancelled(self) -> None:
        if self.cancel_event.is_set():
            raise Cancelled()

    def sub(self, start: float, end: float) -> JobContext:
        """A context whose 0..1 maps onto start..end of this one; shares cancellation."""
        parent = self

        def fwd(f: float, m: str) -> None:
            parent.report(start + (end - start) * f, m)

        return JobContext(on_progress=fwd, cancel_event=self.cancel_event)


def run_sync(fn: Callable[..., T], *args: Any, ctx: JobContext | None = None, **kwargs: Any) -> T:
    """Run a job on this thread (tests, simple scripts)."""
    return fn(*args, ctx=ctx or JobContext(), **kwargs)


class ThreadRunner:
    """Runs one job on a worker thread; the caller waits and can cancel (e.g. on Ctrl+C)."""

    def __init__(self, fn: Callable[..., T], *args: Any, ctx: JobContext, **kwargs: Any) -> None:
        self.ctx = ctx
        self._result: Any = None
        self._error: BaseException | None = None
        # Wait on an Event, not Thread.join: on Python 3.11 a Ctrl+C inside join() marks the thread stopped while
        # it still runs (cpython gh-90882), so the CLI exited before the job had cleaned up its partial outputs.
        self._done = threading.Event()

        def target() -> None:
            try:
                self._result = fn(*args, ctx=ctx, **kwargs)
            except BaseException as exc:  # noqa: BLE001 - re-raised on the waiting thread
                self._error = exc
            finally:
                self._done.set()

        self._thread = threading.Thread(target=target, daemon=True, name=getattr(fn, "__name__", "job"))

    def run(self) -> Any:
        self._thread.start()
        try:
            while not self._done.wait(0.1):
                pass
        except KeyboardInterrupt:
            self.ctx.cancel()
            self._done.wait(30)
            raise Cancelled() from None
        if self._error is not None:
            raise self._error
        return self._result
