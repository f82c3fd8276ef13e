"""Calendar days, parsed once: every ISO 8601 form `date.fromisoformat` reads, nothing else.

The timezone rule (one, for every consent): a consent's days - the day it was given and the day it expires - are
days on the calendar of the zone the consent was recorded in (the user's local zone at that moment, kept with the
record as `zone`). A consent that expires on 2026-11-01 allows exports until the end of that day in that zone, and
refuses them from the first instant of 2026-11-02 there, wherever and on whatever machine the export runs. A record
without a zone (made by an older vlogkit) counts its days in the zone of the `now` it is checked against, which the
caller gives in the user's local zone.
"""

from __future__ import annotations

import datetime as dt
import re

EXPECTED_FORM = "YYYY-MM-DD, e.g. 2026-11-01 (20261101 and 2026-W44-1 work too)"
_OFFSET_RE = re.compile(r"^(?:UTC)?([+-])(\d{2}):?(\d{2})$")


class DateFormatError(ValueError):
    """Text that is not an ISO 8601 calendar date; the message names the expected form."""


def parse_day(text: object, what: str = "date") -> dt.date:
    """`2026-11-01`, `20261101` or `2026-W44-1` -> that date; anything else -> DateFormatError naming the form.

    Only ASCII text in one of the forms `date.fromisoformat` reads is a date: `2026-9-30`, `01/11/2026`,
    `1 Nov 2026` and a date with a time are refused (the caller turns the error into a one-line message)."""
    if isinstance(text, dt.datetime):
        raise DateFormatError(f"'{text.isoformat()}' is a moment, not a {what}: use {EXPECTED_FORM}.")
    if isinstance(text, dt.date):
        return text
    raw = str(text).strip() if isinstance(text, str) else None
    if not raw or not raw.isascii():
        shown = text if isinstance(text, str) else repr(text)
        raise DateFormatError(f"'{shown}' is not a {what}: use {EXPECTED_FORM}.")
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise DateFormatError(f"'{raw}' is not a {what}: use {EXPECTED_FORM}.") from None


def parse_optional_day(text: object, what: str = "date") -> dt.date | None:
    """Like `parse_day`, with "" / None meaning no date."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    return parse_day(text, what)


def day_text(day: dt.date | None) -> str:
    """The stored (normalised) form: `2026-11-01`, or "" for no date."""
    return day.isoformat() if day else ""


def zone_of(name: str, fallback: dt.tzinfo) -> dt.tzinfo:
    """The tzinfo for an IANA name (`Europe/Brussels`), a fixed offset (`+02:00`, `UTC-05:00`) or `UTC`;
    `fallback` when empty or unknown on this machine."""
    name = (name or "").strip()
    if not name:
        return fallback
    if name.upper() in ("UTC", "Z"):
        return dt.UTC
    m = _OFFSET_RE.match(name)
    if m:
        sign = 1 if m.group(1) == "+" else -1
        delta = dt.timedelta(hours=int(m.group(2)), minutes=int(m.group(3)))
        return dt.timezone(sign * delta) if delta < dt.timedelta(hours=24) else fallback
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except (ValueError, OSError, KeyError):  # unknown name, or no tz database (Windows without tzdata)
        return fallback


def day_in_zone(now: dt.datetime, zone: str) -> dt.date:
    """The calendar day `now` falls on in `zone` ("" = the zone `now` carries). `now` must be timezone-aware."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must carry its timezone (use datetime.now(zone))")
    return now.astimezone(zone_of(zone, now.tzinfo)).date()


__all__ = ["EXPECTED_FORM", "DateFormatError", "day_in_zone", "day_text", "parse_day", "parse_optional_day", "zone_of"]
