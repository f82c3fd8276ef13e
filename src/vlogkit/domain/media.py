"""What a media file holds, as probed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class VideoStream:
    width: int
    height: int
    fps: float
    codec: str
    rotation: int = 0  # degrees clockwise the player must rotate to show it upright

    @property
    def display_size(self) -> tuple[int, int]:
        """Width and height as a viewer sees them (rotation applied)."""
        if self.rotation % 180 == 90:
            return self.height, self.width
        return self.width, self.height


@dataclass(frozen=True, slots=True)
class AudioStream:
    channels: int
    sample_rate: int
    codec: str


@dataclass(frozen=True, slots=True)
class MediaInfo:
    duration_ms: int
    container: str
    video: tuple[VideoStream, ...] = ()
    audio: tuple[AudioStream, ...] = ()
    size_bytes: int = 0

    @property
    def has_video(self) -> bool:
        return bool(self.video)

    @property
    def has_audio(self) -> bool:
        return bool(self.audio)

    @property
    def display_size(self) -> tuple[int, int]:
        return self.video[0].display_size if self.video else (0, 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "duration_ms": self.duration_ms,
            "container": self.container,
            "size_bytes": self.size_bytes,
            "video": [
                {"width": v.width, "height": v.height, "fps": v.fps, "codec": v.codec, "rotation": v.rotation}
                for v in self.video
            ],
            "audio": [{"channels": a.channels, "sample_rate": a.sample_rate, "codec": a.codec} for a in self.audio],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> MediaInfo:
        return cls(
            duration_ms=int(d["duration_ms"]),
            container=str(d.get("container", "")),
            size_bytes=int(d.get("size_bytes", 0)),
            video=tuple(_video(v) for v in d.get("video", [])),
            audio=tuple(_audio(a) for a in d.get("audio", [])),
        )


# A stored record is read with its types checked (a hand-edited "width": "x" raises here, and the record is reported
# as damaged), never carried into an export where the arithmetic fails.


def _count(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1 << 31:
        raise ValueError(f"'{name}' is {value!r}, not a count")
    return int(value)


def _video(v: dict[str, Any]) -> VideoStream:
    width, height = _count(v["width"], "width"), _count(v["height"], "height")
    if not width or not height:
        raise ValueError(f"the picture size {width}x{height} is empty")
    fps = v.get("fps", 0.0)
    if isinstance(fps, bool) or not isinstance(fps, int | float) or not 0 <= fps < 1e9:  # cover art says 90000
        raise ValueError(f"'fps' is {fps!r}, not a frame rate")
    rotation = v.get("rotation", 0)
    if isinstance(rotation, bool) or not isinstance(rotation, int):
        raise ValueError(f"'rotation' is {rotation!r}, not degrees")
    return VideoStream(width, height, float(fps), str(v.get("codec", "")), rotation % 360)


def _audio(a: dict[str, Any]) -> AudioStream:
    return AudioStream(_count(a["channels"], "channels"), _count(a["sample_rate"], "sample_rate"), str(a.get("codec", "")))
