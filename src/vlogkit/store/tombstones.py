"""Tombstones: what `vlogkit forget` leaves behind so a forgotten person never comes back.

Only the vlog's id and its content fingerprint are kept - no name, no words, no path. Imports (the same file again),
bank imports (quotes of that vlog), restores and exports check them and refuse. The file (`forgotten.json`) lives
apart from the library, so restoring an old library never erases it; it is written atomically under its own lock
and only ever grows.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from filelock import FileLock

from vlogkit.errors import N_, ConsentError, LibraryError, Phrase
from vlogkit.fileutil import atomic_write_bytes

FORMAT = "vlogkit-forgotten"


THIS_VLOG = N_("This vlog")


def forgotten_error(what: str = THIS_VLOG) -> ConsentError:
    """The refusal for a vlog that was forgotten. `what` names it: a `Phrase` the app words in its language
    ("Vlog {id}"), or one of the catalogue's texts."""
    return ConsentError(N_("{what} was forgotten (right to be forgotten) and cannot come back into vlogkit."),
                        what=what if isinstance(what, Phrase) else Phrase(what))


class Tombstones:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = FileLock(str(self.path) + ".lock", timeout=60)
        self._cache: tuple[tuple[int, int], list[dict[str, str]]] | None = None

    def signature(self) -> tuple[int, int]:
        """Changes whenever a tombstone is added (cheap: one stat), so running jobs can notice a forget."""
        try:
            st = self.path.stat()
        except OSError:
            return (0, 0)
        return (st.st_ino, st.st_mtime_ns)

    def _read(self) -> list[dict[str, str]]:
        sig = self.signature()
        if self._cache is not None and self._cache[0] == sig:
            return self._cache[1]
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise LibraryError(N_("Cannot read {path}: {reason}."), path=self.path, reason=exc.strerror) from exc
        try:
            doc = json.loads(raw.decode("utf-8"))
            rows = [{"id": str(e["id"]), "fingerprint": str(e.get("fingerprint", "")), "when": str(e.get("when", ""))}
                    for e in doc["entries"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise LibraryError(N_("The list of forgotten vlogs {path} is damaged ({reason}); vlogkit refuses to go on "
                                  "without it. Restore it from a backup."),
                               path=self.path, reason=exc.__class__.__name__) from exc
        self._cache = (sig, rows)
        return rows

    def entries(self) -> list[dict[str, str]]:
        return [dict(e) for e in self._read()]

    def add(self, vlog_id: str, fingerprint: str) -> None:
        with self._lock:
            rows = self._read()
            if any(e["id"] == vlog_id and e["fingerprint"] == fingerprint for e in rows):
                return
            rows = [*rows, {"id": vlog_id, "fingerprint": fingerprint,
                            "when": dt.datetime.now().astimezone().isoformat(timespec="seconds")}]
            self.write(rows)

    def merge(self, rows: list[dict[str, Any]]) -> None:
        """Add tombstones from elsewhere (a restored backup): the list only grows."""
        with self._lock:
            have = self._read()
            known = {(e["id"], e["fingerprint"]) for e in have}
            new = [{"id": str(r["id"]), "fingerprint": str(r.get("fingerprint", "")), "when": str(r.get("when", ""))}
                   for r in rows if (str(r["id"]), str(r.get("fingerprint", ""))) not in known]
            if new:
                self.write([*have, *new])

    def write(self, rows: list[dict[str, str]]) -> None:
        data = json.dumps({"format": FORMAT, "entries": rows}, indent=1).encode("utf-8")
        atomic_write_bytes(self.path, data)
        self._cache = None

    def forgotten_ids(self) -> frozenset[str]:
        return frozenset(e["id"] for e in self._read())

    def is_forgotten(self, vlog_id: str | None = None, fingerprint: str | None = None) -> bool:
        for e in self._read():
            if (vlog_id and e["id"] == vlog_id) or (fingerprint and e["fingerprint"] == fingerprint):
                return True
        return False

    def check(self, vlog_id: str | None = None, fingerprint: str | None = None, what: str = THIS_VLOG) -> None:
        """Raise a one-line ConsentError when the vlog (by id or content) was forgotten."""
        if self.is_forgotten(vlog_id, fingerprint):
            raise forgotten_error(what)


__all__ = ["Tombstones"]
