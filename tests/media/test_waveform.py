"""The waveform overview: peaks per 10 ms that follow the sound (loud, silent, loud), no audio gives none, a broken
file says so in one line, and the service keeps it with the vlog (one computation per file)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from vlogkit.errors import Cancelled, MediaError
from vlogkit.jobs import JobContext
from vlogkit.media.waveform import RATE, Waveform, compute_waveform


@pytest.fixture(scope="session")
def tone_gap_tone(synth: Callable[..., Path]) -> Path:
    """1 s of a full-scale tone, 1 s of silence, 1 s of tone (WAV: exact levels)."""
    return synth("tgt.wav", "-f", "lavfi", "-i", "sine=f=300:d=1", "-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono:d=1",
                 "-f", "lavfi", "-i", "sine=f=300:d=1", "-filter_complex",
                 "[0:a]volume=7.9[a];[2:a]volume=7.9[c];[a][1:a][c]concat=n=3:v=0:a=1", "-ac", "1")


def test_peaks_follow_the_sound(ffmpeg_exe: str, tone_gap_tone: Path) -> None:
    wf = compute_waveform(ffmpeg_exe, tone_gap_tone, 3000)
    assert wf.rate == RATE and len(wf.peaks) == pytest.approx(300, abs=2)
    loud, quiet, again = wf.peaks[10:90], wf.peaks[110:190], wf.peaks[210:290]
    assert min(loud) > 200 and min(again) > 200  # near full scale
    assert max(quiet) == 0
    assert Waveform.from_bytes(wf.to_bytes()) == wf


def test_a_broken_file_says_so_in_one_line(ffmpeg_exe: str, tmp_path: Path) -> None:
    bad = tmp_path / "broken.mp4"
    bad.write_text("not media")
    with pytest.raises(MediaError) as info:
        compute_waveform(ffmpeg_exe, bad)
    assert "broken.mp4" in str(info.value) and "\n" not in str(info.value)


def test_cancel_stops_it(ffmpeg_exe: str, tone_gap_tone: Path) -> None:
    ctx = JobContext()
    ctx.cancel()
    with pytest.raises(Cancelled):
        compute_waveform(ffmpeg_exe, tone_gap_tone, 3000, ctx)


def test_the_service_computes_once_and_keeps_it_with_the_vlog(home: Path, small_video: Path) -> None:
    from vlogkit.config import Paths
    from vlogkit.services import App
    from vlogkit.services.library import ImportOptions

    app = App(Paths(home))
    vid = app.library.import_file(small_video, ImportOptions()).vlog.id
    assert app.waveform.cached(vid) is None
    wf = app.waveform.compute(vid)
    kept = Path(app.library.get(vid).extra["waveform"])
    assert kept.is_file() and app.waveform.cached(vid) == wf
    stamp = kept.stat().st_mtime_ns
    assert app.waveform.compute(vid) == wf and kept.stat().st_mtime_ns == stamp  # read back, not computed again
    app.library.remove(vid)
    assert not kept.exists()  # removing the vlog removes its waveform


def test_a_vlog_without_sound_has_an_empty_waveform(home: Path, synth) -> None:
    from vlogkit.config import Paths
    from vlogkit.services import App
    from vlogkit.services.library import ImportOptions

    silent_video = synth("noaudio.mp4", "-f", "lavfi", "-i", "testsrc2=s=160x120:r=10:d=1", "-c:v", "libx264",
                         "-preset", "ultrafast", "-pix_fmt", "yuv420p")
    app = App(Paths(home))
    vid = app.library.import_file(silent_video, ImportOptions()).vlog.id
    assert app.waveform.compute(vid).peaks == b""
