"""Dates are parsed once, in every ISO 8601 form `date.fromisoformat` reads, and nothing else."""

from __future__ import annotations

import datetime as dt

import pytest

from vlogkit.domain import Consent, ConsentScope
from vlogkit.domain.dates import DateFormatError, day_in_zone, parse_day, parse_optional_day, zone_of


@pytest.mark.parametrize(("text", "day"), [
    ("2026-11-01", dt.date(2026, 11, 1)), ("20261101", dt.date(2026, 11, 1)),
    ("2026-W44-1", dt.date(2026, 10, 26)), ("2026W441", dt.date(2026, 10, 26)), (" 2026-11-01 ", dt.date(2026, 11, 1)),
])
def test_every_iso_form_is_that_date(text: str, day: dt.date) -> None:
    assert parse_day(text) == day


@pytest.mark.parametrize("text", ["2026-9-30", "01/11/2026", "1 Nov 2026", "2026-11-01T10:00", "２０２６-11-01",
                                  "2026-13-01", "tomorrow", ""])
def test_anything_else_is_refused_naming_the_expected_form(text: str) -> None:
    with pytest.raises(DateFormatError, match=r"YYYY-MM-DD, e\.g\. 2026-11-01"):
        parse_day(text)


def test_no_date_and_stored_form() -> None:
    assert parse_optional_day("") is None and parse_optional_day(None) is None
    c = Consent.from_dict({"scope": "external", "date": "20260105", "expires": "2026-W44-1"})
    assert c.to_dict()["date"] == "2026-01-05" and c.to_dict()["expires"] == "2026-10-26"  # stored normalised
    assert Consent.from_dict(c.to_dict()) == c


def test_zones_by_name_and_offset() -> None:
    fallback = dt.timezone(dt.timedelta(hours=3))
    assert zone_of("", fallback) is fallback and zone_of("Not/AZone", fallback) is fallback
    assert zone_of("+02:00", fallback).utcoffset(None) == dt.timedelta(hours=2)
    assert zone_of("UTC-05:30", fallback).utcoffset(None) == -dt.timedelta(hours=5, minutes=30)
    now = dt.datetime(2026, 11, 1, 23, 30, tzinfo=dt.UTC)
    assert day_in_zone(now, "Europe/Brussels") == dt.date(2026, 11, 2)
    assert day_in_zone(now, "") == dt.date(2026, 11, 1)
    assert ConsentScope.parse(" External ") is ConsentScope.EXTERNAL
