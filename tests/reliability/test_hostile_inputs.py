"""New hostile inputs from an outside check (hostile10): files a person really has - a phone clip whose picture stops
before its sound, a 32-bit float recording pushed past full scale, a picture renamed .mp4, a file named in another
character set, a pipe or a device, a damaged track header - and output folders that cannot hold files. Each works,
or gives one line that says what happened and what to do; nothing is written on failure."""

from __future__ import annotations

import json
import os
import struct
import subprocess
from pathlib import Path

import pytest

from tests.reliability.test_hostile_health import banked, one_error_line, run  # noqa: F401 - fixture


def _ff(ffmpeg: str, *args: str) -> None:
    subprocess.run([ffmpeg, "-hide_banner", "-loglevel", "error", "-y", *args], check=True, timeout=120)


def _library(home: Path) -> bytes | None:
    db = home / "library.json"
    return db.read_bytes() if db.exists() else None


def _import_error(home: Path, path: str | bytes, capsys: pytest.CaptureFixture[str]) -> str:
    before = _library(home)
    code, out, err = run(["import", os.fsdecode(path)], capsys)
    assert code == 1, (code, out, err)
    assert _library(home) == before
    return one_error_line(err)


# -- media that imports ---------------------------------------------------------------------------------------------


def test_a_video_whose_picture_stops_long_before_its_sound_imports_and_exports(home: Path, ffmpeg_exe: str, tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    # the truncation check used to look at the first stream only: the picture ended at 1 s of a 40 s header, so a
    # whole file was refused as "truncated"; its sound runs to the end, and a clip from there has sound to show
    clip = tmp_path / "picture_1s_sound_40s.mp4"
    _ff(ffmpeg_exe, "-f", "lavfi", "-i", "testsrc2=s=160x120:r=10:d=1", "-f", "lavfi", "-i", "sine=f=300:d=40",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "32k", str(clip))
    code, out, err = run(["import", str(clip), "--consent", "internal", "--json"], capsys)
    assert code == 0, err
    assert abs(json.loads(out)[0]["duration"] - 40) < 0.5
    # a clip from after the picture stopped: an audiogram of the sound, not "the export came out empty"
    code, out, err = run(["export", json.loads(out)[0]["id"], "--start", "30", "--end", "31", "--captions", "off",
                          "--preset", "square", "--out", str(tmp_path / "clips"), "--progress", "off"], capsys)
    assert code == 0, err
    made = list((tmp_path / "clips").glob("*.mp4"))
    assert len(made) == 1
    import av

    with av.open(str(made[0])) as c:
        assert {s.type for s in c.streams} == {"video", "audio"} and abs(c.duration / 1e6 - 1) < 0.2
        frame = next(c.decode(video=0)).to_ndarray(format="rgb24")
    assert abs(int(frame[8, 8, 0]) - 0x1B) < 12 and abs(int(frame[8, 8, 2]) - 0x3A) < 12  # the audiogram's background


def test_a_float_recording_louder_than_full_scale_exports_at_the_target_loudness(
        home: Path, ffmpeg_exe: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # measured above 0 LUFS, which loudnorm refuses ("Numerical result out of range", exit 222): the export failed
    # with "came out empty"
    hot = tmp_path / "hot_float.wav"
    _ff(ffmpeg_exe, "-f", "lavfi", "-i", "sine=f=300:d=2", "-af", "volume=30", "-c:a", "pcm_f32le", str(hot))
    code, out, err = run(["import", str(hot), "--consent", "internal", "--json"], capsys)
    assert code == 0, err
    vid = json.loads(out)[0]["id"]
    code, out, err = run(["export", vid, "--start", "0", "--end", "1", "--captions", "off", "--preset", "square",
                          "--out", str(tmp_path / "clips"), "--progress", "off"], capsys)
    assert code == 0, err
    clips = list((tmp_path / "clips").glob("*.mp4"))
    assert len(clips) == 1
    from vlogkit.media.ffmpeg import Ffmpeg
    from vlogkit.render.loudness import meter

    assert abs(meter(Ffmpeg(ffmpeg_exe), clips[0]).integrated - -14) < 2


def test_nan_and_infinite_samples_are_silenced_and_the_rest_of_the_sound_kept(tmp_path: Path) -> None:
    # one NaN sample turned Whisper's whole window to NaN: a float WAV from a broken plug-in transcribed as 0 words
    import numpy as np

    from vlogkit.transcribe.audio import decode_channels

    rate, n = 16000, 16000
    samples = (0.5 * np.sin(2 * np.pi * 300 * np.arange(n) / rate)).astype("<f4")
    samples[::97] = np.nan
    samples[1::97] = np.inf
    samples[2::97] = -np.inf
    data = samples.tobytes()
    fmt = struct.pack("<HHIIHH", 3, 1, rate, rate * 4, 4, 32)  # IEEE float, mono
    wav = tmp_path / "nan_inf.wav"
    wav.write_bytes(b"RIFF" + struct.pack("<I", 4 + 8 + len(fmt) + 8 + len(data)) + b"WAVE" + b"fmt "
                    + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(data)) + data)
    channels, _ = decode_channels(wav)
    assert np.isfinite(channels[0]).all()
    assert float(np.sqrt(np.mean(channels[0] ** 2))) > 0.3  # the tone is still there (0.35 RMS)


# -- media that is refused, in one line -------------------------------------------------------------------------------


def test_a_picture_renamed_to_mp4_is_called_a_picture(home: Path, ffmpeg_exe: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    for codec, kind in (("png", "PNG"), ("mjpeg", "JPEG")):
        pic = tmp_path / f"holiday_{codec}.mp4"
        _ff(ffmpeg_exe, "-f", "lavfi", "-i", "testsrc2=s=64x48:d=1", "-frames:v", "1", "-f", "image2", "-c:v", codec,
            str(pic))
        line = _import_error(home, str(pic), capsys)
        assert f"is a picture ({kind})" in line and "import the video" in line, line


def test_a_damaged_track_header_says_so_and_what_to_do(home: Path, ffmpeg_exe: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.wav"
    _ff(ffmpeg_exe, "-f", "lavfi", "-i", "sine=d=1", "-ac", "1", str(good))
    data = bytearray(good.read_bytes())
    bad = tmp_path / "zero_channels.wav"
    struct.pack_into("<H", data, data.find(b"fmt ") + 10, 0)  # the channel count
    bad.write_bytes(bytes(data))
    line = _import_error(home, str(bad), capsys)
    assert "header" in line and "damaged" in line and "again" in line and "avcodec" not in line, line


def test_a_file_name_in_another_character_set_is_refused_not_a_crash(home: Path, small_video: Path, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9.mp4"  # Latin-1 "café": not UTF-8
    with open(name, "wb") as fh:
        fh.write(small_video.read_bytes())
    line = _import_error(home, name, capsys)
    assert "rename the file" in line and "caf\ufffd.mp4" in line, line


def test_a_pipe_or_a_device_is_refused_at_once(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "clip.mp4"
    os.mkfifo(fifo)
    for path in (str(fifo), "/dev/zero"):
        line = _import_error(home, path, capsys)
        assert "device or a pipe" in line and "empty" not in line, line


def test_a_newline_in_a_file_name_keeps_the_error_on_one_line(home: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    odd = tmp_path / "notes\nfrom monday.mp4"
    odd.write_text("not a video\n" * 20)
    line = _import_error(home, str(odd), capsys)
    assert "notes\\nfrom monday.mp4" in line, line


def test_a_file_name_starting_with_a_dash_gets_the_double_dash_hint(home: Path, small_video: Path, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "-take2.mp4").write_bytes(small_video.read_bytes())
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["import", "--json", "-take2.mp4"], capsys)
    assert code == 2 and "vlogkit import -- -take2.mp4" in err, err
    code, out, err = run(["import", "--json", "--", "-take2.mp4"], capsys)
    assert code == 0 and json.loads(out)[0]["path"].endswith("-take2.mp4"), err


# -- output folders that cannot hold files ------------------------------------------------------------------------------


def test_output_folders_that_cannot_hold_files_are_named_before_any_work(
        banked, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001, F811
    _, vlog = banked
    dangling = tmp_path / "share"
    dangling.symlink_to(tmp_path / "unplugged-drive" / "share")
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine\n")
    pipe = tmp_path / "quotes.md"  # as /dev/null: as root, a file renamed over it replaced the device
    os.mkfifo(pipe)
    cases = [
        (["bank", "export", "--format", "cards", "--out", str(dangling)], "is a link to"),
        (["bank", "export", "--format", "pptx", "--out", str(dangling / "deck.pptx")], "is a link to"),
        (["bank", "export", "--format", "csv", "--out", str(a_file / "quotes.csv")], "is a file, not a folder"),
        (["bank", "export", "--format", "md", "--out", str(pipe)], "device or a pipe"),
        # under pytest /dev/stdout is a link to a regular file; as root, /dev/stdout.csv was written beside it
        (["bank", "export", "--format", "csv", "--out", "/dev/stdout"], "device or a pipe"),
        (["export", vlog.id, "--start", "0", "--end", "1", "--captions", "off", "--preset", "square",
          "--out", str(dangling)], "is a link to"),
        (["export", vlog.id, "--start", "0", "--end", "1", "--captions", "off", "--preset", "square",
          "--out", str(a_file / "clips")], "is a file, not a folder"),
        (["export", vlog.id, "--start", "0", "--end", "1", "--captions", "off", "--preset", "square",
          "--out", "/dev/vlogkit-clips"], "is a system folder"),
    ]
    for argv, needle in cases:
        code, out, err = run(argv, capsys)
        assert code == 2, (argv, err)
        line = one_error_line(err)
        assert needle in line and ("choose another" in line or "give a file name" in line), (argv, line)
    assert a_file.read_text() == "mine\n" and not (tmp_path / "unplugged-drive").exists()
    assert pipe.is_fifo() and not list(tmp_path.glob("quotes-*.md")) and not Path("/dev/stdout.csv").exists()
    assert not Path("/dev/vlogkit-clips").exists()


def test_text_outputs_never_replace_a_file_or_a_pipe_that_is_there(banked, tmp_path: Path,  # noqa: ANN001, F811
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    # `subtitles --out` replaced the user's own subtitle file (and, as root, /dev/null itself); `prompts export`
    # replaced any file with the prompt list
    _, vlog = banked
    mine = tmp_path / "talk.srt"
    mine.write_text("1\n00:00:00,000 --> 00:00:01,000\nmy own careful subtitles\n")
    before = mine.read_bytes()
    code, out, err = run(["subtitles", vlog.id, "--format", "srt", "--out", str(mine)], capsys)
    assert code == 0 and "talk.srt is already there and was kept" in err, err
    assert mine.read_bytes() == before and (tmp_path / "talk-2.srt").read_text().startswith("1\n")
    pipe = tmp_path / "live.vtt"
    os.mkfifo(pipe)
    code, out, err = run(["subtitles", vlog.id, "--format", "vtt", "--out", str(pipe)], capsys)
    assert code == 2 and "device or a pipe" in one_error_line(err) and pipe.is_fifo()
    notes = tmp_path / "questions.txt"
    notes.write_text("my questions\n")
    code, out, err = run(["prompts", "export", str(notes)], capsys)
    assert code == 2 and "exists already" in one_error_line(err) and notes.read_text() == "my questions\n"


# -- a hand-edited library ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("field,value", [("width", "1080"), ("height", None), ("fps", [25]), ("width", 0),
                                         ("rotation", "90")])
def test_a_hand_edited_picture_size_is_a_damaged_record_not_a_crash_in_the_export(
        banked, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], field: str, value: object) -> None:  # noqa: ANN001, F811
    _, vlog = banked
    db = home / "library.json"
    doc = json.loads(db.read_text())
    row = next(r for r in doc["vlogs"].values() if r["id"] == vlog.id)
    row["media"]["video"][0][field] = value
    db.write_text(json.dumps(doc))
    code, out, err = run(["export", vlog.id, "--start", "0", "--end", "1", "--captions", "off", "--preset", "square",
                          "--out", str(tmp_path / "clips"), "--dry-run"], capsys)
    assert code == 1 and "damaged" in one_error_line(err) and vlog.id in err, err
    code, out, err = run(["list"], capsys)
    assert code == 0 and vlog.id in err and "damaged" in err, err


def test_a_clip_of_one_frame_exports_with_its_poster(home: Path, ffmpeg_exe: str, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    # the poster was taken 20 ms into a 40 ms clip, between its frames: ffmpeg failed, and the message was an
    # encoder statistics line ("[aac @ 0x...] Qavg: 342.8")
    clip = tmp_path / "one_frame.mp4"
    _ff(ffmpeg_exe, "-f", "lavfi", "-i", "testsrc2=s=160x120:r=25:d=0.04", "-f", "lavfi", "-i", "sine=d=0.04",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", str(clip))
    code, out, err = run(["import", str(clip), "--consent", "internal", "--json"], capsys)
    assert code == 0, err
    assert Path(json.loads(out)[0]["extra"]["thumbnail"]).stat().st_size > 500  # grabbed 4 ms in: past its frame
    code, out, err = run(["export", json.loads(out)[0]["id"], "--start", "0", "--end", "0.04", "--captions", "off",
                          "--preset", "square", "--out", str(tmp_path / "clips"), "--progress", "off"], capsys)
    assert code == 0, err
    assert len(list((tmp_path / "clips").glob("*.mp4"))) == 1 and len(list((tmp_path / "clips").glob("*.jpg"))) == 1


def test_a_logo_that_is_no_picture_is_refused_before_the_export(banked, tmp_path: Path,  # noqa: ANN001, F811
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    # it passed on its name, ffmpeg could not read it, and the export said "the export came out empty"
    _, vlog = banked
    fake = tmp_path / "brand.png"
    fake.write_bytes(b"GIF89a" + bytes(200))
    code, out, err = run(["export", vlog.id, "--start", "0", "--end", "1", "--captions", "off", "--preset", "square",
                          "--logo", str(fake), "--out", str(tmp_path / "clips"), "--progress", "off"], capsys)
    assert code == 1 and "is not a PNG/JPEG image" in one_error_line(err), err
    assert not (tmp_path / "clips").exists() or not list((tmp_path / "clips").iterdir())


def test_an_ffmpeg_failure_is_worded_by_its_error_line_not_its_statistics(ffmpeg_exe: str, tmp_path: Path) -> None:
    from vlogkit.errors import FfmpegError
    from vlogkit.media.ffmpeg import Ffmpeg

    # a still that gets no frame beside a clip's sound: the log ends on the AAC encoder's statistics
    with pytest.raises(FfmpegError) as caught:
        Ffmpeg(ffmpeg_exe).run(["-f", "lavfi", "-i", "testsrc2=s=64x48:r=25:d=0.04", "-f", "lavfi", "-i", "sine=d=0.5",
                                "-filter_complex", "[0:v]trim=start=0.02:end=0.1[v]", "-map", "[v]", "-frames:v", "1",
                                "-f", "image2", "-c:v", "mjpeg", str(tmp_path / "still.jpg"),
                                "-map", "1:a", "-c:a", "aac", "-f", "mp4", str(tmp_path / "clip.mp4")])
    line = str(caught.value)
    assert "Qavg" not in line and " @ 0x" not in line and "Terminating thread" not in line, line
    assert "Nothing was written" in line or "Could not open encoder" in line, line


@pytest.mark.skipif(os.geteuid() != 0 or not Path("/usr/bin/setpriv").exists(), reason="needs root and setpriv")
def test_a_file_the_user_may_not_read_says_so(small_video: Path) -> None:
    # "not a usable media file (Permission denied)" blamed the file; it is the permission
    import shutil
    import sys
    import tempfile

    shared = Path(tempfile.mkdtemp(prefix="vlogkit-h10-"))  # pytest's own folders are private to root
    try:
        shared.chmod(0o777)
        locked = shared / "colleague.mp4"
        locked.write_bytes(small_video.read_bytes())
        locked.chmod(0)
        env = {**os.environ, "VLOGKIT_HOME": str(shared / "home")}
        r = subprocess.run(["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable,
                            "-m", "vlogkit", "import", str(locked)], capture_output=True, text=True, timeout=60, env=env)
    finally:
        shutil.rmtree(shared, ignore_errors=True)
    if "Permission denied" in r.stderr and "vlogkit" not in r.stderr:
        pytest.skip(f"the interpreter cannot run as nobody here: {r.stderr[:200]}")
    assert r.returncode == 1 and one_error_line(r.stderr).endswith("cannot be read (Permission denied)."), r.stderr


def test_two_exports_of_the_same_clip_into_one_folder_never_replace_each_other(
        banked, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001, F811
    # both planned the same free name; the one finishing second renamed its clip over the first one's, and both said
    # they wrote it. Here the other export finishes while this one is about to rename.
    import vlogkit.render.run as render_run

    _, vlog = banked
    out = tmp_path / "clips"
    real = render_run.failpoint

    def other_export_finishes_first(name: str) -> None:
        if name == "export.before_rename":
            for planned in out.glob(".*.part*"):
                final = out / (planned.name[1:].split(".part")[0] + planned.suffix)
                final.write_bytes(b"the other export's clip")
        real(name)

    monkeypatch.setattr(render_run, "failpoint", other_export_finishes_first)
    code, _, err = run(["export", vlog.id, "--start", "0", "--end", "1", "--captions", "off", "--preset", "square",
                        "--out", str(out), "--progress", "off"], capsys)
    assert code == 2 and "appeared while it was being written" in one_error_line(err), err
    others = sorted(p for p in out.iterdir())
    assert others and all(p.read_bytes() == b"the other export's clip" for p in others), others


def test_two_bank_exports_to_one_name_never_replace_each_other(banked, tmp_path: Path,  # noqa: ANN001, F811
                                                               capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import vlogkit.fileutil as fileutil

    target = tmp_path / "quotes.csv"
    real = fileutil.failpoint

    def other_export_finishes_first(name: str) -> None:
        if name == "atomic_write.before_rename" and not target.exists():
            target.write_text("the other export's rows\n")
        real(name)

    monkeypatch.setattr(fileutil, "failpoint", other_export_finishes_first)
    code, _, err = run(["bank", "export", "--format", "csv", "--out", str(target)], capsys)
    assert code == 2 and "appeared while it was being written" in one_error_line(err), err
    assert target.read_text() == "the other export's rows\n" and not list(tmp_path.glob(".quotes*"))


def test_without_hard_links_an_export_still_lands_and_still_never_replaces(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # FAT/exFAT sticks and some shares have no hard links: the export must still be written there
    from vlogkit.errors import UsageError
    from vlogkit.fileutil import output_file

    def no_links(src: object, dst: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    clip = tmp_path / "clip.mp4"
    with output_file(clip, replace=False) as tmp:
        tmp.write_bytes(b"mine")
    assert clip.read_bytes() == b"mine"
    with pytest.raises(UsageError, match="appeared while it was being written"), \
            output_file(tmp_path / "other.mp4", replace=False) as tmp:
        tmp.write_bytes(b"late")
        (tmp_path / "other.mp4").write_bytes(b"first")
    assert (tmp_path / "other.mp4").read_bytes() == b"first" and not list(tmp_path.glob(".*"))


@pytest.mark.parametrize("argv", [["bank", "add", "{id}", "--start", "0", "--end", "1e308"],
                                  ["bank", "add", "{id}", "--start", "nan", "--end", "2"],
                                  ["subtitles", "{id}", "--end", "inf"],
                                  ["fix", "{id}", "inf", "word"], ["keep", "{id}", "nan"], ["confirm", "{id}", "1e999"]])
def test_a_time_that_is_not_a_number_is_an_argument_error_not_a_crash(banked, home: Path, argv: list[str],  # noqa: ANN001, F811
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    # float("nan"), float("inf") and 1e308 reached int(seconds * 1000): `unexpected error: OverflowError`
    _, vlog = banked
    before = {p.name: p.read_bytes() for p in home.glob("*.json")}
    code, _, err = run([a.format(id=vlog.id) for a in argv], capsys)
    lines = [ln for ln in err.splitlines() if ln.startswith("vlogkit: ")]
    assert code == 2 and len(lines) == 1 and "is not a time in seconds" in lines[0], err
    assert "unexpected" not in err and {p.name: p.read_bytes() for p in home.glob("*.json")} == before


@pytest.mark.parametrize("where,value", [("segments", "x"), ("segments", [1]), ("segment", "x"), ("words", "x"),
                                         ("word", 7)])
def test_a_hand_edited_transcript_file_is_named_as_damaged_not_a_crash(banked, home: Path, where: str, value: object,  # noqa: ANN001, F811
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    # `'str' object has no attribute 'get'` reached the user from quotes, subtitles, export, bank add and fix
    _, vlog = banked
    stored = home / "transcripts" / f"{vlog.id}.json"
    doc = json.loads(stored.read_text(encoding="utf-8"))
    t = doc["transcript"]
    if where == "segments":
        t["segments"] = value
    elif where == "segment":
        t["segments"][0] = value
    elif where == "words":
        t["segments"][0]["words"] = value
    else:
        t["segments"][0]["words"][0] = value
    stored.write_text(json.dumps(doc), encoding="utf-8")
    for argv in (["quotes", vlog.id], ["subtitles", vlog.id, "--format", "srt"], ["fix", vlog.id, "0.5", "word"]):
        code, _, err = run(argv, capsys)
        line = one_error_line(err)
        assert code == 1 and "is damaged" in line and f"vlogkit transcribe {vlog.id} --no-cache" in line, (argv, err)


def test_a_package_with_a_damaged_transcript_imports_nothing(banked, tmp_path: Path,  # noqa: ANN001, F811
                                                             capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # a consistent manifest over a malformed transcript (crafted, or written by a broken tool): the vlog was added,
    # then `unexpected error: AttributeError`, leaving it without its transcript
    import hashlib
    import zipfile

    _, vlog = banked
    sent = tmp_path / "an.vlogkit"
    code, _, err = run(["send", vlog.id, "--out", str(sent)], capsys)
    assert code == 0, err
    with zipfile.ZipFile(sent) as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    doc = json.loads(files["transcript.json"])
    doc["transcript"]["segments"] = "x"
    files["transcript.json"] = json.dumps(doc).encode()
    manifest = json.loads(files["manifest.json"])
    for part in manifest["parts"]:
        part["sha256"], part["size"] = hashlib.sha256(files[part["name"]]).hexdigest(), len(files[part["name"]])
    files["manifest.json"] = json.dumps(manifest).encode()
    crafted = tmp_path / "crafted.vlogkit"
    with zipfile.ZipFile(crafted, "w") as zf:
        for n, data in files.items():
            zf.writestr(n, data)
    other = tmp_path / "colleague"
    monkeypatch.setenv("VLOGKIT_HOME", str(other))
    code, _, err = run(["import", str(crafted)], capsys)
    assert code == 1 and "transcript.json is damaged" in one_error_line(err) and "Nothing was imported" in err, err
    code, out, err = run(["list", "--json"], capsys)
    assert code == 0 and json.loads(out) == []


def test_a_voice_memo_with_cover_art_is_sound_only_and_an_old_record_of_it_still_reads(
        home: Path, ffmpeg_exe: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the embedded picture counted as a video stream (PyAV 18's disposition prints as "1024"), at 90000 fps
    cover = tmp_path / "cover.png"
    _ff(ffmpeg_exe, "-f", "lavfi", "-i", "color=c=red:s=64x64", "-frames:v", "1", str(cover))
    memo = tmp_path / "memo.mp3"
    _ff(ffmpeg_exe, "-f", "lavfi", "-i", "sine=f=300:d=2", "-i", str(cover), "-map", "0:a", "-map", "1:v",
        "-c:a", "libmp3lame", "-c:v", "mjpeg", "-disposition:v", "attached_pic", str(memo))
    code, out, err = run(["import", str(memo), "--consent", "internal", "--json"], capsys)
    assert code == 0, err
    got = json.loads(out)[0]
    assert got["has_audio"] and not got["has_video"], got
    # a library written before kept the picture as a 90000 fps stream: still a readable record
    db = home / "library.json"
    doc = json.loads(db.read_text())
    row = next(iter(doc["vlogs"].values()))
    row["media"]["video"] = [{"width": 64, "height": 64, "fps": 90000.0, "codec": "mjpeg", "rotation": 0}]
    db.write_text(json.dumps(doc))
    code, out, err = run(["show", got["id"]], capsys)
    assert code == 0 and "damaged" not in err, err


def test_a_deck_title_longer_than_a_document_property_exports(banked, tmp_path: Path,  # noqa: ANN001, F811
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    # `unexpected error: ValueError: exceeded 255 char limit for property` (python-pptx's core properties)
    from pptx import Presentation

    title = "Quarterly voices from the night shift, " * 20
    code, out, err = run(["bank", "export", "--format", "pptx", "--out", str(tmp_path / "deck.pptx"), "--title",
                          title], capsys)
    assert code == 0, err
    deck = Presentation(str(tmp_path / "deck.pptx"))
    assert len(deck.core_properties.title) == 255
    shown = " ".join(sh.text_frame.text for sh in deck.slides[0].shapes if sh.has_text_frame)
    assert title.strip() in " ".join(shown.split())  # the title slide keeps all of it
