"""The export log: what left vlogkit, when, for which audience, by whom (kept in the library database)."""

from __future__ import annotations

import datetime as dt
import getpass
from pathlib import Path
from typing import Any

from vlogkit.store.db import Database


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


class ExportLog:
    TABLE = "export_log"

    def __init__(self, path: Path) -> None:
        self.db = Database(path)

    def record(self, kind: str, *, vlog_ids: list[str], outputs: list[str], audience: str, detail: str = "",
               user: str = "") -> dict[str, Any]:
        entry = log_entry(kind, vlog_ids, outputs, audience, detail, user)
        with self.db.transaction() as tdb:
            tdb.table(self.TABLE).insert(entry)
        return entry

    def entries(self, vlog_id: str | None = None) -> list[dict[str, Any]]:
        with self.db.transaction() as tdb:
            rows = [dict(r) for r in tdb.table(self.TABLE).all()]
        if vlog_id:
            rows = [r for r in rows if vlog_id in r.get("vlog_ids", [])]
        return sorted(rows, key=lambda r: r["when"])
