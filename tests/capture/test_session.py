"""The take logic, driven by a file-backed camera playing the desk vlog in real time."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from vlogkit.capture.backend import CaptureConfig
from vlogkit.capture.session import CaptureSession, State
from vlogkit.domain import ConsentScope, Speaker
from vlogkit.errors import DeviceError, UsageError
from vlogkit.media.fingerprint import fingerprint
from vlogkit.media.probe import probe


def test_capture_countdown_shows_3_2_1_and_records_nothing_before_it_ends(file_camera, tmp_path: Path, clock) -> None:
    session = CaptureSession(file_camera(), tmp_path / "captures", limit_s=30, countdown_s=3, clock=clock)
    session.open()
    shown = [session.start(prompt="What did you ship this week?").countdown]
    for _ in range(2):
        clock.advance(1.0)
        shown.append(session.tick().countdown)
    assert shown == [3, 2, 1]
    assert session.state is State.COUNTDOWN
    assert not list((tmp_path / "captures").glob("*.mkv"))  # nothing is recorded during the countdown
    clock.advance(1.0)
    st = session.tick()
    assert st.state is State.RECORDING and st.remaining_text == "0:30"
    time.sleep(1.5)
    clock.advance(1.5)
    st = session.tick()
    assert st.elapsed_ms == 1500 and st.remaining_text == "0:29" and not st.warning
    take = session.stop()
    assert take.stop_reason == "stopped" and take.prompt == "What did you ship this week?"
    assert 800 <= take.duration_ms <= 3000
    session.close()


def test_a_short_limit_warns_only_in_its_last_third_not_from_the_first_second(file_camera, tmp_path: Path,
                                                                              clock) -> None:
    # the default warning is 10 s before the limit; with a 10 s limit that was "time to wrap up" from the start
    session = CaptureSession(file_camera(), tmp_path / "captures", limit_s=10, countdown_s=0, clock=clock)
    session.open()
    session.start()
    clock.advance(1.0)
    assert not session.tick().warning  # 9 s left of 10: too early to wrap up
    clock.advance(6.0)
    st = session.tick()
    assert st.state is State.RECORDING and st.warning  # 3 s left: the last third
    session.stop()
    session.close()


def test_record_stops_at_the_time_limit_after_a_soft_warning(file_camera, tmp_path: Path, run_until_stopped) -> None:
    session = CaptureSession(file_camera(), tmp_path / "captures", limit_s=2.5, countdown_s=0, warn_s=1)
    session.open()
    session.start()
    seen = run_until_stopped(session)
    assert any(s.warning for s in seen if s.state is State.RECORDING)  # the last second was flagged
    assert not seen[1].warning
    assert seen[-1].state is State.STOPPED and seen[-1].stop_reason == "limit"
    take = session.take
    assert take is not None and 2000 <= take.duration_ms <= 3800
    info = probe(take.path)
    assert info.container.startswith("matroska")
    assert info.display_size == (1280, 720)  # 720p is the default resolution
    assert info.has_audio
    session.close()


def test_retake_discards_the_take_and_records_again(file_camera, tmp_path: Path) -> None:
    captures = tmp_path / "captures"
    session = CaptureSession(file_camera(), captures, limit_s=30, countdown_s=0)
    session.open()
    session.start()
    time.sleep(1.0)
    first = session.stop()
    assert first.path.exists() and session.state is State.STOPPED
    with pytest.raises(UsageError):
        session.start()  # a waiting take must be kept or retaken first
    session.retake()
    assert not first.path.exists() and not first.meta_path.exists()
    assert session.state is State.IDLE and session.take is None
    session.start()
    time.sleep(1.0)
    second = session.stop()
    assert second.path.exists() and second.duration_ms > 500
    assert [p.name for p in captures.glob("*.mkv")] == [second.path.name]
    session.close()


def test_keep_record_imports_the_take_with_speaker_and_dated_consent(app, file_camera, desk_vlog: Path) -> None:
    before = fingerprint(desk_vlog)
    session = app.capture.new_session(file_camera(), limit_s=30, countdown_s=0)
    session.open()
    session.start(prompt="Why did you join?")
    time.sleep(1.5)
    take = session.stop()
    speaker = Speaker("Ann Peeters", "Engineer", "Platform")
    with pytest.raises(UsageError, match="consent"):
        app.capture.keep(take, speaker=speaker, consent=ConsentScope.NONE, transcribe=False)
    vlog = app.capture.keep(take, speaker=speaker, consent=ConsentScope.EXTERNAL, transcribe=False, session=session)
    assert session.state is State.IDLE
    listed = app.library.list()
    assert [v.id for v in listed] == [vlog.id]
    kept = Path(vlog.path)
    assert kept.parent == app.paths.media_dir and kept.suffix == ".mp4"  # a copy in the library folder
    assert vlog.copied and vlog.speaker == speaker
    assert vlog.consent.scope is ConsentScope.EXTERNAL and vlog.consent.date == dt.date.today()
    assert vlog.extra["recording"]["prompt"] == "Why did you join?"
    info = probe(kept)
    assert info.container.startswith("mov") and info.has_video and info.has_audio
    assert abs(info.duration_ms - take.duration_ms) < 300
    assert not take.path.exists() and not take.meta_path.exists()  # the take is gone once kept
    assert app.capture.last_speaker() == speaker  # remembered for this computer
    from vlogkit.config import Settings

    assert Settings.load(app.paths.settings_file).last_speaker["name"] == "Ann Peeters"
    assert fingerprint(desk_vlog) == before  # the source was never touched
    session.close()


def test_capture_device_lost_mid_take_stops_cleanly_and_keeps_what_was_recorded(
    app, file_camera, run_until_stopped
) -> None:
    session = app.capture.new_session(file_camera(lose_after_s=1.5), limit_s=20, countdown_s=0)
    session.open()
    session.start()
    seen = run_until_stopped(session)
    assert seen[-1].state is State.STOPPED and seen[-1].stop_reason == "device_lost"
    take = session.take
    assert take is not None and 1000 <= take.duration_ms <= 2200
    vlog = app.capture.keep(take, speaker=Speaker("Ben"), consent=ConsentScope.INTERNAL, transcribe=False,
                            session=session)
    assert vlog.extra["recording"]["stop_reason"] == "device_lost"
    assert probe(vlog.path).duration_ms > 1000
    session.close()


def test_record_audio_only_keeps_a_sound_only_vlog(app, file_camera) -> None:
    session = app.capture.new_session(file_camera(), config=CaptureConfig(audio_only=True), limit_s=1.5,
                                      countdown_s=0)
    session.open()
    assert session.backend.latest_frame() is None  # no preview without a camera
    session.start()
    while session.tick().state is State.RECORDING:
        time.sleep(0.05)
    vlog = app.capture.keep(session.take, speaker=Speaker("Cleo"), consent=ConsentScope.INTERNAL, transcribe=False,
                            session=session)
    assert not vlog.media.has_video and vlog.media.has_audio
    session.close()


def test_capture_device_that_delivers_nothing_leaves_no_take(app, file_camera, run_until_stopped) -> None:
    session = app.capture.new_session(file_camera(lose_after_s=0.0), limit_s=20, countdown_s=0)
    session.open()
    session.start()
    seen = run_until_stopped(session)
    assert seen[-1].state is State.IDLE and "Nothing was recorded" in seen[-1].error
    assert not list(app.paths.captures_dir.glob("take-*.mkv"))
    session.close()


def test_file_camera_gives_a_preview_frame_and_a_moving_level(file_camera, tmp_path: Path) -> None:
    backend = file_camera()
    session = CaptureSession(backend, tmp_path / "c", limit_s=30, countdown_s=0)
    session.open()
    frame = backend.latest_frame()
    assert frame is not None and (frame.width, frame.height) == (320, 180) and len(frame.rgb) == 320 * 180 * 3
    session.start()
    levels = []
    for _ in range(20):
        session.tick()
        levels.append(backend.level())
        time.sleep(0.05)
    assert max(levels) > 0.3 and len(set(levels)) > 3  # speech moves the meter
    session.stop()
    session.retake()
    session.close()


def test_missing_source_file_is_a_device_error(tmp_path: Path, ffmpeg_exe: str) -> None:
    from vlogkit.capture.file_backend import FileBackend

    session = CaptureSession(FileBackend(tmp_path / "nope.mp4", ffmpeg_exe=ffmpeg_exe), tmp_path / "c")
    with pytest.raises(DeviceError, match="nope.mp4"):
        session.open()


def test_record_from_a_file_that_ends_says_so_not_device_lost(app, synth, run_until_stopped) -> None:  # type: ignore[no-untyped-def]
    short = synth("capture_short.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=1.5", "-f", "lavfi", "-i",
                  "sine=f=300:d=1.5", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                  "-shortest")
    session = app.capture.new_session(app.capture.file_backend(short), limit_s=20, countdown_s=0)
    session.open()
    session.start()
    seen = run_until_stopped(session)
    assert seen[-1].stop_reason == "source_ended"
    session.close()
