"""The seam between the take logic and the devices: what a capture backend must do.

A backend opens a camera and/or microphone (`open`), writes one take to a Matroska file (`start` .. `stop`; Matroska
stays readable when the process dies mid-take), and offers a preview frame and a microphone level for the UI.
When a device disappears mid-take, `lost` becomes a non-empty reason and whatever was recorded must be finished
into a readable file by `stop()`.

Implementations: `qt_backend.QtBackend` (Qt Multimedia, real devices) and `file_backend.FileBackend` (reads a media
file as if it were a camera: tests and demos).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vlogkit.errors import N_

RESOLUTIONS: dict[str, tuple[int, int]] = {"720p": (1280, 720), "1080p": (1920, 1080)}
FILE_DEVICE_NAME = N_("File: {name}")  # a media file standing in for a camera/microphone; the UI translates it


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    id: str
    name: str
    default: bool = False
    file: str = ""  # the media file's name when a file stands in for the device (the UI words it in its language)

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "default": self.default}


@dataclass(frozen=True, slots=True)
class CaptureConfig:
    camera_id: str | None = None  # None = the system default camera
    microphone_id: str | None = None  # None = the system default microphone
    audio_only: bool = False
    resolution: str = "720p"

    @property
    def size(self) -> tuple[int, int]:
        return RESOLUTIONS.get(self.resolution, RESOLUTIONS["720p"])


@dataclass(frozen=True, slots=True)
class Frame:
    """A preview image: packed RGB888 rows, `width * 3` bytes each."""

    width: int
    height: int
    rgb: bytes


class CaptureBackend:
    """Base class: backends override what they can do; the defaults describe a backend with no preview."""

    name = "backend"

    def __init__(self) -> None:
        self.lost = ""  # non-empty: a device was lost mid-take (the reason, for the user)

    def open(self, config: CaptureConfig) -> None:
        """Claim the devices and start the preview. Raises `DeviceError` when a device is missing."""
        raise NotImplementedError

    def start(self, path: Path) -> None:
        """Start writing the take to `path` (Matroska)."""
        raise NotImplementedError

    def stop(self) -> None:
        """Stop writing; when this returns, `path` is a complete, readable file (possibly short or empty)."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the devices."""

    def poll(self) -> None:
        """Called often while a session runs: pump events, notice lost devices (set `lost`)."""

    @property
    def recording(self) -> bool:
        return False

    def latest_frame(self) -> Frame | None:
        return None

    def level(self) -> float:
        """Microphone level, 0..1 (for the meter)."""
        return 0.0
