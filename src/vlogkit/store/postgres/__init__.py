"""The team library: the same repositories as the TinyDB library, on one PostgreSQL database shared by a team.

`open_store(url, media_root)` checks that the server answers and holds the schema this vlogkit knows (one short
query); `init_library(url, media_root)` creates or upgrades it. `listen(url, on_change, stop)` waits for the
NOTIFY the tables send on every committed change, so the app refreshes when another desk changes something.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from vlogkit.store.postgres.bank import PgActivityLog, PgPromptRepository, PgQuoteRepository, PgTeamSettings
from vlogkit.store.postgres.database import Database, mask_url
from vlogkit.store.postgres.library import PgTranscriptRepository, PgVlogRepository
from vlogkit.store.postgres.tombstones import PgTombstones

CHANNEL = "vlogkit"


class PgStore:
    kind = "postgresql"

    def __init__(self, db: Database, media_root: Path | None) -> None:
        self.db = db
        self.location = db.masked
        self.media_root = media_root
        self.vlogs = PgVlogRepository(db, media_root)
        self.quotes = PgQuoteRepository(db)
        self.prompts = PgPromptRepository(db)
        self.transcripts = PgTranscriptRepository(db)
        self.export_log = PgActivityLog(db)
        self.team_settings = PgTeamSettings(db)
        self.tombstones = PgTombstones(db)

    @contextmanager
    def exclusive(self, name: str, timeout_s: float = 120) -> Iterator[None]:
        """A lock every desk respects: a PostgreSQL advisory lock held on its own connection for the block."""
        from sqlalchemy import text
        from sqlalchemy.exc import SQLAlchemyError

        key = zlib.crc32(f"vlogkit:{name}".encode())
        try:
            conn = self.db.engine.connect()
            conn.exec_driver_sql(f"SET lock_timeout = {int(timeout_s * 1000)}")
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": key})
            conn.commit()
        except SQLAlchemyError as exc:
            raise self.db.error(exc) from exc
        try:
            yield
        finally:
            try:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                conn.commit()
                conn.close()
            except SQLAlchemyError:
                conn.invalidate()  # never back into the pool holding the lock: closing the session releases it

    def check(self) -> str:
        from sqlalchemy import text

        version = self.db.check_schema()
        with self.db.begin() as conn:
            n_vlogs = conn.execute(text("SELECT count(*) FROM vlogs")).scalar()
            n_quotes = conn.execute(text("SELECT count(*) FROM quotes")).scalar()
        root = f", media at {self.media_root}" if self.media_root else ", no VLOGKIT_MEDIA_ROOT set"
        return f"ok (schema {version}, {n_vlogs} vlogs, {n_quotes} quotes{root})"

    def close(self) -> None:
        self.db.close()


def open_store(url: str, media_root: Path | None) -> PgStore:
    db = Database(url)
    db.check_schema()
    return PgStore(db, media_root)


def init_library(url: str, media_root: Path | None) -> tuple[list[int], int]:
    """Create or upgrade the schema (idempotent) and the media folder; returns (applied versions, schema)."""
    db = Database(url)
    try:
        applied = db.migrate()
        if media_root is not None:
            Path(media_root).mkdir(parents=True, exist_ok=True)
        return applied, db.check_schema()
    finally:
        db.close()


def listen(url: str, on_change: Callable[[str], None], stop: threading.Event, poll_s: float = 0.5) -> None:
    """Call `on_change(table)` for every change another process commits, until `stop` is set.

    Reconnects every 5 s after a lost connection, and reports "*" (refresh everything) once it is back.
    """
    import psycopg

    from vlogkit.store.postgres.database import sqlalchemy_url

    conninfo = sqlalchemy_url(url).replace("postgresql+psycopg://", "postgresql://", 1)
    while not stop.is_set():
        try:
            with psycopg.connect(conninfo, autocommit=True, connect_timeout=5) as conn:
                conn.execute(f"LISTEN {CHANNEL}")
                on_change("*")  # (re)connected: whatever happened meanwhile is worth a refresh
                while not stop.is_set():
                    for note in conn.notifies(timeout=poll_s):
                        on_change(note.payload)
        except psycopg.Error:
            stop.wait(5.0)


__all__ = ["CHANNEL", "PgStore", "init_library", "listen", "mask_url", "open_store"]
