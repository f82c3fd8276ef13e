"""Who may see what: the one rule every export path, preview, marker and list asks.

    clearance(subject, audience, now) -> Clearance(ok, code, message)

`subject` is a `Vlog` (the whole vlog: transcript, subtitles), a `ClipUse` (ranges of a vlog, or a bank quote's
clip) or a `QuoteUse` (a bank quote with its vlog as this library knows it). `audience` is one of `AUDIENCES`.
`now` is an aware datetime in the user's local zone (`vlogkit.domain.dates` has the timezone rule).

The rule, in order (the first refusal wins; unknown or missing values fail closed):

1. the audience must be `internal` or `external`;
2. the vlog's current consent: a record that cannot be read, no consent, consent withdrawn, or expired (past its
   last day) allow nothing; `internal` consent allows the internal audience only;
   a bank quote whose vlog is not in this library rests on nothing for external use (a shared file's claim never
   widens); for internal use it rests on the claim the file carried, or on a verified hand-off record;
3. the quote's own cap narrows the vlog's consent (`none`: nothing; `internal`: internal only);
4. review: a rejected quote goes nowhere; external use of a bank quote needs `approved`. A clip of a range or of a
   finder candidate needs only the vlog's consent.

Nothing else compares consent scopes or statuses to decide an export. The refusal texts live in
`vlogkit.domain.clearance_text` (English, Dutch, French), keyed by the codes below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from vlogkit.domain.clearance_text import CODES, hint_for, message_for, reason_for
from vlogkit.domain.consent import Consent, ConsentScope
from vlogkit.domain.dates import day_in_zone
from vlogkit.domain.quote import Quote, QuoteStatus
from vlogkit.domain.vlog import Vlog

AUDIENCES: tuple[str, ...] = ("internal", "external")
"""Who an export is for. `internal`: colleagues (intranet, team); `external`: public channels."""

OK = "ok"
CONSENT_CODES = frozenset({"no_consent", "withdrawn", "expired", "consent_unreadable", "consent_unknown",
                           "quote_capped_none", "forgotten"})
"""Codes that mean no audience at all may receive the material (the bank marks such quotes unusable)."""


@dataclass(frozen=True, slots=True)
class Clearance:
    """The answer: `ok`, a stable `code` for programs and tests, and the `message` (English) a person reads.

    `text(lang)` gives the message in `en`, `nl` or `fr`; `reason(lang)` the short reason without the subject;
    `hint` the CLI's "what to do" (commands are English)."""

    ok: bool
    code: str
    params: tuple[tuple[str, str], ...] = ()

    def __bool__(self) -> bool:
        return self.ok

    @property
    def message(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        return "" if self.ok else message_for(self.code, dict(self.params), lang)

    def reason(self, lang: str = "en") -> str:
        return "" if self.ok else reason_for(self.code, dict(self.params), lang)

    @property
    def hint(self) -> str:
        return "" if self.ok else hint_for(self.code, dict(self.params))

    @property
    def consent_blocked(self) -> bool:
        """No audience may receive it, whatever its review status (withdrawn, expired, never given, unknown)."""
        return not self.ok and self.code in CONSENT_CODES

    @property
    def param(self) -> dict[str, str]:
        return dict(self.params)


CLEARED = Clearance(True, OK)


def refusal(code: str, **params: object) -> Clearance:
    """A refusal with `code` (one of the catalogue's codes) and the values its message names."""
    if code not in CODES:
        raise ValueError(f"unknown clearance code {code!r}")
    return Clearance(False, code, tuple(sorted((k, str(v)) for k, v in params.items())))


@dataclass(frozen=True, slots=True)
class QuoteUse:
    """A bank quote as this library sees it: `vlog` is its vlog here (None when it is not in this library);
    `handoff` is a consent record carried by a verified (signed) team hand-off package, if any."""

    quote: Quote
    vlog: Vlog | None
    handoff: Consent | None = None


@dataclass(frozen=True, slots=True)
class ClipUse:
    """Ranges (ms) of a vlog going out as a clip; `quote` when the clip is a bank quote (`export --quote`).

    The ranges' consent is their vlog's (a `--range` or finder candidate needs only that); their bounds are the
    timeline's business (`vlogkit.render.timeline`), not a consent question."""

    vlog: Vlog
    ranges: tuple[tuple[int, int], ...] = ()
    quote: Quote | None = None


def clearance(subject: Vlog | ClipUse | QuoteUse, audience: str, now: dt.datetime, *, review: bool = True
              ) -> Clearance:
    """May `subject` go to `audience` at `now`? See the module docstring for the rule.

    `review=False` leaves out step 4 (review status): what the consent alone allows, for showing a quote's consent
    column. Exports never pass it."""
    if audience not in AUDIENCES:
        return refusal("unknown_audience", audience=audience)
    if isinstance(subject, Vlog):
        return _vlog(subject, audience, now)
    if isinstance(subject, ClipUse):
        return _clip(subject, audience, now, review)
    if isinstance(subject, QuoteUse):
        return _quote(subject, audience, now, review)
    return refusal("unknown_value", problem=f"nothing to clear ({type(subject).__name__})")


def cleared_scope(subject: Vlog | ClipUse | QuoteUse, now: dt.datetime) -> ConsentScope:
    """The widest audience the consent allows (review status left out): external, internal, or none."""
    for audience, scope in (("external", ConsentScope.EXTERNAL), ("internal", ConsentScope.INTERNAL)):
        if clearance(subject, audience, now, review=False).ok:
            return scope
    return ConsentScope.NONE


def _who(vlog: Vlog) -> str:
    return f" ({vlog.speaker.name})" if vlog.speaker.name else ""


def _consent(consent: Consent, history: Sequence[Consent], audience: str, now: dt.datetime,
             **ids: str) -> Clearance:
    """The consent part of the rule, for one record (a vlog's current consent, or a claimed/hand-off record)."""
    if not isinstance(consent, Consent) or not isinstance(consent.scope, ConsentScope):
        return refusal("consent_unreadable", problem="not a consent record", **ids)
    if consent.problem:
        return refusal("consent_unreadable", problem=consent.problem, **ids)
    if consent.scope is ConsentScope.NONE:
        if any(isinstance(h, Consent) and h.scope is not ConsentScope.NONE for h in history):
            return refusal("withdrawn", date=consent.date.isoformat() if consent.date else "?", **ids)
        return refusal("no_consent", **ids)
    if consent.expires is not None:
        try:
            today = day_in_zone(now, consent.zone)
        except ValueError:
            return refusal("unknown_value", problem="the time of the check carries no timezone", **ids)
        if today > consent.expires:
            return refusal("expired", date=consent.expires.isoformat(), **ids)
    if audience == "external" and consent.scope is not ConsentScope.EXTERNAL:
        return refusal("internal_only", **ids)
    return CLEARED


def _vlog(vlog: Vlog, audience: str, now: dt.datetime) -> Clearance:
    return _consent(vlog.consent, vlog.consent_history, audience, now, id=vlog.id, who=_who(vlog))


def _clip(use: ClipUse, audience: str, now: dt.datetime, review: bool) -> Clearance:
    vlog = use.vlog
    if use.quote is not None:
        q = use.quote
        if q.vlog_id != vlog.id:
            return refusal("wrong_vlog", qid=q.id, other=q.vlog_id, id=vlog.id, who=_who(vlog))
        return _quote(QuoteUse(q, vlog), audience, now, review)
    return _vlog(vlog, audience, now)


def _quote(use: QuoteUse, audience: str, now: dt.datetime, review: bool) -> Clearance:
    q, vlog = use.quote, use.vlog
    if not isinstance(q.status, QuoteStatus) or not isinstance(q.consent, ConsentScope):
        return refusal("unknown_value", problem=f"status {q.status!r}, consent {q.consent!r}", qid=q.id, id=q.vlog_id)
    ids = {"qid": q.id, "id": q.vlog_id, "who": f" ({q.speaker.name})" if q.speaker.name else ""}
    if vlog is not None:
        if vlog.id != q.vlog_id:
            return refusal("wrong_vlog", qid=q.id, other=q.vlog_id, id=vlog.id, who=_who(vlog))
        base = _consent(vlog.consent, vlog.consent_history, audience, now, **ids)
    elif use.handoff is not None:
        base = _consent(use.handoff, (), audience, now, **ids)
    elif audience == "external":
        base = refusal("vlog_not_local", **ids)
    elif q.source_consent is not None:
        base = _consent(q.source_consent, (), audience, now, **ids)
    else:
        base = refusal("consent_unknown", **ids)
    if not base.ok:
        return base
    if q.consent is ConsentScope.NONE:
        return refusal("quote_capped_none", **ids)
    if audience == "external" and q.consent is not ConsentScope.EXTERNAL:
        return refusal("quote_internal_only", **ids)
    if not review:
        return CLEARED
    if q.status is QuoteStatus.REJECTED:
        return refusal("quote_rejected", **ids)
    if audience == "external" and q.status is not QuoteStatus.APPROVED:
        return refusal("quote_not_approved", **ids)
    return CLEARED


__all__ = ["AUDIENCES", "CLEARED", "CONSENT_CODES", "Clearance", "ClipUse", "QuoteUse", "clearance",
           "cleared_scope", "refusal"]
