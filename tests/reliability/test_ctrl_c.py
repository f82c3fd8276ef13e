"""Ctrl+C (SIGINT) and SIGTERM while the CLI transcribes or exports: exit 130, one line "vlogkit: cancelled.", no partial
output anywhere, no ffmpeg left running, and the library still opens."""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path

import pytest

from tests.reliability.prepared import render_source, snapshot  # noqa: F401 - fixtures
from tests.reliability.procs import Started, ffmpeg_writing_into, message_lines, vk

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="POSIX signals, /proc and pty: Linux only")

SIGNALS = [pytest.param(signal.SIGINT, id="ctrl-c"), pytest.param(signal.SIGTERM, id="sigterm")]


@pytest.fixture(scope="module")
def harvard(media: Path) -> Path:
    """35 s of read sentences with pauses: many Whisper segments, so transcription is visibly under way for a while."""
    return media / "en" / "OSR_us_000_0034_8k.wav"


@pytest.mark.timeout(240)
@pytest.mark.parametrize("sig", SIGNALS)
def test_cancel_transcription(home: Path, harvard: Path, sig: int) -> None:
    vid = json.loads(vk(home, "import", str(harvard), "--json").stdout)[0]["id"]
    before = snapshot(home)
    job = Started(["transcribe", vid], home, tty=True)  # a terminal on stderr: the progress bar is drawn
    job.wait_for(lambda j: j.progress() >= 1 and "Transcribing (en)" in j.err)
    job.send(sig)
    assert job.finish(60) == 130, job.err
    assert message_lines(job.err) == ["vlogkit: cancelled."], job.err
    assert "Traceback" not in job.err and job.out == ""
    assert snapshot(home) == before, "a cancelled transcription changed the library"
    assert list(home.glob("transcripts/*")) == [] and list(home.glob("cache/transcripts/**/*.json")) == []
    r = vk(home, "show", vid, "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["state"] == "new"


@pytest.mark.timeout(240)
@pytest.mark.parametrize("sig", SIGNALS)
def test_cancel_export(home: Path, render_source: Path, tmp_path: Path, sig: int) -> None:  # noqa: F811
    vid = json.loads(vk(home, "import", str(render_source), "--consent", "internal", "--json").stdout)[0]["id"]
    out = tmp_path / "clips"
    before = snapshot(home)
    job = Started(["export", vid, "--start", "0", "--end", "20", "--captions", "off", "--preset", "854x480",
                   "--out", str(out)], home)
    job.wait_for(lambda j: out.is_dir() and any(p.stat().st_size > 0 for p in out.glob(".*.part*.mp4")))
    job.send(sig)
    assert job.finish(60) == 130, job.err
    assert message_lines(job.err) == ["vlogkit: cancelled."], job.err
    assert job.out == ""
    assert sorted(p.name for p in out.iterdir()) == [], "the cancelled export left files behind"
    assert ffmpeg_writing_into(out) == []
    assert snapshot(home) == before
    r = vk(home, "list", "--json")
    assert r.returncode == 0 and json.loads(r.stdout)[0]["id"] == vid
