"""The quote bank: a TinyDB file (`bank.json`) with the same locking and atomic writes as the library."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from tinydb import Query

from vlogkit.domain import Quote
from vlogkit.errors import N_, NotFoundError
from vlogkit.store.db import Database
from vlogkit.store.library import _ID_ALPHABET
from vlogkit.store.records import parse_all, parse_one

SAME_RANGE_MS = 300  # two quotes of one vlog whose ends are both this close are the same quote


def make_quote_id(vlog_id: str, start: int, end: int, length: int = 6) -> str:
    """`q` + a short id derived from the source range, so colleagues who save the same line get the same id."""
    n = int(hashlib.sha256(f"{vlog_id}:{start}:{end}".encode()).hexdigest(), 16)
    out = []
    for _ in range(length):
        n, r = divmod(n, len(_ID_ALPHABET))
        out.append(_ID_ALPHABET[r])
    return "q" + "".join(out)


def _replace_with(quote: Quote) -> Callable[[dict], None]:
    """A TinyDB update that replaces the whole document (so fields set back to empty really go)."""
    new = quote.to_dict()

    def apply(doc: dict) -> None:
        doc.clear()
        doc.update(new)

    return apply


def same_range(a: Quote, vlog_id: str, start: int, end: int) -> bool:
    return a.vlog_id == vlog_id and abs(a.start - start) <= SAME_RANGE_MS and abs(a.end - end) <= SAME_RANGE_MS


def unique_id(q: Quote, taken: Callable[[str], bool]) -> Quote:
    """`q` under an id no other quote has (`taken(id)` is false): its range's hash, lengthened until free."""
    qid, length = q.id, 6
    while taken(qid):
        length += 1
        qid = make_quote_id(q.vlog_id, q.start, q.end, length)
    return q.with_(id=qid)


class RangeIndex:
    """Quotes by vlog and start time, so the quote of "the same range" is found without a scan of the bank."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[str, int], list[Quote]] = {}

    def add(self, q: Quote) -> None:
        self._buckets.setdefault((q.vlog_id, q.start // SAME_RANGE_MS), []).append(q)

    def replace(self, old: Quote, new: Quote) -> None:
        bucket = self._buckets[(old.vlog_id, old.start // SAME_RANGE_MS)]
        bucket[bucket.index(old)] = new

    def find(self, vlog_id: str, start: int, end: int) -> Quote | None:
        b = start // SAME_RANGE_MS
        for key in ((vlog_id, b), (vlog_id, b - 1), (vlog_id, b + 1)):
            for q in self._buckets.get(key, ()):
                if same_range(q, vlog_id, start, end):
                    return q
        return None


class BankRepository:
    TABLE = "quotes"

    def __init__(self, path: Path) -> None:
        self.db = Database(path)
        self._cache: tuple[tuple[int, int, int], list[Quote]] | None = None
        self.last_damaged: list[str] = []  # quotes the last `all()` skipped, described

    def _signature(self) -> tuple[int, int, int] | None:
        try:
            st = self.db.path.stat()
        except OSError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)  # every write is an atomic replace: a new inode

    def all(self) -> list[Quote]:
        """Every quote. Re-parsed only when the file changed since the last read (another process may write it)."""
        sig = self._signature()
        if sig is not None and self._cache is not None and self._cache[0] == sig:
            return list(self._cache[1])
        with self.db.transaction() as tdb:
            rows = tdb.table(self.TABLE).all()
            sig = self._signature()
        quotes, self.last_damaged = parse_all(rows, Quote.from_dict, self.db.path)
        if sig is not None:
            self._cache = (sig, quotes)
        return list(quotes)

    def damaged(self) -> list[str]:
        """Every stored quote that cannot be read, described (for `vlogkit doctor`)."""
        self._cache = None
        self.all()
        return list(self.last_damaged)

    def _readable(self, rows: Iterable[dict]) -> list[tuple[dict, Quote]]:
        return [(r, q) for r in rows for q in parse_all([r], Quote.from_dict, self.db.path)[0]]

    def get(self, quote_id: str) -> Quote:
        with self.db.transaction() as tdb:
            row = tdb.table(self.TABLE).get(Query().id == quote_id)
        if row is None:
            raise NotFoundError(N_("No quote with id '{qid}' in the bank; `vlogkit bank list` shows the ids."),
                                qid=quote_id)
        return parse_one(row, Quote.from_dict, self.db.path)

    def find_range(self, vlog_id: str, start: int, end: int) -> Quote | None:
        with self.db.transaction() as tdb:
            rows = tdb.table(self.TABLE).search(Query().vlog_id == vlog_id)
        for _, q in self._readable(rows):
            if same_range(q, vlog_id, start, end):
                return q
        return None

    def add_unique(self, quote: Quote) -> tuple[Quote, bool]:
        """Insert unless a quote of the same source range exists; returns (quote, existing)."""
        with self.db.transaction() as tdb:
            table = tdb.table(self.TABLE)
            for _, q in self._readable(table.search(Query().vlog_id == quote.vlog_id)):
                if same_range(q, quote.vlog_id, quote.start, quote.end):
                    return q, True
            quote = unique_id(quote, lambda qid: table.contains(Query().id == qid))
            table.insert(quote.to_dict())
        return quote, False

    def save(self, quote: Quote) -> Quote:
        with self.db.transaction() as tdb:
            n = tdb.table(self.TABLE).update(_replace_with(quote), Query().id == quote.id)
        if not n:
            raise NotFoundError(N_("No quote with id '{qid}' in the bank."), qid=quote.id)
        return quote

    def remove(self, quote_id: str) -> Quote:
        with self.db.transaction() as tdb:
            table = tdb.table(self.TABLE)
            row = table.get(Query().id == quote_id)
            if row is None:
                raise NotFoundError(N_("No quote with id '{qid}' in the bank; `vlogkit bank list` shows the ids."),
                                qid=quote_id)
            table.remove(Query().id == quote_id)
        readable = self._readable([row])
        return readable[0][1] if readable else Quote(quote_id, "", 0, 1, "", "", "")  # a damaged one goes too

    def remove_for_vlog(self, vlog_id: str) -> int:
        """Remove every quote taken from `vlog_id` (right to be forgotten); returns how many."""
        with self.db.transaction() as tdb:
            removed = tdb.table(self.TABLE).remove(Query().vlog_id == vlog_id)
        return len(removed)

    def merge(self, incoming: Iterable[Quote], resolve: Callable[[Quote, Quote], Quote]) -> tuple[int, int, int]:
        """Merge quotes from a shared file in one transaction: new ones are added; for a quote of the same source
        range, `resolve(existing, incoming)` gives what to keep. Returns (added, updated, unchanged).

        Linear in the size of the bank and the file: quotes are found by range through `RangeIndex`, and the whole
        merge is one read and one write of the file (24,000 quotes of one vlog used to hold the lock for 81 s)."""
        added = updated = unchanged = 0
        with self.db.transaction() as tdb:
            table = tdb.table(self.TABLE)
            by_id: dict[str, Quote] = {}
            doc_ids: dict[str, int] = {}
            index = RangeIndex()
            for r, q in self._readable(table.all()):  # a damaged quote stays as it is, outside the merge
                by_id[q.id] = q
                doc_ids[q.id] = r.doc_id
                index.add(q)
            new_rows: dict[str, Quote] = {}
            changed: dict[str, dict] = {}
            for q in incoming:
                match = index.find(q.vlog_id, q.start, q.end)
                if match is None:
                    q = unique_id(q, by_id.__contains__)
                    new_rows[q.id] = q
                    index.add(q)
                    by_id[q.id] = q
                    added += 1
                    continue
                kept = resolve(match, q).with_(id=match.id)
                if kept == match:
                    unchanged += 1
                    continue
                index.replace(match, kept)
                by_id[match.id] = kept
                if match.id in new_rows:
                    new_rows[match.id] = kept
                else:
                    changed[match.id] = kept.to_dict()
                    updated += 1

            def apply(doc: dict) -> None:
                new = changed[doc["id"]]
                doc.clear()
                doc.update(new)

            if changed:
                table.update(apply, doc_ids=[doc_ids[qid] for qid in changed])
            if new_rows:
                table.insert_multiple([q.to_dict() for q in new_rows.values()])
        return added, updated, unchanged
