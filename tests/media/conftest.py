"""Fixtures for the media tests: short clips of a still picture moving over a plain background."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def picture_clip(synth: Callable[..., Path], name: str, picture: Path, size: str, seconds: int, width: int,
                 x: str, y: str) -> Path:
    """`seconds` of a `size` grey frame with `picture` scaled to `width` px wide at ffmpeg expressions `x`, `y`."""
    return synth(
        name, "-f", "lavfi", "-i", f"color=c=0x34495e:s={size}:r=25:d={seconds}", "-loop", "1", "-i", str(picture),
        "-filter_complex", f"[1:v]scale={width}:-2[p];[0:v][p]overlay=x='{x}':y='{y}':shortest=1,format=yuv420p",
        "-c:v", "libx264", "-preset", "ultrafast", "-t", str(seconds),
    )
