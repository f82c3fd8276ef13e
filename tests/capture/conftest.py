"""Fixtures for the capture tests: a file-backed "camera" playing the desk vlog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def advance(self, s: float) -> None:
        self.t += s


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def file_camera(desk_vlog: Path, ffmpeg_exe: str) -> Callable[..., object]:
    from vlogkit.capture.file_backend import FileBackend

    def make(**kwargs: object) -> FileBackend:
        return FileBackend(desk_vlog, ffmpeg_exe=ffmpeg_exe, **kwargs)  # type: ignore[arg-type]

    return make


@pytest.fixture
def run_until_stopped() -> Callable[..., list]:
    """Tick like the Record tab's timer (every 50 ms) until the take stops; returns every status shown."""
    import time

    from vlogkit.capture.session import State

    def run(session, timeout_s: float = 30) -> list:  # type: ignore[no-untyped-def]
        seen = []
        end = time.monotonic() + timeout_s
        while time.monotonic() < end:
            st = session.tick()
            seen.append(st)
            if st.state in (State.STOPPED, State.IDLE):
                return seen
            time.sleep(0.05)
        raise AssertionError(f"the take did not stop within {timeout_s} s; last status {seen[-1]}")

    return run
