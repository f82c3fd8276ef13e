"""`--consent-date` and `--by` on import and edit: the day the person signed, who recorded it, shown by `show`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vlogkit.domain.dates import zone_of
from vlogkit.services.consent import local_zone_name


def _today(cli) -> dt.date:  # type: ignore[no-untyped-def]
    """Today in the zone the CLI counts consent days in (the one it records with the consent)."""
    probe = cli("import", "--help")
    assert probe.returncode == 0 and "--consent-date" in probe.stdout and "--by" in probe.stdout
    return dt.datetime.now(zone_of(local_zone_name(), dt.UTC)).date()


def test_import_with_a_past_consent_date_and_who_recorded_it(cli, small_video: Path) -> None:  # type: ignore[no-untyped-def]
    today = _today(cli)
    signed, ends = today - dt.timedelta(days=31), today + dt.timedelta(days=365)
    r = cli("import", str(small_video), "--speaker", "Luc Dubois", "--consent", "external", "--consent-date",
            signed.isoformat(), "--consent-expires", ends.isoformat(), "--by", "Roadshow Comms", "--json")
    assert r.returncode == 0, r.stderr
    vid = r.json()[0]["id"]
    c = cli("show", vid, "--json").json()["consent"]
    assert c["date"] == signed.isoformat() and c["expires"] == ends.isoformat()
    assert c["recorded_by"] == "Roadshow Comms" and c["recorded_at"].startswith(today.isoformat())
    text = cli("show", vid).stdout
    assert f"consent:   external, given on {signed.isoformat()}, expires {ends.isoformat()}" in text
    assert "(recorded by Roadshow Comms on " in text and "cleared:   internal, external" in text
    assert f"external given on {signed.isoformat()}" in text  # the history line too


def test_bad_consent_dates_are_one_line_errors_and_import_nothing(cli, home: Path, small_video: Path) -> None:  # type: ignore[no-untyped-def]
    today = _today(cli)
    future = (today + dt.timedelta(days=3)).isoformat()
    r = cli("import", str(small_video), "--consent", "internal", "--consent-date", future)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and f"consent date {future} is in the future (today is {today.isoformat()}" in r.stderr
    r = cli("import", str(small_video), "--consent", "internal", "--consent-date", "2026-03-10",
            "--consent-expires", "2026-03-01")
    assert r.returncode == 2 and "after its expiry 2026-03-01" in r.stderr and "Traceback" not in r.stderr
    r = cli("import", str(small_video), "--consent-date", "2026-03-10")
    assert r.returncode == 2 and "give --consent internal or external" in r.stderr
    assert cli("list", "--json").json() == []


def test_edit_dates_a_change_and_refuses_reviving_a_withdrawn_consent(cli, small_video: Path) -> None:  # type: ignore[no-untyped-def]
    today = _today(cli)
    d = [(today - dt.timedelta(days=n)).isoformat() for n in (60, 20, 40, 10)]
    vid = cli("import", str(small_video), "--consent", "external", "--consent-date", d[0], "--json").json()[0]["id"]
    assert cli("edit", vid, "--consent", "none", "--consent-date", d[1], "--by", "HR").returncode == 0
    r = cli("edit", vid, "--consent", "external", "--consent-date", d[2])  # the old form, before the withdrawal
    assert r.returncode == 2 and f"before the withdrawal recorded for {d[1]}: an older consent cannot bring back a withdrawn one" in r.stderr
    assert cli("show", vid, "--json").json()["consent"]["scope"] == "none"
    assert cli("edit", vid, "--consent", "internal", "--consent-date", d[3], "--by", "Comms").returncode == 0
    v = cli("show", vid, "--json").json()
    assert [(h["scope"], h["date"], h.get("recorded_by")) for h in v["consent_history"]][1:] == [
        ("none", d[1], "HR"), ("internal", d[3], "Comms")]
    assert f"withdrawn on {d[1]}" in cli("show", vid).stdout
