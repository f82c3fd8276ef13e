"""Helpers shared by the command modules: JSON output, progress on stderr, running jobs."""

from __future__ import annotations

import json
import re
import sys
import threading
from collections.abc import Callable
from typing import Any, TextIO

from vlogkit.jobs import JobContext, ThreadRunner

# C0 and C1 control characters (ESC starts every terminal escape sequence), DEL, and the Unicode bidi overrides that
# make text display in another order than it is stored. Newline and tab stay; carriage return stays only where
# vlogkit draws its own progress bar.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_CR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def neutralise(text: str, keep_cr: bool = False) -> str:
    """Terminal output of user data: control characters are shown as `\\x1b`-style text, never acted upon."""
    pattern = _CONTROL_CR if keep_cr else _CONTROL
    return pattern.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else
                       f"\\u{ord(m.group()):04x}", text)


class SafeTerminal:
    """Wraps stdout or stderr for the length of a command: whatever a command prints (names, quotes, titles, file
    names from other people's files) reaches the terminal with its escape codes neutralised. JSON is unaffected:
    `json.dump` already writes control characters as `\\u001b` escapes."""

    def __init__(self, stream: TextIO, keep_cr: bool = False, after: TextIO | None = None) -> None:
        self._stream = stream
        self._keep_cr = keep_cr
        self._after = after  # flushed before each write: stderr's messages and stdout's ids (block-buffered when
        # piped) reach a shared log (`2>&1 | tee`) in the order they were printed

    def write(self, text: str) -> int:
        if self._after is not None:
            try:
                self._after.flush()
            except (OSError, ValueError):  # stdout closed (`| head`): the message still goes out
                pass
        self._stream.write(neutralise(text, self._keep_cr))
        return len(text)

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno, encoding... of the real stream
        return getattr(self._stream, name)


def short_text(text: str, width: int = 60) -> str:
    """`text` cut at a word boundary to at most `width` characters, with "…" when something was cut."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    head = text[: width - 2]
    whole = text[width - 2] == " " or " " not in head  # the last word in `head` is complete (or the only one)
    cut = (head if whole else head.rsplit(" ", 1)[0]).rstrip(",;:")
    return cut + (" …" if cut[-1:] in ".!?" else "…")


def print_json(data: Any) -> None:
    """JSON on stdout; control characters inside strings are written as JSON `\\u` escapes (the same data, never
    acted upon by a terminal)."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    sys.stdout.write(_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")
    sys.stdout.flush()


def seconds(text: str) -> float:
    """argparse type of a time in seconds: a finite number of a sane size. "nan", "inf" and 1e308 (which overflow
    into milliseconds) are refused as the argument's error, not a crash deep inside."""
    import argparse
    import math

    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or abs(value) > 1e7:  # 1e7 s: 115 days, longer than any recording
        raise argparse.ArgumentTypeError(f"'{text}' is not a time in seconds (e.g. 12.5)")
    return value


def one_line(text: object) -> str:
    """A message as one line: a line break inside it (a file named with a newline) is shown as `\\n`, so every
    message stays the one `vlogkit: ...` line scripts and people read."""
    return str(text).replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r")


def error(message: object) -> None:
    print(f"vlogkit: error: {one_line(message)}", file=sys.stderr)


def warn(message: str) -> None:
    print(f"vlogkit: {one_line(message)}", file=sys.stderr)


def warn_damaged(*repositories: Any) -> None:
    """Name the stored records the last read skipped because they are damaged (the rest was shown)."""
    for repo in repositories:
        for d in getattr(repo, "last_damaged", None) or []:
            where = getattr(getattr(repo, "db", None), "path", "the library")
            warn(f"skipped a damaged {d} in {where}; `vlogkit doctor` lists such records.")


PROGRESS_MODES = ("auto", "bar", "lines", "json", "off")


class StderrProgress:
    """Progress on stderr, never stdout: a one-line bar on a terminal; elsewhere (scripts, CI logs) a line for each
    new step and every 10 % (`lines`: "LABEL:  40% Rendering"), or one JSON object a line (`json`: {"job",
    "percent", "message"}). `auto` is a bar on a terminal and lines elsewhere; `terminal` (the default of the
    short commands) a bar on a terminal and nothing elsewhere."""

    def __init__(self, label: str, mode: str = "terminal") -> None:
        self.label = label
        tty = sys.stderr.isatty()
        self.mode = {"auto": "bar" if tty else "lines", "terminal": "bar" if tty else "off"}.get(mode, mode)
        self._last = -1
        self._message = ""
        self._lock = threading.Lock()

    def __call__(self, fraction: float, message: str) -> None:
        with self._lock:  # a job may report from two threads at once (faces and loudness side by side)
            self._report(fraction, message)

    def _report(self, fraction: float, message: str) -> None:
        pct = max(int(fraction * 100), self._last)  # steps running side by side never move it backwards
        if self.mode == "bar":
            self._bar(pct, message)
        elif self.mode in ("lines", "json"):
            new_step = message != self._message
            if not new_step and pct // 10 == self._last // 10:
                return
            self._last, self._message = pct, message
            if self.mode == "json":
                line = json.dumps({"job": self.label, "percent": pct, "message": message}, ensure_ascii=False)
            else:
                line = f"{self.label}: {pct:3d}% {message}"
            sys.stderr.write(line + "\n")
            sys.stderr.flush()

    def _bar(self, pct: int, message: str) -> None:
        if pct == self._last:
            return
        self._last = pct
        bar = "#" * (pct // 4) + "-" * (25 - pct // 4)
        sys.stderr.write(f"\r{self.label} [{bar}] {pct:3d}% {message[:40]:<40}")
        sys.stderr.flush()
        if pct >= 100:
            sys.stderr.write("\n")

    def close(self) -> None:
        if self.mode == "bar" and 0 <= self._last < 100:
            sys.stderr.write("\n")
            sys.stderr.flush()


def run_job(fn: Callable[..., Any], *args: Any, label: str = "", progress: str = "terminal", **kwargs: Any) -> Any:
    """Run a job on a worker thread with progress on stderr (see `StderrProgress`); Ctrl+C cancels it cleanly."""
    reporter = StderrProgress(label or getattr(fn, "__name__", "working"), progress)
    ctx = JobContext(on_progress=reporter)
    try:
        return ThreadRunner(fn, *args, ctx=ctx, **kwargs).run()
    finally:
        reporter.close()


def add_json_flag(p: Any) -> None:
    p.add_argument("--json", action="store_true", help="print machine-readable JSON on stdout")
