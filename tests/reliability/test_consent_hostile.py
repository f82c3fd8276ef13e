"""The consent failures of the adversarial pass (issue 18), each as it was tried: consent dates in odd ISO forms and
time zones, bank files that claim more than this library knows, subtitles written without consent, exports whose
files had different modes. Real CLI in subprocesses, real files; transcripts from subtitle files (no model)."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TODAY = dt.date.today()


@pytest.fixture
def ann(cli, synth: Callable[..., Path], tmp_path: Path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Ann's vlog: external consent, transcribed from subtitles, one approved quote. Returns ids: vlog, quote."""
    video = synth("hostile_ann.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=3", "-f", "lavfi", "-i",
                  "sine=f=300:d=3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                  "-shortest")
    r = cli("import", str(video), "--speaker", "Ann Smet", "--consent", "external", "--language", "en", "--json")
    assert r.returncode == 0, r.stderr
    vid = r.json()[0]["id"]
    srt = tmp_path / "ann.srt"
    srt.write_text("1\n00:00:00,200 --> 00:00:02,600\nOur night shift found the leak first.\n", encoding="utf-8")
    assert cli("transcribe", vid, "--from-subtitles", str(srt)).returncode == 0
    qid = cli("bank", "add", vid, "--start", "0", "--end", "2.8").stdout.strip()
    assert cli("bank", "approve", qid).returncode == 0
    return {"vlog": vid, "quote": qid}


def _clip(cli, vid: str, out: Path, audience: str = "external", env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return cli("export", vid, "--range", "0.2:1.2", "--captions", "line", "--preset", "160x160", "--audience",
               audience, "--out", str(out), env=env)


# -- consent dates ---------------------------------------------------------------------------------------------


def test_a_basic_iso_expiry_is_a_date_and_refuses_an_external_clip_once_past(cli, ann, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    vid = ann["vlog"]
    past = (TODAY - dt.timedelta(days=3)).strftime("%Y%m%d")  # basic ISO 8601: 20261101
    r = cli("edit", vid, "--consent-expires", past, "--json")
    assert r.returncode == 0, r.stderr
    stored = (TODAY - dt.timedelta(days=3)).isoformat()
    assert r.json()["consent"]["expires"] == stored  # stored normalised
    r = _clip(cli, vid, tmp_path / "c")
    assert r.returncode == 1 and f"consent expired on {stored}" in r.stderr
    assert not (tmp_path / "c").exists() or not any((tmp_path / "c").iterdir())
    week = TODAY.isocalendar()
    r = cli("edit", vid, "--consent-expires", f"{week.year + 1}-W{week.week:02d}-1", "--json")  # ISO week date
    assert r.returncode == 0 and r.json()["consent"]["expires"] == dt.date.fromisocalendar(
        week.year + 1, week.week, 1).isoformat()
    assert _clip(cli, vid, tmp_path / "c2").returncode == 0


@pytest.mark.parametrize("text", ["2026-9-30", "01/11/2026", "1 Nov 2026", "2026-11-01T23:00"])
def test_a_date_in_no_iso_form_is_refused_with_the_expected_form(cli, ann, text: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("edit", ann["vlog"], "--consent-expires", text)
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert cli("show", ann["vlog"], "--json").json()["consent"]["expires"] == ""  # nothing changed


def test_an_old_record_with_an_odd_date_fails_closed_and_says_why(cli, ann, home: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lib = home / "library.json"
    doc = json.loads(lib.read_text(encoding="utf-8"))
    for row in doc["vlogs"].values():
        row["consent"]["expires"] = "2026-9-30"  # what an older vlogkit stored as typed
    lib.write_text(json.dumps(doc), encoding="utf-8")
    shown = cli("show", ann["vlog"])
    assert shown.returncode == 0 and "cannot be read" in shown.stdout and "2026-9-30" in shown.stdout
    r = _clip(cli, ann["vlog"], tmp_path / "c", audience="internal")
    assert r.returncode == 1 and "2026-9-30" in r.stderr and "YYYY-MM-DD" in r.stderr
    assert "UNUSABLE" in cli("bank", "list").stdout
    # recording the consent again repairs it
    assert cli("edit", ann["vlog"], "--consent", "external", "--consent-expires", "").returncode == 0
    assert _clip(cli, ann["vlog"], tmp_path / "c2").returncode == 0


def test_expiry_is_the_consents_own_day_whatever_the_machines_zone(cli, ann, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Recorded in Kiritimati (UTC+14), expiring on what is today west of the date line (UTC-12): there it has
    already passed, so it has expired - also when the export runs on a machine set to UTC-12 or UTC."""
    now = dt.datetime.now(dt.UTC)
    west_today = (now - dt.timedelta(hours=12)).date()
    east = {"TZ": "Pacific/Kiritimati"}
    r = cli("edit", ann["vlog"], "--consent-expires", west_today.isoformat(), env=east)
    assert r.returncode == 0, r.stderr
    shown = cli("show", ann["vlog"], env=east).stdout
    assert f"until the end of {west_today.isoformat()} in Pacific/Kiritimati" in shown
    for zone in ("Etc/GMT+12", "UTC", "Pacific/Kiritimati"):
        r = _clip(cli, ann["vlog"], tmp_path / zone.replace("/", "-"), env={"TZ": zone})
        assert r.returncode == 1 and f"expired on {west_today.isoformat()}" in r.stderr, zone


# -- bank files claim, this library decides ----------------------------------------------------------------------


def _bank_file(path: Path, quotes: list[dict]) -> Path:
    path.write_text(json.dumps({"format": "vlogkit-bank", "version": 1, "quotes": quotes}), encoding="utf-8")
    return path


def _claimed(vid: str, qid: str = "qfile234", **kw: object) -> dict:
    q = {"id": qid, "vlog_id": vid, "start": 0, "end": 2000, "text": "We doubled the output.", "language": "en",
         "speaker": {"name": "Someone Else"}, "status": "approved", "consent": "external",
         "source_consent": {"scope": "external", "date": "2026-01-01", "expires": ""},
         "updated": "2099-01-01T00:00:00+00:00"}
    q.update(kw)
    return q


def test_a_file_claiming_external_consent_for_a_vlog_not_here_is_never_exported_externally(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("bank", "import", str(_bank_file(tmp_path / "claim.json", [_claimed("zzzz22")])))
    assert r.returncode == 0, r.stderr
    [q] = cli("bank", "list", "--json").json()
    assert q["status"] == "candidate" and q["effective_consent"] == "internal" and q["cleared_for"] == ["internal"]
    assert cli("bank", "approve", q["id"]).returncode == 0  # even approved here: the claim never clears external use
    out = tmp_path / "ext.md"
    r = cli("bank", "export", "--format", "md", "--out", str(out), "--audience", "external")
    assert r.returncode == 1 and "claim is not enough" in r.stderr
    assert not out.exists()


def test_a_quote_whose_vlog_was_removed_never_goes_out_externally(cli, ann, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    vid, qid = ann["vlog"], ann["quote"]
    shared = tmp_path / "share.json"
    assert cli("bank", "export", "--format", "json", "--out", str(shared), "--audience", "internal").returncode == 0
    assert cli("edit", vid, "--consent", "internal").returncode == 0
    assert cli("bank", "import", str(shared)).returncode == 0  # a file that says external for it
    assert cli("remove", vid).returncode == 0
    for audience in ("external",):
        out = tmp_path / f"{audience}.csv"
        r = cli("bank", "export", "--format", "csv", "--out", str(out), "--audience", audience)
        assert r.returncode == 1 and qid in r.stderr and not out.exists()
    r = cli("export", vid, "--quote", qid, "--audience", "external", "--out", str(tmp_path / "c"))
    assert r.returncode == 1


def test_a_later_stamp_cannot_approve_a_rejected_quote_or_replace_its_text(cli, ann, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    vid, qid = ann["vlog"], ann["quote"]
    assert cli("bank", "reject", qid).returncode == 0
    mine = cli("bank", "list", "--json").json()[0]
    hostile = _claimed(vid, qid, start=mine["start"], end=mine["end"], text="Something she never said.",
                       speaker={"name": "The CEO"}, status="approved")
    r = cli("bank", "import", str(_bank_file(tmp_path / "later.json", [hostile])))
    assert r.returncode == 0 and "proposed change" in r.stdout
    after = cli("bank", "list", "--json").json()[0]
    assert after["status"] == "rejected" and after["text"] == mine["text"] and after["speaker"] == mine["speaker"]
    assert after["proposals"][0]["status"] == "approved" and after["proposals"][0]["text"] == "Something she never said."
    assert "Something she never said." in cli("bank", "proposals").stdout


@pytest.mark.parametrize(("field", "value"), [("status", "published"), ("consent", "everyone"),
                                              ("source_consent", {"scope": "worldwide"}),
                                              ("source_consent", {"scope": "external", "expires": "2026-9-30"})])
def test_unknown_status_scope_or_date_in_a_bank_file_is_one_line_naming_the_quote(cli, tmp_path: Path, field: str,
                                                                                  value: object) -> None:  # type: ignore[no-untyped-def]
    r = cli("bank", "import", str(_bank_file(tmp_path / "bad.json", [_claimed("zzzz22", **{field: value})])))
    assert r.returncode == 2 and "quote 1" in r.stderr and field in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert cli("bank", "list", "--json").json() == []


# -- subtitles and file modes ------------------------------------------------------------------------------------------


def test_subtitles_out_needs_consent_and_is_logged(cli, ann, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    vid = ann["vlog"]
    assert cli("edit", vid, "--consent", "none").returncode == 0
    out = tmp_path / "all.srt"
    r = cli("subtitles", vid, "--out", str(out))
    assert r.returncode == 1 and "consent withdrawn" in r.stderr and not out.exists()
    assert cli("subtitles", vid).returncode == 0  # reading it on the terminal is not an export
    assert cli("edit", vid, "--consent", "internal").returncode == 0
    assert cli("subtitles", vid, "--out", str(out), "--audience", "external").returncode == 1
    assert cli("subtitles", vid, "--out", str(out)).returncode == 0 and "night shift" in out.read_text(encoding="utf-8")
    assert [e["outputs"] for e in cli("log", vid, "--json").json() if e["kind"] == "subtitles"] == [[str(out)]]


def test_every_export_output_shares_one_mode_and_the_library_stays_private(cli, ann, home: Path,  # type: ignore[no-untyped-def]
                                                                           tmp_path: Path) -> None:
    vid = ann["vlog"]
    old = os.umask(0o022)  # the subprocesses inherit it
    try:
        _check_modes(cli, vid, home, tmp_path, 0o666 & ~0o022)
    finally:
        os.umask(old)


def _check_modes(cli, vid: str, home: Path, tmp_path: Path, want: int) -> None:  # type: ignore[no-untyped-def]
    clip = cli("export", vid, "--range", "0.2:2.2", "--captions", "line", "--preset", "160x160", "--out",
               str(tmp_path / "clips"), "--json")
    assert clip.returncode == 0, clip.stderr
    files = [Path(o["path"]) for o in clip.json()["outputs"]] + [Path(s) for s in clip.json()["subtitles"]]
    files += [Path(p) for p in clip.json()["posters"]]
    for fmt, name in (("pptx", "d.pptx"), ("csv", "q.csv"), ("md", "q.md"), ("json", "q.json"), ("cards", "cards")):
        r = cli("bank", "export", "--format", fmt, "--out", str(tmp_path / name), "--json")
        assert r.returncode == 0, r.stderr
        files += [Path(f) for f in r.json()["files"]]
    assert cli("subtitles", vid, "--out", str(tmp_path / "t.vtt"), "--format", "vtt").returncode == 0
    files.append(tmp_path / "t.vtt")
    suffixes = {p.suffix for p in files}
    assert {".mp4", ".srt", ".vtt", ".jpg", ".pptx", ".csv", ".md", ".json", ".png"} <= suffixes
    modes = {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in files}
    assert set(modes.values()) == {oct(want)}, modes
    for private in ("library.json", "bank.json", "export-log.json", "forgotten.json"):
        p = home / private
        if p.exists():
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, private
