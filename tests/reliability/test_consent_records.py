"""Consent records: expiry counts as withdrawal, a withdrawal on the vlog reaches its quotes, the bank (CLI and GUI)
marks quotes nobody may receive as unusable, and `vlogkit log` shows who exported what, for which audience.

Everything runs through the real CLI in subprocesses on a real library; transcripts come from subtitle files (word
times spread inside each cue), so no model is loaded.
"""

from __future__ import annotations

import csv
import datetime as dt
import getpass
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

YESTERDAY = (dt.date.today() - dt.timedelta(days=1)).isoformat()
NEXT_YEAR = (dt.date.today() + dt.timedelta(days=365)).isoformat()


@pytest.fixture
def two_vlogs(cli, synth: Callable[..., Path], tmp_path: Path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Ann's vlog (external consent that expired yesterday) and Bo's (external, valid), each transcribed from
    subtitles and with one quote in the bank. Returns ids: ann, bo, q_ann, q_bo."""
    ids: dict[str, str] = {}
    for who, freq, line in (("ann", 350, "Ann says the migration went smoothly."),
                            ("bo", 520, "Bo says customers love the new dashboard.")):
        video = synth(f"consent_{who}.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=3", "-f", "lavfi",
                      "-i", f"sine=f={freq}:d=3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                      "-c:a", "aac", "-shortest")
        r = cli("import", str(video), "--speaker", who.title(), "--role", "Engineer", "--consent", "external",
                "--language", "en", "--json")
        assert r.returncode == 0, r.stderr
        vid = r.json()[0]["id"]
        srt = tmp_path / f"{who}.srt"
        srt.write_text(f"1\n00:00:00,200 --> 00:00:02,600\n{line}\n", encoding="utf-8")
        assert cli("transcribe", vid, "--from-subtitles", str(srt)).returncode == 0
        q = cli("bank", "add", vid, "--start", "0", "--end", "2.8")
        assert q.returncode == 0, q.stderr
        ids[who], ids[f"q_{who}"] = vid, q.stdout.strip()
    r = cli("edit", ids["ann"], "--consent-expires", YESTERDAY)
    assert r.returncode == 0, r.stderr
    return ids


def _line_of(stdout: str, qid: str) -> str:
    return next(line for line in stdout.splitlines() if line.startswith(qid))


def test_expired_consent_counts_as_withdrawn_everywhere(cli, two_vlogs: dict[str, str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ann, bo = two_vlogs["ann"], two_vlogs["bo"]
    shown = cli("show", ann)
    assert f"expires {YESTERDAY}" in shown.stdout
    # a clip of Ann's vlog is refused for any audience, in one line, and nothing is written
    for audience in ("internal", "external"):
        out = tmp_path / f"clips-{audience}"
        r = cli("export", ann, "--range", "0:1", "--captions", "off", "--audience", audience, "--out", str(out))
        assert r.returncode == 1
        assert "expired on " + YESTERDAY in r.stderr and len(r.stderr.strip().splitlines()) == 1
        assert "Traceback" not in r.stderr
        assert not out.exists() or not any(out.iterdir())
    # the bank export leaves Ann's quote out and says why; Bo's quote goes
    out_csv = tmp_path / "quotes.csv"
    r = cli("bank", "export", "--format", "csv", "--out", str(out_csv), "--audience", "internal")
    assert r.returncode == 0, r.stderr
    assert "left out 1 quote" in r.stderr and two_vlogs["q_ann"] in r.stderr
    rows = list(csv.reader(out_csv.read_text(encoding="utf-8-sig").splitlines()))
    text = "\n".join(",".join(row) for row in rows)
    assert "customers love the new dashboard" in text and "migration" not in text
    # `bank list` marks Ann's quote unusable with the reason; Bo's is fine
    listing = cli("bank", "list")
    assert f"UNUSABLE: consent expired on {YESTERDAY}" in _line_of(listing.stdout, two_vlogs["q_ann"])
    assert "UNUSABLE" not in _line_of(listing.stdout, two_vlogs["q_bo"])
    as_json = {q["id"]: q for q in cli("bank", "list", "--json").json()}
    assert as_json[two_vlogs["q_ann"]]["usable"] is False
    assert as_json[two_vlogs["q_ann"]]["effective_consent"] == "none"
    assert as_json[two_vlogs["q_bo"]]["usable"] is True
    # renewing the consent (a later expiry date) makes the quote usable again, dated in the history
    assert cli("edit", ann, "--consent-expires", NEXT_YEAR).returncode == 0
    assert "UNUSABLE" not in _line_of(cli("bank", "list").stdout, two_vlogs["q_ann"])
    history = cli("show", ann, "--json").json()["consent_history"]
    assert [h["expires"] for h in history][-2:] == [YESTERDAY, NEXT_YEAR]
    assert bo  # untouched throughout


def test_withdrawal_on_the_vlog_withdraws_its_quotes(cli, two_vlogs: dict[str, str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bo, q_bo = two_vlogs["bo"], two_vlogs["q_bo"]
    r = cli("edit", bo, "--consent", "none")
    assert r.returncode == 0, r.stderr
    line = _line_of(cli("bank", "list").stdout, q_bo)
    assert f"UNUSABLE: consent withdrawn on {dt.date.today().isoformat()}" in line
    # both vlogs' quotes are now unusable: the export refuses, lists the reasons, writes nothing
    out = tmp_path / "none.md"
    r = cli("bank", "export", "--format", "md", "--out", str(out), "--audience", "internal")
    assert r.returncode == 1 and not out.exists()
    assert q_bo in r.stderr and len(r.stderr.strip().splitlines()) == 1
    # a quote cannot be given back the consent its vlog lost
    r = cli("bank", "edit", q_bo, "--consent", "internal")
    assert r.returncode == 1 and "never widen" in r.stderr
    # the clip export is refused too
    r = cli("export", bo, "--range", "0:1", "--captions", "off", "--out", str(tmp_path / "c"))
    assert r.returncode == 1 and f"consent withdrawn on {dt.date.today().isoformat()}" in r.stderr
    # filtering the bank by audience leaves it out
    assert q_bo not in cli("bank", "list", "--audience", "internal").stdout
    history = cli("show", bo, "--json").json()["consent_history"]
    assert [h["scope"] for h in history][-1] == "none" and history[-1]["date"] == dt.date.today().isoformat()


def test_the_export_log_shows_clip_and_bank_exports_with_audience_and_user(cli, two_vlogs: dict[str, str],  # type: ignore[no-untyped-def]
                                                                           tmp_path: Path) -> None:
    bo = two_vlogs["bo"]

    def exports(entries: list[dict]) -> list[dict]:  # the log also records consent changes and approvals
        return [e for e in entries if e["kind"] == "clip" or e["kind"].startswith("bank-")]

    assert exports(cli("log", "--json").json()) == []
    clip = cli("export", bo, "--range", "0.2:2.2", "--captions", "line", "--preset", "320x320", "--audience",
               "external", "--out", str(tmp_path / "clips"), "--json")
    assert clip.returncode == 0, clip.stderr
    deck = cli("bank", "export", "--format", "csv", "--out", str(tmp_path / "q.csv"), "--audience", "internal")
    assert deck.returncode == 0, deck.stderr
    user = getpass.getuser()
    entries = exports(cli("log", "--json").json())
    kinds = [(e["kind"], e["audience"], e["user"]) for e in entries]
    assert kinds == [("clip", "external", user), ("bank-csv", "internal", user)]
    assert entries[0]["vlog_ids"] == [bo] and any(o.endswith(".mp4") for o in entries[0]["outputs"])
    assert all(Path(o).exists() for o in entries[0]["outputs"])
    assert entries[1]["outputs"] == [str(tmp_path / "q.csv")] and "1 left out" in entries[1]["detail"]
    text = [line for line in cli("log").stdout.splitlines() if " clip " in line or " bank-" in line]
    assert len(text) == 2
    assert "clip" in text[0] and "external" in text[0] and user in text[0] and bo in text[0]
    assert "bank-csv" in text[1] and "internal" in text[1] and user in text[1]
    # per vlog: Ann's vlog appears in no export (her quote was left out)
    assert exports(cli("log", two_vlogs["ann"], "--json").json()) == []
    assert len(exports(cli("log", bo, "--json").json())) == 2
    # a failed (refused) export is not logged as an export
    assert cli("export", two_vlogs["ann"], "--range", "0:1", "--captions", "off", "--out",
               str(tmp_path / "x")).returncode == 1
    assert len(exports(cli("log", "--json").json())) == 2


def test_the_gui_bank_marks_unusable_quotes(qtbot, cli, two_vlogs: dict[str, str], home: Path) -> None:  # type: ignore[no-untyped-def]
    from vlogkit.config import Paths
    from vlogkit.services import App
    from vlogkit.ui.bank_view import BankView
    from vlogkit.ui.i18n import set_language
    from vlogkit.ui.jobs import JobManager

    set_language("en")
    app = App(Paths(home))
    view = BankView(app, JobManager(str(home)))
    qtbot.addWidget(view)
    view.refresh()
    rows = {view.table.item(r, 0).data(0x0100): r for r in range(view.table.rowCount())}  # UserRole: quote id
    ann_row, bo_row = rows[two_vlogs["q_ann"]], rows[two_vlogs["q_bo"]]
    consent = view.table.item(ann_row, 6)
    assert consent.text() == "Unusable (no consent)"
    assert f"expired on {YESTERDAY}" in consent.toolTip()
    assert view.table.item(ann_row, 0).font().strikeOut()
    assert consent.foreground().color().red() > 150
    assert view.table.item(bo_row, 6).text() == "External" and not view.table.item(bo_row, 0).font().strikeOut()
    # the filter on consent still finds it under "No consent"
    view.scope_filter.setCurrentIndex(view.scope_filter.findData("none"))
    assert view.table.rowCount() == 1 and view.table.item(0, 0).data(0x0100) == two_vlogs["q_ann"]
    # in Dutch the marker is translated
    set_language("nl")
    try:
        view.scope_filter.setCurrentIndex(0)
        view.refresh()
        texts = [view.table.item(r, 6).text() for r in range(view.table.rowCount())]
        assert "Onbruikbaar (geen toestemming)" in texts
    finally:
        set_language("en")
