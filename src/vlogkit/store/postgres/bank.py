"""The quote bank, prompt cards, the activity log and team settings in a team library (PostgreSQL)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from vlogkit.domain import Quote
from vlogkit.domain.prompt import Prompt
from vlogkit.errors import N_, NotFoundError
from vlogkit.store.bank import RangeIndex, same_range, unique_id
from vlogkit.store.export_log import log_entry
from vlogkit.store.postgres.database import Database
from vlogkit.store.prompts import moved, new_prompt_id

QUOTE_COLUMNS = "(id, vlog_id, start_ms, end_ms, status, created, doc)"
QUOTE_VALUES = "(:id, :vlog_id, :start, :end, :status, :created, CAST(:doc AS jsonb))"


def _text():  # noqa: ANN202
    from sqlalchemy import text

    return text


def _params(q: Quote) -> dict[str, Any]:
    return {"id": q.id, "vlog_id": q.vlog_id, "start": q.start, "end": q.end, "status": q.status.value,
            "created": q.created, "doc": json.dumps(q.to_dict(), ensure_ascii=False)}


class PgQuoteRepository:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._cache: dict[str, Any] = {}

    def all(self) -> list[Quote]:
        """Every quote; parsed again only when another writer changed the bank since the last read."""
        return self.db.cached("quotes", self._cache, lambda conn: [
            Quote.from_dict(d) for d in conn.execute(_text()("SELECT doc FROM quotes")).scalars()])

    def get(self, quote_id: str) -> Quote:
        with self.db.begin() as conn:
            doc = conn.execute(_text()("SELECT doc FROM quotes WHERE id = :id"), {"id": quote_id}).scalar()
        if doc is None:
            raise NotFoundError(N_("No quote with id '{qid}' in the bank; `vlogkit bank list` shows the ids."), qid=quote_id)
        return Quote.from_dict(doc)

    def _same_vlog(self, conn: Any, vlog_id: str) -> list[Quote]:
        docs = conn.execute(_text()("SELECT doc FROM quotes WHERE vlog_id = :v"), {"v": vlog_id}).scalars().all()
        return [Quote.from_dict(d) for d in docs]

    def find_range(self, vlog_id: str, start: int, end: int) -> Quote | None:
        with self.db.begin() as conn:
            return next((q for q in self._same_vlog(conn, vlog_id) if same_range(q, vlog_id, start, end)), None)

    def _lock_vlog(self, conn: Any, vlog_id: str) -> None:
        """Quotes of one vlog are added one writer at a time (the same-range check must see the others)."""
        conn.execute(_text()("SELECT pg_advisory_xact_lock(hashtext('quotes:' || :v))"), {"v": vlog_id})

    def _free_id(self, conn: Any, q: Quote) -> Quote:
        query = _text()("SELECT 1 FROM quotes WHERE id = :id")
        return unique_id(q, lambda qid: conn.execute(query, {"id": qid}).first() is not None)

    def add_unique(self, quote: Quote) -> tuple[Quote, bool]:
        with self.db.begin() as conn:
            self._lock_vlog(conn, quote.vlog_id)
            match = next((q for q in self._same_vlog(conn, quote.vlog_id)
                          if same_range(q, quote.vlog_id, quote.start, quote.end)), None)
            if match is not None:
                return match, True
            quote = self._free_id(conn, quote)
            conn.execute(_text()(f"INSERT INTO quotes {QUOTE_COLUMNS} VALUES {QUOTE_VALUES}"), _params(quote))
        return quote, False

    def _update(self, conn: Any, quote: Quote) -> int:
        return conn.execute(_text()(
            "UPDATE quotes SET vlog_id = :vlog_id, start_ms = :start, end_ms = :end, status = :status, "
            "created = :created, doc = CAST(:doc AS jsonb), updated_at = now() WHERE id = :id"), _params(quote)).rowcount

    def save(self, quote: Quote) -> Quote:
        with self.db.begin() as conn:
            if not self._update(conn, quote):
                raise NotFoundError(N_("No quote with id '{qid}' in the bank."), qid=quote.id)
        return quote

    def remove(self, quote_id: str) -> Quote:
        with self.db.begin() as conn:
            doc = conn.execute(_text()("DELETE FROM quotes WHERE id = :id RETURNING doc"), {"id": quote_id}).scalar()
        if doc is None:
            raise NotFoundError(N_("No quote with id '{qid}' in the bank; `vlogkit bank list` shows the ids."), qid=quote_id)
        return Quote.from_dict(doc)

    def remove_for_vlog(self, vlog_id: str) -> int:
        with self.db.begin() as conn:
            return int(conn.execute(_text()("DELETE FROM quotes WHERE vlog_id = :v"), {"v": vlog_id}).rowcount)

    def merge(self, incoming: Iterable[Quote], resolve: Callable[[Quote, Quote], Quote]) -> tuple[int, int, int]:
        """Merge a shared file's quotes in one transaction (the same rules as the TinyDB bank), linear in the size
        of the file and of the vlogs it touches: same ranges found through `RangeIndex`, inserts sent in one batch."""
        text = _text()
        added = updated = unchanged = 0
        incoming = list(incoming)
        with self.db.begin() as conn:
            vlog_ids = sorted({q.vlog_id for q in incoming})
            for vlog_id in vlog_ids:  # a fixed order: no deadlock with another desk's merge
                self._lock_vlog(conn, vlog_id)
            index = RangeIndex()
            for doc in conn.execute(text("SELECT doc FROM quotes WHERE vlog_id = ANY(:v)"), {"v": vlog_ids}).scalars():
                index.add(Quote.from_dict(doc))
            taken = set(conn.execute(text("SELECT id FROM quotes")).scalars())
            new_rows: list[dict[str, Any]] = []
            for q in incoming:
                match = index.find(q.vlog_id, q.start, q.end)
                if match is None:
                    q = unique_id(q, taken.__contains__)
                    taken.add(q.id)
                    index.add(q)
                    new_rows.append(_params(q))
                    added += 1
                    continue
                kept = resolve(match, q).with_(id=match.id)
                if kept == match:
                    unchanged += 1
                    continue
                self._update(conn, kept)
                index.replace(match, kept)
                updated += 1
            if new_rows:
                conn.execute(text(f"INSERT INTO quotes {QUOTE_COLUMNS} VALUES {QUOTE_VALUES}"), new_rows)
        return added, updated, unchanged


class PgPromptRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> list[Prompt]:
        with self.db.begin() as conn:
            rows = conn.execute(_text()("SELECT id, text, position FROM prompts ORDER BY position, id")).all()
        return [Prompt(r[0], r[1], r[2]) for r in rows]

    def add_many(self, texts: Iterable[str]) -> list[Prompt]:
        text = _text()
        out: list[Prompt] = []
        with self.db.begin() as conn:
            conn.execute(text("LOCK TABLE prompts IN SHARE ROW EXCLUSIVE MODE"))  # positions stay in order
            known = {r[1]: Prompt(r[0], r[1], r[2]) for r in conn.execute(text("SELECT id, text, position FROM prompts"))}
            position = max((p.position for p in known.values()), default=-1) + 1
            for t in texts:
                if t not in known:
                    known[t] = Prompt(new_prompt_id(), t, position)
                    conn.execute(text("INSERT INTO prompts (id, text, position) VALUES (:id, :text, :pos)"),
                                 {"id": known[t].id, "text": t, "pos": position})
                    position += 1
                out.append(known[t])
        return out

    def update(self, prompt_id: str, text: str) -> Prompt:
        with self.db.begin() as conn:
            row = conn.execute(_text()("UPDATE prompts SET text = :t WHERE id = :id RETURNING id, text, position"),
                               {"t": text, "id": prompt_id}).first()
        if row is None:
            raise NotFoundError(N_("No prompt with id '{id}'."), id=prompt_id)
        return Prompt(row[0], row[1], row[2])

    def remove(self, prompt_id: str) -> None:
        with self.db.begin() as conn:
            if not conn.execute(_text()("DELETE FROM prompts WHERE id = :id"), {"id": prompt_id}).rowcount:
                raise NotFoundError(N_("No prompt with id '{id}'."), id=prompt_id)

    def move(self, prompt_id: str, index: int) -> None:
        text = _text()
        with self.db.begin() as conn:
            conn.execute(text("LOCK TABLE prompts IN SHARE ROW EXCLUSIVE MODE"))  # one order, whoever moves at once
            ids = [r[0] for r in conn.execute(text("SELECT id FROM prompts ORDER BY position, id"))]
            conn.execute(text("UPDATE prompts SET position = :pos WHERE id = :id"),
                         [{"pos": n, "id": i} for n, i in enumerate(moved(ids, prompt_id, index))])


class PgActivityLog:
    COLUMNS = '"when", kind, vlog_ids, outputs, audience, username, detail'

    def __init__(self, db: Database) -> None:
        self.db = db

    def record(self, kind: str, *, vlog_ids: list[str], outputs: list[str], audience: str, detail: str = "",
               user: str = "") -> dict[str, Any]:
        entry = log_entry(kind, vlog_ids, outputs, audience, detail, user)
        with self.db.begin() as conn:
            conn.execute(_text()(f"INSERT INTO activity_log ({self.COLUMNS}) VALUES "
                                 "(:when, :kind, :vlog_ids, :outputs, :audience, :user, :detail)"), entry)
        return entry

    def entries(self, vlog_id: str | None = None) -> list[dict[str, Any]]:
        sql = f"SELECT {self.COLUMNS} FROM activity_log"
        if vlog_id:
            sql += " WHERE :v = ANY (vlog_ids)"
        with self.db.begin() as conn:
            rows = conn.execute(_text()(sql + " ORDER BY seq"), {"v": vlog_id}).all()
        return [{"when": r[0], "kind": r[1], "vlog_ids": list(r[2]), "outputs": list(r[3]), "audience": r[4],
                 "user": r[5], "detail": r[6]} for r in rows]


class PgTeamSettings:
    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> dict[str, Any]:
        with self.db.begin() as conn:
            return {r[0]: r[1] for r in conn.execute(_text()("SELECT key, value FROM team_settings"))}

    def set(self, key: str, value: Any) -> None:
        with self.db.begin() as conn:
            conn.execute(_text()(
                "INSERT INTO team_settings (key, value) VALUES (:k, CAST(:v AS jsonb)) ON CONFLICT (key) DO UPDATE "
                "SET value = EXCLUDED.value, updated_at = now()"), {"k": key, "v": json.dumps(value)})
