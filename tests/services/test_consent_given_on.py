"""A consent given on a past day, and who recorded it, through the library service into a real TinyDB file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from vlogkit.domain import ConsentScope, Speaker
from vlogkit.errors import ConsentDateError, UsageError
from vlogkit.services.library import ImportOptions


def test_a_past_given_on_day_is_stored_and_read_back_with_the_real_moment_kept_apart(  # type: ignore[no-untyped-def]
        app, home: Path, small_video: Path) -> None:
    today = app.consent.today()
    given, expires = today - dt.timedelta(days=45), today + dt.timedelta(days=200)
    v = app.library.import_file(small_video, ImportOptions(
        speaker=Speaker("Sofie"), consent=ConsentScope.EXTERNAL, consent_date=given, consent_expires=expires,
        recorded_by="Comms Team")).vlog
    stored = json.loads((home / "library.json").read_text())
    row = next(r for r in stored["vlogs"].values() if r["id"] == v.id)
    assert row["consent"]["date"] == given.isoformat() and row["consent"]["recorded_by"] == "Comms Team"
    assert row["consent"]["recorded_at"].startswith(today.isoformat())  # when it was entered: the audit trail
    again = app.library.get(v.id)
    assert again.consent.date == given and again.consent.expires == expires
    assert again.consent_history[0].date == given
    assert app.consent.for_vlog(again, "external").ok  # a past day does not make a running consent expired


def test_refused_days_change_nothing(app, home: Path, small_video: Path) -> None:  # type: ignore[no-untyped-def]
    today = app.consent.today()
    r = app.library.import_file(small_video, ImportOptions(consent=ConsentScope.INTERNAL,
                                                           consent_date=today + dt.timedelta(days=2)))
    assert not r.ok and "in the future" in r.error and not app.library.list()
    v = app.library.import_file(small_video, ImportOptions(consent=ConsentScope.INTERNAL)).vlog
    before = (home / "library.json").read_bytes()
    with pytest.raises(ConsentDateError, match="after its expiry"):
        app.library.edit(v.id, consent=ConsentScope.EXTERNAL, consent_expires=today - dt.timedelta(days=10),
                         consent_date=today - dt.timedelta(days=5))
    with pytest.raises(UsageError, match="not a date"):
        app.library.edit(v.id, consent_date="30/11/2026")
    assert (home / "library.json").read_bytes() == before


def test_a_later_record_of_an_earlier_day_and_an_expiry_counted_from_it(app, small_video: Path) -> None:  # type: ignore[no-untyped-def]
    today = app.consent.today()
    v = app.library.import_file(small_video, ImportOptions(consent=ConsentScope.INTERNAL)).vlog
    assert v.consent.date == today and v.consent.recorded_by == app.user
    fixed = app.library.edit(v.id, consent_date=today - dt.timedelta(days=30), recorded_by="An")
    assert [c.date for c in fixed.consent_history] == [today, today - dt.timedelta(days=30)]
    assert fixed.consent.scope is ConsentScope.INTERNAL and fixed.consent.recorded_by == "An"
    assert app.library.edit(v.id, consent_date=today - dt.timedelta(days=30)) == fixed  # the same day: no new record
    old = app.library.edit(v.id, consent=ConsentScope.EXTERNAL, consent_date=today - dt.timedelta(days=30),
                           consent_expires=today - dt.timedelta(days=1))
    assert not app.consent.for_vlog(old, "internal").ok  # given a month ago, ended yesterday: expired
    assert "expired" in app.consent.for_vlog(old, "internal").message
    details = [e["detail"] for e in app.export_log.entries(v.id) if e["kind"] == "consent"]
    assert f"given {today - dt.timedelta(days=30)}" in details[0] and "recorded by An" in details[0]
