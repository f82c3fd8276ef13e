"""Takes left behind when vlogkit (or the computer) stopped mid-take, and how to get them back.

A take in progress holds `take-*.lock` (an OS file lock, released when the process dies). A take file whose lock
nobody holds was left behind: `find_interrupted` lists them, `recover` remuxes what Matroska kept readable into a
finished file (the last few hundred milliseconds may be lost), `discard` removes it.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout

from vlogkit.capture.session import Take, remove_take_files, take_duration_ms, write_meta
from vlogkit.errors import N_, MediaError, VlogkitError
from vlogkit.fileutil import output_file

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class InterruptedTake:
    path: Path
    started: str
    prompt: str
    audio_only: bool
    status: str  # "recording": the app died mid-take; "stopped": it died before the take was kept
    size_bytes: int
    details: dict[str, object] = field(default_factory=dict)  # speaker, consent, language, title given at the start

    def to_dict(self) -> dict[str, object]:
        return {"path": str(self.path), "started": self.started, "prompt": self.prompt, "audio_only": self.audio_only,
                "status": self.status, "size_bytes": self.size_bytes, "details": dict(self.details)}


def _in_use(take_path: Path) -> bool:
    lock = FileLock(str(take_path.with_suffix(".lock")), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        return True
    lock.release()
    try:
        take_path.with_suffix(".lock").unlink()
    except OSError:
        pass
    return False


def find_interrupted(captures_dir: Path) -> list[InterruptedTake]:
    """Takes in `captures_dir` that no running vlogkit owns, oldest first."""
    found: list[InterruptedTake] = []
    if not Path(captures_dir).is_dir():
        return found
    for mkv in sorted(Path(captures_dir).glob("take-*.mkv")):
        if mkv.name.startswith(".") or _in_use(mkv):
            continue
        try:
            meta = json.loads(mkv.with_suffix(".json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        found.append(InterruptedTake(
            path=mkv,
            started=str(meta.get("started", "")),
            prompt=str(meta.get("prompt", "")),
            audio_only=bool(meta.get("audio_only", False)),
            status=str(meta.get("status", "recording")),
            size_bytes=mkv.stat().st_size,
            details=meta.get("details") if isinstance(meta.get("details"), dict) else {},
        ))
    return found


def recover(take: InterruptedTake, ffmpeg_exe: str | None = None) -> Take:
    """Rewrite the readable part of an interrupted take into a finished Matroska file; returns it as a Take.

    Raises `MediaError` when nothing in it can be played (then `discard` it).
    """
    from vlogkit.media.ffmpeg import Ffmpeg

    path = take.path
    if not path.exists() or path.stat().st_size == 0:
        raise MediaError(N_("The interrupted take {name} is empty: nothing can be recovered. Discard it."), name=path.name)
    ff = Ffmpeg(ffmpeg_exe)
    fixed = path.with_name(path.stem + "-recovered.mkv")
    try:
        with output_file(fixed) as tmp:
            ff.run(["-err_detect", "ignore_err", "-fflags", "+genpts+discardcorrupt", "-i", str(path),
                    "-map", "0", "-c", "copy", "-f", "matroska", str(tmp)], outputs=[tmp])
    except VlogkitError as exc:
        raise MediaError(N_("The interrupted take {name} could not be recovered ({reason}). Discard it."),
                         name=path.name, reason=exc) from exc
    duration = take_duration_ms(fixed)
    if duration <= 0:
        fixed.unlink(missing_ok=True)
        raise MediaError(N_("The interrupted take {name} holds nothing playable. Discard it."), name=path.name)
    os.replace(fixed, path)
    write_meta(path, status="stopped", stop_reason="recovered", duration_ms=duration)
    log.info("recovered %s (%d ms)", path.name, duration)
    return Take(path, duration, "recovered", take.started, take.prompt, take.audio_only)


def discard(take: InterruptedTake | Take) -> None:
    remove_take_files(take.path)
    take.path.with_suffix(".lock").unlink(missing_ok=True)
