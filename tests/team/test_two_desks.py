"""Two desks on one team library: each sees the other's imports, approvals and consent changes at once."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from vlogkit.config import Paths
from vlogkit.domain import ConsentScope, QuoteStatus, Speaker
from vlogkit.errors import ConsentError
from vlogkit.services import App
from vlogkit.services.library import ImportOptions

SRT = ("1\n00:00:00,100 --> 00:00:01,400\nWe ship safe bridges every week.\n\n"
       "2\n00:00:01,500 --> 00:00:02,900\nNobody works alone here.\n")


@pytest.fixture
def desks(team: dict[str, str], tmp_path: Path) -> tuple[App, App]:
    a, b = App(Paths(tmp_path / "desk-a")), App(Paths(tmp_path / "desk-b"))
    a.settings.user_name, b.settings.user_name = "an", "bram"
    assert a.store.kind == b.store.kind == "postgresql"
    return a, b


def test_each_desk_sees_the_others_import_approval_and_consent_withdrawal(
    desks: tuple[App, App], small_video: Path, tmp_path: Path
) -> None:
    a, b = desks
    v = a.library.import_file(small_video, ImportOptions(speaker=Speaker("Sarah"), consent=ConsentScope.EXTERNAL)).vlog
    srt = tmp_path / "t.srt"
    srt.write_text(SRT, encoding="utf-8")
    a.transcription.import_subtitles(v.id, srt)
    # B sees A's import and its transcript at once
    [seen] = b.library.list()
    assert seen.id == v.id and seen.speaker.name == "Sarah" and seen.path == v.path
    assert b.transcription.get(v.id).text == "We ship safe bridges every week. Nobody works alone here."
    # B saves a quote and approves it; A sees the approval, and who gave it
    q = b.bank.add_range(v.id, 0, 1400, status=QuoteStatus.CANDIDATE)
    b.bank.update(q.id, status=QuoteStatus.APPROVED)
    assert a.bank.get(q.id).status is QuoteStatus.APPROVED
    approvals = [e for e in a.export_log.entries(v.id) if e["kind"] == "approved"]
    assert [(e["user"], e["detail"]) for e in approvals] == [("bram", f"quote {q.id}: candidate -> approved")]
    out = tmp_path / "out"
    report = a.bank.export("csv", out / "ext.csv", audience="external")
    assert report.count == 1 and "We ship safe bridges" in report.path.read_text(encoding="utf-8")
    # A withdraws the consent; B's external exports are blocked at once - clip and bank alike
    a.library.edit(v.id, consent=ConsentScope.NONE)
    with pytest.raises(ConsentError):
        b.export.export(b.export.request(v.id, ranges=[(0, 1400)], audience="external", out_dir=out, captions="off"))
    with pytest.raises(ConsentError):
        b.bank.export("csv", out / "again.csv", audience="external")
    assert not (out / "again.csv").exists() and sorted(p.name for p in out.iterdir()) == ["ext.csv"]
    kinds = [(e["kind"], e["user"]) for e in b.export_log.entries(v.id)]
    assert ("bank-csv", "an") in kinds and ("consent", "an") in kinds and ("approved", "bram") in kinds


def test_prompt_cards_are_shared_by_every_desk(desks: tuple[App, App]) -> None:
    a, b = desks
    a.prompts.add("What did you ship this week?")
    assert [p.text for p in b.prompts.all()] == ["What did you ship this week?"]


def test_a_desk_is_told_when_another_desk_changes_something(desks: tuple[App, App], pg_url: str,
                                                             small_video: Path) -> None:
    from vlogkit.store.postgres import listen

    a, b = desks
    heard: list[str] = []
    stop = threading.Event()
    t = threading.Thread(target=listen, args=(pg_url, heard.append, stop), kwargs={"poll_s": 0.1}, daemon=True)
    t.start()
    try:
        deadline = time.monotonic() + 10
        while "*" not in heard and time.monotonic() < deadline:  # connected and listening
            time.sleep(0.05)
        b.library.import_file(small_video, ImportOptions(consent=ConsentScope.INTERNAL))
        while "vlogs" not in heard and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        t.join(5)
    assert "vlogs" in heard


def test_forget_on_one_desk_removes_the_shared_copy_transcript_and_quotes_for_every_desk(
    desks: tuple[App, App], small_video: Path, tmp_path: Path
) -> None:
    a, b = desks
    v = a.library.import_file(small_video, ImportOptions(speaker=Speaker("Lotte"), consent=ConsentScope.INTERNAL)).vlog
    srt = tmp_path / "t.srt"
    srt.write_text(SRT, encoding="utf-8")
    a.transcription.import_subtitles(v.id, srt)
    b.bank.add_range(v.id, 0, 1400)
    shared = Path(v.path)
    assert shared.is_file() and not shared.is_relative_to(a.paths.home)
    report = b.data.forget(v.id)
    assert f"team media copy {shared}" in report.removed and not shared.exists()
    assert a.library.list() == [] and a.bank.list() == []
    assert a.tombstones.is_forgotten(v.id, v.fingerprint)  # the tombstone is the team's, not one desk's
    again = a.library.import_file(small_video, ImportOptions(consent=ConsentScope.INTERNAL))
    assert not again.ok and "forgotten" in again.error and a.library.list() == []
    with a.store.db.begin() as conn:  # the transcript row went with the vlog
        assert conn.exec_driver_sql("SELECT count(*) FROM transcripts").scalar() == 0
    assert small_video.is_file()  # the employee's own file is never touched


def test_team_settings_set_at_one_desk_apply_at_every_desk(team: dict[str, str], tmp_path: Path) -> None:
    from vlogkit.errors import UsageError

    a = App(Paths(tmp_path / "desk-a"))
    shared = a.team.team_settings({"brand_color": "#00AA88", "loudness_target": "-16", "glossary": "Acme\nGent"})
    assert shared == {"brand_color": "#00AA88", "loudness_target": -16.0, "glossary": "Acme\nGent"}
    b = App(Paths(tmp_path / "desk-b"))
    b.settings.brand_color = "#FFC400"
    b.store  # noqa: B018 - opening the team library applies its settings
    assert (b.settings.brand_color, b.settings.loudness_target, b.settings.glossary) == ("#00AA88", -16.0, "Acme\nGent")
    with pytest.raises(UsageError, match="not a team setting"):
        a.team.team_settings({"export_dir": "/tmp"})
    with pytest.raises(UsageError, match="must be a float"):
        a.team.team_settings({"loudness_target": "loud"})
    assert [e["kind"] for e in a.export_log.entries()].count("team-setting") == 3
    local = App(Paths(tmp_path / "desk-a"), local=True)
    with pytest.raises(UsageError, match="team library"):
        local.team.team_settings()


def test_a_vlog_forgotten_at_one_desk_cannot_come_back_at_another(
    desks: tuple[App, App], small_video: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = desks
    monkeypatch.setenv("VLOGKIT_TEAM_KEY", "team")
    v = a.library.import_file(small_video, ImportOptions(speaker=Speaker("Lotte"), consent=ConsentScope.EXTERNAL)).vlog
    employee = App(Paths(tmp_path / "employee"), local=True)  # the employee's own laptop still has it
    own = employee.library.import_file(small_video, ImportOptions(consent=ConsentScope.EXTERNAL)).vlog
    package = employee.handoff.send(own.id, tmp_path / "again.vlogkit").path
    a.tombstones.add(v.id, v.fingerprint)  # what `forget` leaves at desk A
    a.vlogs.remove(v.id)
    with pytest.raises(ConsentError, match="forgotten"):
        b.handoff.import_package(package)
    assert b.library.list() == [] and b.tombstones.is_forgotten(fingerprint=v.fingerprint)
