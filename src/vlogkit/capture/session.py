"""One recording session at the desk: countdown, time limit, stop, retake, and the take left for keeping.

Qt-free: the UI (a QTimer) or the CLI (a loop) calls `tick()` often; the session drives a `CaptureBackend`.
Every take is a Matroska file in the captures folder with a JSON sidecar and a lock file held while this process owns
the take, so a take left behind by a crash can be found and recovered at the next start (`recovery.py`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from filelock import FileLock

from vlogkit.capture.backend import CaptureBackend, CaptureConfig
from vlogkit.errors import N_, DeviceError, UsageError, VlogkitError
from vlogkit.fileutil import atomic_write_text

log = logging.getLogger(__name__)

# Why a take ended, as shown to the user.
STOP_REASONS = {
    "stopped": "Stopped.",
    "limit": "Time limit reached.",
    "device_lost": "The camera or microphone was disconnected; what was recorded up to then is kept.",
    "source_ended": "The source file ended; what was recorded is kept.",
    "interrupted": "Recording interrupted; what was recorded up to then is kept.",
    "recovered": "Recovered after vlogkit stopped unexpectedly.",
}


class State(StrEnum):
    IDLE = "idle"  # devices open, preview running, nothing recorded
    COUNTDOWN = "countdown"  # 3-2-1
    RECORDING = "recording"
    STOPPED = "stopped"  # a take waits: keep it or retake


@dataclass(frozen=True, slots=True)
class Take:
    path: Path  # the Matroska file
    duration_ms: int
    stop_reason: str = "stopped"
    started: str = ""  # ISO timestamp
    prompt: str = ""
    audio_only: bool = False

    @property
    def meta_path(self) -> Path:
        return self.path.with_suffix(".json")

    @property
    def lock_path(self) -> Path:
        return self.path.with_suffix(".lock")

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "duration_ms": self.duration_ms, "stop_reason": self.stop_reason,
                "started": self.started, "prompt": self.prompt, "audio_only": self.audio_only}


@dataclass(frozen=True, slots=True)
class Status:
    state: State
    countdown: int = 0  # whole seconds left in the countdown (3, 2, 1)
    elapsed_ms: int = 0
    remaining_ms: int = 0
    warning: bool = False  # the soft warning near the limit
    stop_reason: str = ""
    error: str = ""  # a stop that recorded nothing usable
    failure: VlogkitError | None = None  # what `error` says, for the app to word in its language

    @property
    def remaining_text(self) -> str:
        s = max(0, math.ceil(self.remaining_ms / 1000))
        return f"{s // 60}:{s % 60:02d}"

    @property
    def elapsed_text(self) -> str:
        s = max(0, self.elapsed_ms // 1000)
        return f"{s // 60}:{s % 60:02d}"


def write_meta(take_path: Path, **fields: Any) -> None:
    meta = take_path.with_suffix(".json")
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    data.update(fields)
    data["file"] = take_path.name
    atomic_write_text(meta, json.dumps(data, indent=1, ensure_ascii=False))


def remove_take_files(take_path: Path) -> None:
    for p in (take_path, take_path.with_suffix(".json")):
        try:
            p.unlink()
        except OSError:
            pass


class CaptureSession:
    def __init__(
        self,
        backend: CaptureBackend,
        captures_dir: Path,
        *,
        config: CaptureConfig | None = None,
        limit_s: float = 90,
        countdown_s: int = 3,
        warn_s: float = 10,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if limit_s <= 0:
            raise UsageError("The time limit must be more than 0 seconds.")
        self.backend = backend
        self.captures_dir = Path(captures_dir)
        self.config = config or CaptureConfig()
        self.limit_ms = int(limit_s * 1000)
        self.countdown_s = max(0, int(countdown_s))
        self.warn_ms = min(int(warn_s * 1000), self.limit_ms // 3)  # a short limit warns in its last third only
        self.clock = clock
        self.state = State.IDLE
        self.take: Take | None = None
        self.prompt = ""
        self.details: dict[str, Any] = {}  # who is speaking and their consent, when known before the take
        self._path: Path | None = None
        self._lock: FileLock | None = None
        self._t0 = 0.0  # countdown start, then recording start
        self._started_iso = ""
        self._last = Status(State.IDLE)
        self._opened = False

    # -- devices ------------------------------------------------------------------------------------

    def open(self) -> None:
        self.backend.open(self.config)
        self._opened = True

    def close(self) -> None:
        """Release the devices. A running take is stopped and left in the captures folder (offered for recovery)."""
        if self.state is State.RECORDING:
            try:
                self.stop("interrupted")
            except VlogkitError as exc:
                log.info("closing: %s", exc)
        if self.state is State.COUNTDOWN:
            self.state = State.IDLE
        if self._opened:
            self.backend.close()
            self._opened = False
        self._release_lock()

    # -- the take -----------------------------------------------------------------------------------

    def start(self, prompt: str = "", details: dict[str, Any] | None = None) -> Status:
        """Begin the countdown (or recording at once when the countdown is 0). `details` (speaker, consent,
        language, title, as the recorder gave them) go into the take's journal, so a take recovered after a crash
        keeps them."""
        if self.state is not State.IDLE:
            raise UsageError(N_("A take is already running or waiting to be kept; keep it or retake first."))
        if not self._opened:
            self.open()
        self.prompt = prompt
        self.details = dict(details or {})
        self.captures_dir.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = self.captures_dir / f"take-{stamp}.mkv"
        n = 2
        while path.exists() or path.with_suffix(".json").exists():
            path = self.captures_dir / f"take-{stamp}-{n}.mkv"
            n += 1
        self._path = path
        self._t0 = self.clock()
        if self.countdown_s == 0:
            self._begin_recording()
        else:
            self.state = State.COUNTDOWN
        return self.tick()

    def _begin_recording(self) -> None:
        assert self._path is not None
        self._lock = FileLock(str(self._path.with_suffix(".lock")), timeout=0)
        self._lock.acquire()
        self._started_iso = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        write_meta(self._path, status="recording", started=self._started_iso, prompt=self.prompt,
                   audio_only=self.config.audio_only, backend=self.backend.name, details=self.details)
        try:
            self.backend.start(self._path)
        except BaseException:
            self._release_lock()
            remove_take_files(self._path)
            self.state = State.IDLE
            raise
        self._t0 = self.clock()
        self.state = State.RECORDING
        log.info("recording %s", self._path)

    def tick(self) -> Status:
        """Advance the countdown, enforce the limit, notice a lost device. Returns what the UI shows."""
        self.backend.poll()
        now = self.clock()
        if self.state is State.COUNTDOWN:
            left = math.ceil(self.countdown_s - (now - self._t0))
            if left > 0:
                self._last = Status(State.COUNTDOWN, countdown=left, remaining_ms=self.limit_ms)
                return self._last
            self._begin_recording()
            now = self.clock()
        if self.state is State.RECORDING:
            elapsed = int((now - self._t0) * 1000)
            if self.backend.lost:
                return self._stop_quietly(self._lost_reason())
            if elapsed >= self.limit_ms:
                return self._stop_quietly("limit")
            remaining = self.limit_ms - elapsed
            self._last = Status(State.RECORDING, elapsed_ms=elapsed, remaining_ms=remaining,
                                warning=remaining <= self.warn_ms)
            return self._last
        if self.state is State.STOPPED and self.take is not None:
            return Status(State.STOPPED, elapsed_ms=self.take.duration_ms, stop_reason=self.take.stop_reason)
        return Status(self.state, remaining_ms=self.limit_ms, error=self._last.error, failure=self._last.failure)

    def _lost_reason(self) -> str:
        return "source_ended" if getattr(self.backend, "ended", False) else "device_lost"

    def _stop_quietly(self, reason: str) -> Status:
        try:
            self.stop(reason)
        except VlogkitError as exc:
            self._last = Status(State.IDLE, remaining_ms=self.limit_ms, error=str(exc), failure=exc)
            return self._last
        return self.tick()

    def stop(self, reason: str = "stopped") -> Take:
        """End the take. Raises `DeviceError` when nothing usable was recorded (the empty take is removed)."""
        if self.state is State.COUNTDOWN:
            self.state = State.IDLE
            raise UsageError("The countdown was cancelled before recording started.")
        if self.state is State.STOPPED and self.take is not None:
            return self.take
        if self.state is not State.RECORDING or self._path is None:
            raise UsageError("Nothing is being recorded.")
        if self.backend.lost and reason == "stopped":
            reason = self._lost_reason()
        path = self._path
        try:
            self.backend.stop()
        finally:
            self.state = State.STOPPED
        duration = take_duration_ms(path)
        if duration <= 0:
            self.state = State.IDLE
            remove_take_files(path)
            self._release_lock()
            if self.backend.lost:
                raise DeviceError(N_("Nothing was recorded ({reason}): check the camera and microphone and try again."),
                                  reason=self.backend.lost)
            raise DeviceError(N_("Nothing was recorded: check the camera and microphone and try again."))
        write_meta(path, status="stopped", stop_reason=reason, duration_ms=duration)
        self.take = Take(path, duration, reason, self._started_iso, self.prompt, self.config.audio_only)
        log.info("take %s stopped (%s, %d ms)", path.name, reason, duration)
        return self.take

    def retake(self) -> None:
        """Discard the take (the UI asks for confirmation first) and go back to the preview."""
        if self.state is State.RECORDING:
            try:
                self.stop("stopped")
            except VlogkitError:
                pass
        if self._path is not None:
            remove_take_files(self._path)
        self._reset()

    def kept(self) -> None:
        """The take was imported (the service removed its files): ready for the next one."""
        self._reset()

    def _reset(self) -> None:
        self._release_lock()
        self.take = None
        self._path = None
        self.state = State.IDLE
        self._last = Status(State.IDLE, remaining_ms=self.limit_ms)

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            try:
                Path(self._lock.lock_file).unlink()
            except OSError:
                pass
            self._lock = None


def take_duration_ms(path: Path) -> int:
    """How much a take holds, from its packets (not its header: a recorder that died, or one that stamps times by
    the wall clock, can leave a header that promises more or less than is there). 0 when nothing is playable."""
    try:
        if not path.exists() or path.stat().st_size == 0:
            return 0
    except OSError:
        return 0
    import av

    start: float | None = None
    end = 0.0
    try:
        with av.open(str(path)) as container:
            for packet in container.demux():
                if packet.pts is None or packet.time_base is None or packet.stream.type not in ("audio", "video"):
                    continue
                t0 = float(packet.pts * packet.time_base)
                # Packet durations are not trusted beyond a frame's worth (some muxers write samples, not time).
                t1 = t0 + min(0.1, float((packet.duration or 0) * packet.time_base))
                start = t0 if start is None else min(start, t0)
                end = max(end, t1)
    except (av.error.FFmpegError, OSError) as exc:
        log.info("reading %s stopped early: %s", path.name, exc)
    if start is None:
        return 0
    return max(0, int(round((end - min(start, 0.0)) * 1000)))
