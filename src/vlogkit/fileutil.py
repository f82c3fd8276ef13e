"""Small file helpers: atomic writes, safe names, unique output paths."""

from __future__ import annotations

import errno
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from vlogkit.errors import DiskFullError, VlogkitError
from vlogkit.failpoints import failpoint

_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(1, 10)} | {f"LPT{i}" for i in range(1, 10)}


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def disk_error(exc: OSError, target: Path) -> VlogkitError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError(f"The disk is full while writing {target}: free some space and try again.")
    return VlogkitError(f"Could not write {target}: {exc.strerror or exc}.")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, fsync, then rename over it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        failpoint("atomic_write.before_rename")
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        _silent_unlink(Path(tmp))
        raise disk_error(exc, path) from exc
    except BaseException:
        _silent_unlink(Path(tmp))
        raise


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    atomic_write_bytes(path, text.encode(encoding))


def _silent_unlink(p: Path) -> None:
    try:
        p.unlink()
    except OSError:
        pass


@contextmanager
def output_file(final: Path) -> Iterator[Path]:
    """Yield a temporary path beside `final`; rename it to `final` when the block completes.

    On any error (or cancel) the temporary file is removed, so `final` appears only when complete.
    """
    final = Path(final)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.with_name(f".{final.stem}.part{os.getpid()}{final.suffix}")
    try:
        yield tmp
        if not tmp.exists():
            raise VlogkitError(f"Nothing was written for {final}.")
        failpoint("output.before_rename")
        os.replace(tmp, final)
    except OSError as exc:
        _silent_unlink(tmp)
        raise disk_error(exc, final) from exc
    except BaseException:
        _silent_unlink(tmp)
        raise


def safe_filename(text: str, max_len: int = 80, fallback: str = "untitled") -> str:
    """A file-name component safe on every OS: no separators, no `..`, no reserved names, no trailing dots."""
    norm = unicodedata.normalize("NFKD", text)
    ascii_text = norm.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_text).strip("-._ ")
    slug = re.sub(r"-{2,}", "-", slug)
    slug = slug[:max_len].rstrip("-._ ")
    if not slug or slug.upper().split(".")[0] in _WINDOWS_RESERVED:
        slug = f"{fallback}-{slug}" if slug else fallback
    return slug


def unique_path(path: Path) -> Path:
    """`path` if free, else `name-2.ext`, `name-3.ext`, ... Never overwrites."""
    path = Path(path)
    if not path.exists():
        return path
    i = 2
    while True:
        cand = path.with_name(f"{path.stem}-{i}{path.suffix}")
        if not cand.exists():
            return cand
        i += 1
