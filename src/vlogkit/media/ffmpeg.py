"""The ffmpeg runner: argument lists (never a shell), `-progress pipe:1`, cancel = terminate + delete partial output."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path

from vlogkit.errors import N_, Cancelled, DiskFullError, FfmpegError
from vlogkit.jobs import JobContext


def find_ffmpeg() -> str:
    """`VLOGKIT_FFMPEG` if set (a path or a name on PATH), else imageio-ffmpeg's bundled static binary."""
    env = os.environ.get("VLOGKIT_FFMPEG")
    if env:
        found = shutil.which(env) or (env if Path(env).is_file() else None)
        if not found:
            raise FfmpegError(N_("VLOGKIT_FFMPEG points at '{path}', which is not an executable ffmpeg."), path=env)
        return found
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except Exception as exc:  # noqa: BLE001
        raise FfmpegError(
            N_("No ffmpeg found: reinstall vlogkit (it bundles one via imageio-ffmpeg) or set VLOGKIT_FFMPEG.")
        ) from exc


class Ffmpeg:
    def __init__(self, exe: str | None = None) -> None:
        self.exe = exe or find_ffmpeg()

    def version(self) -> str:
        out = subprocess.run([self.exe, "-hide_banner", "-version"], capture_output=True, text=True, timeout=30)
        return out.stdout.splitlines()[0] if out.stdout else "unknown"

    def run(
        self,
        args: Sequence[str],
        *,
        ctx: JobContext | None = None,
        duration_ms: int = 0,
        outputs: Sequence[Path] = (),
        capture_stderr: bool = False,
    ) -> str:
        """Run `ffmpeg <args>`; report progress against `duration_ms`; on cancel or failure delete `outputs`.

        Returns ffmpeg's stderr (log) text.
        """
        ctx = ctx or JobContext()
        cmd = [self.exe, "-hide_banner", "-nostdin", "-y", "-progress", "pipe:1", "-nostats", *map(str, args)]
        tail: deque[str] = deque(maxlen=400 if capture_stderr else 40)
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                                encoding="utf-8", errors="replace", preexec_fn=die_with_parent())

        def read_err() -> None:
            assert proc.stderr is not None
            for line in proc.stderr:
                tail.append(line.rstrip())

        t_err = threading.Thread(target=read_err, daemon=True)
        t_err.start()
        cancelled = threading.Event()

        def watch_cancel() -> None:
            while proc.poll() is None:
                if ctx.cancel_event.wait(0.1):
                    cancelled.set()
                    proc.terminate()
                    try:
                        proc.wait(5)
                    except subprocess.TimeoutExpired:
                        proc.kill()
                    return

        t_cancel = threading.Thread(target=watch_cancel, daemon=True)
        t_cancel.start()
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                key, _, value = line.strip().partition("=")
                if key == "out_time_us" and duration_ms > 0 and value.lstrip("-").isdigit():
                    ctx.report(min(1.0, int(value) / 1000.0 / duration_ms))
            proc.wait()
        except BaseException:
            proc.kill()
            proc.wait()
            _remove(outputs)
            raise
        t_err.join(5)
        t_cancel.join(1)
        if cancelled.is_set() or ctx.cancelled:
            _remove(outputs)
            raise Cancelled()
        if proc.returncode != 0:
            _remove(outputs)
            log = "\n".join(tail)
            if "No space left on device" in log:
                raise DiskFullError(N_("The disk is full: ffmpeg could not write the output. Free some space and try "
                                        "again."))
            raise FfmpegError(N_("ffmpeg failed (exit {code}): {line}"), code=proc.returncode, line=_meaningful_line(tail))
        return "\n".join(tail)


def die_with_parent() -> Callable[[], None] | None:
    """Linux: a `preexec_fn` that makes ffmpeg die with vlogkit (kill -9, crash) instead of rendering on as an orphan
    (ffmpeg ignores SIGPIPE, so the closed progress pipe does not stop it). The function is looked up before the fork."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None

    def preexec() -> None:
        prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG

    return preexec


_NOISE = ("Qavg:", "Terminating thread with return code", "Task finished with error code", "Conversion failed",
          "kb/s:", "video:", "audio:", "muxing overhead")
_PREFIX = re.compile(r"^(?:\[[^\]]*@ 0x[0-9a-f]+\]\s*)+")  # "[aac @ 0x5581c20a2b00] ": pointers mean nothing to a person


def _meaningful_line(lines: deque[str]) -> str:
    """The line of ffmpeg's log that says what went wrong: the last one that names an error, else the last line that
    is not progress or statistics (an encoder's "Qavg: 342.8" said nothing)."""
    kept = [s for s in (line.strip() for line in lines)
            if s and not s.startswith(("frame=", "size=", "Press ")) and not any(n in s for n in _NOISE)]
    for s in reversed(kept):
        if re.search(r"error|invalid|no such|not found|denied|unsupported|cannot|could not|failed|nothing was written",
                     s, re.I):
            return _PREFIX.sub("", s)[:300]
    return _PREFIX.sub("", kept[-1])[:300] if kept else "no details"


def _remove(paths: Sequence[Path]) -> None:
    for p in paths:
        try:
            Path(p).unlink()
        except OSError:
            pass
