"""kill -9 in the middle of import, transcription, export and bank export (real subprocesses).

Afterwards the library and the bank open, nothing half-written sits under a final name (only hidden temporary names),
no orphaned ffmpeg keeps writing, and the same command run again succeeds.
"""

from __future__ import annotations

import json
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.prepared import library, prepared_home, render_source, snapshot  # noqa: F401 - fixtures
from tests.reliability.procs import Started, ffmpeg_writing_into, non_temp_files, temp_files, vk

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="POSIX signals, /proc and pty: Linux only")

KILLED = -signal.SIGKILL


def _still_usable(home: Path) -> tuple[list[dict], list[dict]]:
    r1, r2 = vk(home, "list", "--json", timeout=60), vk(home, "bank", "list", "--json", timeout=60)
    assert r1.returncode == 0, r1.stderr
    assert r2.returncode == 0, r2.stderr
    return json.loads(r1.stdout), json.loads(r2.stdout)


@pytest.mark.timeout(180)
def test_kill_while_copying_an_import(home: Path, render_source: Path, tmp_path: Path) -> None:  # noqa: F811
    r = vk(home, "import", str(render_source), "--copy", env={"VLOGKIT_FAILPOINT": "output.before_rename=kill"})
    assert r.returncode == KILLED
    vlogs, _ = _still_usable(home)
    assert vlogs == []
    media = home / "media"
    assert non_temp_files(media) == [], "a half-copied file sits under its final name"
    assert len(temp_files(media)) == 1 and temp_files(media)[0].startswith(".")
    again = vk(home, "import", str(render_source), "--copy", "--json")
    assert again.returncode == 0, again.stderr
    copy = Path(json.loads(again.stdout)[0]["library_path"])
    assert copy.parent == media and copy.stat().st_size == render_source.stat().st_size
    assert len(_still_usable(home)[0]) == 1


@pytest.mark.timeout(300)
@pytest.mark.parametrize("point", ["transcribe.after_segment", "transcribe.before_store"])
def test_kill_during_transcription(library: tuple[Path, str, str], point: str) -> None:  # noqa: F811
    home, vid, _ = library
    r = vk(home, "transcribe", vid, "--no-cache", env={"VLOGKIT_FAILPOINT": f"{point}=kill"})
    assert r.returncode == KILLED, r.stderr
    vlogs, quotes = _still_usable(home)
    assert [v["id"] for v in vlogs] == [vid] and len(quotes) == 1
    # the transcript stored before the crash is still whole and readable
    before = json.loads((home / "transcripts" / f"{vid}.json").read_text())
    assert "Americans" in " ".join(w["text"] for s in before["transcript"]["segments"] for w in s["words"])
    assert temp_files(home / "transcripts") == []
    again = vk(home, "transcribe", vid, "--no-cache")
    assert again.returncode == 0 and "Americans" in again.stdout, again.stderr


@pytest.mark.timeout(300)
def test_kill_during_a_first_transcription(home: Path, media: Path) -> None:
    r = vk(home, "import", str(media / "en" / "jfk.flac"), "--json")
    vid = json.loads(r.stdout)[0]["id"]
    before = snapshot(home)
    killed = vk(home, "transcribe", vid, env={"VLOGKIT_FAILPOINT": "transcribe.after_segment=kill"})
    assert killed.returncode == KILLED
    assert snapshot(home) == before, "the library changed although the transcription never finished"
    assert not (home / "transcripts" / f"{vid}.json").exists()
    assert vk(home, "subtitles", vid).returncode == 1  # no transcript yet: a clear error, not a half one
    again = vk(home, "transcribe", vid, "--json")
    assert again.returncode == 0, again.stderr
    assert "Americans" in again.stdout
    assert [v["state"] for v in _still_usable(home)[0]] == ["transcribed"]


@pytest.mark.timeout(300)
def test_sigkill_while_ffmpeg_writes_an_export(home: Path, render_source: Path, tmp_path: Path) -> None:  # noqa: F811
    vid = json.loads(vk(home, "import", str(render_source), "--consent", "internal", "--json").stdout)[0]["id"]
    out = tmp_path / "clips"
    args = ["export", vid, "--start", "0", "--end", "20", "--captions", "off", "--preset", "854x480", "--out", str(out)]
    job = Started(args, home)
    job.wait_for(lambda j: out.is_dir() and any(p.stat().st_size > 0 for p in out.glob(".*.part*.mp4")))
    job.send(signal.SIGKILL)
    assert job.finish(30) == KILLED
    time.sleep(0.5)
    assert ffmpeg_writing_into(out) == [], "ffmpeg kept rendering after vlogkit was killed"
    assert non_temp_files(out) == [], "a half-written clip sits under its final name"
    assert all(n.startswith(".") and ".part" in n for n in temp_files(out))
    vlogs, _ = _still_usable(home)
    assert vlogs[0]["extra"].get("clips") in (None, [])
    r = vk(home, *args, "--json")
    assert r.returncode == 0, r.stderr
    clip = Path(json.loads(r.stdout)["outputs"][0]["path"])
    assert clip.exists() and clip.parent == out and not clip.name.startswith(".")
    from vlogkit.media.probe import probe

    assert abs(probe(clip).duration_ms - 20000) < 300


@pytest.mark.timeout(240)
@pytest.mark.parametrize("point", ["export.during_render", "export.before_rename"])
def test_kill_at_export_failpoints(library: tuple[Path, str, str], tmp_path: Path, point: str) -> None:  # noqa: F811
    home, vid, qid = library
    out = tmp_path / "clips"
    args = ["export", vid, "--quote", qid, "--preset", "square", "--captions", "line", "--out", str(out)]
    r = vk(home, *args, env={"VLOGKIT_FAILPOINT": f"{point}=kill"})
    assert r.returncode == KILLED, r.stderr
    time.sleep(0.3)
    assert ffmpeg_writing_into(out) == []
    assert non_temp_files(out) == []
    assert temp_files(out), "the killed render left no temporary file - the failpoint fired too early to prove anything"
    _still_usable(home)
    again = vk(home, *args, "--json")
    assert again.returncode == 0, again.stderr
    names = non_temp_files(out)
    assert any(n.endswith("_square.mp4") for n in names) and any(n.endswith(".srt") for n in names)


@pytest.mark.timeout(240)
@pytest.mark.parametrize("fmt,point", [("pptx", "bank_export.before_write"), ("pptx", "output.before_rename"),
                                       ("csv", "atomic_write.before_rename"), ("md", "bank_export.before_write")])
def test_kill_during_bank_export(library: tuple[Path, str, str], tmp_path: Path, fmt: str, point: str) -> None:  # noqa: F811
    home, _, qid = library
    out_dir = tmp_path / "share"
    out_dir.mkdir()
    target = out_dir / f"quotes.{fmt}"
    before = snapshot(home)
    r = vk(home, "bank", "export", "--format", fmt, "--out", str(target),
           env={"VLOGKIT_FAILPOINT": f"{point}=kill"})
    assert r.returncode == KILLED, r.stderr
    assert not target.exists(), "a half-written export sits under its final name"
    assert non_temp_files(out_dir) == []
    if point != "bank_export.before_write":  # killed with the whole file written under its temporary name
        assert [n.startswith(".quotes.") for n in temp_files(out_dir)] == [True]
    assert snapshot(home) == before
    _, quotes = _still_usable(home)
    assert [q["id"] for q in quotes] == [qid]
    again = vk(home, "bank", "export", "--format", fmt, "--out", str(target), "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["path"] == str(target) and target.stat().st_size > 0
    if fmt == "pptx":
        from pptx import Presentation

        texts = [sh.text_frame.text for s in Presentation(str(target)).slides for sh in s.shapes if sh.has_text_frame]
        assert any("Americans" in t or "country" in t for t in texts)
    else:
        assert "country" in target.read_text(encoding="utf-8").lower()
