"""Helpers shared by the command modules: JSON output, progress on stderr, running jobs."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from vlogkit.jobs import JobContext, ThreadRunner


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    sys.stdout.flush()


def warn(message: str) -> None:
    print(f"vlogkit: {message}", file=sys.stderr)


class StderrProgress:
    """A one-line progress bar on stderr when it is a terminal; silent otherwise."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.enabled = sys.stderr.isatty()
        self._last = -1

    def __call__(self, fraction: float, message: str) -> None:
        if not self.enabled:
            return
        pct = int(fraction * 100)
        if pct == self._last:
            return
        self._last = pct
        bar = "#" * (pct // 4) + "-" * (25 - pct // 4)
        sys.stderr.write(f"\r{self.label} [{bar}] {pct:3d}% {message[:40]:<40}")
        sys.stderr.flush()
        if pct >= 100:
            sys.stderr.write("\n")

    def close(self) -> None:
        if self.enabled and 0 <= self._last < 100:
            sys.stderr.write("\n")
            sys.stderr.flush()


def run_job(fn: Callable[..., Any], *args: Any, label: str = "", **kwargs: Any) -> Any:
    """Run a job on a worker thread with a progress bar; Ctrl+C cancels it cleanly."""
    progress = StderrProgress(label or getattr(fn, "__name__", "working"))
    ctx = JobContext(on_progress=progress)
    try:
        return ThreadRunner(fn, *args, ctx=ctx, **kwargs).run()
    finally:
        progress.close()


def add_json_flag(p: Any) -> None:
    p.add_argument("--json", action="store_true", help="print machine-readable JSON on stdout")
