"""An `ExportPlan` as one ffmpeg argument list: one decode, a split graph, one encoder per preset."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from vlogkit.render.plan import ExportPlan, Logo, OutputPlan
from vlogkit.render.reframe import CropPlan
from vlogkit.render.timeline import Timeline


def escape_value(value: str) -> str:
    """Escape a filter option value (e.g. a path) for both levels of ffmpeg's filter-graph syntax."""
    level1 = "".join("\\" + c if c in "\\':" else c for c in value)
    return "".join("\\" + c if c in "\\'[],;" else c for c in level1)


def _s(ms: float) -> str:
    return f"{ms / 1000:.6f}".rstrip("0").rstrip(".") or "0"


def input_args(plan: ExportPlan) -> list[str]:
    """Seek once to the first piece; the graph's times are relative to that point."""
    tl = plan.timeline
    return ["-ss", _s(tl.start), "-t", _s(tl.end - tl.start), "-i", str(plan.source)]


def _pieces(tl: Timeline) -> list[tuple[int, int]]:
    return [(p.start - tl.start, p.end - tl.start) for p in tl.pieces]


def audio_cut_graph(plan: ExportPlan, label: str = "acut") -> str:
    """Trim the pieces from [0:a], fade each edge, join them: `...[label]`."""
    parts: list[str] = []
    names: list[str] = []
    fade = plan.fade_ms / 1000
    for i, (s, e) in enumerate(_pieces(plan.timeline)):
        d = (e - s) / 1000
        f = min(fade, d / 4)
        parts.append(
            f"[0:a]atrim=start={_s(s)}:end={_s(e)},asetpts=PTS-STARTPTS,"
            f"afade=t=in:st=0:d={f:.3f},afade=t=out:st={max(0.0, d - f):.3f}:d={f:.3f}[ap{i}]"
        )
        names.append(f"[ap{i}]")
    if len(names) == 1:
        parts[-1] = parts[-1][: -len(names[0])] + f"[{label}]"
    else:
        parts.append(f"{''.join(names)}concat=n={len(names)}:v=0:a=1[{label}]")
    return ";".join(parts)


def _video_cut_graph(plan: ExportPlan, label: str) -> str:
    parts: list[str] = []
    names: list[str] = []
    for i, (s, e) in enumerate(_pieces(plan.timeline)):
        parts.append(f"[0:v]trim=start={_s(s)}:end={_s(e)},setpts=PTS-STARTPTS[vp{i}]")
        names.append(f"[vp{i}]")
    if len(names) == 1:
        parts[-1] = parts[-1][: -len(names[0])] + f"[{label}]"
    else:
        parts.append(f"{''.join(names)}concat=n={len(names)}:v=1:a=0[{label}]")
    return ";".join(parts)


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


def crop_filter(crop: CropPlan, tl: Timeline) -> str:
    if crop.mode == "center" or not crop.points:
        x, y = crop.at(0)
        return f"crop={crop.crop_w}:{crop.crop_h}:{x}:{y}"
    pts = crop_points(crop, tl)
    xe = _path_expr([(t, x) for t, x, _ in pts])
    ye = _path_expr([(t, y) for t, _, y in pts])
    return f"crop=w={crop.crop_w}:h={crop.crop_h}:x='{xe}':y='{ye}'"


def _frame_chain(o: OutputPlan, src: str, out: str, tl: Timeline, i: int) -> list[str]:
    w, h = o.preset.width, o.preset.height
    crop = o.crop
    assert crop is not None
    if crop.mode == "fit":
        bw, bh = max(2, w // 8 // 2 * 2), max(2, h // 8 // 2 * 2)
        return [
            f"{src}split=2[fa{i}][fb{i}]",
            f"[fa{i}]scale={bw}:{bh}:force_original_aspect_ratio=increase,crop={bw}:{bh},boxblur=8:2,"
            f"scale={w}:{h},eq=brightness=-0.08[bg{i}]",
            f"[fb{i}]scale={w}:{h}:force_original_aspect_ratio=decrease:flags=bicubic[fg{i}]",
            f"[bg{i}][fg{i}]overlay=(W-w)/2:(H-h)/2,setsar=1{out}",
        ]
    if crop.mode == "scale":
        return [f"{src}scale={w}:{h}:flags=bicubic,setsar=1{out}"]
    return [f"{src}{crop_filter(crop, tl)},scale={w}:{h}:flags=bicubic,setsar=1{out}"]


def _logo_xy(logo: Logo, o: OutputPlan) -> str:
    x0, y0, x1, _ = o.preset.safe_box()
    right, top = logo.corner.endswith("right"), logo.corner.startswith("top")
    x = f"{x1}-w" if right else f"{x0}"
    y = f"{y0}" if top else f"H-h-{round(o.preset.height * 0.04)}"
    return f"{x}:{y}"


def build_graph(plan: ExportPlan) -> tuple[str, list[tuple[str, str | None]]]:
    """The filter graph and, per output, the (video label, audio label) to map."""
    parts: list[str] = []
    n = len(plan.outputs)
    fps = f"{plan.fps:.3f}".rstrip("0").rstrip(".")
    dur = plan.duration_ms / 1000
    if plan.has_audio:
        parts.append(audio_cut_graph(plan, "acut"))
        extra = 1 if not plan.has_video else 0
        parts.append(f"[acut]{plan.audio_filter or 'aresample=48000'},asplit={n + extra}" + "".join(f"[ao{i}]" for i in range(n + extra)))
    if plan.has_video:
        parts.append(_video_cut_graph(plan, "vcut"))
        parts.append(f"[vcut]fps={fps},split={n}" + "".join(f"[vs{i}]" for i in range(n)))
    else:
        # audiogram: brand background and a level bar drawn from the (normalised) audio
        if plan.has_audio:
            parts.append(f"[ao{n}]asplit={n}" + "".join(f"[aw{i}]" for i in range(n)))
    if plan.logo:
        lg = "".join(f"[lg{i}]" for i in range(n))
        parts.append(f"[1:v]format=rgba,colorchannelmixer=aa={plan.logo.opacity:.2f},split={n}{lg}")
    maps: list[tuple[str, str | None]] = []
    for i, o in enumerate(plan.outputs):
        w, h = o.preset.width, o.preset.height
        cur = f"[v{i}a]"
        if plan.has_video:
            parts.extend(_frame_chain(o, f"[vs{i}]", cur, plan.timeline, i))
        else:
            bg = plan.background.lstrip("#")
            parts.append(f"color=c=0x{bg}:s={w}x{h}:r={fps}:d={dur:.3f},format=yuv420p[bgc{i}]")
            if plan.has_audio:
                # a chunky bar waveform: drawn small, scaled up without smoothing
                ww, wh = max(8, w * 3 // 4 // 6 // 2 * 2), max(8, h // 6 // 2 // 2 * 2)
                parts.append(f"[aw{i}]showwaves=s={ww}x{wh}:mode=cline:draw=full:scale=cbrt:rate={fps}:"
                             f"colors=0x{plan.accent.lstrip('#')},format=yuva420p,"
                             f"scale={ww * 6}:{wh * 2}:flags=neighbor[wave{i}]")
                parts.append(f"[bgc{i}][wave{i}]overlay=(W-w)/2:(H-h)/2-{h // 10}:shortest=1{cur}")
            else:
                parts.append(f"[bgc{i}]null{cur}")
        if plan.logo:
            lw = max(16, round(w * plan.logo.width_frac) // 2 * 2)
            parts.append(f"[lg{i}]scale={lw}:-1[lgs{i}]")
            parts.append(f"{cur}[lgs{i}]overlay={_logo_xy(plan.logo, o)}[v{i}b]")
            cur = f"[v{i}b]"
        if o.ass_path is not None:
            fonts = f":fontsdir={escape_value(str(plan.fonts_dir))}" if plan.fonts_dir else ""
            parts.append(f"{cur}ass=filename={escape_value(str(o.ass_path))}{fonts},format=yuv420p[vo{i}]")
        else:
            parts.append(f"{cur}format=yuv420p[vo{i}]")
        maps.append((f"[vo{i}]", f"[ao{i}]" if plan.has_audio else None))
    return ";".join(parts), maps


def build_args(plan: ExportPlan, targets: Sequence[Path]) -> list[str]:
    """ffmpeg arguments (after the runner's own `-y -progress ...`) writing output i to targets[i]."""
    if len(targets) != len(plan.outputs):
        raise ValueError("one target per output")
    graph, maps = build_graph(plan)
    args = input_args(plan)
    if plan.logo:
        args += ["-i", str(plan.logo.path)]
    if not plan.has_audio:
        args += ["-f", "lavfi", "-t", _s(plan.duration_ms), "-i", "anullsrc=r=48000:cl=stereo"]
    args += ["-filter_complex", graph]
    silent_index = 2 if plan.logo else 1
    fps = f"{plan.fps:.3f}".rstrip("0").rstrip(".")
    for (v, a), target in zip(maps, targets, strict=True):
        args += ["-map", v, "-map", a if a else f"{silent_index}:a"]
        args += ["-c:v", "libx264", "-preset", plan.x264_preset, "-crf", str(plan.crf), "-pix_fmt", "yuv420p",
                 "-profile:v", "high", "-fps_mode", "cfr", "-r", fps,
                 "-c:a", "aac", "-b:a", plan.audio_bitrate, "-ar", "48000", "-ac", "2",
                 "-t", _s(plan.duration_ms), "-movflags", "+faststart", "-f", "mp4", str(target)]
    return args
