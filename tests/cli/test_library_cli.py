from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path


def test_import_json_mixed_good_and_bad(cli, tmp_path: Path, desk_vlog: Path, media: Path) -> None:  # type: ignore[no-untyped-def]
    bad_text = tmp_path / "notes.mp4"
    bad_text.write_text("not a video\n" * 50)
    empty = tmp_path / "empty.mov"
    empty.write_bytes(b"")
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(desk_vlog.read_bytes()[:200_000])
    r = cli("import", str(desk_vlog), str(bad_text), str(media / "en" / "jfk.flac"), str(empty), str(cut),
            str(tmp_path / "missing.mp4"), "--speaker", "An Peeters", "--consent", "internal", "--json")
    assert r.returncode == 1
    out = r.json()
    assert [o["path"] for o in out] == [str(desk_vlog), str(bad_text), str(media / "en" / "jfk.flac"), str(empty),
                                        str(cut), str(tmp_path / "missing.mp4")]
    assert out[0]["duration"] == 46.5 and out[0]["existing"] is False and out[0]["width"] == 1920
    assert out[2]["has_video"] is False and out[2]["has_audio"] is True
    for o in (out[1], out[3], out[4], out[5]):
        assert "error" in o and "id" not in o
    errs = [line for line in r.stderr.splitlines() if line.startswith("vlogkit: error:")]
    assert len(errs) == 4 and "Traceback" not in r.stderr
    listed = cli("list", "--json").json()
    assert sorted(v["id"] for v in listed) == sorted([out[0]["id"], out[2]["id"]])
    v = cli("show", out[0]["id"], "--json").json()
    assert v["speaker"]["name"] == "An Peeters" and v["consent"]["scope"] == "internal" and v["state"] == "new"
    again = cli("import", str(desk_vlog), "--json")
    assert again.returncode == 0 and again.json()[0]["existing"] is True and again.json()[0]["id"] == out[0]["id"]


def test_bad_input_leaves_library_unchanged(cli, home: Path, tmp_path: Path, small_video: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("import", str(small_video)).returncode == 0
    db = home / "library.json"
    before = db.read_bytes()
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 100)
    r = cli("import", str(junk))
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and str(junk) in r.stderr
    assert db.read_bytes() == before


def test_folder_import_reports_skips(cli, tmp_path: Path, small_video: Path, synth: Callable[..., Path]) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "phone videos"
    (folder / "day 2").mkdir(parents=True)
    shutil.copyfile(small_video, folder / "a.mp4")
    audio = synth("tone.wav", "-f", "lavfi", "-i", "sine=f=300:d=1")
    shutil.copyfile(audio, folder / "day 2" / "voice memo")  # no extension: found by content
    (folder / "notes.txt").write_text("todo")
    r = cli("import", str(folder), "--json")
    assert r.returncode == 0, r.stderr
    assert len(r.json()) == 2 and all("id" in o for o in r.json())
    assert "notes.txt" in r.stderr and "skipped" in r.stderr
    empty = tmp_path / "empty folder"
    empty.mkdir()
    r2 = cli("import", str(empty))
    assert r2.returncode == 1 and "no media files" in r2.stderr


def test_four_parallel_imports_all_land(home: Path, tmp_path: Path, synth: Callable[..., Path]) -> None:
    import os

    files = [synth(f"par{i}.mp4", "-f", "lavfi", "-i", f"testsrc2=s=160x120:d=1:r={20 + i}", "-c:v", "libx264",
                   "-preset", "ultrafast") for i in range(4)]
    env = dict(os.environ, VLOGKIT_HOME=str(home))
    procs = [subprocess.Popen([sys.executable, "-m", "vlogkit", "import", str(f)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for f in files]
    assert all(p.wait(180) == 0 for p in procs)
    out = subprocess.run([sys.executable, "-m", "vlogkit", "list", "--json"], env=env, capture_output=True, text=True)
    import json

    assert len(json.loads(out.stdout)) == 4


def test_edit_remove_and_errors(cli, small_video: Path) -> None:  # type: ignore[no-untyped-def]
    vid = cli("import", str(small_video), "--json").json()[0]["id"]
    r = cli("edit", vid, "--speaker", "Sofie", "--team", "Logistics", "--consent", "external", "--json")
    assert r.returncode == 0 and r.json()["speaker"] == {"name": "Sofie", "role": "", "team": "Logistics", "company": ""}
    assert r.json()["consent"]["scope"] == "external"
    assert cli("edit", vid, "--language", "not a lang").returncode == 2
    assert cli("remove", vid).returncode == 0 and small_video.exists()
    missing = cli("show", vid)
    assert missing.returncode == 1 and "No vlog" in missing.stderr and "Traceback" not in missing.stderr
    assert cli("import", "--consent", "maybe", str(small_video)).returncode == 2


def test_version_and_doctor(cli) -> None:  # type: ignore[no-untyped-def]
    from vlogkit import __version__

    v = cli("--version")
    assert v.returncode == 0 and __version__ in v.stdout
    d = cli("doctor", "--json")
    checks = {c["check"]: c for c in d.json()}
    assert checks["ffmpeg"]["status"] == "ok" and "ffmpeg version" in checks["ffmpeg"]["detail"]
    assert checks["library"]["status"] == "ok"


def test_damaged_library_is_reported(cli, home: Path, small_video: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("import", str(small_video)).returncode == 0
    db = home / "library.json"
    db.write_text("{ this is not json")
    r = cli("list")
    assert r.returncode == 1 and "damaged" in r.stderr and str(db) in r.stderr
    assert db.read_text() == "{ this is not json"


def test_a_moved_file_imported_again_from_its_new_place_is_found_again(cli, small_video: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """"The file of vlog X is gone: ... Put it back, or import it again from its new place." - importing it from the
    new place said "already in the library" and left the vlog pointing at the old path: a dead end. Now the vlog
    (its transcript, consent history and quotes) points at the new place."""
    first = tmp_path / "a" / "take.mp4"
    first.parent.mkdir()
    shutil.copyfile(small_video, first)
    r = cli("import", str(first), "--consent", "internal", "--json")
    vid = r.json()[0]["id"]
    moved = tmp_path / "b" / "take.mp4"
    moved.parent.mkdir()
    first.rename(moved)
    r = cli("export", vid, "--range", "0.5:1.5", "--captions", "off", "--out", str(tmp_path / "clips"))
    assert r.returncode == 1 and "import it again from its new place" in r.stderr
    r = cli("import", str(moved))
    assert r.returncode == 0, r.stderr
    assert "it now uses this one" in r.stderr and vid in r.stdout
    assert cli("show", vid, "--json").json()["path"] == str(moved)
    r = cli("export", vid, "--range", "0.5:1.5", "--captions", "off", "--out", str(tmp_path / "clips"))
    assert r.returncode == 0, r.stderr
    assert moved.exists() and len(cli("list", "--json").json()) == 1


def test_show_says_detected_only_when_vlogkit_detected_it(cli, home: Path, small_video: Path) -> None:  # noqa: ANN001
    """`--language nl` on an English recording showed "language:  nl (detected nl)": nothing was detected, the
    language was forced (and Whisper translated "And so" into "En zo"). A forced language is shown as set."""
    from tests.quotes.helpers import make_transcript

    from vlogkit.config import Paths
    from vlogkit.services import App

    forced = cli("import", str(small_video), "--language", "nl", "--json").json()[0]["id"]
    app = App(Paths(home))
    app.transcription.save(forced, make_transcript("En zo, mijn beste collega's.", "nl"))
    line = next(x for x in cli("show", forced).stdout.splitlines() if x.startswith("language:"))
    assert line.split() == ["language:", "nl", "(set", "by", "hand)"], line


def test_the_bundled_sample_vlog_is_one_command_away(cli, small_video: Path) -> None:  # noqa: ANN001
    r = cli("import")
    assert r.returncode == 2 and "`vlogkit import --sample`" in r.stderr  # nothing named: say what to try
    r = cli("import", "--sample")
    assert r.returncode == 0, r.stderr
    vid = r.stdout.split("imported as ")[1].split()[0]
    assert f"next: `vlogkit quotes {vid}`" in r.stdout
    [v] = cli("list", "--json").json()
    assert v["id"] == vid and v["consent"]["scope"] == "external" and v["language"] == "en"
    assert f"already in the library as {vid}" in cli("import", "--sample").stdout  # twice: the same vlog
    r = cli("import", "--sample", str(small_video))
    assert r.returncode == 2 and "on its own" in r.stderr and len(cli("list", "--json").json()) == 1


def test_the_list_names_its_columns_above_the_vlogs(cli, small_video: Path) -> None:  # type: ignore[no-untyped-def]
    """A trial: `vlogkit list` printed rows of values with no column names."""
    vid = cli("import", str(small_video), "--consent", "internal", "--json").json()[0]["id"]
    header, row = cli("list").stdout.splitlines()
    assert header.split() == ["id", "length", "picture", "lang", "consent", "state", "speaker", "file"]
    assert row.startswith(vid)
    assert row.index("internal") == header.index("consent")  # the values stand under their names
    assert row.index(str(small_video)) >= header.index("file")
