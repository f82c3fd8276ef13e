from __future__ import annotations

import json
from pathlib import Path


def test_backup_and_restore_round_trip(cli, home: Path, tmp_path: Path, small_video: Path) -> None:  # type: ignore[no-untyped-def]
    vid = cli("import", str(small_video), "--speaker", "Jo", "--consent", "internal", "--json").json()[0]["id"]
    r = cli("backup", str(tmp_path))
    assert r.returncode == 0, r.stderr
    zips = list(tmp_path.glob("vlogkit-backup-*.zip"))
    assert len(zips) == 1
    # a new laptop: an empty home
    new_home = tmp_path / "new-laptop"
    restored = cli("restore", str(zips[0]), env={"VLOGKIT_HOME": str(new_home)})
    assert restored.returncode == 0, restored.stderr
    shown = cli("show", vid, "--json", env={"VLOGKIT_HOME": str(new_home)})
    assert shown.returncode == 0 and shown.json()["speaker"]["name"] == "Jo"
    # restoring over a non-empty library needs --force
    again = cli("restore", str(zips[0]), env={"VLOGKIT_HOME": str(new_home)})
    assert again.returncode == 2 and "--force" in again.stderr
    not_zip = tmp_path / "x.zip"
    not_zip.write_text("nope")
    bad = cli("restore", str(not_zip))
    assert bad.returncode == 1 and "not a vlogkit backup" in bad.stderr


def test_forget_removes_what_vlogkit_holds_and_logs_it(cli, home: Path, small_video: Path) -> None:  # type: ignore[no-untyped-def]
    vid = cli("import", str(small_video), "--json").json()[0]["id"]
    assert (home / "thumbnails" / f"{vid}.jpg").exists()
    r = cli("forget", vid, "--json")
    assert r.returncode == 0, r.stderr
    removed = r.json()["removed"]
    assert "library entry" in removed and any("thumbnail" in x for x in removed)
    assert not (home / "thumbnails" / f"{vid}.jpg").exists()
    assert small_video.exists()
    assert cli("show", vid).returncode == 1
    log = cli("log", "--json").json()
    assert log[-1]["kind"] == "forget" and log[-1]["vlog_ids"] == [vid] and log[-1]["user"]


def test_cache_clear_and_usage(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    (home / "cache" / "faces").mkdir(parents=True)
    (home / "cache" / "faces" / "x.json").write_text(json.dumps({"a": "b" * 5000}))
    r = cli("cache", "clear")
    assert r.returncode == 0 and "MB freed" in r.stdout
    assert not (home / "cache" / "faces").exists()
    assert "cache" in cli("cache", "usage").stdout


def test_cache_clear_sweeps_what_a_crash_left(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    exports = home / "exports"
    exports.mkdir(parents=True)
    dead = exports / ".clip_reel.part999999.mp4"  # no such process
    dead.write_bytes(b"x" * 1000)
    finished = exports / "clip_reel.mp4"
    finished.write_bytes(b"done")
    doc = {c["check"]: c for c in cli("doctor", "--json").json()}
    assert doc["leftovers"]["status"] == "warn" and "cache clear" in doc["leftovers"]["fix"]
    assert cli("cache", "clear").returncode == 0
    assert not dead.exists() and finished.read_bytes() == b"done"
    doc = {c["check"]: c for c in cli("doctor", "--json").json()}
    assert doc["leftovers"]["status"] == "ok"
    split = doc["disk"]["detail"].split("(", 1)[1].rstrip(")")  # every size says its unit
    assert all(part.endswith(" MB") for part in split.split(", ")), split
