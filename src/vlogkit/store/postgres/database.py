"""The connection to a team library: URL handling, one-line errors, transactions and the schema migrations.

Migrations are plain numbered SQL files (`migrations/0001_*.sql`), applied in order inside ONE transaction that
first takes an advisory lock: PostgreSQL's DDL is transactional, so an upgrade happens whole or not at all, two desks
running `vlogkit library init` at once apply it once, and a DBA can read exactly what runs. (Alembic would add a
dependency and an ORM-model layer for what is, here, a short list of SQL files.)
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from vlogkit.errors import N_, LibraryError, UsageError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

log = logging.getLogger(__name__)

MIGRATION_LOCK = 0x766C6F67  # "vlog": the advisory lock that serialises schema upgrades
CONNECT_TIMEOUT_S = 5


def mask_url(url: str) -> str:
    """The URL with its password replaced by ***, for messages and logs."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<invalid URL>"
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))


def sqlalchemy_url(url: str) -> str:
    """Map a plain `postgresql://` (or `postgres://`) URL to the psycopg 3 driver that vlogkit ships."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        raise UsageError(N_("'{url}' is not a library URL: use postgresql://user@host/database."), url=mask_url(url))
    scheme = scheme.lower()
    if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        return f"postgresql+psycopg://{rest}"
    raise UsageError(N_("'{url}' is not a PostgreSQL URL: use postgresql://user@host/database (vlogkit talks to "
                        "PostgreSQL through psycopg 3)."), url=mask_url(url))


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every shipped migration, in order."""
    folder = resources.files("vlogkit.store.postgres") / "migrations"
    found = []
    for entry in folder.iterdir():
        m = re.fullmatch(r"(\d{4})_([a-z0-9_]+)\.sql", entry.name)
        if m:
            found.append((int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


def latest_version() -> int:
    return migrations()[-1][0]


class Database:
    """A SQLAlchemy engine on the team's PostgreSQL with vlogkit's error wording."""

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine

        self.url = url
        self.masked = mask_url(url)
        self.engine: Engine = create_engine(
            sqlalchemy_url(url), pool_pre_ping=True, pool_size=2, max_overflow=4,
            connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "vlogkit"},
        )

    def error(self, exc: Exception) -> LibraryError:
        """The one-line error for a failed use of the server: why, in words the app translates (`reasons.reason`);
        the driver's own (English, DBA-worded) text goes to the log only."""
        from sqlalchemy.exc import DBAPIError, OperationalError

        from vlogkit.store.postgres.reasons import reason

        orig = getattr(exc, "orig", None)
        sqlstate = getattr(orig, "sqlstate", None)
        driver_text = str(orig or exc).strip() or exc.__class__.__name__
        log.warning("team library %s: %s%s", self.masked, driver_text, f" (SQLSTATE {sqlstate})" if sqlstate else "")
        why = reason(driver_text, sqlstate, self.url)
        if isinstance(exc, OperationalError):
            return LibraryError(N_(
                "Cannot reach the team library at {url} ({reason}). Nothing was changed. Check the network or the "
                "server, or work on this computer's own library with `vlogkit --local ...`."), url=self.masked, reason=why)
        if isinstance(exc, DBAPIError):
            return LibraryError(N_("The team library at {url} refused the change ({reason}). Nothing was changed."),
                                url=self.masked, reason=why)
        return LibraryError(N_("The team library at {url} failed: {reason}."), url=self.masked, reason=why)

    @contextmanager
    def begin(self, snapshot: bool = False) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back on any error (nothing half-written).
        `snapshot`: a read-only transaction that sees one moment throughout (REPEATABLE READ)."""
        from sqlalchemy import text
        from sqlalchemy.exc import SQLAlchemyError

        try:
            with self.engine.begin() as conn:
                if snapshot:
                    conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))
                yield conn
        except SQLAlchemyError as exc:
            raise self.error(exc) from exc

    def cached(self, table: str, cache: dict[str, Any], load: Callable[[Connection], list[Any]]) -> list[Any]:
        """Every row of `table` as `load` reads them, kept in `cache` and read again only when the table's revision
        changed (one small query otherwise). Revision and rows come from one snapshot, so they always agree."""
        from sqlalchemy import text

        with self.begin(snapshot=True) as conn:
            rev = conn.execute(text("SELECT rev FROM revisions WHERE tbl = :t"), {"t": table}).scalar()
            if cache.get("rev") == rev and rev is not None:
                return list(cache["rows"])
            rows = load(conn)
        cache.update(rev=rev, rows=rows)
        return list(rows)

    def schema_version(self) -> int:
        from sqlalchemy import text

        with self.begin() as conn:
            exists = conn.execute(text("SELECT to_regclass('schema_migrations') IS NOT NULL")).scalar()
            if not exists:
                return 0
            return int(conn.execute(text("SELECT coalesce(max(version), 0) FROM schema_migrations")).scalar() or 0)

    def check_schema(self) -> int:
        """Raise a clear error unless the database holds exactly the schema this vlogkit knows."""
        have, want = self.schema_version(), latest_version()
        if have == 0:
            raise LibraryError(N_("The team library at {url} has no vlogkit tables yet: run `vlogkit library init` "
                                  "once to create them."), url=self.masked)
        if have > want:
            raise LibraryError(N_("The team library at {url} was set up by a newer vlogkit (schema {schema}); update "
                                  "vlogkit on this computer to use it."), url=self.masked, schema=have)
        if have < want:
            raise LibraryError(N_("The team library at {url} has schema {schema}; this vlogkit needs {wanted}: run "
                                  "`vlogkit library init` to upgrade it."), url=self.masked, schema=have, wanted=want)
        return have

    def migrate(self) -> list[int]:
        """Apply the migrations not applied yet, all in one transaction under an advisory lock; returns them."""
        from sqlalchemy import text

        applied: list[int] = []
        with self.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
            conn.execute(text(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, "
                "applied_at timestamptz NOT NULL DEFAULT now())"))
            have = int(conn.execute(text("SELECT coalesce(max(version), 0) FROM schema_migrations")).scalar() or 0)
            if have > latest_version():
                raise LibraryError(N_("The team library at {url} was set up by a newer vlogkit (schema {schema}); "
                                      "update vlogkit on this computer to use it."), url=self.masked, schema=have)
            for version, name, sql in migrations():
                if version <= have:
                    continue
                conn.exec_driver_sql(sql)
                conn.execute(text("INSERT INTO schema_migrations (version, name) VALUES (:v, :n)"),
                             {"v": version, "n": name})
                applied.append(version)
        return applied

    def close(self) -> None:
        self.engine.dispose()
