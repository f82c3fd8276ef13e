"""Tombstones in a team library: a vlog forgotten at one desk is refused at every desk (same interface as the
one-laptop `store.tombstones.Tombstones`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from vlogkit.store.postgres.database import Database
from vlogkit.store.tombstones import THIS_VLOG, forgotten_error


def _text():  # noqa: ANN202
    from sqlalchemy import text

    return text


class PgTombstones:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._cache: dict[str, Any] = {}

    def signature(self) -> tuple[int, int]:
        """Changes whenever a tombstone is added anywhere in the team (one small query)."""
        with self.db.begin() as conn:
            rev = conn.execute(_text()("SELECT rev FROM revisions WHERE tbl = 'forgotten'")).scalar()
        return (0, int(rev or 0))

    def _read(self) -> list[dict[str, str]]:
        return self.db.cached("forgotten", self._cache, lambda conn: [
            {"id": r[0], "fingerprint": r[1], "when": r[2]}
            for r in conn.execute(_text()('SELECT id, fingerprint, "when" FROM forgotten ORDER BY "when", id'))])

    def entries(self) -> list[dict[str, str]]:
        return [dict(e) for e in self._read()]

    def add(self, vlog_id: str, fingerprint: str) -> None:
        self.merge([{"id": vlog_id, "fingerprint": fingerprint,
                     "when": dt.datetime.now().astimezone().isoformat(timespec="seconds")}])

    def merge(self, rows: list[dict[str, Any]]) -> None:
        """Add tombstones (the list only grows)."""
        params = [{"id": str(r["id"]), "fp": str(r.get("fingerprint", "")), "when": str(r.get("when", ""))}
                  for r in rows]
        if not params:
            return
        with self.db.begin() as conn:
            conn.execute(_text()('INSERT INTO forgotten (id, fingerprint, "when") VALUES (:id, :fp, :when) '
                                 "ON CONFLICT DO NOTHING"), params)

    def forgotten_ids(self) -> frozenset[str]:
        return frozenset(e["id"] for e in self._read())

    def is_forgotten(self, vlog_id: str | None = None, fingerprint: str | None = None) -> bool:
        return any((vlog_id and e["id"] == vlog_id) or (fingerprint and e["fingerprint"] == fingerprint)
                   for e in self._read())

    def check(self, vlog_id: str | None = None, fingerprint: str | None = None, what: str = THIS_VLOG) -> None:
        if self.is_forgotten(vlog_id, fingerprint):
            raise forgotten_error(what)
