"""`vlogkit transcribe`, `vlogkit subtitles`: the real entry point in a subprocess."""

from __future__ import annotations

import shutil
from pathlib import Path

import pysubs2
import pytest

TEAMS_SRT = "1\n00:00:00,000 --> 00:00:02,000\nWelkom in het team\n\n2\n00:00:02,500 --> 00:00:04,000\nTot straks.\n"


def imported(cli, path: Path, *flags: str) -> str:
    res = cli("import", str(path), "--json", *flags)
    assert res.returncode == 0, res.stderr
    return res.json()[0]["id"]


@pytest.mark.slow
def test_transcribe_json_then_cached_then_subtitles(cli, media, tmp_path) -> None:
    vid = imported(cli, media / "en" / "jfk.flac")
    res = cli("transcribe", vid, "--json")
    assert res.returncode == 0, res.stderr
    data = res.json()
    assert (data["language"], data["duration"], data["model"]) == ("en", 11.0, "base")
    seg = data["segments"][0]
    assert seg["text"].startswith("And so my fellow Americans,") and isinstance(seg["start"], float)
    word = next(w for w in seg["words"] if w["text"] == "Americans,")
    assert set(word) == {"text", "start", "end", "probability", "language"} and word["language"] == "en" and 1.2 <= word["start"] <= 2.0
    assert all(w["text"] == w["text"].strip() and w["text"] for s in data["segments"] for w in s["words"])
    assert "model base" in res.stderr

    again = cli("transcribe", vid, "--json")
    assert again.returncode == 0 and again.json() == data and "from the cache" in again.stderr
    shown = cli("show", vid, "--json").json()
    assert shown["state"] == "transcribed" and shown["detected_language"] == "en"
    assert shown["spoken_languages"] == ["en"] and seg["language"] == "en" and data["languages"] == ["en"]

    srt = cli("subtitles", vid, "--format", "srt")
    subs = pysubs2.SSAFile.from_string(srt.stdout, format_="srt")
    assert len(subs) >= 2 and subs[0].start == 0 and "Americans" in subs[0].plaintext
    out = tmp_path / "part.vtt"
    # a subtitle file is an export: refused without the speaker's consent, written and logged with it
    res = cli("subtitles", vid, "--format", "vtt", "--start", "2", "--end", "6", "--out", str(out))
    assert res.returncode == 1 and "no consent recorded" in res.stderr and not out.exists()
    assert cli("edit", vid, "--consent", "internal").returncode == 0
    res = cli("subtitles", vid, "--format", "vtt", "--start", "2", "--end", "6", "--out", str(out))
    assert res.returncode == 0 and res.stdout == "", res.stderr
    logged = [e for e in cli("log", vid, "--json").json() if e["kind"] == "subtitles"]
    assert logged and logged[-1]["outputs"] == [str(out)] and logged[-1]["audience"] == "internal"
    vtt = pysubs2.load(str(out))
    assert vtt[0].plaintext.startswith("ask not") and 500 <= vtt[0].start <= 1000  # times count from --start
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left behind
    txt = cli("subtitles", vid, "--format", "txt")
    assert txt.stdout.strip() == seg["text"]


def test_from_subtitles_then_every_format(cli, small_video, tmp_path) -> None:
    vid = imported(cli, small_video, "--language", "nl")
    srt = tmp_path / "teams.srt"
    srt.write_text(TEAMS_SRT, encoding="utf-8")
    res = cli("transcribe", vid, "--from-subtitles", str(srt), "--json")
    assert res.returncode == 0, res.stderr
    data = res.json()
    assert data["language"] == "nl" and data["duration"] == 4.0
    assert [s["text"] for s in data["segments"]] == ["Welkom in het team", "Tot straks."]
    assert data["segments"][0]["words"][1] == {"text": "in", "start": 0.5, "end": 1.0, "probability": None,
                                               "language": "nl"}
    js = cli("subtitles", vid, "--format", "json", "--start", "2").json()
    assert [s["text"] for s in js["segments"]] == ["Tot straks."] and js["segments"][0]["start"] == 0.5
    vtt = cli("subtitles", vid, "--format", "vtt").stdout
    assert vtt.startswith("WEBVTT") and "00:00:02.500 --> 00:00:04.000" in vtt


def test_errors_are_one_line(cli, small_video, synth, tmp_path) -> None:
    res = cli("transcribe", "nosuch")
    assert res.returncode == 1 and res.stderr.count("\n") == 1 and "No vlog with id 'nosuch'" in res.stderr
    silent = synth("noaudio_cli.mp4", "-f", "lavfi", "-i", "testsrc2=s=160x120:r=10:d=1", "-c:v", "libx264",
                   "-preset", "ultrafast", "-pix_fmt", "yuv420p")
    res = cli("transcribe", imported(cli, silent))
    assert res.returncode == 1 and "no audio track" in res.stderr and "Traceback" not in res.stderr
    moved = tmp_path / "gone.mp4"
    shutil.copyfile(small_video, moved)
    vid = imported(cli, moved)
    moved.unlink()
    res = cli("transcribe", vid)
    assert res.returncode == 1 and "is gone" in res.stderr and res.stderr.count("\n") == 1
    res = cli("subtitles", vid)
    assert res.returncode == 1 and f"vlogkit transcribe {vid}" in res.stderr
    present = imported(cli, synth("tone.wav", "-f", "lavfi", "-i", "sine=f=300:d=1"))
    offline = {"HF_HUB_OFFLINE": "1", "VLOGKIT_MODEL_DIR": str(tmp_path)}
    res = cli("transcribe", present, "--model", "small", env=offline)
    assert res.returncode == 1 and "'small'" in res.stderr and "offline" in res.stderr and res.stderr.count("\n") == 1
    res = cli("transcribe", present, env={**offline, "VLOGKIT_MODEL": "medium"})  # the default comes from the env
    assert res.returncode == 1 and "'medium'" in res.stderr
    res = cli("transcribe", vid, "--language", "dutch!")
    assert res.returncode == 2 and "not a language code" in res.stderr
