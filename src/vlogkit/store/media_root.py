"""A team library's media folder: every imported file copied once, content-addressed, never modified after.

`ab/cdef01....mp4`: the SHA-256 of the whole file names it, so the same video imported at two desks is one file,
and a file whose bytes changed is not the same file. Copies are written under a temporary name in the target
folder, fsynced, made read-only and renamed into place, so a reader never sees half a file.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from vlogkit.fileutil import disk_error

CHUNK = 1 << 20


def sha256_file(path: Path, progress: Callable[[int], None] | None = None) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
            if progress:
                progress(len(chunk))
    return h.hexdigest()


class ContentStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def key(self, digest: str, suffix: str) -> str:
        suffix = suffix.lower() if suffix.isascii() and len(suffix) <= 8 and suffix[1:].isalnum() else ""
        return f"{digest[:2]}/{digest[2:]}{suffix}"

    def path(self, key: str) -> Path:
        return self.root / key

    def put(self, source: Path, digest: str | None = None) -> tuple[str, Path]:
        """Copy `source` in (once); returns (key, path). The caller's file is only read."""
        source = Path(source)
        digest = digest or sha256_file(source)
        key = self.key(digest, source.suffix)
        final = self.path(key)
        if final.exists() and final.stat().st_size == source.stat().st_size:
            return key, final
        final.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=final.parent)
        try:
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                shutil.copyfileobj(src, out, CHUNK)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, 0o444)
            os.replace(tmp, final)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise disk_error(exc, final) from exc
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return key, final
