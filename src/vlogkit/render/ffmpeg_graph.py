"""An `ExportPlan` as one ffmpeg graph, built with ffmpeg-python: one decode, a split, one encoder per preset.

The command the plan prints is `ffmpeg.compile(...)` of the very graph `render` runs; only the folder holding the
ASS files (`work`) and the temporary output names differ between the two. Also here: the loudness measurement (the
clip's audio into `loudnorm`'s meter) and the one-frame preview, both from the same pieces of graph.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ffmpeg

from vlogkit.render.reframe import CropPlan
from vlogkit.render.timeline import Piece, Timeline

if TYPE_CHECKING:
    from vlogkit.render.loudness import LoudnessTarget
    from vlogkit.render.plan import ExportPlan, OutputPlan

Stream = Any  # ffmpeg-python streams are untyped


def escape_value(value: str) -> str:
    """Escape a filter option value (e.g. a path) for both levels of ffmpeg's filter-graph syntax (what
    ffmpeg-python does to every keyword value; kept for hand-written graphs in tests and benchmarks)."""
    level1 = "".join("\\" + c if c in "\\':" else c for c in value)
    return "".join("\\" + c if c in "\\'[],;" else c for c in level1)


def _s(ms: float) -> str:
    return f"{ms / 1000:.6f}".rstrip("0").rstrip(".") or "0"


def _fps(plan: ExportPlan) -> str:
    return f"{plan.fps:.3f}".rstrip("0").rstrip(".")


def _source(path: Path, tl: Timeline) -> Stream:
    """Seek once to the first piece; the graph's times are relative to that point."""
    return ffmpeg.input(str(path), ss=_s(tl.start), t=_s(tl.end - tl.start))


def _pieces(tl: Timeline) -> list[tuple[int, int]]:
    return [(p.start - tl.start, p.end - tl.start) for p in tl.pieces]


def _join(parts: list[Stream], video: bool) -> Stream:
    if len(parts) == 1:
        return parts[0]
    return ffmpeg.concat(*parts, v=1 if video else 0, a=0 if video else 1)


def audio_cut(src: Stream, tl: Timeline, fade_ms: int) -> Stream:
    """The pieces of the source's audio, each edge faded (no clicks at a cut), joined."""
    parts = []
    for s, e in _pieces(tl):
        d = (e - s) / 1000
        f = min(fade_ms / 1000, d / 4)
        part = src.audio.filter("atrim", start=_s(s), end=_s(e)).filter("asetpts", expr="PTS-STARTPTS")
        if f > 0:
            part = (part.filter("afade", t="in", st=0, d=f"{f:.3f}")
                    .filter("afade", t="out", st=f"{max(0.0, d - f):.3f}", d=f"{f:.3f}"))
        parts.append(part)
    return _join(parts, video=False)


def video_cut(src: Stream, tl: Timeline) -> Stream:
    parts = [src.video.filter("trim", start=_s(s), end=_s(e)).filter("setpts", expr="PTS-STARTPTS")
             for s, e in _pieces(tl)]
    return _join(parts, video=True)


def crop_points(crop: CropPlan, tl: Timeline) -> list[tuple[float, int, int]]:
    """The crop path on the clip's clock: (seconds, x, y), with a jump at each cut."""
    pts: list[tuple[float, int, int]] = []
    for off, p in zip(tl.offsets(), tl.pieces, strict=True):
        times = [p.start] + [t for t, _, _ in crop.points if p.start < t < p.end] + [p.end]
        for t in times:
            x, y = crop.at(t)
            pts.append(((off + t - p.start) / 1000, x, y))
    return pts


def _path_expr(pts: Sequence[tuple[float, int]]) -> str:
    """Piecewise-linear f(t) through the points, as a flat ffmpeg expression (no deep nesting)."""
    terms = [str(pts[0][1])]
    for (t0, v0), (t1, v1) in zip(pts, pts[1:], strict=False):
        if v1 == v0:
            continue
        d = max(t1 - t0, 0.001)
        terms.append(f"{v1 - v0}*clip((t-{t0:.3f})/{d:.3f},0,1)")
    return "+".join(terms)


def crop_options(crop: CropPlan, tl: Timeline) -> dict[str, str | int]:
    """The `crop` filter's options: a fixed window, or x/y expressions of t following the face."""
    if crop.mode == "center" or not crop.points:
        x, y = crop.at(0)
        return {"w": crop.crop_w, "h": crop.crop_h, "x": x, "y": y}
    pts = crop_points(crop, tl)
    return {"w": crop.crop_w, "h": crop.crop_h, "x": _path_expr([(t, x) for t, x, _ in pts]),
            "y": _path_expr([(t, y) for t, _, y in pts])}


def _framed(o: OutputPlan, src: Stream, tl: Timeline) -> Stream:
    """Crop (or fit, or scale) one copy of the cut video to the preset's frame."""
    w, h = o.preset.width, o.preset.height
    crop = o.crop
    assert crop is not None
    if crop.mode == "fit":
        bw, bh = max(2, w // 8 // 2 * 2), max(2, h // 8 // 2 * 2)
        a, b = _many(src, 2, audio=False)
        bg = (a.filter("scale", w=bw, h=bh, force_original_aspect_ratio="increase").filter("crop", w=bw, h=bh)
              .filter("boxblur", luma_radius=8, luma_power=2).filter("scale", w=w, h=h)
              .filter("eq", brightness=-0.08))
        fg = b.filter("scale", w=w, h=h, force_original_aspect_ratio="decrease", flags="bicubic")
        return ffmpeg.overlay(bg, fg, x="(W-w)/2", y="(H-h)/2").filter("setsar", sar=1)
    if crop.mode == "scale":
        return src.filter("scale", w=w, h=h, flags="bicubic").filter("setsar", sar=1)
    return src.filter("crop", **crop_options(crop, tl)).filter("scale", w=w, h=h, flags="bicubic").filter("setsar", sar=1)


def _audiogram(plan: ExportPlan, o: OutputPlan, audio: Stream | None, dur_ms: int) -> Stream:
    """Brand background and a chunky level bar drawn from the (normalised) audio."""
    w, h = o.preset.width, o.preset.height
    bg = ffmpeg.input(f"color=c=0x{plan.background.lstrip('#')}:s={w}x{h}:r={_fps(plan)}:d={dur_ms / 1000:.3f}",
                      f="lavfi").video.filter("format", pix_fmts="yuv420p")
    if audio is None:
        return bg
    ww, wh = max(8, w * 3 // 4 // 6 // 2 * 2), max(8, h // 6 // 2 // 2 * 2)
    wave = (audio.filter("showwaves", s=f"{ww}x{wh}", mode="cline", draw="full", scale="cbrt", rate=_fps(plan),
                         colors=f"0x{plan.accent.lstrip('#')}")
            .filter("format", pix_fmts="yuva420p").filter("scale", w=ww * 6, h=wh * 2, flags="neighbor"))
    return ffmpeg.overlay(bg, wave, x="(W-w)/2", y=f"(H-h)/2-{h // 10}", shortest=1)


def _logo_xy(o: OutputPlan, corner: str) -> tuple[str, str]:
    x0, y0, x1, _ = o.preset.safe_box()
    right, top = corner.endswith("right"), corner.startswith("top")
    return (f"{x1}-w" if right else f"{x0}"), (f"{y0}" if top else f"H-h-{round(o.preset.height * 0.04)}")


def _normalised(plan: ExportPlan, audio: Stream) -> Stream:
    from vlogkit.render.loudness import second_pass

    options = second_pass(plan.loudness.target, plan.loudness.measured) if plan.loudness else None
    if options is not None:
        audio = audio.filter("loudnorm", **options)
    return audio.filter("aresample", 48000)


def _many(stream: Stream, n: int, audio: bool) -> list[Stream]:
    if n == 1:
        return [stream]
    node = stream.filter_multi_output("asplit" if audio else "split", n)
    return [node.stream(i) for i in range(n)]


def _pictures(plan: ExportPlan, tl: Timeline, src: Stream, audio: Stream | None, work: Path,
              clock_ms: int = 0) -> list[Stream]:
    """One finished picture stream per output: framed (or audiogram), logo, captions."""
    n = len(plan.outputs)
    if plan.has_video:
        frames = _many(video_cut(src, tl).filter("fps", fps=_fps(plan)), n, audio=False)
    waves = _many(audio, n, audio=True) if (not plan.has_video and audio is not None) else [None] * n
    logos: list[Stream] = []
    if plan.logo:
        logo = ffmpeg.input(str(plan.logo.path)).video.filter("format", pix_fmts="rgba")
        logos = _many(logo.filter("colorchannelmixer", aa=f"{plan.logo.opacity:.2f}"), n, audio=False)
    out: list[Stream] = []
    for i, o in enumerate(plan.outputs):
        v = _framed(o, frames[i], tl) if plan.has_video else _audiogram(plan, o, waves[i], tl.duration)
        if clock_ms:  # a preview of one moment: from here on the frames carry the clip's clock (captions need it)
            v = v.filter("setpts", expr=f"PTS+{clock_ms / 1000:.3f}/TB")
        if plan.logo:
            lw = max(16, round(o.preset.width * plan.logo.width_frac) // 2 * 2)
            x, y = _logo_xy(o, plan.logo.corner)
            v = ffmpeg.overlay(v, logos[i].filter("scale", w=lw, h=-1), x=x, y=y)
        if o.ass:
            options = {"filename": str(work / o.ass_name)}
            if plan.fonts_dir:
                options["fontsdir"] = str(plan.fonts_dir)
            v = v.filter("ass", **options)
        out.append(v.filter("format", pix_fmts="yuv420p"))
    return out


def _encoding(plan: ExportPlan) -> dict[str, object]:
    """Per-output options: H.264 + AAC in MP4, constant frame rate, and none of the source's metadata."""
    return {"c:v": "libx264", "preset": plan.x264_preset, "crf": plan.crf, "pix_fmt": "yuv420p", "profile:v": "high",
            "fps_mode": "cfr", "r": _fps(plan), "c:a": "aac", "b:a": plan.audio_bitrate, "ar": 48000, "ac": 2,
            "t": _s(plan.duration_ms), "movflags": "+faststart", "f": "mp4",
            "map_metadata": -1, "map_chapters": -1, "metadata": f"title={plan.title}"}


PREVIEW_LEAD_MS = 250  # a preview decodes this much before its moment


def poster_at_ms(plan: ExportPlan) -> int:
    """The poster's moment: 0.8 s in, or the middle of a shorter clip - on a frame (floored to the frame grid), so
    a clip of one or two frames still has a frame there (20 ms into a 40 ms clip had none: ffmpeg failed)."""
    frame_ms = 1000 / max(plan.fps, 10.0)
    return int(min(800, plan.duration_ms // 2) // frame_ms * frame_ms)


def graph(plan: ExportPlan, work: Path, targets: Sequence[Path], posters: Sequence[Path] = ()) -> Stream:
    """The whole export as one ffmpeg-python graph writing output i to targets[i] and, when given, a still of it
    (the frame at `poster_at_ms`) to posters[i]: the posters come from the same decode."""
    if len(targets) != len(plan.outputs) or (posters and len(posters) != len(targets)):
        raise ValueError("one target (and poster) per output")
    tl = plan.timeline
    src = _source(plan.source, tl)
    n = len(plan.outputs)
    audio = _normalised(plan, audio_cut(src, tl, plan.fade_ms)) if plan.has_audio else None
    sounds: list[Stream]
    if audio is None:
        silence = ffmpeg.input("anullsrc=r=48000:cl=stereo", f="lavfi", t=_s(plan.duration_ms)).audio
        sounds = _many(silence, n, audio=True)
        pictures = _pictures(plan, tl, src, None, work)
    elif plan.has_video:
        sounds = _many(audio, n, audio=True)
        pictures = _pictures(plan, tl, src, None, work)
    else:  # an audiogram draws from the same normalised audio it plays
        *sounds, drawn = _many(audio, n + 1, audio=True)
        pictures = _pictures(plan, tl, src, drawn, work)
    outs = []
    for i, (v, a, t) in enumerate(zip(pictures, sounds, targets, strict=True)):
        if posters:
            v, still = _many(v, 2, audio=False)
            # JPEG is full range: convert on this branch, so the clip itself stays limited-range yuv420p. The branch
            # ends two frames after the poster's moment: left open, it converted every later frame of the clip too
            # (~7 % of a reel's CPU time) only for the image writer to drop them
            at = poster_at_ms(plan)
            still = still.filter("trim", start=_s(at), end=_s(at + 2 * round(1000 / max(plan.fps, 10.0)))) \
                .filter("scale", out_range="full")
            outs.append(ffmpeg.output(still, str(posters[i]),
                                      vframes=1, f="image2", **{"c:v": "mjpeg", "q:v": 3}))
        outs.append(ffmpeg.output(v, a, str(t), **_encoding(plan)))
    return ffmpeg.merge_outputs(*outs)


def command(plan: ExportPlan, work: Path, targets: Sequence[Path], posters: Sequence[Path] = (),
            exe: str = "ffmpeg") -> list[str]:
    """`ffmpeg.compile` of the export graph: the full command line (without the runner's progress flags)."""
    return ffmpeg.compile(graph(plan, work, targets, posters), cmd=exe)


def loudness_args(source: Path, tl: Timeline, fade_ms: int, target: LoudnessTarget) -> list[str]:
    """The first loudness pass: the clip's cut audio into `loudnorm`'s meter, nothing written."""
    src = _source(source, tl)
    meter = audio_cut(src, tl, fade_ms).filter("loudnorm", print_format="json", **target.options())
    return ffmpeg.get_args(ffmpeg.output(meter, "-", f="null"))


def preview_args(plan: ExportPlan, at_ms: int, work: Path, target: Path) -> list[str]:
    """One frame of the first output at clip time `at_ms`, from the plan's own graph: only the moment around it is
    decoded (a sliver of its piece of source, starting a little before it so an audiogram's level bar has audio to
    draw), and the captions see the clip's clock."""
    from dataclasses import replace

    tl = plan.timeline
    at = max(0, min(int(at_ms), tl.duration - 1))
    piece = tl.pieces[-1]
    src_t = piece.end - 1
    for offset, p in zip(tl.offsets(), tl.pieces, strict=True):
        if offset <= at < offset + p.duration:
            piece, src_t = p, p.start + at - offset
            break
    lead = min(PREVIEW_LEAD_MS, src_t - piece.start)
    window = Timeline((Piece(src_t - lead, min(piece.end, src_t + 300)),))
    one = replace(plan, timeline=window, outputs=plan.outputs[:1])
    src = _source(plan.source, window)
    audio = _normalised(one, audio_cut(src, window, 0)) if (one.has_audio and not one.has_video) else None
    (picture,) = _pictures(one, window, src, audio, work, clock_ms=at - lead)
    picture = picture.filter("trim", start=_s(at))  # the frame at `at` (clip clock), not the sliver's first
    return ffmpeg.get_args(ffmpeg.output(picture, str(target), vframes=1, f="image2", **{"c:v": "png"}))
