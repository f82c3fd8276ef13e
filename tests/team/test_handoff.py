"""Hand-off packages between two homes: round trip, idempotent, tampering refused, consent never widened."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from vlogkit.config import Paths
from vlogkit.domain import ConsentScope, Speaker
from vlogkit.errors import UsageError
from vlogkit.services import App
from vlogkit.services.library import ImportOptions
from vlogkit.store.package import PackageError

SRT = "1\n00:00:00,200 --> 00:00:01,400\nGoedemorgen vanuit Gent.\n\n2\n00:00:01,500 --> 00:00:02,800\nWij bouwen bruggen.\n"


@pytest.fixture
def sender(tmp_path: Path, small_video: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[App, str]:
    """An employee's desk: a vlog with speaker, transcript, external consent with an expiry, and a prompt."""
    monkeypatch.delenv("VLOGKIT_LIBRARY_URL", raising=False)
    app = App(Paths(tmp_path / "employee"))
    app.settings.user_name = "an.peeters"
    app.settings.release_text = "I agree that Acme shows this video inside and outside the company."
    app.settings.release_version = "2026-1"
    v = app.library.import_file(small_video, ImportOptions(
        speaker=Speaker("An Peeters", "Plant manager", "Ghent", "Acme"), language="nl",
        consent=ConsentScope.EXTERNAL)).vlog
    app.library.edit(v.id, consent_expires="2099-12-31")
    app.vlogs.update_extra(v.id, recording={"prompt": "What did you ship this week?"})
    srt = tmp_path / "words.srt"
    srt.write_text(SRT, encoding="utf-8")
    app.transcription.import_subtitles(v.id, srt)
    return app, v.id


def comms(tmp_path: Path, name: str = "comms") -> App:
    a = App(Paths(tmp_path / name))
    a.settings.user_name = "comms.lead"
    return a


def test_round_trip_keeps_transcript_consent_record_speaker_and_prompt(
    sender: tuple[App, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VLOGKIT_TEAM_KEY", "our-team-secret")
    a, vid = sender
    original = a.vlogs.get(vid)
    (tmp_path / "out").mkdir()
    sent = a.handoff.send(vid, tmp_path / "out" / "an.vlogkit")
    assert sent.signed and sent.path.name == "an.vlogkit"
    with zipfile.ZipFile(sent.path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert {p["name"] for p in manifest["parts"]} == {
            "media/small.mp4", "vlog.json", "speaker.json", "consent.json", "prompt.json", "transcript.json"}
        assert all(len(p["sha256"]) == 64 for p in manifest["parts"]) and manifest["sender"] == "an.peeters"
    b = comms(tmp_path)
    r = b.handoff.import_package(sent.path)
    assert r.trust == "team" and not r.existing and r.consent_kept
    got = b.vlogs.get(r.vlog.id)
    assert got.consent == original.consent and got.consent_history == original.consent_history
    assert got.consent.scope is ConsentScope.EXTERNAL and got.consent.expires == dt.date(2099, 12, 31)
    # the whole consent record: who recorded it, when, and the release wording and version agreed to
    assert got.consent.recorded_by == "an.peeters" and got.consent.recorded_at == original.consent.recorded_at
    assert got.consent.release_version == "2026-1" and got.consent.release.startswith("I agree that Acme")
    assert got.speaker == original.speaker and got.language == "nl"
    assert got.extra["recording"]["prompt"] == "What did you ship this week?"
    assert b.transcription.get(got.id) == a.transcription.get(vid)
    assert b.transcription.get(got.id).text == "Goedemorgen vanuit Gent. Wij bouwen bruggen."
    assert Path(got.path).read_bytes() == Path(original.path).read_bytes()
    assert Path(got.path).is_relative_to(b.paths.media_dir)
    prov = got.extra["provenance"]
    assert prov["sender"] == "an.peeters" and prov["trust"] == "team" and prov["imported_by"] == "comms.lead"
    assert prov["package"] == "an.vlogkit" and len(prov["package_sha256"]) == 64
    assert [e["kind"] for e in b.export_log.entries(got.id)] == ["import-package"]
    assert [e["kind"] for e in a.export_log.entries(vid)][-1] == "send"
    # idempotent: importing again adds nothing and changes nothing
    again = b.handoff.import_package(sent.path)
    assert again.existing and again.vlog == b.vlogs.get(got.id) and len(b.vlogs.all()) == 1
    assert len(b.export_log.entries()) == 1


def _tampered(src: Path, dest: Path, name: str, change) -> Path:  # noqa: ANN001
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info, change(data) if info.filename == name else data)
    return dest


def test_a_changed_byte_is_refused_and_nothing_is_imported(
    sender: tuple[App, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VLOGKIT_TEAM_KEY", "our-team-secret")
    a, vid = sender
    pkg = a.handoff.send(vid, tmp_path / "p.vlogkit").path
    raw = bytearray(pkg.read_bytes())
    media_at = raw.find(b"mdat")  # a byte inside the stored video
    assert media_at > 0
    flipped = tmp_path / "flipped.vlogkit"
    raw[media_at + 200] ^= 0x01
    flipped.write_bytes(bytes(raw))
    widened = _tampered(pkg, tmp_path / "widened.vlogkit", "consent.json",
                        lambda d: d.replace(b'"2099-12-31"', b'""'))
    # a forger who also fixes the checksum in the manifest still fails the signature
    forged = tmp_path / "forged.vlogkit"
    with zipfile.ZipFile(widened) as z:
        import hashlib

        man = json.loads(z.read("manifest.json"))
        for p in man["parts"]:
            if p["name"] == "consent.json":
                blob = z.read("consent.json")
                p["sha256"], p["size"] = hashlib.sha256(blob).hexdigest(), len(blob)
    _tampered(widened, forged, "manifest.json", lambda d: json.dumps(man).encode())
    cut = tmp_path / "cut.vlogkit"
    cut.write_bytes(pkg.read_bytes()[: len(raw) // 2])
    b = comms(tmp_path)
    for bad, says in ((flipped, "damaged|checksum"), (widened, "checksum"), (forged, "signature does not match"),
                      (cut, "cut short|not a vlogkit")):
        with pytest.raises(PackageError, match=says) as err:
            b.handoff.import_package(bad)
        assert "Nothing was imported" in str(err.value) and "\n" not in str(err.value)
    assert b.vlogs.all() == [] and not any(b.paths.media_dir.iterdir()) and b.export_log.entries() == []
    assert not list(Path(b.paths.transcripts_dir).iterdir())


def test_unsigned_and_foreign_packages_arrive_with_no_consent_until_confirmed(
    sender: tuple[App, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, vid = sender
    monkeypatch.delenv("VLOGKIT_TEAM_KEY", raising=False)
    unsigned = a.handoff.send(vid, tmp_path / "unsigned.vlogkit")
    assert not unsigned.signed
    monkeypatch.setenv("VLOGKIT_TEAM_KEY", "another-teams-secret")
    foreign = a.handoff.send(vid, tmp_path / "foreign.vlogkit").path
    monkeypatch.setenv("VLOGKIT_TEAM_KEY", "our-team-secret")
    for pkg, trust in ((unsigned.path, "unsigned"), (foreign, "foreign")):
        b = comms(tmp_path, f"comms-{trust}")
        r = b.handoff.import_package(pkg)
        assert r.trust == trust and not r.consent_kept
        v = b.vlogs.get(r.vlog.id)
        assert v.consent.scope is ConsentScope.NONE and v.consent_history == ()
        assert v.extra["consent_claimed"]["consent"]["scope"] == "external"
        with pytest.raises(Exception, match="no consent"):
            b.export.check_consent(v, "internal")
        confirmed = b.handoff.confirm_consent(v.id)
        assert confirmed.consent.scope is ConsentScope.EXTERNAL and confirmed.consent.expires == dt.date(2099, 12, 31)
        assert confirmed.extra["consent_confirmed"]["by"] == "comms.lead" and "consent_claimed" not in confirmed.extra
        assert [e["kind"] for e in b.export_log.entries(v.id)] == ["import-package", "consent-confirm"]
        assert all(e["user"] == "comms.lead" for e in b.export_log.entries(v.id))
        with pytest.raises(UsageError, match="no consent waiting"):
            b.handoff.confirm_consent(v.id)


def test_send_and_import_on_the_command_line(cli, sender: tuple[App, str], tmp_path: Path) -> None:  # noqa: ANN001
    a, vid = sender
    key = {"VLOGKIT_TEAM_KEY": "k1"}
    pkg = tmp_path / "cli.vlogkit"
    r = cli("send", vid, "--out", str(pkg), "--by", " Lotte Peeters ", env={**key, "VLOGKIT_HOME": str(a.paths.home)})
    assert r.returncode == 0, r.stderr
    assert "signed with the team key" in r.stdout and pkg.is_file()
    r = cli("import", str(pkg), "--json", env=key)
    assert r.returncode == 0, r.stderr
    [row] = r.json()
    assert row["trust"] == "team" and row["consent"] == "external" and not row["existing"]
    assert cli("show", row["id"], "--json").json()["extra"]["provenance"]["sender"] == "Lotte Peeters"
    assert "sent by Lotte Peeters on" in cli("show", row["id"]).stdout
    r = cli("import", str(pkg), env=key)
    assert r.returncode == 0 and "already in the library" in r.stdout
    bad = tmp_path / "bad.vlogkit"
    data = bytearray(pkg.read_bytes())
    data[data.find(b"mdat") + 100] ^= 0xFF
    bad.write_bytes(bytes(data))
    r = cli("import", str(bad), env=key)
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1 and "Nothing was imported" in r.stderr
    log = cli("log")
    assert "import-package" in log.stdout
    shutil.rmtree(tmp_path / "employee", ignore_errors=True)
