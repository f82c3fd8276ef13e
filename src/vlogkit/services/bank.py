"""The quote bank use cases: save candidates or ranges, search, review, consent, exports and team import."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vlogkit.domain import Consent, ConsentScope, Quote, QuoteStatus, Speaker, Vlog
from vlogkit.errors import ConsentError, UsageError, VlogkitError
from vlogkit.jobs import JobContext
from vlogkit.quotes.search import Filters, audience_allows, matches, relevance
from vlogkit.store.bank import make_quote_id

if TYPE_CHECKING:
    from vlogkit.services.app import App
    from vlogkit.store.protocols import QuoteRepository

log = logging.getLogger(__name__)

FORMATS = ("pptx", "cards", "csv", "md", "json")
AUDIENCES = ("internal", "external")
EDITABLE = ("text", "tags", "status", "note", "consent", "speaker", "language")


def now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="microseconds")


def today() -> str:
    return dt.date.today().isoformat()


def _when(stamp: str) -> dt.datetime:
    try:
        t = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


@dataclass
class ExportReport:
    path: Path
    count: int
    skipped: list[str] = field(default_factory=list)  # "qid: why it was left out"
    files: list[Path] = field(default_factory=list)


@dataclass
class ImportReport:
    path: Path
    added: int = 0
    updated: int = 0
    unchanged: int = 0


class BankService:
    def __init__(self, app: App) -> None:
        self.app = app

    @property
    def repo(self) -> QuoteRepository:
        return self.app.store.quotes

    # -- adding ---------------------------------------------------------------------------------

    def add_candidate(
        self, vlog_id: str, rank: int, tags: Sequence[str] = (), status: QuoteStatus | str = QuoteStatus.APPROVED,
        note: str = "", ctx: JobContext | None = None,
    ) -> Quote:
        """Save candidate `rank` (as `vlogkit quotes` numbers them). A quote of the same range is returned as is."""
        cand = self.app.quotes.candidate(vlog_id, rank, ctx=ctx)
        vlog = self.app.vlogs.get(vlog_id)
        return self._add(vlog, cand.start, cand.end, cand.text, cand.verbatim, cand.language, tags, status, note)

    def add_range(
        self, vlog_id: str, start_ms: int, end_ms: int, tags: Sequence[str] = (),
        status: QuoteStatus | str = QuoteStatus.APPROVED, text: str | None = None, note: str = "",
        ctx: JobContext | None = None,
    ) -> Quote:
        """Save what was said between `start_ms` and `end_ms`, snapped to whole words with a little padding."""
        from vlogkit.quotes import clip_range
        from vlogkit.quotes.text import display_text, verbatim_text

        if start_ms < 0 or end_ms <= start_ms:
            raise UsageError("The end of a quote must come after its start (times in seconds, start >= 0).")
        vlog = self.app.vlogs.get(vlog_id)
        transcript = self.app.quotes.transcript(vlog.id, ctx)
        words = transcript.words
        idx = [i for i, w in enumerate(words) if start_ms <= (w.start + w.end) // 2 < end_ms]
        if not idx:
            raise UsageError(f"Nothing was said between {start_ms / 1000:.1f} s and {end_ms / 1000:.1f} s in vlog "
                             f"{vlog.id}; `vlogkit transcribe {vlog.id}` shows the words and their times.")
        first, last = idx[0], idx[-1] + 1
        start, end = clip_range(words, first, last, transcript.duration)
        chosen = words[first:last]
        return self._add(vlog, start, end, text or display_text(chosen), verbatim_text(chosen),
                         transcript.language, tags, status, note)

    def _add(
        self, vlog: Vlog, start: int, end: int, text: str, verbatim: str, language: str, tags: Sequence[str],
        status: QuoteStatus | str, note: str,
    ) -> Quote:
        stamp = now()
        q = Quote(
            id=make_quote_id(vlog.id, start, end), vlog_id=vlog.id, start=start, end=end, text=text,
            verbatim=verbatim, language=language or vlog.detected_language or vlog.language, speaker=vlog.speaker,
            tags=_clean_tags(tags), status=QuoteStatus(status), consent=ConsentScope.EXTERNAL,  # follows the vlog
            created=stamp, updated=stamp, note=note, source_title=vlog.title,
        )
        saved, existing = self.repo.add_unique(q)
        if existing and tags:
            saved = self.update(saved.id, tags=(*saved.tags, *tags))
        return saved

    # -- reading --------------------------------------------------------------------------------

    def get(self, qid: str) -> Quote:
        return self.repo.get(qid)

    def search(self, query: str = "", *, sort: str = "", **filters: Any) -> list[Quote]:
        """Accent- and case-insensitive search with filters (speaker, team, tag, language, status, audience,
        since, until, vlog_id). Sorted by relevance when there is a query, else newest first (`sort` overrides)."""
        unknown = set(filters) - set(Filters.__dataclass_fields__)
        if unknown:
            raise UsageError(f"Unknown filter {', '.join(sorted(unknown))}.")
        f = Filters(**{k: v or "" for k, v in filters.items()})
        if f.audience and f.audience not in AUDIENCES:
            raise UsageError(f"Audience must be internal or external, not '{f.audience}'.")
        for d in (f.since, f.until):
            if d:
                _check_date(d)
        vlogs = self._vlogs()
        scored = []
        for q in self.repo.all():
            if not matches(q, f, lambda x: self.effective_scope(x, vlogs)):
                continue
            rel = relevance(q, query)
            if rel:
                scored.append((rel, q))
        by = sort or ("relevance" if query.strip() else "date")
        if by not in ("relevance", "date"):
            raise UsageError("Sort by relevance or date.")
        scored.sort(key=lambda rq: (rq[1].created, rq[1].id), reverse=True)
        if by == "relevance":
            scored.sort(key=lambda rq: rq[0], reverse=True)
        return [q for _, q in scored]

    def list(self, **filters: Any) -> list[Quote]:
        return self.search("", **filters)

    # -- consent --------------------------------------------------------------------------------

    def _vlogs(self) -> dict[str, Vlog]:
        return {v.id: v for v in self.app.vlogs.all()}

    def source_consent(self, quote: Quote, vlogs: dict[str, Vlog] | None = None) -> Consent | None:
        """The vlog's current consent: from the library, else as carried by a shared file, else None."""
        vlog = (vlogs if vlogs is not None else self._vlogs()).get(quote.vlog_id)
        if vlog is not None:
            return vlog.consent
        return quote.source_consent

    def effective_scope(self, quote: Quote, vlogs: dict[str, Vlog] | None = None) -> ConsentScope:
        """The narrower of the quote's scope and its vlog's current one; `none` when the vlog is gone."""
        src = self.source_consent(quote, vlogs)
        if src is None:
            return ConsentScope.NONE
        return ConsentScope.narrower(quote.consent, src.effective(today()))

    def consent_problem(self, quote: Quote, vlogs: dict[str, Vlog] | None = None) -> str:
        """Why no audience at all may receive `quote` ("" when its consent allows one): withdrawn, expired, never
        recorded, narrowed to none on the quote, or its vlog gone. The bank marks such quotes unusable."""
        vlogs = vlogs if vlogs is not None else self._vlogs()
        src = self.source_consent(quote, vlogs)
        if src is None:
            return "its vlog is no longer in the library, so its consent is unknown"
        if self.effective_scope(quote, vlogs) is not ConsentScope.NONE:
            return ""
        if src.scope is not ConsentScope.NONE and src.expires and today() > src.expires:
            return f"consent expired on {src.expires}"
        vlog = vlogs.get(quote.vlog_id)
        if src.scope is ConsentScope.NONE and vlog is not None and any(
                c.scope is not ConsentScope.NONE for c in vlog.consent_history):
            return f"consent withdrawn{' on ' + src.date if src.date else ''}"
        if quote.consent is ConsentScope.NONE and src.scope is not ConsentScope.NONE:
            return "consent set to none on this quote"
        return "no consent recorded"

    def why_not(self, quote: Quote, audience: str, vlogs: dict[str, Vlog] | None = None) -> str:
        """Why `quote` may not go to `audience`; "" when it may."""
        scope = self.effective_scope(quote, vlogs)
        if audience_allows(quote, scope, audience):
            return ""
        if quote.status is QuoteStatus.REJECTED:
            return "rejected"
        if audience == "external" and quote.status is not QuoteStatus.APPROVED:
            return "not approved yet (external exports take approved quotes only)"
        if self.source_consent(quote, vlogs) is None:
            return "its vlog is no longer in the library, so its consent is unknown"
        if scope is ConsentScope.NONE:
            return "no consent recorded (or consent withdrawn or expired)"
        return f"consent is {scope.value} only"

    def _words_to_confirm(self, quote: Quote, audience: str, fmt: str, vlogs: dict[str, Vlog]) -> str:
        """Why a card or slide may not show `quote` yet: a swear word or slur nobody confirmed ("" when none)."""
        if fmt not in ("cards", "pptx"):
            return ""
        from vlogkit.errors import UnconfirmedWordError
        from vlogkit.services.wordcheck import require_confirmed

        if audience != "external":
            return ""
        transcript = self.app.transcription.get(quote.vlog_id) if quote.vlog_id in vlogs else None
        words = transcript.words_between(quote.start, quote.end) if transcript is not None else ()
        try:
            require_confirmed(audience, words, vlog_id=quote.vlog_id, what=f"Quote {quote.id}",
                              text=quote.text, language=quote.language)
        except UnconfirmedWordError as exc:
            return str(exc)
        return ""

    # -- editing --------------------------------------------------------------------------------

    def update(self, qid: str, **changes: Any) -> Quote:
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise UsageError(f"Cannot change {', '.join(sorted(unknown))} of a quote.")
        q = self.repo.get(qid)
        values: dict[str, Any] = {}
        for key, value in changes.items():
            if value is None:
                continue
            if key == "status":
                try:
                    value = QuoteStatus(value)
                except ValueError as exc:
                    raise UsageError(f"Status must be candidate, approved or rejected, not '{value}'.") from exc
            elif key == "consent":
                value = self._check_consent(q, value)
            elif key == "tags":
                value = _clean_tags(value)
            elif key == "speaker" and not isinstance(value, Speaker):
                value = Speaker.from_dict(value)
            elif key == "text":
                value = str(value).strip()
                if not value:
                    raise UsageError("A quote's text cannot be empty.")
            values[key] = value
        new = q.with_(**values)
        if new == q:
            return q
        saved = self.repo.save(new.with_(updated=now()))
        if saved.status is not q.status:  # who approved (or rejected) what, for `vlogkit log` and the app
            self.app.export_log.record(saved.status.value, vlog_ids=[saved.vlog_id], outputs=[], audience="-",
                                       detail=f"quote {saved.id}: {q.status.value} -> {saved.status.value}",
                                       user=self.app.user)
        return saved

    def _check_consent(self, q: Quote, value: Any) -> ConsentScope:
        try:
            scope = ConsentScope(value)
        except ValueError as exc:
            raise UsageError(f"Consent must be none, internal or external, not '{value}'.") from exc
        src = self.source_consent(q)
        ceiling = src.effective(today()) if src is not None else ConsentScope.NONE
        if scope.rank > ceiling.rank:
            raise ConsentError(
                f"Quote {q.id} cannot have {scope.value} consent: its vlog's consent is {ceiling.value}. A quote can "
                f"narrow its vlog's consent, never widen it; change the vlog's consent with `vlogkit edit {q.vlog_id}`."
            )
        return scope

    def tag(self, qid: str, add: Iterable[str] = (), remove: Iterable[str] = ()) -> Quote:
        q = self.repo.get(qid)
        gone = {t.casefold() for t in remove}
        tags = [t for t in q.tags if t.casefold() not in gone] + list(add)
        return self.update(qid, tags=tags)

    def remove(self, qid: str) -> Quote:
        return self.repo.remove(qid)

    def remove_for_vlog(self, vlog_id: str) -> int:
        return self.repo.remove_for_vlog(vlog_id)

    # -- exports and team sharing ------------------------------------------------------------------

    def export(
        self, fmt: str, out: Path, audience: str = "internal", quotes: list[Quote] | None = None,
        ctx: JobContext | None = None, title: str = "",
    ) -> ExportReport:
        """Write the quotes `audience` may receive; never overwrites (a suffix is added instead)."""
        from vlogkit.services.bank_export import write_export

        if fmt not in FORMATS:
            raise UsageError(f"Export format must be one of {', '.join(FORMATS)}, not '{fmt}'.")
        if audience not in AUDIENCES:
            raise UsageError(f"Audience must be internal or external, not '{audience}'.")
        ctx = ctx or JobContext()
        vlogs = self._vlogs()
        pool = quotes if quotes is not None else self.search(sort="date")
        if not pool:
            raise VlogkitError("The bank holds no quotes to export (or none match the filters): "
                               "`vlogkit bank add` saves some.")
        kept, skipped = [], []
        for q in pool:
            why = self.why_not(q, audience, vlogs) or self._words_to_confirm(q, audience, fmt, vlogs)
            if why:
                skipped.append(f"{q.id}: {why}")
            else:
                kept.append(q)
        if not kept:
            raise ConsentError(
                f"Nothing to export for the {audience} audience: left out {len(skipped)} "
                f"quote{'s' if len(skipped) != 1 else ''}: " + "; ".join(skipped) + "."
            )
        report = write_export(self, fmt, Path(out), audience, kept, vlogs, ctx, title)
        report.skipped = skipped
        files = list(getattr(report, "files", None) or [report.path])
        self.app.export_log.record(
            f"bank-{fmt}", vlog_ids=sorted({q.vlog_id for q in kept}), outputs=[str(f) for f in files],
            audience=audience, detail=f"{len(kept)} quote(s), {len(skipped)} left out",
        )
        return report

    def import_file(self, path: Path | str) -> ImportReport:
        """Merge a colleague's `bank export --format json`: same source range = same quote, newer edit wins,
        consent never widened."""
        from vlogkit.store.bank_file import read_bank_file

        p = Path(path)
        incoming = read_bank_file(p)
        added, updated, unchanged = self.repo.merge(incoming, _resolve)
        return ImportReport(p, added, updated, unchanged)


def _resolve(existing: Quote, incoming: Quote) -> Quote:
    newer = incoming if _when(incoming.updated) > _when(existing.updated) else existing
    source = _narrower_consent(existing.source_consent, incoming.source_consent)
    return newer.with_(
        consent=ConsentScope.narrower(existing.consent, incoming.consent),
        source_consent=source,
        created=min(existing.created, incoming.created) if existing.created and incoming.created else existing.created,
    )


def _narrower_consent(a: Consent | None, b: Consent | None) -> Consent | None:
    if a is None or b is None:
        return a or b
    t = today()
    return a if a.effective(t).rank <= b.effective(t).rank else b


def _clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for t in tags:
        t = str(t).strip()
        if t and t.casefold() not in seen:
            seen[t.casefold()] = t
    return tuple(seen.values())


def _check_date(d: str) -> None:
    try:
        dt.date.fromisoformat(d)
    except ValueError as exc:
        raise UsageError(f"'{d}' is not a date: use YYYY-MM-DD.") from exc

