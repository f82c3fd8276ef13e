"""`vlogkit devices` and `vlogkit record`, run as the real command in a subprocess."""

from __future__ import annotations

import getpass
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vlogkit.media.probe import probe


def _has_devices() -> dict[str, list]:
    """Asked in a child process: a QCoreApplication made here would clash with pytest-qt's QApplication."""
    out = subprocess.run([sys.executable, "-m", "vlogkit", "devices", "--json"], capture_output=True, text=True,
                         timeout=120, check=True)
    return json.loads(out.stdout)


def test_devices_json_lists_cameras_and_microphones_headless(cli) -> None:
    r = cli("devices", "--json")
    assert r.returncode == 0, r.stderr
    data = r.json()
    assert set(data) == {"cameras", "microphones"}
    for d in data["cameras"] + data["microphones"]:
        assert set(d) == {"id", "name", "default"}
    plain = cli("devices")
    assert plain.returncode == 0 and "cameras:" in plain.stdout and "microphones:" in plain.stdout
    if not data["cameras"]:
        assert "none found" in plain.stdout


def test_record_without_a_camera_exits_1_naming_the_camera(cli) -> None:
    if _has_devices()["cameras"]:
        pytest.skip("this machine has a camera")
    r = cli("record", "--speaker", "Ann", "--consent", "internal")
    assert r.returncode == 1
    assert r.stderr.count("\n") == 1 and "No camera" in r.stderr and "Traceback" not in r.stderr
    assert "vlogkit: error:" in r.stderr


def test_record_audio_only_without_a_microphone_exits_1_naming_the_microphone(cli) -> None:
    if _has_devices()["microphones"]:
        pytest.skip("this machine has a microphone")
    r = cli("record", "--audio-only", "--speaker", "Ann", "--consent", "internal")
    assert r.returncode == 1 and "No microphone found" in r.stderr and "Traceback" not in r.stderr


def test_record_needs_a_speaker_and_consent_before_recording(cli, desk_vlog: Path, home: Path) -> None:
    r = cli("record", "--from-file", str(desk_vlog), "--speaker", "Ann")
    assert r.returncode == 2 and "--consent" in r.stderr
    assert not list((home / "captures").glob("*.mkv"))  # nothing was recorded in vain


def _start_record(home: Path, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, VLOGKIT_HOME=str(home))
    return subprocess.Popen(
        [sys.executable, "-m", "vlogkit", "record", *args], env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # Ctrl+C as a terminal delivers it
    )


def _wait_for_take(home: Path, min_bytes: int = 150_000, timeout: float = 60) -> Path:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        takes = list((home / "captures").glob("take-*.mkv"))
        if takes and takes[0].stat().st_size >= min_bytes:
            return takes[0]
        time.sleep(0.1)
    raise AssertionError("no take was being written")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_record_ctrl_c_stops_the_take_and_keeps_it(cli, home: Path, desk_vlog: Path, sig: int) -> None:
    proc = _start_record(home, "--from-file", str(desk_vlog), "--duration", "60", "--countdown", "0",
                         "--speaker", "Ann Peeters", "--team", "Platform", "--consent", "external", "--no-transcribe")
    _wait_for_take(home)
    time.sleep(0.5)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    vlog_id = out.strip()
    assert "interrupted" in err.lower() and "Traceback" not in err
    shown = cli("show", vlog_id, "--json").json()
    assert shown["consent"]["scope"] == "external" and shown["speaker"]["name"] == "Ann Peeters"
    assert shown["consent"]["recorded_by"] == getpass.getuser()  # no --by and no user_name setting: the login name
    assert shown["extra"]["recording"]["stop_reason"] == "interrupted"
    assert 1.0 < shown["duration"] < 20
    assert probe(shown["path"]).has_video
    assert not list((home / "captures").glob("take-*.mkv"))


def test_capture_crash_mid_take_is_recovered_at_the_next_start(cli, home: Path, desk_vlog: Path) -> None:
    proc = _start_record(home, "--from-file", str(desk_vlog), "--duration", "60", "--countdown", "0",
                         "--speaker", "Ann", "--consent", "internal", "--no-transcribe")
    take = _wait_for_take(home, min_bytes=400_000)
    os.killpg(proc.pid, signal.SIGKILL)  # vlogkit and its writer die at once, like a crash or power cut
    proc.communicate(timeout=30)
    assert take.exists()
    meta = json.loads(take.with_suffix(".json").read_text())
    assert meta["status"] == "recording"  # it never got to stop

    from vlogkit.capture.recovery import find_interrupted

    found = find_interrupted(home / "captures")
    assert [t.path for t in found] == [take] and found[0].status == "recording"
    warned = cli("record", "--from-file", str(desk_vlog), "--duration", "1", "--countdown", "0", "--speaker", "Ann",
                 "--consent", "internal", "--no-transcribe")
    assert warned.returncode == 0 and "left behind by a crash" in warned.stderr
    r = cli("record", "--recover", "--speaker", "Ann", "--consent", "internal", "--by", "Desk Lead",
            "--no-transcribe", "--json")
    assert r.returncode == 0, r.stderr
    [recovered] = r.json()
    assert recovered["take"]["stop_reason"] == "recovered"
    assert recovered["consent"]["recorded_by"] == "Desk Lead"  # given now wins over the journal, like --speaker
    assert recovered["duration"] > 1.0 and recovered["has_video"] and recovered["has_audio"]
    assert probe(recovered["path"]).duration_ms > 1000
    assert not list((home / "captures").glob("take-*"))
    assert len(cli("list", "--json").json()) == 2
    again = cli("record", "--recover", "--speaker", "Ann", "--consent", "internal")
    assert again.returncode == 0 and "No interrupted takes" in again.stderr


def test_gui_from_file_refuses_a_missing_or_silent_file_in_one_line(cli, tmp_path: Path, media: Path) -> None:
    r = cli("gui", "--from-file", str(tmp_path / "nope.mp4"), env={"QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "No such file" in r.stderr
    assert "Traceback" not in r.stderr
    assert "--from-file" in cli("gui", "--help").stdout


def test_record_from_a_sound_file_names_the_audio_only_flag(cli, media: Path, home: Path) -> None:
    r = cli("record", "--from-file", str(media / "fr" / "fleurs-fr-001.ogg"), "--speaker", "Camille",
            "--consent", "internal", "--countdown", "0", "--duration", "1")
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "--audio-only" in r.stderr
    assert not list((home / "captures").glob("*.mkv"))


def test_a_crashed_take_is_recovered_with_the_speaker_and_consent_it_was_recorded_with(cli, home: Path,
                                                                                      desk_vlog: Path) -> None:
    """kill -9 mid-take, then someone else records; `record --recover` alone keeps the crashed take as Camille's,
    with her consent, the name of whoever recorded that consent (`--by`) and language - not the last speaker's nor
    the last recorder's, and without asking for them again."""
    proc = _start_record(home, "--from-file", str(desk_vlog), "--duration", "60", "--countdown", "0",
                         "--speaker", "Camille Dubois", "--role", "Technicienne", "--consent", "external",
                         "--by", "Lotte Peeters", "--language", "fr",
                         "--prompt", "Qu'est-ce que ton équipe a appris ?", "--no-transcribe")
    take = _wait_for_take(home, min_bytes=400_000)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert json.loads(take.with_suffix(".json").read_text())["details"]["recorded_by"] == "Lotte Peeters"
    other = cli("record", "--from-file", str(desk_vlog), "--duration", "1", "--countdown", "0", "--speaker", "Ann",
                "--consent", "internal", "--by", "  Karim Benali ", "--no-transcribe", "--json")
    assert other.returncode == 0, other.stderr
    assert other.json()["consent"]["recorded_by"] == "Karim Benali"  # keeping a take records the name given
    r = cli("record", "--recover", "--no-transcribe", "--json")
    assert r.returncode == 0, r.stderr
    [recovered] = r.json()
    assert recovered["speaker"]["name"] == "Camille Dubois" and recovered["speaker"]["role"] == "Technicienne"
    assert recovered["consent"]["scope"] == "external" and recovered["language"] == "fr"
    assert recovered["consent"]["recorded_by"] == "Lotte Peeters"
    shown = cli("show", recovered["id"]).stdout
    assert "(recorded by Lotte Peeters on " in shown
    assert recovered["extra"]["recording"]["prompt"] == "Qu'est-ce que ton équipe a appris ?"
    assert recovered["duration"] >= 1.0 and not take.exists()
