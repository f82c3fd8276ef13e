"""Vlogs and transcripts in a team library (PostgreSQL).

A vlog whose file the team library holds is stored with its `media_key` (`ab/cdef....mp4` under the shared media
root) instead of a path, and each desk reads it back as a path under its own `VLOGKIT_MEDIA_ROOT` - the share may be
mounted at different places on different computers.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vlogkit.domain import Transcript, Vlog
from vlogkit.errors import N_, NotFoundError
from vlogkit.store.library import make_id
from vlogkit.store.postgres.database import Database
from vlogkit.store.transcripts import DamagedTranscript

INSERT_LOCK = 0x766C6F68  # serialises the insert of new vlogs (fingerprint and id checks)


def _text():  # noqa: ANN202 - sqlalchemy.text, imported lazily so `vlogkit --help` stays fast
    from sqlalchemy import text

    return text


class PgVlogRepository:
    def __init__(self, db: Database, media_root: Path | None) -> None:
        self.db = db
        self.media_root = Path(media_root) if media_root else None
        self._cache: dict[str, Any] = {}

    # -- row <-> domain ----------------------------------------------------------------------------

    def _key(self, vlog: Vlog) -> str | None:
        if self.media_root is None:
            return None
        try:
            return Path(vlog.path).resolve().relative_to(self.media_root.resolve()).as_posix()
        except ValueError:
            return None

    def _params(self, vlog: Vlog) -> dict[str, Any]:
        return {"id": vlog.id, "fp": vlog.fingerprint, "key": self._key(vlog), "created": vlog.created,
                "scope": vlog.consent.scope.value, "expires": str(vlog.consent.expires or ""),
                "doc": json.dumps(vlog.to_dict(), ensure_ascii=False)}

    def _vlog(self, doc: dict[str, Any], media_key: str | None) -> Vlog:
        if media_key and self.media_root is not None:
            doc = {**doc, "path": str(self.media_root / media_key)}
        elif media_key:
            doc = {**doc, "path": f"<VLOGKIT_MEDIA_ROOT>/{media_key}"}  # shown as is: this desk has no media root
        return Vlog.from_dict(doc)

    def _row(self, conn: Any, vlog_id: str, lock: bool = False) -> Vlog | None:
        sql = "SELECT doc, media_key FROM vlogs WHERE id = :id" + (" FOR UPDATE" if lock else "")
        row = conn.execute(_text()(sql), {"id": vlog_id}).first()
        return self._vlog(row[0], row[1]) if row else None

    def _missing(self, vlog_id: str) -> NotFoundError:
        with self.db.begin() as conn:
            ids = [r[0] for r in conn.execute(_text()("SELECT id FROM vlogs"))]
        close = difflib.get_close_matches(vlog_id, ids, n=1, cutoff=0.6)
        if close:
            return NotFoundError(N_("No vlog with id '{id}' in the team library. Did you mean {close}? `vlogkit list` "
                                    "shows the ids."), id=vlog_id, close=close[0])
        return NotFoundError(N_("No vlog with id '{id}' in the team library. `vlogkit list` shows the ids."), id=vlog_id)

    # -- the repository ----------------------------------------------------------------------------

    def all(self) -> list[Vlog]:
        """Every vlog, oldest first; parsed again only when another writer changed the library since the last read."""
        return self.db.cached("vlogs", self._cache, lambda conn: [
            self._vlog(r[0], r[1]) for r in conn.execute(_text()("SELECT doc, media_key FROM vlogs ORDER BY created, id"))])

    def get(self, vlog_id: str) -> Vlog:
        with self.db.begin() as conn:
            vlog = self._row(conn, vlog_id)
        if vlog is None:
            raise self._missing(vlog_id)
        return vlog

    def find_by_fingerprint(self, fingerprint: str) -> Vlog | None:
        with self.db.begin() as conn:
            row = conn.execute(_text()("SELECT doc, media_key FROM vlogs WHERE fingerprint = :fp"),
                               {"fp": fingerprint}).first()
        return self._vlog(row[0], row[1]) if row else None

    def add_unique(self, vlog: Vlog) -> tuple[Vlog, bool]:
        text = _text()
        with self.db.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": INSERT_LOCK})
            row = conn.execute(text("SELECT doc, media_key FROM vlogs WHERE fingerprint = :fp"),
                               {"fp": vlog.fingerprint}).first()
            if row is not None:
                return self._vlog(row[0], row[1]), True
            vid, length = vlog.id, len(vlog.id)
            while conn.execute(text("SELECT 1 FROM vlogs WHERE id = :id"), {"id": vid}).first():
                length += 1
                vid = make_id(vlog.fingerprint, length)
            vlog = vlog.with_(id=vid)
            conn.execute(text(
                "INSERT INTO vlogs (id, fingerprint, media_key, created, consent_scope, consent_expires, doc) "
                "VALUES (:id, :fp, :key, :created, :scope, :expires, CAST(:doc AS jsonb))"), self._params(vlog))
        return vlog, False

    def _update(self, conn: Any, vlog: Vlog) -> int:
        return conn.execute(_text()(
            "UPDATE vlogs SET fingerprint = :fp, media_key = :key, created = :created, consent_scope = :scope, "
            "consent_expires = :expires, doc = CAST(:doc AS jsonb), updated_at = now() WHERE id = :id"),
            self._params(vlog)).rowcount

    def save(self, vlog: Vlog) -> Vlog:
        with self.db.begin() as conn:
            if not self._update(conn, vlog):
                raise NotFoundError(N_("No vlog with id '{id}' in the team library."), id=vlog.id)
        return vlog

    def modify(self, vlog_id: str, change: Callable[[Vlog], Vlog]) -> Vlog:
        """Apply `change` to the stored vlog under a row lock, so other desks' edits made meanwhile are kept."""
        with self.db.begin() as conn:
            old = self._row(conn, vlog_id, lock=True)
            if old is None:
                raise NotFoundError(N_("No vlog with id '{id}' in the team library; `vlogkit list` shows the ids."),
                                    id=vlog_id)
            new = change(old)
            if new != old:
                self._update(conn, new)
        return new

    def update_extra(self, vlog_id: str, **items: object) -> Vlog:
        def change(vlog: Vlog) -> Vlog:
            extra = dict(vlog.extra)
            for k, v in items.items():
                if v is None:
                    extra.pop(k, None)
                else:
                    extra[k] = v
            return vlog.with_(extra=extra)

        return self.modify(vlog_id, change)

    def remove(self, vlog_id: str) -> Vlog:
        with self.db.begin() as conn:
            row = conn.execute(_text()("DELETE FROM vlogs WHERE id = :id RETURNING doc, media_key"),
                               {"id": vlog_id}).first()
        if row is None:
            raise NotFoundError(N_("No vlog with id '{id}' in the team library."), id=vlog_id)
        return self._vlog(row[0], row[1])


class PgTranscriptRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, vlog: Vlog) -> tuple[str, Transcript] | None:
        with self.db.begin() as conn:
            row = conn.execute(_text()("SELECT cache_key, doc FROM transcripts WHERE vlog_id = :id"),
                               {"id": vlog.id}).first()
        if row is None:
            return None
        try:
            return str(row[0]), Transcript.from_dict(row[1])
        except (ValueError, KeyError, TypeError) as exc:
            raise DamagedTranscript(N_("The stored transcript of vlog {id} is damaged: run `vlogkit transcribe {id} "
                                  "--no-cache` to make a new one."), id=vlog.id) from exc

    def put(self, vlog_id: str, transcript: Transcript, key: str) -> None:
        with self.db.begin() as conn:
            conn.execute(_text()(
                "INSERT INTO transcripts (vlog_id, cache_key, doc) VALUES (:id, :key, CAST(:doc AS jsonb)) "
                "ON CONFLICT (vlog_id) DO UPDATE SET cache_key = EXCLUDED.cache_key, doc = EXCLUDED.doc, "
                "updated_at = now()"),
                {"id": vlog_id, "key": key, "doc": json.dumps(transcript.to_dict(), ensure_ascii=False)})

    def remove(self, vlog_id: str) -> bool:
        with self.db.begin() as conn:
            return bool(conn.execute(_text()("DELETE FROM transcripts WHERE vlog_id = :id"), {"id": vlog_id}).rowcount)
