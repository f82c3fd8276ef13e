"""Find media files in folders by content, not only by extension."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Magic numbers of containers people import (checked on the first 16 bytes).
_MAGIC = (
    (4, b"ftyp"),  # MP4 / MOV / M4A / 3GP
    (0, b"\x1a\x45\xdf\xa3"),  # Matroska / WebM
    (0, b"RIFF"),  # WAV / AVI
    (0, b"fLaC"),
    (0, b"OggS"),
    (0, b"ID3"),  # MP3 with tags
    (0, b"\xff\xfb"), (0, b"\xff\xf3"), (0, b"\xff\xf2"),  # MP3 frames
    (0, b"\x00\x00\x01\xba"),  # MPEG-PS
    (0, b"G"),  # MPEG-TS (weak; checked again by probing)
    (0, b"FORM"),  # AIFF
    (0, b"\x30\x26\xb2\x75"),  # ASF / WMV
    (4, b"moov"), (4, b"mdat"), (4, b"wide"), (4, b"free"),
)


def looks_like_media(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    if len(head) < 8:
        return False
    if head[:1] == b"G" and len(head) >= 1:
        return path.suffix.lower() in (".ts", ".mts", ".m2ts")
    return any(head[off : off + len(m)] == m for off, m in _MAGIC)


def scan_folder(folder: Path) -> tuple[list[Path], list[Path]]:
    """(media files, skipped files) under `folder`, recursively, sorted; symlink loops are not followed."""
    found: list[Path] = []
    skipped: list[Path] = []
    for p in _walk(folder):
        (found if looks_like_media(p) else skipped).append(p)
    return sorted(found), sorted(skipped)


def _walk(folder: Path) -> Iterator[Path]:
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        try:
            st = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            dirs[:] = []
            continue
        seen.add(key)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if f.startswith("."):
                continue
            p = Path(root) / f
            if p.is_file():
                yield p
