"""Content fingerprints: which vlog a file is, and whether a vlog's file changed.

Version 2 (48 hex digits): a SHA-256 of the size and the whole file up to `FULL_LIMIT` (a phone vlog of a few
minutes), and of the head, the tail and 128 samples spread over anything larger. Version 1 (32 hex digits, stored by
older vlogkits) hashed the size and three 1 MiB samples only, so two files differing elsewhere looked the same: it is
still computed to recognise old records (`legacy_fingerprint`), never trusted alone (`services.library`).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

_CHUNK = 1 << 20
FULL_LIMIT = 256 << 20
_EDGE = 8 << 20
_SAMPLES = 128
_SAMPLE = 256 << 10
LEGACY_LENGTH = 32


def fingerprint(path: str | os.PathLike[str]) -> str:
    p = Path(path)
    size = p.stat().st_size
    h = hashlib.sha256(f"vlogkit-fingerprint-2:{size}:".encode())
    with open(p, "rb") as fh:
        if size <= FULL_LIMIT:
            while chunk := fh.read(_CHUNK):
                h.update(chunk)
        else:
            h.update(fh.read(_EDGE))
            step = (size - 2 * _EDGE) // (_SAMPLES + 1)
            for i in range(1, _SAMPLES + 1):
                fh.seek(_EDGE + i * step)
                h.update(fh.read(_SAMPLE))
            fh.seek(size - _EDGE)
            h.update(fh.read(_EDGE))
    return h.hexdigest()[:48]


def legacy_fingerprint(path: str | os.PathLike[str]) -> str:
    """The version-1 fingerprint older vlogkits stored (size + three 1 MiB samples)."""
    p = Path(path)
    size = p.stat().st_size
    h = hashlib.sha256()
    h.update(str(size).encode())
    with open(p, "rb") as fh:
        if size <= 3 * _CHUNK:
            h.update(fh.read())
        else:
            for offset in (0, size // 2 - _CHUNK // 2, size - _CHUNK):
                fh.seek(offset)
                h.update(fh.read(_CHUNK))
    return h.hexdigest()[:LEGACY_LENGTH]


def is_legacy(stored: str) -> bool:
    return len(stored) == LEGACY_LENGTH
