"""The quote bank use cases: save candidates or ranges, search, review, consent, exports and team import."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vlogkit.domain import (
    AUDIENCES,
    Candidate,
    Clearance,
    Consent,
    ConsentScope,
    DateFormatError,
    Quote,
    QuoteStatus,
    Speaker,
    Transcript,
    Vlog,
    parse_day,
)
from vlogkit.domain.times import format_seconds, format_span
from vlogkit.errors import N_, ConsentError, Number, UsageError, VlogkitError
from vlogkit.jobs import JobContext
from vlogkit.quotes.overlap import BankMatch, bank_match
from vlogkit.quotes.search import Filters, matches, relevance
from vlogkit.services.bank_lookup import get_quote
from vlogkit.services.bank_merge import ImportReport, as_received, clean_tags, resolve
from vlogkit.store.bank import make_quote_id

if TYPE_CHECKING:
    from vlogkit.services.app import App
    from vlogkit.store.protocols import QuoteRepository

log = logging.getLogger(__name__)

FORMATS = ("pptx", "cards", "csv", "md", "json")
QUOTES_MARK = "quotes:"  # in a bank export's log entry: the ids of the quotes the file holds (forget rebuilds it)
_SCOPE_WORDS = {"none": {"en": "none", "nl": "geen", "fr": "aucun"},
                "internal": {"en": "internal", "nl": "intern", "fr": "interne"},
                "external": {"en": "external", "nl": "extern", "fr": "externe"}}
_AUDIENCE_WORDS = {"internal": {"en": "internal", "nl": "intern gebruik", "fr": "un usage interne"},
                   "external": {"en": "external", "nl": "extern gebruik", "fr": "un usage externe"}}
EDITABLE = ("text", "tags", "status", "note", "consent", "speaker", "language")


def now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="microseconds")


@dataclass
class ExportReport:
    path: Path
    count: int
    skipped: list[str] = field(default_factory=list)  # "qid: why it was left out"
    files: list[Path] = field(default_factory=list)


class BankService:
    def __init__(self, app: App) -> None:
        self.app = app

    @property
    def repo(self) -> QuoteRepository:
        return self.app.store.quotes

    # -- adding ---------------------------------------------------------------------------------

    def add_candidate(
        self, vlog_id: str, rank: int, tags: Sequence[str] = (), status: QuoteStatus | str = QuoteStatus.CANDIDATE,
        note: str = "", ctx: JobContext | None = None,
    ) -> Quote:
        """Save candidate `rank` (as `vlogkit quotes` numbers them). A quote of the same range is returned as is."""
        cand = self.app.quotes.candidate(vlog_id, rank, ctx=ctx)
        vlog = self.app.vlogs.get(vlog_id)
        return self._add(vlog, cand.start, cand.end, cand.text, cand.verbatim, cand.language, tags, status, note)

    def add_shown(
        self, vlog_id: str, cand: Candidate, tags: Sequence[str] = (), status: QuoteStatus | str = QuoteStatus.CANDIDATE,
        note: str = "",
    ) -> Quote:
        """Save exactly the line a quote card shows - its own words and range - never a fresh look-up by rank (the
        transcript may have changed since the card was made)."""
        vlog = self.app.vlogs.get(vlog_id)
        if not (0 <= cand.start < cand.end <= vlog.media.duration_ms) or not cand.text.strip():
            raise UsageError(N_("That quote ({span}) does not fit vlog {id} ({length} s long): find quotes again."),
                             span=Number(format_span(cand.start, cand.end)), id=vlog.id, length=Number(vlog.duration_s))
        return self._add(vlog, cand.start, cand.end, cand.text, cand.verbatim, cand.language, tags, status, note)

    def add_range(
        self, vlog_id: str, start_ms: int, end_ms: int, tags: Sequence[str] = (),
        status: QuoteStatus | str = QuoteStatus.CANDIDATE, text: str | None = None, note: str = "",
        ctx: JobContext | None = None,
    ) -> Quote:
        """Save what was said between `start_ms` and `end_ms`, snapped to whole words: the quote runs from the first
        word's start to the last word's end (padding belongs to a clip export, not to the quote's source timecode)."""
        from vlogkit.quotes.text import display_text, verbatim_text

        if start_ms < 0 or end_ms <= start_ms:
            raise UsageError("The end of a quote must come after its start (times in seconds, start >= 0).")
        vlog = self.app.vlogs.get(vlog_id)
        transcript = self.app.quotes.transcript(vlog.id, ctx)
        words = transcript.words
        idx = transcript.indices_between(start_ms, end_ms)
        if not idx:
            raise UsageError(N_("Nothing was said between {start} s and {end} s in vlog {id}; `vlogkit transcribe "
                                "{id}` shows the words and their times."),
                             start=Number(format_seconds(start_ms)), end=Number(format_seconds(end_ms)), id=vlog.id)
        chosen = words[idx[0] : idx[-1] + 1]
        return self._add(vlog, chosen[0].start, chosen[-1].end, text or display_text(chosen), verbatim_text(chosen),
                         transcript.language, tags, status, note)

    def _add(
        self, vlog: Vlog, start: int, end: int, text: str, verbatim: str, language: str, tags: Sequence[str],
        status: QuoteStatus | str, note: str,
    ) -> Quote:
        stamp = now()
        st = _status(status)
        q = Quote(
            id=make_quote_id(vlog.id, start, end), vlog_id=vlog.id, start=start, end=end, text=text,
            verbatim=verbatim, language=language or vlog.detected_language or vlog.language, speaker=vlog.speaker,
            tags=clean_tags(tags), status=st, consent=ConsentScope.EXTERNAL,  # follows the vlog
            created=stamp, updated=stamp, note=note, source_title=vlog.title,
            approved_by=self.app.user if st is QuoteStatus.APPROVED else "",
            approved_at=stamp if st is QuoteStatus.APPROVED else "",
        )
        saved, existing = self.repo.add_unique(q)
        if existing and tags:
            saved = self.update(saved.id, tags=(*saved.tags, *tags))
        return saved

    # -- reading --------------------------------------------------------------------------------

    def get(self, qid: str) -> Quote:
        return get_quote(self, qid)

    def of_vlog(self, vlog_id: str) -> list[Quote]:
        """The quotes saved from one vlog (a read of the local bank; no consent or media work)."""
        return [q for q in self.repo.all() if q.vlog_id == vlog_id]

    def match(self, vlog_id: str, start: int, end: int, transcript: Transcript | None) -> BankMatch | None:
        """The bank quote of `vlog_id` holding the line [start, end) of `transcript`: the same words, or most of
        them (`quotes.overlap.bank_match`); None when the line is not in the bank."""
        return bank_match(transcript, start, end, self.of_vlog(vlog_id))

    def search(self, query: str = "", *, sort: str = "", **filters: Any) -> list[Quote]:
        """Accent- and case-insensitive search with filters (speaker, team, tag, language, status, audience,
        since, until, vlog_id). Sorted by relevance when there is a query, else newest first (`sort` overrides)."""
        unknown = set(filters) - set(Filters.__dataclass_fields__)
        if unknown:
            raise UsageError(f"Unknown filter {', '.join(sorted(unknown))}.")
        f = Filters(**{k: v or "" for k, v in filters.items()})
        if f.audience and f.audience not in AUDIENCES:
            raise UsageError(f"Audience must be internal or external, not '{f.audience}'.")
        if f.since or f.until:
            f = replace(f, since=_check_date(f.since) if f.since else "", until=_check_date(f.until) if f.until else "")
        vlogs = self._vlogs()
        scored = []
        for q in self.repo.all():
            if not matches(q, f, lambda x, aud: self.clearance(x, aud, vlogs).ok):
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

    # -- consent: every answer comes from the clearance rule (vlogkit.domain.clearance) -----------------

    def _vlogs(self) -> dict[str, Vlog]:
        return {v.id: v for v in self.app.vlogs.all()}

    def vlog_consent(self, quote: Quote, vlogs: dict[str, Vlog] | None = None) -> Consent | None:
        """The consent record a shared file carries for this quote: the vlog's here, else the claim it came with."""
        vlog = (vlogs if vlogs is not None else self._vlogs()).get(quote.vlog_id)
        return vlog.consent if vlog is not None else quote.source_consent

    def clearance(self, quote: Quote, audience: str, vlogs: dict[str, Vlog] | None = None, *,
                  review: bool = True) -> Clearance:
        return self.app.consent.for_quote(quote, audience, vlogs if vlogs is not None else self._vlogs(),
                                          review=review)

    def effective_scope(self, quote: Quote, vlogs: dict[str, Vlog] | None = None) -> ConsentScope:
        """The widest audience the consent allows this quote (its review status aside)."""
        return self.app.consent.quote_scope(quote, vlogs if vlogs is not None else self._vlogs())

    def consent_problem(self, quote: Quote, vlogs: dict[str, Vlog] | None = None) -> str:
        """Why no audience at all may receive `quote` ("" when one may): the rule's reason. Marks it unusable."""
        c = self.app.consent.for_quote(quote, "internal", vlogs if vlogs is not None else self._vlogs(),
                                       review=False)
        return c.reason() if c.consent_blocked else ""

    def why_not(self, quote: Quote, audience: str, vlogs: dict[str, Vlog] | None = None) -> str:
        """Why `quote` may not go to `audience`; "" when it may."""
        return self.clearance(quote, audience, vlogs).reason()

    # -- editing --------------------------------------------------------------------------------

    def update(self, qid: str, *, by: str | None = None, **changes: Any) -> Quote:
        """Change a quote. Approving records who (`by`, default the user) and when; any other status clears the
        approval; a new text (or verbatim) on an approved quote returns it to candidate - what goes out is what
        was approved."""
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise UsageError(f"Cannot change {', '.join(sorted(unknown))} of a quote.")
        q = self.get(qid)
        values: dict[str, Any] = {}
        for key, value in changes.items():
            if value is None:
                continue
            if key == "status":
                value = _status(value)
            elif key == "consent":
                value = self._check_consent(q, value)
            elif key == "tags":
                value = clean_tags(value)
            elif key == "speaker" and not isinstance(value, Speaker):
                value = Speaker.from_dict(value)
            elif key == "text":
                value = str(value).strip()
                if not value:
                    raise UsageError(N_("A quote's text cannot be empty."))
            values[key] = value
        new = q.with_(**values)
        if new == q and not by:
            return q
        stamp = now()
        if "status" in values:
            if new.status is not QuoteStatus.APPROVED:
                new = new.with_(approved_by="", approved_at="")
            elif q.status is not QuoteStatus.APPROVED or by or new.text != q.text:
                new = new.with_(approved_by=(by or "").strip() or self.app.user, approved_at=stamp)
        elif q.status is QuoteStatus.APPROVED and (new.text != q.text or new.verbatim != q.verbatim):
            new = new.with_(status=QuoteStatus.CANDIDATE, approved_by="", approved_at="")
        saved = self.repo.save(new.with_(updated=stamp))
        if saved.status is not q.status:  # who approved (or rejected) what, for `vlogkit log` and the app
            self.app.export_log.record(saved.status.value, vlog_ids=[saved.vlog_id], outputs=[], audience="-",
                                       detail=f"quote {saved.id}: {q.status.value} -> {saved.status.value}",
                                       user=saved.approved_by or self.app.user)
        return saved

    def approve(self, qids: Sequence[str], by: str | None = None) -> list[Quote]:
        """Mark quotes approved by `by` (default: the user name in settings, else the OS user), now. Approval does
        not look at consent: that is checked at every export."""
        return [self.update(qid, status=QuoteStatus.APPROVED, by=by) for qid in qids]

    def accept_proposal(self, qid: str, index: int = -1) -> Quote:
        """Apply a change a shared file proposed (text, speaker, status) as an edit made here; drop the rest."""
        q = self.get(qid)
        if not q.proposals:
            raise UsageError(f"Quote {qid} has no proposed changes.")
        try:
            p = q.proposals[index]
        except IndexError:
            raise UsageError(f"Quote {qid} has {len(q.proposals)} proposal(s); choose 1-{len(q.proposals)}.") from None
        changes: dict[str, Any] = {}
        if p.text:
            changes["text"] = p.text
        if p.speaker is not None:
            changes["speaker"] = p.speaker
        if p.status is not None:
            changes["status"] = p.status
        self.repo.save(q.with_(proposals=tuple(x for x in q.proposals if x is not p)))
        new = self.update(qid, **changes) if changes else self.get(qid)
        if p.text and new.verbatim != (p.verbatim or p.text):
            new = self.repo.save(new.with_(verbatim=p.verbatim or p.text))
        return new

    def dismiss_proposals(self, qid: str) -> Quote:
        q = self.get(qid)
        return self.repo.save(q.with_(proposals=())) if q.proposals else q

    def _check_consent(self, q: Quote, value: Any) -> ConsentScope:
        try:
            scope = ConsentScope.parse(value)
        except ValueError as exc:
            raise UsageError(f"Quote {q.id}: {exc}.") from None
        ceiling = self.effective_scope(q.with_(consent=ConsentScope.EXTERNAL))
        if scope.rank > ceiling.rank:
            raise ConsentError(N_(
                "Quote {qid} cannot have {scope} consent: its vlog's consent allows {ceiling}. A quote can narrow its "
                "vlog's consent, never widen it; change the vlog's consent with `vlogkit edit {id}`."),
                qid=q.id, scope=_SCOPE_WORDS[scope.value], ceiling=_SCOPE_WORDS[ceiling.value], id=q.vlog_id)
        return scope

    def tag(self, qid: str, add: Iterable[str] = (), remove: Iterable[str] = ()) -> Quote:
        q = self.get(qid)
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
        ctx: JobContext | None = None, title: str = "", log: bool = True, separator: str = "",
    ) -> ExportReport:
        """Write the quotes `audience` may receive; never overwrites (a suffix is added instead); a CSV's cells
        between `separator`s ("" = the setting's). `log=False`: the caller logs the file (forget's rebuild)."""
        from vlogkit.services.bank_export import words_to_confirm, write_export

        if fmt not in FORMATS:
            raise UsageError(f"Export format must be one of {', '.join(FORMATS)}, not '{fmt}'.")
        if audience not in AUDIENCES:
            raise UsageError(f"Audience must be internal or external, not '{audience}'.")
        ctx = ctx or JobContext()
        vlogs = self._vlogs()
        pool = quotes if quotes is not None else self.search(sort="date")
        if not pool:
            raise VlogkitError(N_("The bank holds no quotes to export (or none match the filters): "
                                  "`vlogkit bank add` saves some."))
        kept, skipped, hints = [], [], {}
        reasons: dict[str, list[str]] = {lang: [] for lang in ("en", "nl", "fr")}  # the app shows its language's
        for q in pool:
            c = self.clearance(q, audience, vlogs)
            why = c.reason() or words_to_confirm(self.app, q, audience, fmt, vlogs)
            if why:
                skipped.append(f"{q.id}: {why}")
                hints.setdefault(c.hint, None)
                for lang, lines in reasons.items():
                    lines.append(f"{q.id}: {c.reason(lang) if not c.ok else why}")
            else:
                kept.append(q)
        if not kept:
            template = (N_("Nothing to export for the {audience} audience: left out {n} quote: {reasons}.")
                        if len(skipped) == 1 else
                        N_("Nothing to export for the {audience} audience: left out {n} quotes: {reasons}."))
            err = ConsentError(template, audience=_AUDIENCE_WORDS[audience], n=len(skipped),
                               reasons={lang: "; ".join(lines) for lang, lines in reasons.items()})
            raise err.with_hint("; ".join(h for h in hints if h)) if any(hints) else err  # the CLI's what-to-do
        report = write_export(self, fmt, Path(out), audience, kept, vlogs, ctx, title, separator)
        report.skipped = skipped
        files = list(getattr(report, "files", None) or [report.path])
        with self.app.consent.gate(files):  # kept only while every quote is still cleared (forget, withdrawal)
            self.app.consent.require_quotes_current(kept, audience)
            if log:
                self.app.export_log.record(
                    f"bank-{fmt}", vlog_ids=sorted({q.vlog_id for q in kept}), outputs=[str(f) for f in files],
                    audience=audience, detail=f"{len(kept)} quote(s), {len(skipped)} left out; {QUOTES_MARK} "
                                              + " ".join(q.id for q in kept),
                )
        return report

    def import_file(self, path: Path | str) -> ImportReport:
        """Merge a colleague's `bank export --format json`: same source range = same quote.

        A file never widens anything: consent claims and caps only narrow, and external use always needs the vlog
        here (the clearance rule). Status, text and speaker of a quote held here are never overridden: the file's
        changes are kept as proposals (`vlogkit bank proposals`). A new quote the file calls approved arrives as
        a candidate with the approval as a proposal: this library's reviewer decides."""
        from vlogkit.store.bank_file import read_bank_file

        p = Path(path)
        incoming = read_bank_file(p)
        report = ImportReport(p)
        forgotten = self.app.tombstones.forgotten_ids()
        taken = []
        for q in incoming:
            if q.vlog_id in forgotten:
                report.refused.append(f"{q.id}: its vlog {q.vlog_id} was forgotten here")
            else:
                taken.append(as_received(q, p.name))
        proposals_before = sum(len(q.proposals) for q in self.repo.all())
        report.added, report.updated, report.unchanged = self.repo.merge(
            taken, lambda existing, new: resolve(existing, new, p.name))
        report.proposals = sum(len(q.proposals) for q in self.repo.all()) - proposals_before
        return report


def _status(value: Any) -> QuoteStatus:
    try:
        return QuoteStatus.parse(value)
    except ValueError as exc:
        raise UsageError(f"The {exc}.") from None


def _check_date(d: str) -> str:
    """A --since/--until day in any ISO form, normalised to YYYY-MM-DD."""
    try:
        return parse_day(d).isoformat()
    except DateFormatError as exc:
        raise UsageError(str(exc)) from None

