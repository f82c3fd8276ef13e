"""The library of vlogs."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from tinydb import Query

from vlogkit.domain import Vlog
from vlogkit.errors import N_, NotFoundError
from vlogkit.store.db import Database
from vlogkit.store.records import parse_all, parse_one

_ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: easy to type from a screen


def make_id(fingerprint: str, length: int = 6) -> str:
    n = int(hashlib.sha256(fingerprint.encode()).hexdigest(), 16)
    out = []
    for _ in range(length):
        n, r = divmod(n, len(_ID_ALPHABET))
        out.append(_ID_ALPHABET[r])
    return "".join(out)


class LibraryRepository:
    TABLE = "vlogs"

    def __init__(self, path: Path) -> None:
        self.db = Database(path)
        self.last_damaged: list[str] = []  # records the last `all()` skipped, described

    def _parse(self, row: object) -> Vlog:
        return parse_one(row, Vlog.from_dict, self.db.path)

    def all(self) -> list[Vlog]:
        """Every vlog that can be read; a damaged record is skipped and described in `last_damaged`."""
        with self.db.transaction() as tdb:
            rows = tdb.table(self.TABLE).all()
        vlogs, self.last_damaged = parse_all(rows, Vlog.from_dict, self.db.path)
        return sorted(vlogs, key=lambda v: (v.created, v.id))

    def damaged(self) -> list[str]:
        """Every record that cannot be read, described (for `vlogkit doctor`)."""
        self.all()
        return list(self.last_damaged)

    def get(self, vlog_id: str) -> Vlog:
        with self.db.transaction() as tdb:
            row = tdb.table(self.TABLE).get(Query().id == vlog_id)
        if row is None:
            import difflib

            close = difflib.get_close_matches(vlog_id, [v.id for v in self.all()], n=1, cutoff=0.6)
            if close:
                raise NotFoundError(N_("No vlog with id '{id}' in the library. Did you mean {close}? `vlogkit list` "
                                       "shows the ids."), id=vlog_id, close=close[0])
            raise NotFoundError(N_("No vlog with id '{id}' in the library. `vlogkit list` shows the ids."), id=vlog_id)
        return self._parse(row)

    def find_by_fingerprint(self, fingerprint: str) -> Vlog | None:
        with self.db.transaction() as tdb:
            row = tdb.table(self.TABLE).get(Query().fingerprint == fingerprint)
        return self._parse(row) if row else None

    def add_unique(self, vlog: Vlog) -> tuple[Vlog, bool]:
        """Insert `vlog` unless its content is known; returns (vlog, existing). Id collisions get a longer id."""
        with self.db.transaction() as tdb:
            table = tdb.table(self.TABLE)
            q = Query()
            row = table.get(q.fingerprint == vlog.fingerprint)
            if row is not None:
                return self._parse(row), True
            vid, length = vlog.id, len(vlog.id)
            while table.contains(q.id == vid):
                length += 1
                vid = make_id(vlog.fingerprint, length)
            vlog = vlog.with_(id=vid)
            table.insert(vlog.to_dict())
        return vlog, False

    def save(self, vlog: Vlog) -> Vlog:
        with self.db.transaction() as tdb:
            n = tdb.table(self.TABLE).update(vlog.to_dict(), Query().id == vlog.id)
        if not n:
            raise NotFoundError(N_("No vlog with id '{id}' in the library."), id=vlog.id)
        return vlog

    def modify(self, vlog_id: str, change: Callable[[Vlog], Vlog]) -> Vlog:
        """Apply `change` to the stored vlog and save it in one transaction, so that edits made meanwhile by other
        processes (a speaker edit while a transcription finishes) are not overwritten with a stale copy."""
        with self.db.transaction() as tdb:
            table = tdb.table(self.TABLE)
            row = table.get(Query().id == vlog_id)
            if row is None:
                raise NotFoundError(N_("No vlog with id '{id}' in the library; `vlogkit list` shows the ids."),
                                    id=vlog_id)
            old = self._parse(row)
            new = change(old)
            if new != old:
                table.update(new.to_dict(), Query().id == vlog_id)
        return new

    def update_extra(self, vlog_id: str, **items: object) -> Vlog:
        """Merge keys into a vlog's `extra` under the lock (read-modify-write in one transaction)."""
        with self.db.transaction() as tdb:
            table = tdb.table(self.TABLE)
            row = table.get(Query().id == vlog_id)
            if row is None:
                raise NotFoundError(N_("No vlog with id '{id}' in the library."), id=vlog_id)
            d = dict(row)
            extra = dict(d.get("extra", {}))
            for k, v in items.items():
                if v is None:
                    extra.pop(k, None)
                else:
                    extra[k] = v
            d["extra"] = extra
            table.update(d, Query().id == vlog_id)
        return self._parse(d)

    def remove(self, vlog_id: str) -> Vlog:
        with self.db.transaction() as tdb:
            table = tdb.table(self.TABLE)
            row = table.get(Query().id == vlog_id)
            if row is None:
                raise NotFoundError(N_("No vlog with id '{id}' in the library."), id=vlog_id)
            table.remove(Query().id == vlog_id)
        return self._parse(row)
