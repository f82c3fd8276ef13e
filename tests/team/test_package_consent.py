"""A package of a vlog the comms desk already has: a newer, narrower consent record (a withdrawal) is taken over,
a wider one never is; confirming a claimed consent keeps the record exactly as claimed (the form's day, who
recorded it, the release, the records before it)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vlogkit.config import Paths
from vlogkit.domain import ConsentScope, Speaker
from vlogkit.errors import VlogkitError
from vlogkit.services import App
from vlogkit.services.library import ImportOptions

PAST = dt.date.today() - dt.timedelta(days=40)


def employee(tmp_path: Path, small_video: Path) -> tuple[App, str]:
    """Lotte's own laptop (always its TinyDB library): a vlog with internal consent given on a past day."""
    app = App(Paths(tmp_path / "lotte"), local=True)
    app.settings.user_name = "lotte.hr"
    app.settings.release_version = "2026-1"
    v = app.library.import_file(small_video, ImportOptions(
        speaker=Speaker("Jan De Smet"), consent=ConsentScope.INTERNAL, consent_date=PAST,
        recorded_by="Lotte Peeters")).vlog
    return app, v.id


def test_a_withdrawal_sent_again_reaches_the_comms_desk_and_a_wider_record_never_does(
    backend: str, tmp_path: Path, small_video: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VLOGKIT_TEAM_KEY", "gent-plant")
    lotte, vid = employee(tmp_path, small_video)
    karim = App(Paths(tmp_path / "karim"))
    karim.settings.user_name = "karim.comms"
    first = karim.handoff.import_package(lotte.handoff.send(vid, tmp_path / "first.vlogkit").path)
    assert first.vlog.consent.scope is ConsentScope.INTERNAL and first.vlog.consent.date == PAST
    karim.export.check_consent(karim.vlogs.get(vid), "internal")  # cleared before the withdrawal

    lotte.library.edit(vid, consent=ConsentScope.NONE, recorded_by="Lotte Peeters")
    again = karim.handoff.import_package(lotte.handoff.send(vid, tmp_path / "withdrawn.vlogkit").path)
    assert again.existing and again.consent_change == "narrowed"
    v = karim.vlogs.get(vid)
    assert v.consent.scope is ConsentScope.NONE and v.consent.recorded_by == "Lotte Peeters"
    assert [c.scope for c in v.consent_history] == [ConsentScope.INTERNAL, ConsentScope.NONE]
    with pytest.raises(VlogkitError):
        karim.export.check_consent(v, "internal")
    assert "consent" in [e["kind"] for e in karim.export_log.entries(vid)]
    # the first package again (older, wider): nothing changes
    old = karim.handoff.import_package(first.path)
    assert old.consent_change == "" and karim.vlogs.get(vid).consent.scope is ConsentScope.NONE

    # a new, wider record (external) is not taken over: it waits until a comms person confirms it
    lotte.library.edit(vid, consent=ConsentScope.EXTERNAL, recorded_by="Lotte Peeters")
    wider = karim.handoff.import_package(lotte.handoff.send(vid, tmp_path / "wider.vlogkit").path)
    assert wider.consent_change == "claimed" and karim.vlogs.get(vid).consent.scope is ConsentScope.NONE
    confirmed = karim.handoff.confirm_consent(vid, by="Karim Benali")
    assert confirmed.consent.scope is ConsentScope.EXTERNAL and confirmed.consent.recorded_by == "Lotte Peeters"
    assert [c.scope.value for c in confirmed.consent_history] == ["internal", "none", "external"]
    assert confirmed.extra["consent_confirmed"]["by"] == "Karim Benali"


def test_confirming_an_unsigned_packages_consent_keeps_the_record_as_claimed(
    cli, tmp_path: Path, small_video: Path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    monkeypatch.delenv("VLOGKIT_LIBRARY_URL", raising=False)
    monkeypatch.delenv("VLOGKIT_TEAM_KEY", raising=False)
    lotte, vid = employee(tmp_path, small_video)
    lotte.library.edit(vid, consent=ConsentScope.EXTERNAL, consent_expires="2099-12-31", consent_date=PAST,
                       recorded_by="Lotte Peeters")
    sent = lotte.vlogs.get(vid).consent
    pkg = lotte.handoff.send(vid, tmp_path / "unsigned.vlogkit").path
    r = cli("import", str(pkg))
    assert r.returncode == 0 and "none until confirmed" in r.stdout, r.stderr
    r = cli("edit", vid, "--confirm-consent", "--by", "Karim Benali")
    assert r.returncode == 0, r.stderr
    shown = cli("show", vid, "--json").json()
    c = shown["consent"]
    assert (c["scope"], c["date"], c["expires"], c["recorded_by"], c["recorded_at"], c["release_version"]) == (
        "external", PAST.isoformat(), "2099-12-31", "Lotte Peeters", sent.recorded_at, "2026-1")
    assert [h["scope"] for h in shown["consent_history"]] == ["internal", "external"]
    assert shown["extra"]["consent_confirmed"]["by"] == "Karim Benali"
    # the same package again: nothing changes, and the line says so
    r = cli("import", str(pkg))
    assert r.returncode == 0 and "nothing changed (consent external)" in r.stdout, r.stdout
