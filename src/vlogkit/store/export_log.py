"""The export log: what left vlogkit, when, for which audience, by whom.

In a one-laptop library it lives in its own database file (`export-log.json`), apart from `library.json`, so
restoring a library backup never replaces or erases it. Older vlogkits kept it as a table inside `library.json`:
those entries are moved over on first use.
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vlogkit.store.db import Database

LEGACY_TABLE = "export_log"


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in some containers
        return "unknown"


def log_entry(kind: str, vlog_ids: list[str], outputs: list[str], audience: str, detail: str, user: str) -> dict[str, Any]:
    return {
        "when": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "kind": kind,
        "vlog_ids": list(vlog_ids),
        "outputs": [str(o) for o in outputs],
        "audience": audience,
        "user": user or os_user(),
        "detail": detail,
    }


def _key(entry: dict[str, Any]) -> tuple[str, str, tuple[str, ...]]:
    return str(entry.get("when", "")), str(entry.get("kind", "")), tuple(str(o) for o in entry.get("outputs", []))


class ExportLog:
    TABLE = "export_log"

    def __init__(self, path: Path, legacy: Path | None = None) -> None:
        self.db = Database(path)
        self._legacy = Path(legacy) if legacy is not None else None
        self._migrated = False

    def _migrate(self) -> None:
        """Move entries an older vlogkit kept inside library.json into this file (once)."""
        if self._migrated:
            return
        self._migrated = True
        if self._legacy is None or not self._legacy.exists() or self._legacy == self.db.path:
            return
        old = Database(self._legacy)
        with old.transaction() as ldb:
            if LEGACY_TABLE not in ldb.tables():
                return
            rows = [dict(r) for r in ldb.table(LEGACY_TABLE).all()]
            if rows:
                with self.db.transaction() as tdb:
                    table = tdb.table(self.TABLE)
                    seen = {_key(r) for r in table.all()}  # a restore may bring back entries this file holds
                    new = [r for r in rows if _key(r) not in seen]
                    if new:
                        table.insert_multiple(new)
            ldb.drop_table(LEGACY_TABLE)

    def record(self, kind: str, *, vlog_ids: list[str], outputs: list[str], audience: str, detail: str = "",
               user: str = "") -> dict[str, Any]:
        self._migrate()
        entry = log_entry(kind, vlog_ids, outputs, audience, detail, user)
        with self.db.transaction() as tdb:
            tdb.table(self.TABLE).insert(entry)
        return entry

    def entries(self, vlog_id: str | None = None) -> list[dict[str, Any]]:
        self._migrate()
        with self.db.transaction() as tdb:
            rows = [dict(r) for r in tdb.table(self.TABLE).all()]
        if vlog_id:
            rows = [r for r in rows if vlog_id in r.get("vlog_ids", [])]
        return sorted(rows, key=lambda r: r["when"])

    def rewrite(self, change: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
        """Replace every entry by `change(entry)` in one transaction (forget uses it to drop the paths of removed
        files, whose names may hold the person's name)."""
        self._migrate()
        with self.db.transaction() as tdb:
            table = tdb.table(self.TABLE)
            rows = [change(dict(r)) for r in table.all()]
            table.truncate()
            if rows:
                table.insert_multiple(rows)
