"""A JPEG still per vlog for the library view."""

from __future__ import annotations

from pathlib import Path

from vlogkit.domain import MediaInfo
from vlogkit.fileutil import output_file
from vlogkit.media.ffmpeg import Ffmpeg


def make_thumbnail(ffmpeg: Ffmpeg, source: Path, info: MediaInfo, dest: Path, width: int = 320) -> Path | None:
    """Grab a frame at ~10% of the video (ffmpeg applies rotation); None for audio-only media."""
    if not info.has_video:
        return None
    at = max(0.0, min(info.duration_ms / 1000.0 * 0.1, 3.0))
    with output_file(dest) as tmp:
        ffmpeg.run(
            ["-ss", f"{at:.3f}", "-i", str(source), "-frames:v", "1", "-vf", f"scale={width}:-2", "-q:v", "4",
             "-f", "image2", str(tmp)],
            outputs=[tmp],
        )
    return dest
