"""Clip export on the real desk vlog (face left of centre, real speech, real Whisper words): frames, streams,
loudness, captions and subtitles of the rendered files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from vlogkit.domain import Speaker, Transcript
from vlogkit.errors import ConsentError
from vlogkit.media.faces import detect_in_gray
from vlogkit.render.loudness import meter
from vlogkit.render.reframe import face_inside, plan_crop

from .export_helpers import export, frame, library_with, srt_times, streams


def pause_and_word(t: Transcript) -> tuple[int, int, int, int]:
    """(range start, range end, a time inside a long pause, a time inside a spoken word) in source ms."""
    ws = t.words
    for a, b in zip(ws, ws[1:], strict=False):
        if a.end > 6000 and b.start - a.end >= 1000:
            start, end = a.end - 1500, b.start + 3000
            spoken = next(w for w in ws if w.start >= b.start + 700)
            return start, end, (a.end + b.start) // 2, (spoken.start + spoken.end) // 2
    raise AssertionError("the desk vlog transcript has no long pause")


@pytest.fixture(scope="session")
def desk(tmp_path_factory: pytest.TempPathFactory, desk_vlog: Path, desk_transcript: Transcript):  # noqa: ANN201
    home = tmp_path_factory.mktemp("export-home")
    app, vid = library_with(home, desk_vlog, desk_transcript, speaker=Speaker("Barack Obama", "President"))
    start, end, pause, spoken = pause_and_word(desk_transcript)
    out = home / "clips"
    karaoke = export(app, vid, ranges=[(start, end)], presets=["reel"], captions="karaoke", out_dir=out)
    off = export(app, vid, ranges=[(start, end)], presets=["reel"], captions="off", out_dir=out)
    ((start, end),) = karaoke.plan["timeline"]["pieces_ms"]  # the range, made whole: no word cut at either end
    assert off.plan["timeline"]["pieces_ms"] == [[start, end]]
    return {"app": app, "id": vid, "start": start, "end": end, "pause": pause, "spoken": spoken, "karaoke": karaoke,
            "off": off, "out": out}


def test_reel_has_exact_size_duration_streams_and_container(desk: dict, ffmpeg_exe: str) -> None:
    (o,) = desk["karaoke"].outputs
    assert o.path.exists() and o.path.suffix == ".mp4" and o.preset == "reel"
    s = streams(o.path)
    v, a = s["video"], s["audio"]
    assert (v["width"], v["height"]) == (1080, 1920) and v["codec"] == "h264" and v["pix_fmt"] == "yuv420p"
    assert abs(v["duration"] - (desk["end"] - desk["start"]) / 1000) <= 1 / 30 + 1e-6
    assert a["codec"] == "aac" and a["rate"] == 48000
    head = o.path.read_bytes()[:200_000]
    assert head.find(b"moov") < head.find(b"mdat")  # +faststart: the index comes first


def test_face_left_of_centre_is_kept_in_frame_where_a_centre_crop_loses_it(desk: dict, ffmpeg_exe: str,
                                                                         desk_vlog: Path) -> None:
    import cv2

    (o,) = desk["karaoke"].outputs
    for t in (0.3, 2.0, 4.0):
        gray = cv2.cvtColor(cv2.resize(frame(ffmpeg_exe, o.path, t), (270, 480)), cv2.COLOR_RGB2GRAY)
        faces = detect_in_gray(np.ascontiguousarray(gray))
        assert faces, f"no face in the exported frame at {t}s"
        assert 0.2 < faces[0].cx < 0.8  # well inside the 9:16 frame, not at an edge
    track = desk["app"].export.analyse_faces(desk["id"])
    centre = plan_crop(None, 1920, 1080, 1080, 1920)
    sampled = [s for s in track.samples if desk["start"] <= s.t <= desk["end"] and s.faces]
    assert sampled and not any(face_inside(centre, s.faces[0], s.t) for s in sampled)
    # and on pixels: a centre 9:16 crop of the source shows no face
    src = frame(ffmpeg_exe, desk_vlog, desk["start"] / 1000 + 1)
    x0 = (1920 - 608) // 2
    crop = cv2.cvtColor(cv2.resize(np.ascontiguousarray(src[:, x0:x0 + 608]), (270, 480)), cv2.COLOR_RGB2GRAY)
    assert detect_in_gray(np.ascontiguousarray(crop)) == ()


def test_loudness_is_at_the_platform_target(desk: dict) -> None:
    m = meter(desk["app"].ffmpeg, desk["karaoke"].outputs[0].path)
    assert abs(m.integrated - (-14.0)) <= 1.0, m
    assert m.true_peak <= -0.5


def caption_ink(a: np.ndarray, b: np.ndarray) -> float:
    """Share of pixels in the reel's caption area that differ strongly between two frames."""
    h, w = a.shape[:2]
    area = (slice(int(h * 0.55), int(h * 0.80)), slice(int(w * 0.05), int(w * 0.88)))
    d = np.abs(a[area].astype(int) - b[area].astype(int)).max(axis=2)
    return float((d > 60).mean())


def test_captions_show_while_a_word_is_spoken_and_not_in_a_long_pause(desk: dict, ffmpeg_exe: str) -> None:
    k, off = desk["karaoke"].outputs[0].path, desk["off"].outputs[0].path
    spoken = (desk["spoken"] - desk["start"]) / 1000
    pause = (desk["pause"] - desk["start"]) / 1000
    assert caption_ink(frame(ffmpeg_exe, k, spoken), frame(ffmpeg_exe, off, spoken)) > 0.01
    assert caption_ink(frame(ffmpeg_exe, k, pause), frame(ffmpeg_exe, off, pause)) < 0.001


def test_karaoke_highlights_the_spoken_word_in_the_brand_colour(desk: dict, ffmpeg_exe: str) -> None:
    img = frame(ffmpeg_exe, desk["karaoke"].outputs[0].path, (desk["spoken"] - desk["start"]) / 1000)
    area = img[int(1920 * 0.55):int(1920 * 0.80)].astype(int)
    yellow = (area[..., 0] > 200) & (area[..., 1] > 150) & (area[..., 2] < 90)  # #FFC400
    assert yellow.sum() > 300


def test_srt_and_vtt_beside_the_clip_are_retimed_to_it(desk: dict, desk_transcript: Transcript) -> None:
    res = desk["karaoke"]
    srt, vtt = res.subtitles
    assert srt.suffix == ".srt" and vtt.suffix == ".vtt" and srt.parent == res.outputs[0].path.parent
    assert vtt.read_text(encoding="utf-8").startswith("WEBVTT")
    cues = srt_times(srt)
    first = next(w for w in desk_transcript.words if (w.start + w.end) // 2 >= desk["start"])
    assert abs(cues[0][0] - max(0, first.start - desk["start"])) <= 20
    assert cues[0][2].split()[0].strip(",.") == first.display.strip(",.").capitalize()  # a capital to start
    assert cues[-1][1] <= desk["end"] - desk["start"]
    assert res.posters and res.posters[0].suffix == ".jpg" and res.posters[0].stat().st_size > 5000


def test_names_say_who_and_what_and_a_second_export_does_not_overwrite(desk: dict) -> None:
    a, b = desk["karaoke"].outputs[0].path, desk["off"].outputs[0].path
    assert a.name.startswith("Barack-Obama_") and a.name.endswith("_reel.mp4")
    assert a != b and b.stem.startswith(a.stem.rsplit("_reel", 1)[0] + "-2")
    assert not [p for p in desk["out"].iterdir() if p.name.startswith(".")]  # no temporary leftovers


def test_consent_rules(desk: dict, tmp_path: Path) -> None:
    app, vid = desk["app"], desk["id"]
    with pytest.raises(ConsentError, match="internal use only"):
        export(app, vid, ranges=[(0, 1000)], audience="external", captions="off", out_dir=tmp_path)
    app.library.edit(vid, consent=__import__("vlogkit.domain", fromlist=["ConsentScope"]).ConsentScope.NONE)
    try:
        with pytest.raises(ConsentError, match="consent withdrawn on"):
            export(app, vid, ranges=[(0, 1000)], captions="off", out_dir=tmp_path)
    finally:
        from vlogkit.domain import ConsentScope

        app.library.edit(vid, consent=ConsentScope.INTERNAL)
    assert list(tmp_path.iterdir()) == []


def test_the_srt_beside_a_30_s_english_clip_meets_the_subtitle_profile(desk: dict) -> None:
    """Netflix timed-text rules for English: lines of at most 42 characters, at most 2 lines, 5/6 s (0.8 s) to 7 s
    on screen, at most 20 characters a second - on the real desk vlog with its real Whisper words."""
    app, vid = desk["app"], desk["id"]
    res = export(app, vid, ranges=[(2000, 32000)], presets=["320x180"], captions="off", out_dir=desk["out"] / "srt30")
    assert 29.5 <= res.outputs[0].duration <= 31.0
    cues = srt_times(res.subtitles[0])
    assert len(cues) >= 6
    for i, (start, end, text) in enumerate(cues):
        lines = text.split("\n")
        assert len(lines) <= 2 and all(len(line) <= 42 for line in lines), text
        room = cues[i + 1][0] - start if i + 1 < len(cues) else 10_000
        assert 800 <= end - start <= 7000 or end - start == room, (start, end, text)
        assert len(text.replace("\n", "")) / ((end - start) / 1000) <= 20.05, (start, end, text)
    assert res.caption_issues == [], res.caption_issues


def test_a_clip_cut_mid_sentence_starts_its_captions_with_a_capital(desk: dict, desk_transcript: Transcript,
                                                                     ffmpeg_exe: str) -> None:
    """The quote card reads "Ask not what your country..."; the reel of the same quote read "ask not what..." in its
    burnt-in captions and its SRT. The clip's first word starts with a capital, as the quote text does; the words
    inside stay as said."""
    app, vid = desk["app"], desk["id"]
    ws = desk_transcript.words
    i = next(k for k, w in enumerate(ws) if w.display.strip(",.").lower() == "ask")
    assert ws[i].display[0].islower()  # Whisper wrote it mid-sentence
    res = export(app, vid, ranges=[(ws[i].start, ws[i + 10].end)], presets=["320x180"], captions="line",
                 out_dir=desk["out"] / "capital")
    first = srt_times(res.subtitles[0])[0][2]
    assert first.startswith("Ask not what"), first
    second = next(w for w in res.plan["outputs"][0]["events"][0]["lines"][0])
    assert second == "Ask"
    assert "ask" in " ".join(" ".join(line) for e in res.plan["outputs"][0]["events"] for line in e["lines"]).split()
    preview = app.live_preview.build(vid, ws[i].start, ws[i + 10].end, "landscape", "line")  # the editor's preview
    assert preview.captions[0].lines[0][0] == "Ask"
