"""Stills: one JPEG frame of a video (library thumbnails, slide stills, export posters)."""

from __future__ import annotations

from pathlib import Path

from vlogkit.domain import MediaInfo
from vlogkit.fileutil import output_file
from vlogkit.media.ffmpeg import Ffmpeg


def grab_frame(ffmpeg: Ffmpeg, source: Path, at_s: float, dest: Path, *, scale: str = "", quality: int = 3) -> Path:
    """One frame of `source` at `at_s` seconds as a JPEG at `dest` (ffmpeg applies rotation); `scale` is a
    `scale=W:H` filter, `quality` ffmpeg's `-q:v` (2 best .. 31). `dest` appears only when complete."""
    vf = ["-vf", scale] if scale else []
    with output_file(dest) as tmp:
        ffmpeg.run(["-ss", f"{at_s:.3f}", "-i", str(source), "-frames:v", "1", *vf, "-q:v", str(quality),
                    "-f", "image2", str(tmp)], outputs=[tmp])
    return dest


def make_thumbnail(ffmpeg: Ffmpeg, source: Path, info: MediaInfo, dest: Path, width: int = 320) -> Path | None:
    """Grab a frame at ~10% of the video; None for audio-only media."""
    if not info.has_video:
        return None
    at = max(0.0, min(info.duration_ms / 1000.0 * 0.1, 3.0))
    fps = info.video[0].fps if info.video[0].fps > 0 else 25.0
    at = int(at * fps) / fps  # on a frame: 4 ms into a one-frame clip is past its only frame (no thumbnail)
    return grab_frame(ffmpeg, source, at, dest, scale=f"scale={width}:-2", quality=4)
