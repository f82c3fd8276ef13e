"""What a person agreed to: a consent scope, and the dated record of each time it was given, changed or withdrawn.

Whether something may go to an audience is decided in one place, `vlogkit.domain.clearance`; this module only holds
the values. Days follow the rule in `vlogkit.domain.dates` (the consent's own day in the zone it was recorded in).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from vlogkit.domain.dates import DateFormatError, day_text, parse_optional_day


class ConsentScope(StrEnum):
    NONE = "none"  # nothing recorded, or withdrawn: usable inside vlogkit, never exported
    INTERNAL = "internal"
    EXTERNAL = "external"

    @property
    def rank(self) -> int:
        return {"none": 0, "internal": 1, "external": 2}[self.value]

    @classmethod
    def narrower(cls, a: ConsentScope, b: ConsentScope) -> ConsentScope:
        return a if a.rank <= b.rank else b

    @classmethod
    def parse(cls, value: object, what: str = "consent") -> ConsentScope:
        """`none|internal|external` -> the scope; anything else -> ValueError naming the allowed values."""
        try:
            return cls(str(value).strip().lower()) if isinstance(value, str) else cls(value)
        except ValueError:
            raise ValueError(f"{what} '{value}' is not one of none, internal, external") from None


@dataclass(frozen=True, slots=True)
class Consent:
    """One consent record. `date`/`expires` are days in `zone` (see `vlogkit.domain.dates`).

    `problem` is set when a stored record could not be read (an unknown scope, a date in no ISO form): such a
    record allows nothing - the clearance rule refuses it and names the problem.
    """

    scope: ConsentScope = ConsentScope.NONE
    date: dt.date | None = None  # the day the consent was given or changed
    expires: dt.date | None = None  # the last day it holds; from the next day on it counts as withdrawn
    zone: str = ""  # IANA name or +HH:MM of the user's zone when recorded; "" = the user's zone now
    recorded_by: str = ""  # who recorded it (settings user name, else the OS user)
    recorded_at: str = ""  # ISO timestamp with offset
    release: str = ""  # the wording of the release the person agreed to
    release_version: str = ""
    problem: str = ""

    def to_dict(self) -> dict[str, str]:
        d = {"scope": self.scope.value, "date": day_text(self.date), "expires": day_text(self.expires)}
        for key in ("zone", "recorded_by", "recorded_at", "release", "release_version", "problem"):
            value = getattr(self, key)
            if value:
                d[key] = value
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Consent:
        """Read a stored record. Never raises: what cannot be read becomes `problem` (and allows nothing)."""
        d = d if isinstance(d, dict) else {}
        problems: list[str] = []
        try:
            scope = ConsentScope.parse(d.get("scope", "none") or "none")
        except ValueError as exc:
            scope, problems = ConsentScope.NONE, [str(exc)]
        days: dict[str, dt.date | None] = {}
        for key, what in (("date", "consent date"), ("expires", "consent expiry")):
            try:
                days[key] = parse_optional_day(d.get(key), what)
            except DateFormatError as exc:
                days[key] = None
                problems.append(str(exc))
        if d.get("problem"):
            problems.insert(0, str(d["problem"]))
        text = {k: str(d.get(k) or "") for k in ("zone", "recorded_by", "recorded_at", "release", "release_version")}
        return cls(scope, days["date"], days["expires"], problem="; ".join(problems), **text)


@dataclass(frozen=True, slots=True)
class GivenOnProblem:
    """Why a consent cannot be recorded as given on `given`: `code` - future (after `limit`, today), after_expiry
    (after `limit`, the expiry) or before_withdrawal (before `limit`, a later withdrawal). The services word it."""

    code: str
    given: dt.date
    limit: dt.date


def given_on_problem(scope: ConsentScope, given: dt.date | None, expires: dt.date | None, today: dt.date,
                     history: Sequence[Consent] = ()) -> GivenOnProblem | None:
    """The one rule for the day a consent was given (the record's `date`), or None when it may be recorded.

    `given` is the day the person gave (or withdrew) it, as the user states it; None means the record is simply
    dated `today`, the day of the change (so recording today that a consent ended on a past day stays possible).
    `today` is the user's day in their zone. A stated day is never after today, never after the consent's own
    expiry, and a consent (internal/external) is never dated before the last withdrawal in `history`: an old signed
    form cannot bring back a consent the person withdrew later. A withdrawal may be dated in the past freely."""
    if given is None:
        return None
    if given > today:
        return GivenOnProblem("future", given, today)
    if scope is ConsentScope.NONE:
        return None
    if expires is not None and given > expires:
        return GivenOnProblem("after_expiry", given, expires)
    withdrawals = [h.date for h in history if isinstance(h, Consent) and h.scope is ConsentScope.NONE and h.date]
    if withdrawals and given < max(withdrawals):
        return GivenOnProblem("before_withdrawal", given, max(withdrawals))
    return None


__all__ = ["Consent", "ConsentScope", "GivenOnProblem", "given_on_problem"]


def allows_less(new: Consent, old: Consent) -> bool:
    """True when `new` allows strictly less than `old`: a narrower scope, or the same scope ending sooner (an
    unreadable record allows nothing). A package may bring such a record in, never a wider one."""
    new_rank = 0 if new.problem else new.scope.rank
    old_rank = 0 if old.problem else old.scope.rank
    if new_rank != old_rank:
        return new_rank < old_rank
    if new_rank == 0:
        return False
    return new.expires is not None and (old.expires is None or new.expires < old.expires)


def record_key(c: Consent) -> tuple[str, ...]:
    """What makes two copies of one consent record the same record (a package carries copies of the sender's)."""
    d = c.to_dict()
    return tuple(d.get(k, "") for k in ("scope", "date", "expires", "recorded_by", "recorded_at"))
