"""Settings a team shares, in a TinyDB library (table `team_settings`: one row per key)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb import Query

from vlogkit.store.db import Database


class TinyTeamSettings:
    TABLE = "team_settings"

    def __init__(self, path: Path) -> None:
        self.db = Database(path)

    def all(self) -> dict[str, Any]:
        with self.db.transaction() as tdb:
            return {str(r["key"]): r.get("value") for r in tdb.table(self.TABLE).all()}

    def set(self, key: str, value: Any) -> None:
        with self.db.transaction() as tdb:
            tdb.table(self.TABLE).upsert({"key": key, "value": value}, Query().key == key)
