"""A TinyDB database file that is safe to share between processes.

Every transaction takes a file lock, re-reads the file, and writes it back atomically (temp file, fsync, rename),
keeping the previous good version as `<name>.bak`. A file that does not parse is never replaced: it raises
`LibraryError` naming the file and the backup.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.storages import Storage

from vlogkit.errors import N_, LibraryError
from vlogkit.fileutil import atomic_write_bytes

SCHEMA_VERSION = 1
META_TABLE = "_meta"


_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")
_LONE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(value: Any) -> Any:
    """A hand-edited file can hold a lone surrogate escape; it would make every later write fail. Shown as U+FFFD."""
    if isinstance(value, str):
        return _LONE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {without_lone_surrogates(k): without_lone_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_lone_surrogates(v) for v in value]
    return value


class AtomicJSONStorage(Storage):
    """TinyDB storage: strict parse on read, atomic replace on write, last good copy kept as .bak."""

    def __init__(self, path: str, **_: Any) -> None:
        self.path = Path(path)
        self._raw: bytes | None = None

    def read(self) -> dict[str, Any] | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise LibraryError(N_("Cannot read {path}: {reason}."), path=self.path, reason=exc.strerror) from exc
        if not raw.strip():
            if self.path.stat().st_size == 0 and self._raw is None:
                return None
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("top level is not an object")
            if _ESCAPED_SURROGATE.search(raw):  # "\ud800" escapes: a lone one cannot be written back as UTF-8
                data = without_lone_surrogates(data)
            for name, table in data.items():
                if not isinstance(table, dict):
                    raise ValueError(f"table {name} is not an object")
                for key, record in table.items():
                    if not isinstance(record, dict):  # kept (and named by whoever reads it), never fatal for all
                        table[key] = {"_damaged": record}
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            bak = self.path.with_name(self.path.name + ".bak")
            if bak.exists():
                raise LibraryError(N_(
                    "The database {path} is damaged ({reason}) and was left untouched. A backup of the last good "
                    "version is at {backup}. Move it aside (or restore the backup) and run vlogkit again."),
                    path=self.path, reason=exc.__class__.__name__, backup=bak) from exc
            raise LibraryError(N_(
                "The database {path} is damaged ({reason}) and was left untouched. Move it aside (or restore the "
                "backup) and run vlogkit again."), path=self.path, reason=exc.__class__.__name__) from exc
        self._raw = raw
        return data

    def write(self, data: dict[str, Any]) -> None:
        payload = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False).encode("utf-8")
        if self._raw is not None and self._raw.strip():
            atomic_write_bytes(self.path.with_name(self.path.name + ".bak"), self._raw)
        atomic_write_bytes(self.path, payload)
        self._raw = payload

    def close(self) -> None:
        pass


class Database:
    """One TinyDB file; use `with db.transaction() as tdb:` for every read-modify-write."""

    def __init__(self, path: Path, lock_timeout: float = 60.0) -> None:
        self.path = Path(path)
        self._lock = FileLock(str(self.path) + ".lock", timeout=lock_timeout)

    @contextmanager
    def transaction(self) -> Iterator[TinyDB]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with self._lock:
                tdb = TinyDB(str(self.path), storage=AtomicJSONStorage)
                try:
                    self._check_schema(tdb)
                    yield tdb
                finally:
                    tdb.close()
        except Timeout as exc:
            raise LibraryError(N_("The library {path} is locked by another vlogkit process; wait for it to finish and "
                                  "try again."), path=self.path) from exc

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold this database's lock without opening it (a restore swaps the file itself while holding it)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with self._lock:
                yield
        except Timeout as exc:
            raise LibraryError(N_("The library {path} is locked by another vlogkit process; wait for it to finish and "
                                  "try again."), path=self.path) from exc

    def _check_schema(self, tdb: TinyDB) -> None:
        meta = tdb.table(META_TABLE)
        rows = meta.all()
        if not rows:
            meta.insert({"schema_version": SCHEMA_VERSION})
            return
        version = rows[0].get("schema_version", 0)
        if not isinstance(version, int) or isinstance(version, bool):
            raise LibraryError(N_("The database {path} is damaged (its schema version is {version}) and was left "
                                  "untouched. Move it aside (or restore its .bak) and run vlogkit again."),
                               path=self.path, version=f"{version!r:.20}")
        if version > SCHEMA_VERSION:
            raise LibraryError(N_("{path} was written by a newer vlogkit (schema {version}); update vlogkit to open it."),
                               path=self.path, version=version)

    def check(self) -> str:
        """Parse the file and report a one-line state (for `vlogkit doctor`)."""
        if not self.path.exists():
            return "not created yet"
        with self.transaction() as tdb:
            n = sum(len(tdb.table(t)) for t in tdb.tables() if t != META_TABLE)
        return f"ok ({n} records, {os.path.getsize(self.path)} bytes)"
