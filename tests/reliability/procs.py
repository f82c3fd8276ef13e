"""Helpers for the interruption tests: start `vlogkit` as a real subprocess, wait until it is visibly working, signal it.

`Started.wait_for(predicate)` polls (bounded) until the job shows progress; stderr can be a pseudo-terminal so the
progress bar is drawn as a person would see it.
"""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

TEMP_NAME = re.compile(r"^\..+\.(part\d+(-\w+)?\.\w+|tmp)$")  # output_file() and atomic_write_*() temporary names


class Started:
    def __init__(self, args: list[str], home: Path, env: dict[str, str] | None = None, tty: bool = False) -> None:
        e = dict(os.environ)
        e["VLOGKIT_HOME"] = str(home)
        e.update(env or {})
        self._master: int | None = None
        stderr: int = subprocess.PIPE
        if tty:
            import pty

            self._master, slave = pty.openpty()
            stderr = slave
        # a background process of a non-interactive shell ignores SIGINT: give the child the default handler back
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "vlogkit", *args], stdout=subprocess.PIPE, stderr=stderr, stdin=subprocess.DEVNULL,
            env=e, text=not tty, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        if tty:
            os.close(slave)
        self.err = ""
        self.out = ""

    def _drain_tty(self, timeout: float = 0.05) -> None:
        if self._master is None:
            return
        while True:
            ready, _, _ = select.select([self._master], [], [], timeout)
            if not ready:
                return
            try:
                chunk = os.read(self._master, 65536)
            except OSError:  # EIO: the child closed the terminal
                return
            if not chunk:
                return
            self.err += chunk.decode("utf-8", "replace")
            timeout = 0

    def wait_for(self, predicate: Callable[[Started], bool], timeout: float = 120) -> float:
        """Poll until `predicate(self)` holds; fail if the process ends first or time runs out. Returns seconds."""
        t0 = time.monotonic()
        while time.monotonic() - t0 < timeout:
            self._drain_tty()
            if predicate(self):
                return time.monotonic() - t0
            if self.proc.poll() is not None:
                self.finish(5)
                raise AssertionError(f"the job ended (exit {self.proc.returncode}) before it could be interrupted: "
                                     f"{self.err[-500:]!r}")
            time.sleep(0.05)
        self.proc.kill()
        raise AssertionError(f"no progress within {timeout} s: {self.err[-500:]!r}")

    def progress(self) -> int:
        """The last percentage the progress bar showed on the terminal (-1 when none yet)."""
        found = re.findall(r"\]\s+(\d+)%", self.err)
        return int(found[-1]) if found else -1

    def send(self, sig: int) -> None:
        self.proc.send_signal(sig)

    def finish(self, timeout: float = 60) -> int:
        """Wait (bounded) for the exit; collect stdout and stderr."""
        try:
            out, err = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.communicate()
            raise AssertionError(f"the process did not stop within {timeout} s") from None
        self.out = out.decode() if isinstance(out, bytes) else (out or "")
        if self._master is not None:
            self._drain_tty(0.2)
            os.close(self._master)
            self._master = None
        elif err:
            self.err += err
        return self.proc.returncode


PROGRESS_LINE = re.compile(r"^[^:]{1,60}:\s+\d{1,3}% |^\{\"job\": ")  # `--progress lines` / `json` (not on a tty)


def message_lines(stderr: str) -> list[str]:
    """What a person reads on stderr once the progress bar's carriage-return redraws and the progress lines of a
    run without a terminal are taken out."""
    lines = []
    for raw in stderr.replace("\r\n", "\n").split("\n"):
        text = raw.split("\r")[-1].strip()
        if text and not re.search(r"\[[#-]{25}\]\s+\d+%", text) and not PROGRESS_LINE.match(text):
            lines.append(text)
    return lines


def non_temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file() and not TEMP_NAME.match(p.name))


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file() and TEMP_NAME.match(p.name))


def ffmpeg_writing_into(folder: Path) -> list[int]:
    """Pids of ffmpeg processes whose command line names a file in `folder` (orphans left by a crash)."""
    pids = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            cmd = (d / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if cmd and b"ffmpeg" in Path(cmd[0].decode(errors="replace")).name.encode() and any(
                str(folder).encode() in a for a in cmd):
            state = ""
            try:
                state = (d / "stat").read_text().split(")")[-1].split()[0]
            except OSError:
                pass
            if state != "Z":
                pids.append(int(d.name))
    return pids


def vk(home: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run `vlogkit ARGS` to completion against `home` (bounded time)."""
    e = dict(os.environ)
    e["VLOGKIT_HOME"] = str(home)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "vlogkit", *args], capture_output=True, text=True, timeout=timeout,
                          env=e, stdin=subprocess.DEVNULL)
