"""Consent at the edge: the user's zone and name, consent records, and asking the one clearance rule.

Every export path asks `app.consent` (which asks `vlogkit.domain.clearance.clearance`) and raises the rule's own
message as a `ConsentError`; nothing here decides anything the rule does not.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from vlogkit.domain import (
    AUDIENCES,
    Clearance,
    ClipUse,
    Consent,
    ConsentScope,
    Quote,
    QuoteUse,
    Vlog,
    clearance,
)
from vlogkit.domain.clearance import cleared_scope, refusal
from vlogkit.domain.consent import given_on_problem
from vlogkit.domain.dates import DateFormatError, parse_optional_day, zone_of
from vlogkit.errors import N_, ConsentDateError, ConsentError, Phrase, UsageError
from vlogkit.jobs import JobContext

if TYPE_CHECKING:
    from vlogkit.services.app import App

DEFAULT_RELEASE = ("I agree that my employer may use this recording, its transcript and quotes from it for the "
                   "audience chosen here, until I withdraw this consent.")
DEFAULT_RELEASE_VERSION = "1"

GIVEN_ON_TEXTS = {  # the domain's `given_on_problem` codes, worded (the app shows them in its language)
    "future": N_("The consent date {given} is in the future (today is {limit} in your zone): give the day the person "
                 "gave consent, today or earlier."),
    "after_expiry": N_("The consent date {given} is after its expiry {limit}: a consent cannot end before it was "
                       "given - fix one of the two dates."),
    "before_withdrawal": N_("The consent date {given} is before the withdrawal recorded for {limit}: an older consent "
                            "cannot bring back a withdrawn one - give the day the person gave consent again."),
}


def local_zone_name() -> str:
    """The machine's zone as an IANA name when it can be told (TZ, /etc/localtime), else its offset now (+01:00)."""
    unknown = dt.timezone(dt.timedelta(0), "unknown")
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and zone_of(tz, unknown) is not unknown:
        return tz
    try:
        target = Path("/etc/localtime").resolve()
        parts = target.parts
        if "zoneinfo" in parts:
            name = "/".join(parts[parts.index("zoneinfo") + 1:])
            if name and zone_of(name, unknown) is not unknown:
                return name
    except OSError:
        pass
    offset = dt.datetime.now().astimezone().utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def parse_expiry(text: str | dt.date | None) -> dt.date | None:
    """A consent expiry (or given-on day) from the CLI or a dialog: "" = none; every ISO form; anything else a
    UsageError."""
    try:
        return parse_optional_day(text, "date")
    except DateFormatError as exc:
        raise UsageError(f"{exc}") from None


class ConsentService:
    def __init__(self, app: App) -> None:
        self.app = app

    # -- the user's zone, name and release --------------------------------------------------------

    def zone_name(self) -> str:
        return (self.app.settings.timezone or "").strip() or local_zone_name()

    def now(self) -> dt.datetime:
        """Now, in the user's zone (the zone consent days are counted in when a record has none of its own)."""
        return dt.datetime.now(zone_of(self.zone_name(), dt.datetime.now().astimezone().tzinfo or dt.UTC))

    def today(self) -> dt.date:
        return self.now().date()

    def user(self) -> str:
        return self.app.user

    def release(self) -> tuple[str, str]:
        s = self.app.settings
        return (s.release_text or DEFAULT_RELEASE), (str(s.release_version or "") or DEFAULT_RELEASE_VERSION)

    def check_given_on(self, scope: ConsentScope, given_on: dt.date | None, expires: dt.date | None = None,
                       history: Sequence[Consent] = ()) -> None:
        """Raise a one-line ConsentDateError when a consent may not be recorded as given on `given_on` (None =
        dated today, the day of the change): the domain's rule (`given_on_problem`), today in the user's zone."""
        problem = given_on_problem(ConsentScope(scope), given_on, expires, self.today(), history)
        if problem is not None:
            raise ConsentDateError(GIVEN_ON_TEXTS[problem.code], given=problem.given.isoformat(),
                                   limit=problem.limit.isoformat())

    def record(self, scope: ConsentScope, expires: dt.date | None = None, *, given_on: dt.date | None = None,
               recorded_by: str = "", history: Sequence[Consent] = ()) -> Consent:
        """A new consent record: scope and expiry as given, dated `given_on` (the day the person gave it; default
        today in the user's zone; checked by `check_given_on` against today, the expiry and `history`), with who
        recorded it (`recorded_by`, else the settings user name, else the OS user), the real moment it was entered
        (`recorded_at`, the audit trail) and the release wording (and its version) in force."""
        self.check_given_on(scope, given_on, expires, history)
        now = self.now()
        text, version = self.release()
        return Consent(scope=ConsentScope(scope), date=given_on or now.date(), expires=expires, zone=self.zone_name(),
                       recorded_by=recorded_by.strip() or self.user(), recorded_at=now.isoformat(timespec="seconds"),
                       release=text if scope is not ConsentScope.NONE else "",
                       release_version=version if scope is not ConsentScope.NONE else "")

    def rule_text(self, consent: Consent) -> str:
        """The timezone rule in words, for `vlogkit show` and the app."""
        zone = consent.zone or self.zone_name()
        if consent.expires:
            return (f"allows exports until the end of {consent.expires.isoformat()} in {zone} "
                    f"(the consent's own day, in the zone it was recorded in)")
        return f"no end date; days counted in {zone}"

    # -- asking the rule ----------------------------------------------------------------------------

    @staticmethod
    def check_audience(audience: str) -> str:
        if audience not in AUDIENCES:
            raise UsageError(refusal("unknown_audience", audience=audience).message)
        return audience

    def for_vlog(self, vlog: Vlog, audience: str) -> Clearance:
        return clearance(vlog, audience, self.now())

    def for_clip(self, vlog: Vlog, ranges: Sequence[tuple[int, int]], audience: str,
                 quote: Quote | None = None) -> Clearance:
        return clearance(ClipUse(vlog, tuple((int(a), int(b)) for a, b in ranges), quote), audience, self.now())

    def for_quote(self, quote: Quote, audience: str, vlogs: dict[str, Vlog] | None = None, *,
                  review: bool = True) -> Clearance:
        vlogs = vlogs if vlogs is not None else {v.id: v for v in self.app.vlogs.all()}
        return clearance(QuoteUse(quote, vlogs.get(quote.vlog_id)), audience, self.now(), review=review)

    def quote_scope(self, quote: Quote, vlogs: dict[str, Vlog] | None = None) -> ConsentScope:
        vlogs = vlogs if vlogs is not None else {v.id: v for v in self.app.vlogs.all()}
        return cleared_scope(QuoteUse(quote, vlogs.get(quote.vlog_id)), self.now())

    @staticmethod
    def require(c: Clearance) -> None:
        """Raise the rule's refusal as a one-line ConsentError (message and what to do)."""
        if c.ok:
            return
        if c.code == "unknown_audience":
            raise UsageError(c.message)
        hint = c.hint
        raise ConsentError(c.message[:-1] + (f" - {hint}." if hint else ".")).in_languages(
            {lang: c.text(lang) for lang in ("en", "nl", "fr")})  # the app: the rule's words, without the commands

    def require_vlog(self, vlog: Vlog, audience: str) -> None:
        self.require(self.for_vlog(vlog, audience))

    def require_clip(self, vlog: Vlog, ranges: Sequence[tuple[int, int]], audience: str,
                     quote: Quote | None = None) -> None:
        self.require(self.for_clip(vlog, ranges, audience, quote))

    def require_current(self, vlog_id: str, ranges: Sequence[tuple[int, int]] | None, audience: str,
                        quote_id: str | None = None) -> Vlog:
        """The rule on the library as it is *now* (another process may have withdrawn consent, removed or forgotten
        the vlog meanwhile): exports ask it again right before their outputs become final."""
        from vlogkit.errors import NotFoundError

        self.app.tombstones.check(vlog_id, what=Phrase(N_("Vlog {id}"), id=vlog_id))
        try:
            vlog = self.app.vlogs.get(vlog_id)
        except NotFoundError:
            raise ConsentError(N_("Vlog {id} is no longer in the library, so nothing of it is exported."),
                               id=vlog_id) from None
        self.app.tombstones.check(fingerprint=vlog.fingerprint, what=Phrase(N_("Vlog {id}"), id=vlog_id))
        quote = None
        if quote_id:
            try:
                quote = self.app.bank.get(quote_id)
            except NotFoundError:
                raise ConsentError(N_("Quote {qid} is no longer in the bank, so it is not exported."),
                                   qid=quote_id) from None
        if ranges or quote is not None:
            self.require_clip(vlog, ranges or ((quote.start, quote.end),) if quote else (), audience, quote)
        else:
            self.require_vlog(vlog, audience)
        return vlog

    def require_quotes_current(self, quotes: Sequence[Quote], audience: str) -> None:
        """Every quote of a bank export, asked again on the bank and library as they are now."""
        from vlogkit.errors import NotFoundError

        vlogs = {v.id: v for v in self.app.vlogs.all()}
        forgotten = self.app.tombstones.forgotten_ids()
        for q in quotes:
            if q.vlog_id in forgotten:
                raise ConsentError(N_("Quote {qid}: its vlog {id} was forgotten meanwhile; nothing is exported."),
                                   qid=q.id, id=q.vlog_id)
            try:
                current = self.app.bank.get(q.id)
            except NotFoundError:
                raise ConsentError(N_("Quote {qid} was removed from the bank meanwhile; nothing is exported."),
                                   qid=q.id) from None
            if (current.text, current.speaker, current.start, current.end) != (q.text, q.speaker, q.start, q.end):
                raise ConsentError(N_("Quote {qid} changed while it was being exported; export again."), qid=q.id)
            self.require(self.for_quote(current, audience, vlogs))

    @contextlib.contextmanager
    def gate(self, outputs: Sequence[Path] = ()) -> Iterator[None]:
        """The consent lock. An export makes its outputs final (checks the rule again, logs them) inside it; forget
        writes its tombstone inside it. So an export either is logged before a forget (which then finds and removes
        its files) or sees the tombstone and removes `outputs` itself."""
        with self.app.store.exclusive("consent"):  # a team library: one lock for every desk
            try:
                yield
            except BaseException:
                for p in outputs:
                    with contextlib.suppress(OSError):
                        Path(p).unlink()
                raise

    def watch(self, ctx: JobContext, vlog_ids: Sequence[str]) -> JobContext:
        """`ctx`, but its progress reports stop the job (ConsentError) as soon as one of `vlog_ids` is forgotten -
        by this process or another. One stat per report while nothing changes."""
        tomb = self.app.tombstones
        seen = [tomb.signature()]
        ids = tuple(vlog_ids)

        def report(fraction: float, message: str) -> None:
            sig = tomb.signature()
            if sig != seen[0]:
                seen[0] = sig
                for vid in ids:
                    tomb.check(vid, what=Phrase(N_("Vlog {id}"), id=vid))
            ctx.report(fraction, message)

        return JobContext(on_progress=report, cancel_event=ctx.cancel_event)


__all__ = ["ConsentService", "local_zone_name", "parse_expiry"]
