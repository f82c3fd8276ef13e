"""Export on synthetic media with known content: --tighten against known pauses, portrait phone video, audiograms,
logo and lower third, cancel, and bad input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from vlogkit.domain import Segment, Speaker, Transcript, Word
from vlogkit.errors import Cancelled, MediaError, UsageError
from vlogkit.jobs import JobContext

from .export_helpers import audio_envelope, export, frame, library_with, plan, srt_times, streams

# beeps standing in for words: (text, start ms, end ms); a 2.5 s and a 1.5 s pause, and an "um"
BEEPS = [("One", 500, 900), ("two", 1100, 1500), ("three", 4000, 4400), ("um", 4600, 4900), ("four", 5100, 5500),
         ("five.", 7000, 7400)]


def transcript_of(beeps: list[tuple[str, int, int]], duration: int) -> Transcript:
    words = tuple(Word(t, s, e, 0.9) for t, s, e in beeps)
    return Transcript((Segment(words[0].start, words[-1].end, words),), "en", duration)


@pytest.fixture(scope="session")
def beeps_video(synth: Callable[..., Path]) -> Path:
    gate = "+".join(f"between(t,{s / 1000},{e / 1000})" for _, s, e in BEEPS)
    return synth(
        "beeps.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=8", "-f", "lavfi", "-i",
        f"aevalsrc='0.5*sin(2*PI*440*t)*({gate})':s=48000:d=8", "-c:v", "libx264", "-preset", "ultrafast",
        "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
    )


def onsets(env: np.ndarray, hop_ms: int = 10) -> list[int]:
    on = env > env.max() * 0.2
    return [i * hop_ms for i in range(1, len(on)) if on[i] and not on[i - 1]] + ([0] if on[0] else [])


def test_tighten_cuts_long_pauses_and_the_filler_and_the_srt_still_matches(beeps_video: Path, tmp_path: Path) -> None:
    app, vid = library_with(tmp_path / "home", beeps_video, transcript_of(BEEPS, 8000))
    plain = export(app, vid, ranges=[(200, 7700)], presets=["360x360"], captions="line", out_dir=tmp_path)
    tight = export(app, vid, ranges=[(200, 7700)], presets=["360x360"], captions="line", tighten=True,
                              out_dir=tmp_path)
    d_plain = streams(plain.outputs[0].path)["video"]["duration"]
    d_tight = streams(tight.outputs[0].path)["video"]["duration"]
    assert abs(d_plain - 7.5) < 0.05
    # 2.5 s -> 0.3 s, 1.5 s -> 0.3 s, and the 0.3 s "um" with the short gaps around it goes
    assert 7.5 - d_tight > 3.0, d_tight
    heard = onsets(audio_envelope(tight.outputs[0].path))
    assert len(heard) == 5  # five words, the filler beep is gone
    cues = srt_times(tight.subtitles[0])
    text = " ".join(c[2] for c in cues)
    assert "um" not in text.split() and text.split() == ["One", "two", "three", "four", "five."]
    for start, _, _ in cues:  # every subtitle starts where a word is heard in the cut clip
        assert min(abs(start - h) for h in heard) <= 60, (start, heard)


def test_bad_input_is_one_clear_error(beeps_video: Path, tmp_path: Path) -> None:
    app, vid = library_with(tmp_path / "home", beeps_video, None)
    cases = [
        ({"presets": ["tiktok"]}, UsageError, "not a preset"),
        ({"captions": "bold"}, UsageError, "caption style"),
        ({"logo": tmp_path / "none.png"}, MediaError, "logo"),
        ({"ranges": [(9000, 9500)]}, UsageError, "only 8"),
        ({"ranges": [(3000, 2000)]}, UsageError, "backwards"),
        ({"highlight": "yellow"}, UsageError, "brand colour"),
    ]
    for kw, exc, text in cases:
        with pytest.raises(exc, match=text):
            export(app, vid, **{"ranges": [(0, 1000)], "captions": "off", "out_dir": tmp_path / "out", **kw})
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_cancel_leaves_nothing_behind(beeps_video: Path, tmp_path: Path) -> None:
    app, vid = library_with(tmp_path / "home", beeps_video, None)
    ctx = JobContext()
    ctx.on_progress = lambda f, m: ctx.cancel() if "Rendering" in (m or "") or f > 0.6 else None
    out = tmp_path / "out"
    with pytest.raises(Cancelled):
        export(app, vid, ranges=[(0, 8000)], presets=["reel", "square"], captions="off", out_dir=out, ctx=ctx)
    assert not out.exists() or list(out.iterdir()) == []


@pytest.fixture(scope="session")
def phone_video(synth: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A portrait phone video stored sideways with rotation metadata; upright it is white on top, black below."""
    import subprocess

    from vlogkit.media.ffmpeg import find_ffmpeg

    sideways = synth(
        "phone_sideways.mp4", "-f", "lavfi", "-i", "color=c=white:s=180x160:r=25:d=2", "-f", "lavfi", "-i",
        "color=c=black:s=180x160:r=25:d=2", "-f", "lavfi", "-i", "sine=f=300:d=2", "-filter_complex",
        "[0:v][1:v]vstack,transpose=clock,format=yuv420p[v]", "-map", "[v]", "-map", "2:a", "-c:v", "libx264",
        "-preset", "ultrafast", "-c:a", "aac",
    )
    tagged = tmp_path_factory.mktemp("phone") / "phone.mp4"
    subprocess.run([find_ffmpeg(), "-hide_banner", "-loglevel", "error", "-y", "-display_rotation", "90", "-i",
                    str(sideways), "-c", "copy", str(tagged)], check=True)
    return tagged


def test_portrait_phone_video_comes_out_upright_and_fits_a_landscape_frame(
    phone_video: Path, tmp_path: Path, ffmpeg_exe: str
) -> None:
    app, vid = library_with(tmp_path / "home", phone_video, None)
    assert app.library.get(vid).media.display_size == (180, 320)
    res = export(app, vid, ranges=[(0, 1500)], presets=["360x640", "640x360"], captions="off",
                            out_dir=tmp_path / "out")
    tall, wide = (r.path for r in res.outputs)
    img = frame(ffmpeg_exe, tall, 0.5).mean(axis=2)
    assert img[:300].mean() > 200 and img[340:].mean() < 50  # upright: white on top
    img = frame(ffmpeg_exe, wide, 0.5).mean(axis=2)
    centre = img[:, 300:340]
    assert centre[:150].mean() > 200 and centre[210:].mean() < 50  # the whole upright frame, in the middle
    assert plan_modes(app, vid) == {"360x640": "scale", "640x360": "fit"}


def plan_modes(app, vid: str) -> dict[str, str]:  # noqa: ANN001
    planned = plan(app, vid, ranges=[(0, 1000)], presets=["360x640", "640x360"])
    return {o.preset.name: o.crop.mode for o in planned.outputs}


def test_audio_vlog_renders_as_an_audiogram_with_captions(media: Path, tmp_path: Path, ffmpeg_exe: str) -> None:
    words = (Word("And", 300, 520, 0.9), Word("so,", 520, 840, 0.9), Word("my", 1020, 1180, 0.9),
             Word("fellow", 1180, 1580, 0.9), Word("Americans,", 1580, 2100, 0.9))
    app, vid = library_with(tmp_path / "home", media / "en" / "jfk.flac",
                            Transcript((Segment(300, 2100, words),), "en", 11000))
    res = export(app, vid, ranges=[(0, 2500)], presets=["360x640"], captions="karaoke", out_dir=tmp_path)
    (o,) = res.outputs
    s = streams(o.path)
    assert (s["video"]["width"], s["video"]["height"]) == (360, 640) and s["audio"]["rate"] == 48000
    img = frame(ffmpeg_exe, o.path, 1.3).astype(int)
    accent = (img[..., 0] > 200) & (img[..., 1] > 150) & (img[..., 2] < 90)
    assert accent[150:400].sum() > 50  # the level/waveform bar in the brand colour
    white = (img > 220).all(axis=2)
    assert white[400:600].sum() > 100  # the caption


def test_logo_and_lower_third(synth: Callable[..., Path], tmp_path: Path, ffmpeg_exe: str) -> None:
    from PIL import Image

    grey = synth("grey.mp4", "-f", "lavfi", "-i", "color=c=gray:s=320x240:r=25:d=3", "-f", "lavfi", "-i",
                 "sine=f=500:d=3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac")

    logo = tmp_path / "logo.png"
    Image.new("RGBA", (200, 100), (255, 0, 0, 255)).save(logo)
    app, vid = library_with(tmp_path / "home", grey, None, speaker=Speaker("Ana Peeters", "Nurse"))
    res = export(app, vid, ranges=[(0, 2000)], presets=["360x640"], captions="off", logo=logo,
                            lower_third=True, out_dir=tmp_path / "out")
    img = frame(ffmpeg_exe, res.outputs[0].path, 1.0).astype(int)
    red = (img[..., 0] > 180) & (img[..., 1] < 80) & (img[..., 2] < 80)
    assert red[:120, 240:].sum() > 300  # logo in the top-right corner, inside the safe area
    assert red[:, :200].sum() < red[:120, 240:].sum()
    dark = (img < 60).all(axis=2)
    assert dark[390:445, 14:100].mean() > 0.4 and dark[100:300].mean() < 0.01  # the lower third's box


def test_users_can_add_their_own_presets(beeps_video: Path, tmp_path: Path) -> None:
    app, vid = library_with(tmp_path / "home", beeps_video, None)
    (tmp_path / "home" / "presets.json").write_text('{"Lobby": {"width": 1280, "height": 720, "max_length_s": 30}}')
    planned = plan(app, vid, ranges=[(0, 1000)], presets=["lobby", "reel"])
    assert [(o.preset.name, o.preset.width, o.preset.height) for o in planned.outputs] == [("lobby", 1280, 720),
                                                                                          ("reel", 1080, 1920)]
    assert planned.outputs[0].crop.crop_w == 320 and planned.outputs[0].crop.crop_h == 180  # 16:9 of the 4:3 source


def test_preview_frame_is_a_real_render_of_one_frame_with_its_caption(beeps_video: Path, tmp_path: Path) -> None:
    import io

    from PIL import Image

    app, vid = library_with(tmp_path / "home", beeps_video, transcript_of(BEEPS, 8000))

    def preview(captions: str) -> Image.Image:
        request = app.export.request(vid, ranges=[(1200, 3000)], presets=["360x640"], captions=captions)
        return Image.open(io.BytesIO(app.export.preview_frame(request, at_ms=300))).convert("RGB")

    with_caps, without = preview("karaoke"), preview("off")
    assert with_caps.size == (360, 640)
    diff = np.abs(np.asarray(with_caps, int) - np.asarray(without, int)).max(axis=2)
    assert (diff[480:] > 60).mean() > 0.005 and (diff[:300] > 60).mean() < 0.001  # caption only near the bottom


def test_a_plan_reads_the_source_once_and_finds_faces_only_over_its_range(
    beeps_video: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import vlogkit.media.faces as faces
    import vlogkit.services.library as library

    app, vid = library_with(tmp_path / "home", beeps_video, None)
    seen: list[str] = []
    analysed: list[tuple[int, int] | None] = []
    real_fp, real_analyse = library.fingerprint, faces.analyse_faces
    monkeypatch.setattr(library, "fingerprint", lambda p: seen.append(str(p)) or real_fp(p))
    monkeypatch.setattr(faces, "analyse_faces", lambda p, **kw: analysed.append(kw.get("window")) or real_analyse(p, **kw))
    first = plan(app, vid, ranges=[(500, 2500)], presets=["reel"], captions="off")  # 4:3 into 9:16: faces needed
    assert first.outputs and len(seen) == 1
    assert analysed == [(0, 4000)]  # the clip's stretch (a 1 s margin, whole seconds), not the whole 8 s file
    again = plan(app, vid, ranges=[(1000, 3000)], presets=["reel"], captions="off")  # inside the window: cached
    assert again.outputs and analysed == [(0, 4000)] and len(seen) == 2
    whole = app.export.analyse_faces(vid)  # the GUI's background analysis covers the whole file...
    assert whole is not None and whole.window is None and analysed[-1] is None
    plan(app, vid, ranges=[(5500, 7500)], presets=["reel"], captions="off")  # ...and later exports reuse it
    assert len(analysed) == 2


@pytest.fixture(scope="session")
def private_video(synth: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A phone clip as it leaves a phone: GPS location (both tags), a title, a comment naming a private path, an
    artist, and a chapter."""
    chapters = tmp_path_factory.mktemp("meta") / "chapters.txt"
    chapters.write_text(";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1500\ntitle=Private chapter\n")
    return synth(
        "private.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=3", "-f", "lavfi", "-i", "sine=f=440:d=3",
        "-i", str(chapters), "-map", "0", "-map", "1", "-map_chapters", "2", "-c:v", "libx264", "-preset", "ultrafast",
        "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "-movflags", "use_metadata_tags",
        "-metadata", "title=Secret board meeting", "-metadata", "comment=/home/ana/private/raw-take.mov",
        "-metadata", "artist=Ana Peeters", "-metadata", "location=+50.8503+004.3517/",
        "-metadata", "com.apple.quicktime.location.ISO6709=+50.8503+004.3517+013.000/",
    )


def test_exported_clips_carry_none_of_the_sources_metadata(private_video: Path, tmp_path: Path) -> None:
    import av

    with av.open(str(private_video)) as c:  # the source really holds them
        assert {"title", "comment", "artist", "location", "com.apple.quicktime.location.ISO6709"} <= set(c.metadata)
    app, vid = library_with(tmp_path / "home", private_video, transcript_of([("Hello", 500, 900), ("team.", 950, 1400)], 3000))
    res = export(app, vid, ranges=[(0, 2000)], presets=["360x640", "320x240"], captions="line", out_dir=tmp_path / "out")
    for o in res.outputs:
        with av.open(str(o.path)) as c:
            meta = {k.lower(): v for k, v in c.metadata.items()}
            streams_meta = [dict(s.metadata) for s in c.streams]
            chapters = c.chapters() if hasattr(c, "chapters") else []
        assert meta.get("title") == "Hello team."  # our own title: what the clip says
        assert not {"comment", "artist", "location", "location-eng", "com.apple.quicktime.location.iso6709"} & set(meta)
        assert chapters == []
        raw = o.path.read_bytes()
        for secret in (b"Secret board", b"/home/ana/private", b"Ana Peeters", b"+50.8503", b"Private chapter"):
            assert secret not in raw, (o.path.name, secret, streams_meta)


def test_the_preview_is_the_exported_frame_lower_third_logo_and_audiogram_included(
    media: Path, synth: Callable[..., Path], tmp_path: Path, ffmpeg_exe: str
) -> None:
    """The dialog's preview is one frame rendered from the export's own plan: compared with the same moment of the
    exported clip it differs only by the encoding."""
    import io

    from PIL import Image

    grey = synth("grey.mp4", "-f", "lavfi", "-i", "color=c=gray:s=320x240:r=25:d=3", "-f", "lavfi", "-i",
                 "sine=f=500:d=3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac")
    logo = tmp_path / "logo.png"
    Image.new("RGBA", (200, 100), (255, 0, 0, 255)).save(logo)
    said = [("Hello", 200, 600), ("team,", 650, 1000), ("we", 1100, 1250), ("shipped", 1300, 1700), ("it.", 1750, 2100)]
    app, vid = library_with(tmp_path / "home", grey, transcript_of(said, 3000), speaker=Speaker("Ana Peeters", "Nurse"))
    options = {"ranges": [(0, 2500)], "presets": ["360x640"], "captions": "karaoke", "lower_third": True,
               "logo": logo, "out_dir": tmp_path / "out"}
    shown = np.asarray(Image.open(io.BytesIO(app.export.preview_frame(app.export.request(vid, **options),
                                                                        at_ms=1400))).convert("RGB"), int)
    rendered = frame(ffmpeg_exe, export(app, vid, **options).outputs[0].path, 1.4).astype(int)
    assert shown.shape == rendered.shape == (640, 360, 3)
    assert np.abs(shown - rendered).mean() < 3  # the same picture
    red = (shown[..., 0] > 180) & (shown[..., 1] < 80) & (shown[..., 2] < 80)
    assert red[:120, 240:].sum() > 300  # the logo
    assert (shown[390:445, 14:100] < 60).all(axis=2).mean() > 0.4  # the lower third's box
    yellow = (shown[..., 0] > 200) & (shown[..., 1] > 150) & (shown[..., 2] < 90)
    assert yellow[450:].sum() > 30  # "shipped", being said, in the brand colour

    words = (Word("And", 300, 520, 0.9), Word("so,", 520, 840, 0.9), Word("my", 1020, 1180, 0.9),
             Word("fellow", 1180, 1580, 0.9), Word("Americans,", 1580, 2100, 0.9))
    app, vid = library_with(tmp_path / "home2", media / "en" / "jfk.flac",
                            Transcript((Segment(300, 2100, words),), "en", 11000))
    png = app.export.preview_frame(app.export.request(vid, ranges=[(0, 2500)], presets=["360x640"]), at_ms=1300)
    img = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), int)
    accent = (img[..., 0] > 200) & (img[..., 1] > 150) & (img[..., 2] < 90)
    assert accent[150:400].sum() > 50  # an audio-only vlog previews as its audiogram: the level bar...
    assert (img > 220).all(axis=2)[400:600].sum() > 100  # ...and the caption
