"""Small file helpers: atomic writes, safe names, unique output paths."""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from vlogkit.errors import N_, DiskFullError, Phrase, UsageError, VlogkitError
from vlogkit.failpoints import failpoint

_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(1, 10)} | {f"LPT{i}" for i in range(1, 10)}


def _default_mode() -> int:
    """The mode a plain `open()` would give a new file (0o666 less the umask), read without changing the umask."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o644


_FILE_MODE = _default_mode()


def export_mode() -> int:
    """The one mode of everything an export writes (clips, sidecars, posters, cards, decks, CSV/MD/JSON): what a
    plain `open()` would give (0o666 less the umask, typically 0644), so a colleague who can open the clip can open
    its subtitles. Library files, caches and backups stay private (0600)."""
    return _FILE_MODE
TEMP_MARK = ".part"  # `.<stem>.part<PID>-<random><suffix>`: vlogkit's own temporary outputs, recognisable by name


def temp_name_pattern() -> re.Pattern[str]:
    """Matches the temporary names `output_file` makes (and the older `.<stem>.part<PID><suffix>` form)."""
    return re.compile(r"^\..*\.part(\d+)(?:-[a-z0-9_]{8}(?:\.[^.]*)?|\.(?:mp4|png|pptx|zip|jpg|mkv|m4a|wav|mov))$")


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
        return DiskFullError(N_("The disk is full while writing {path}: free some space and try again."), path=target)
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return VlogkitError(N_("Could not write {path}: {reason}. Choose another folder: this one cannot be written "
                               "to."), path=target, reason=exc.strerror or exc)
    return VlogkitError(N_("Could not write {path}: {reason}."), path=target, reason=exc.strerror or exc)


def check_output_folder(folder: Path) -> None:
    """Refuse, before any work, an output folder that cannot hold files: one of its folders is a file, or a link to
    something that is not there (mkdir would say only "File exists" or "Not a directory"), or a system folder (as
    root, clips would have landed in /dev)."""
    if _in_system_folder(folder):
        raise UsageError(N_("{path} is a system folder (/dev, /proc, /sys): choose another folder."), path=folder)
    for part in (folder, *folder.parents):
        if not os.path.lexists(part):
            continue
        if part.is_dir():
            return
        if part.is_symlink():
            raise UsageError(N_("{path} is a link to {target}, which does not exist: choose another folder."),
                             path=part, target=os.readlink(part))
        raise UsageError(N_("{path} is a file, not a folder: choose another folder."), path=part)


_SYSTEM_FOLDERS = ("/dev", "/proc", "/sys")


def _in_system_folder(path: Path) -> bool:
    if os.name != "posix":
        return False
    names = {os.path.abspath(path), os.path.realpath(path)}
    return any(n == root or n.startswith(root + "/") for n in names for root in _SYSTEM_FOLDERS)


def check_output_file(path: Path) -> None:
    """Refuse an output file name that is a device or a pipe (/dev/null, /dev/stdout): vlogkit writes files, never
    into those (a numbered sibling would land in /dev); then check its folder. A name in /dev, /proc or /sys is one
    too, whatever it points at: /dev/stdout redirected to a file looks like a file, and as root `quotes.csv` would
    have been written into /dev beside it."""
    if _in_system_folder(path) or (os.path.lexists(path) and path.exists() and not path.is_file()
                                   and not path.is_dir()):
        raise UsageError(N_("{path} is a device or a pipe, not a file: give a file name for the export."), path=path)
    check_output_folder(path.parent)


def atomic_write_bytes(path: Path, data: bytes, mode: int | None = None, *, replace: bool = True) -> None:
    """Write to a temporary file beside `path`, fsync, then rename over it. The file is private (0600, as
    `mkstemp` makes it) unless `mode` is given - exports pass `export_mode()`."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{safe_filename(path.name, 60, 'file')}{TEMP_MARK}{os.getpid()}-",
                                   suffix=".tmp", dir=path.parent)
    except OSError as exc:  # a folder that cannot be written to: the same one-line error as a failed write
        raise disk_error(exc, path) from exc
    try:
        if mode is not None:
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        failpoint("atomic_write.before_rename")
        if replace:
            os.replace(tmp, path)
        else:  # an export whose free name was taken meanwhile (another export): never replaced
            _rename_new(Path(tmp), path)
        _fsync_dir(path.parent)
    except OSError as exc:
        _silent_unlink(Path(tmp))
        raise disk_error(exc, path) from exc
    except BaseException:
        _silent_unlink(Path(tmp))
        raise


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8", mode: int | None = None, *,
                      replace: bool = True) -> None:
    atomic_write_bytes(path, text.encode(encoding), mode, replace=replace)


def _silent_unlink(p: Path) -> None:
    try:
        p.unlink()
    except OSError:
        pass


def create_new_file(folder: Path, prefix: str, suffix: str = "", mode: int | None = None) -> Path:
    """Create a new, empty regular file with an unpredictable name in `folder` (O_CREAT|O_EXCL|O_NOFOLLOW, as
    `mkstemp` does): a name planted in advance - a file or a link to another file - can never be written through."""
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    try:
        os.fchmod(fd, _FILE_MODE if mode is None else mode)
    finally:
        os.close(fd)
    return Path(name)


def _rename_new(tmp: Path, final: Path) -> None:
    """Rename `tmp` to `final` only if nothing is there: a hard link fails when `final` exists (atomic, unlike a
    check then a rename); where the file system has no hard links (FAT, some shares), a check just before."""
    taken = UsageError(N_("{path} appeared while it was being written (another export into the same folder?): "
                          "nothing was replaced. Run the export again."), path=final)
    try:
        os.link(tmp, final)
    except FileExistsError:
        raise taken from None
    except OSError:  # no hard links here (FAT/exFAT, some shares, Windows FAT): a real error repeats on the rename
        if os.path.lexists(final):
            raise taken from None
        os.replace(tmp, final)
        return
    _silent_unlink(tmp)


@contextmanager
def output_file(final: Path, *, replace: bool = True) -> Iterator[Path]:
    """Yield a new temporary path beside `final`; rename it to `final` when the block completes. With
    `replace=False` (exports: their names were chosen free) a file that appeared at `final` meanwhile - another export
    of the same clip into the same folder - is never replaced: a UsageError says so.

    The temporary file is created here, empty, under an unpredictable name (see `create_new_file`), and must still
    be that same regular file when the block ends, so a link swapped in meanwhile is never renamed into place. On
    any error (or cancel) the temporary file is removed, so `final` appears only when complete.
    """
    final = Path(final)
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = create_new_file(final.parent, f".{safe_filename(final.stem, 40, 'out')}{TEMP_MARK}{os.getpid()}-",
                              final.suffix)
    except OSError as exc:
        raise disk_error(exc, final) from exc
    made = tmp.lstat()
    try:
        yield tmp
        try:
            st = tmp.lstat()
        except FileNotFoundError:
            raise VlogkitError(N_("Nothing was written for {path}."), path=final) from None
        if not stat.S_ISREG(st.st_mode) or (st.st_dev, st.st_ino) != (made.st_dev, made.st_ino):
            raise VlogkitError(N_("The temporary file for {path} was replaced while it was written; nothing was "
                                  "saved."), path=final)
        if st.st_size == 0:
            raise VlogkitError(N_("Nothing was written for {path}."), path=final)
        failpoint("output.before_rename")
        if replace:
            os.replace(tmp, final)
        else:
            _rename_new(tmp, final)
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


def read_bounded(path: Path, limit: int, what: str = N_("file"), error: type[VlogkitError] = VlogkitError) -> bytes:
    """Read at most `limit` bytes of `path`, in chunks: a file (or a device such as /dev/zero, a FIFO) that holds
    more is refused with a clear error instead of filling the memory. `what` (an `N_()` text: "prompt list") names
    the kind of file in the message, in the app's language too."""
    path = Path(path)
    kind = Phrase(what)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError as exc:
        raise error(N_("{path} does not exist."), path=path) from exc
    except OSError as exc:
        raise error(N_("{path} cannot be read ({reason})."), path=path, reason=exc.strerror or str(exc)) from exc
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):  # would wait for a writer forever
        raise error(N_("{path} is a pipe or a socket, not a {what}: give the file itself."), path=path, what=kind)
    try:
        with open(path, "rb") as fh:
            chunks: list[bytes] = []
            total = 0
            while True:
                chunk = fh.read(min(1 << 20, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
                if total > limit:
                    raise error(N_("{path} is larger than {mib} MiB, more than any {what} vlogkit writes: give the "
                                   "right file (or split it)."), path=path, mib=f"{limit / (1 << 20):.0f}", what=kind)
    except IsADirectoryError as exc:
        raise error(N_("{path} is a folder, not a {what}."), path=path, what=kind) from exc
    except FileNotFoundError as exc:
        raise error(N_("{path} does not exist."), path=path) from exc
    except OSError as exc:
        raise error(N_("{path} cannot be read ({reason})."), path=path, reason=exc.strerror or str(exc)) from exc
    return b"".join(chunks)
