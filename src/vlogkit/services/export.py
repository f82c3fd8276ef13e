"""Clip export: a vlog range (or several) to captioned, share-sized, loudness-normalised MP4s with sidecars."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vlogkit.domain import Transcript, Vlog, Word
from vlogkit.domain.export import CaptionStyle, ExportPreset, ExportResult, OutputFile, parse_preset
from vlogkit.errors import MediaError, UsageError
from vlogkit.failpoints import failpoint
from vlogkit.fileutil import atomic_write_text, output_file
from vlogkit.jobs import JobContext
from vlogkit.services.wordcheck import require_confirmed

if TYPE_CHECKING:
    from vlogkit.media.faces import FaceTrack
    from vlogkit.render.plan import ExportPlan
    from vlogkit.services.app import App

log = logging.getLogger(__name__)


def parse_captions(value: str | CaptionStyle) -> CaptionStyle:
    try:
        return CaptionStyle(str(value).lower())
    except ValueError:
        raise UsageError(f"'{value}' is not a caption style: use karaoke, line or off.") from None


def parse_presets(names: Sequence[str | ExportPreset], custom: dict[str, ExportPreset] | None = None) -> list[ExportPreset]:
    out: list[ExportPreset] = []
    for n in names:
        if isinstance(n, ExportPreset):
            out.append(n)
            continue
        for part in str(n).split(","):
            if part.strip():
                try:
                    p = parse_preset(part, custom)
                except ValueError as exc:
                    raise UsageError(str(exc)) from None
                if p.name not in {q.name for q in out}:
                    out.append(p)
    if not out:
        raise UsageError("No preset given: use reel, square, portrait or landscape.")
    return out


class ExportService:
    def __init__(self, app: App) -> None:
        self.app = app

    def custom_presets(self) -> dict[str, ExportPreset]:
        """The user's own presets from `presets.json` in the vlogkit home: {"name": {"width": .., "height": ..}}."""
        path = self.app.paths.home / "presets.json"
        if not path.exists():
            return {}
        import json

        from vlogkit.fileutil import read_bounded

        try:
            data = json.loads(read_bounded(path, 1 << 20, "presets file", error=UsageError).decode("utf-8"))
            return {str(k).lower(): ExportPreset.from_dict({**v, "name": str(k).lower()}) for k, v in data.items()}
        except (OSError, ValueError, TypeError, AttributeError, RecursionError) as exc:
            raise UsageError(f"{path} is not a valid presets file ({exc}): fix or remove it.") from exc

    # -- checks -------------------------------------------------------------------------------

    def check_consent(self, vlog: Vlog, audience: str, ranges: Sequence[tuple[int, int]] | None = None) -> None:
        """Refuse (ConsentError, one line) unless the clearance rule lets this vlog - or these ranges of it - go to
        `audience` now."""
        self.app.consent.check_audience(audience)
        if ranges:
            self.app.consent.require_clip(vlog, ranges, audience)
        else:
            self.app.consent.require_vlog(vlog, audience)

    # -- face track ---------------------------------------------------------------------------

    def analyse_faces(self, vlog_id: str, ctx: JobContext | None = None) -> FaceTrack | None:
        """The vlog's face track, analysed once and cached by content fingerprint (None for audio vlogs)."""
        return self._face_track(self.app.vlogs.get(vlog_id), None, ctx)

    def _face_track(self, vlog: Vlog, source: Path | None, ctx: JobContext | None = None) -> FaceTrack | None:
        """`analyse_faces` for a vlog already read; `source` is its file when the caller has checked it already."""
        from vlogkit.media.faces import FaceTrackCache

        if not vlog.media.has_video:
            return None
        cache = FaceTrackCache(self.app.paths.cache_dir / "faces")
        cached = cache.get(vlog.fingerprint)
        if cached is not None:
            return cached
        track = cache.get_or_analyse(vlog.fingerprint, source or self.app.library.check_source(vlog), ctx)
        with contextlib.suppress(Exception):  # a reference is a nicety; the cache file is what counts
            self.app.vlogs.update_extra(vlog.id, faces=str(cache.path_for(vlog.fingerprint)))
        return track

    # -- transcript ---------------------------------------------------------------------------

    def _words(self, vlog: Vlog, need: bool, ctx: JobContext) -> tuple[Word, ...] | None:
        transcript: Transcript | None = self.app.transcription.get(vlog.id)
        if transcript is None and need:
            transcript = self.app.transcription.transcribe(vlog.id, ctx=ctx)
        # segments held back as possibly invented by Whisper never become captions until someone keeps them
        return transcript.without_held_back().words if transcript is not None else None

    # -- export -------------------------------------------------------------------------------

    def export(
        self,
        vlog_id: str,
        *,
        ranges: list[tuple[int, int]],
        presets: Sequence[str | ExportPreset] = ("reel",),
        captions: str | CaptionStyle = "karaoke",
        tighten: bool = False,
        audience: str = "internal",
        out_dir: Path | None = None,
        logo: Path | str | None = None,
        lower_third: bool = False,
        title: str | None = None,
        loudness: float | None = None,
        fallback: str = "center",
        highlight: str | None = None,
        quote_id: str | None = None,
        ctx: JobContext | None = None,
    ) -> ExportResult:
        """Render `ranges` of the vlog to each preset in one ffmpeg process; write SRT, VTT and posters beside them."""
        from vlogkit.render.fonts import fonts_dir
        from vlogkit.render.naming import base_name, reserve_stems
        from vlogkit.render.plan import Logo

        ctx = ctx or JobContext()
        vlog = self.app.vlogs.get(vlog_id)

        def recheck() -> None:  # the clearance rule, asked again on the library as it is now
            self.app.consent.require_current(vlog_id, ranges, audience, quote_id)

        self.check_consent(vlog, audience, ranges)
        recheck()
        ctx = self.app.consent.watch(ctx, [vlog_id])  # a forget of this vlog stops the render at once
        style = parse_captions(captions)
        preset_list = parse_presets(presets, self.custom_presets())
        logo_path = self._logo(logo)
        colour = self._colour(highlight or self.app.settings.brand_color or "#FFC400")
        source = self.app.library.check_source(vlog)
        ctx.report(0.0, "Preparing")
        words = self._words(vlog, need=style is not CaptionStyle.OFF or tighten, ctx=ctx.sub(0.0, 0.2))
        ctx.raise_if_cancelled()
        if words:  # burnt-in captions and the SRT/VTT beside the clip: checked before any work is done
            said = [w for w in words if any(a <= (w.start + w.end) // 2 < b for a, b in ranges)]
            require_confirmed(audience, said, vlog_id=vlog.id, what="The clip's captions")
        track = None
        if vlog.media.has_video and any(self._needs_faces(vlog, p) for p in preset_list):
            track = self._face_track(vlog, source, ctx=ctx.sub(0.2, 0.35))
        folder = Path(out_dir) if out_dir else self._default_out_dir()
        work = Path(tempfile.mkdtemp(prefix="vlogkit-export-"))
        try:
            plan, clip_words = self._plan(
                vlog, source, ranges, preset_list, style, words, track, tighten, work, folder,
                Logo(logo_path) if logo_path else None, lower_third, fonts_dir(self.app.settings.caption_font), fallback,
                highlight=colour,
            )
            quote_text = title or " ".join(w.display for w in (clip_words or ()))
            common, stems = reserve_stems(folder, base_name(vlog.speaker.name, (vlog.created or "")[:10], quote_text),
                                          [o.preset.name for o in plan.outputs])
            from dataclasses import replace

            plan = replace(plan, outputs=tuple(replace(o, path=folder / f"{stems[o.preset.name]}.mp4")
                                               for o in plan.outputs))
            plan = self._with_loudness(plan, loudness, ctx.sub(0.35, 0.45))
            log.info("export plan\n%s", plan.describe())
            result = self._render(plan, ctx.sub(0.45, 0.97), recheck)
            subs: list[Path] = []
            if clip_words:
                subs = self._write_subtitles(folder / common, clip_words, plan.duration_ms)
            posters = [self._poster(o.path, o.duration) for o in result]
        finally:
            shutil.rmtree(work, ignore_errors=True)
        warnings = list(plan.notes)
        outputs = [o.path for o in result] + subs + [p for p in posters if p]
        with self.app.consent.gate(outputs):  # kept only if still cleared (a forget may have run meanwhile)
            recheck()
            self._remember(vlog.id, result, subs)
            self.app.export_log.record(
                "clip", vlog_ids=[vlog.id], outputs=[str(p) for p in outputs],
                audience=audience, detail=", ".join(f"{o.preset} {o.duration:.1f}s" for o in result),
            )
        ctx.report(1.0, "Exported")
        return ExportResult(outputs=result, subtitles=subs, posters=[p for p in posters if p], warnings=warnings)

    def plan(self, vlog_id: str, *, ranges: list[tuple[int, int]], presets: Sequence[str] = ("reel",),
             captions: str = "off", tighten: bool = False, out_dir: Path | None = None) -> ExportPlan:
        """The plan an export would run, without rendering (no transcript is made: captions use a stored one)."""
        from vlogkit.render.fonts import fonts_dir

        vlog = self.app.vlogs.get(vlog_id)
        source = self.app.library.check_source(vlog)
        style = parse_captions(captions)
        preset_list = parse_presets(presets, self.custom_presets())
        transcript = self.app.transcription.get(vlog.id) if style is not CaptionStyle.OFF or tighten else None
        words = transcript.words if transcript else None
        track = self._face_track(vlog, source)
        work = Path(tempfile.mkdtemp(prefix="vlogkit-plan-"))
        try:
            plan, _ = self._plan(vlog, source, ranges, preset_list, style, words, track, tighten, work,
                                 Path(out_dir) if out_dir else self._default_out_dir(), None, False, fonts_dir(), "center")
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return plan

    # -- steps --------------------------------------------------------------------------------

    def _default_out_dir(self) -> Path:
        s = self.app.settings.export_dir
        return Path(s).expanduser() if s else self.app.paths.default_export_dir

    @staticmethod
    def _colour(value: str) -> str:
        from vlogkit.render.ass import ass_color

        try:
            ass_color(value)
        except ValueError:
            raise UsageError(f"'{value}' is not a brand colour: use #RRGGBB, e.g. #FFC400.") from None
        return value

    def _logo(self, logo: Path | str | None) -> Path | None:
        raw = logo if logo is not None else (self.app.settings.brand_logo or None)
        if not raw:
            return None
        p = Path(raw).expanduser()
        if not p.is_file():
            raise MediaError(f"The logo {p} does not exist: give a PNG file (transparent background works best).")
        if p.suffix.lower() not in (".png", ".jpg", ".jpeg", ".webp"):
            raise MediaError(f"The logo {p} is not a PNG/JPEG image.")
        return p

    @staticmethod
    def _needs_faces(vlog: Vlog, preset: ExportPreset) -> bool:
        w, h = vlog.media.display_size
        return bool(w and h) and abs(w / h - preset.aspect) / preset.aspect >= 0.02

    def _plan(
        self, vlog: Vlog, source: Path, ranges: list[tuple[int, int]], presets: list[ExportPreset],
        style: CaptionStyle, words: Sequence[Word] | None, track: FaceTrack | None, tighten: bool, work: Path,
        folder: Path, logo: Any, lower_third: bool, fonts: Path, fallback: str, highlight: str | None = None,
    ) -> tuple[ExportPlan, list[Word] | None]:
        from vlogkit.render.ass import CaptionLook, LowerThird, build_ass
        from vlogkit.render.plan import ExportPlan, OutputPlan
        from vlogkit.render.reframe import plan_crop
        from vlogkit.render.timeline import Tighten, build_timeline

        info = vlog.media
        fps = info.video[0].fps if info.has_video else 30.0
        fps = fps if 10 <= fps <= 60 else 30.0
        if tighten and not words:
            raise UsageError("--tighten needs a transcript: transcribe the vlog first.")
        tl = build_timeline(ranges, words or (), tighten=Tighten() if tighten else None, media_ms=info.duration_ms,
                            fps=fps if info.has_video else 0.0)
        clip_words = tl.retime(words) if words else None
        notes: list[str] = []
        w, h = info.display_size
        highlight = highlight or self._colour(self.app.settings.brand_color or "#FFC400")
        from vlogkit.render.fonts import FAMILIES

        font = self.app.settings.caption_font if self.app.settings.caption_font in FAMILIES else "Lato"
        look = CaptionLook(font=font, highlight=highlight)
        lt = LowerThird(vlog.speaker.name, vlog.speaker.role) if lower_third and vlog.speaker.name else None
        if lower_third and not vlog.speaker.name:
            notes.append("No lower third: the vlog has no speaker name (vlogkit edit ID --speaker NAME).")
        outputs: list[OutputPlan] = []
        for p in presets:
            if tl.duration > p.max_length_s * 1000:
                notes.append(f"The clip is {tl.duration / 1000:.0f} s; {p.name} works best under {p.max_length_s} s.")
            crop = None
            if info.has_video:
                crop = plan_crop(track, w, h, p.width, p.height, start_ms=tl.start, end_ms=tl.end, fallback=fallback)
                if crop.mode == "center" and self._needs_faces(vlog, p):
                    notes.append(f"{p.name}: no face found, using a centre crop.")
            ass_path = None
            if (clip_words and style is not CaptionStyle.OFF) or lt:
                ass_path = work / f"{p.name}.ass"
                ass_path.write_text(build_ass(clip_words or [], p, style, look=look, lower_third=lt,
                                              duration_ms=tl.duration), encoding="utf-8")
            outputs.append(OutputPlan(p, crop, folder / f"{p.name}.mp4", ass_path))
        plan = ExportPlan(source=source, media=info, timeline=tl, outputs=tuple(outputs), fps=fps, captions=style,
                          logo=logo, fonts_dir=fonts, accent=look.highlight, notes=notes)
        return plan, clip_words

    def _with_loudness(self, plan: ExportPlan, target_lufs: float | None, ctx: JobContext) -> ExportPlan:
        from dataclasses import replace

        from vlogkit.render.ffmpeg_graph import audio_cut_graph, input_args
        from vlogkit.render.loudness import LoudnessTarget, apply_filter, measure

        if not plan.has_audio:
            return plan
        target = LoudnessTarget(integrated=float(target_lufs if target_lufs is not None else
                                                 self.app.settings.loudness_target))
        ctx.report(0.0, "Measuring loudness")
        measured = measure(self.app.ffmpeg, input_args(plan), audio_cut_graph(plan), target,
                           duration_ms=plan.duration_ms, ctx=ctx)
        return replace(plan, audio_filter=apply_filter(target, measured))

    def _render(self, plan: ExportPlan, ctx: JobContext, recheck: Callable[[], None] | None = None
                ) -> list[OutputFile]:
        from vlogkit.media.probe import check_output
        from vlogkit.render.ffmpeg_graph import build_args

        def rendering(fraction: float, message: str) -> None:
            if fraction > 0:  # ffmpeg has started writing the temporary outputs
                failpoint("export.during_render")
            ctx.report(fraction, message)

        with contextlib.ExitStack() as stack:
            tmps = [stack.enter_context(output_file(o.path)) for o in plan.outputs]
            ctx.report(0.0, "Rendering")
            self.app.ffmpeg.run(build_args(plan, tmps), ctx=JobContext(rendering, ctx.cancel_event),
                                duration_ms=plan.duration_ms, outputs=tmps)
            for tmp in tmps:  # ffmpeg exits 0 for a range the file does not hold: never rename an empty clip
                check_output(tmp, plan.duration_ms, video=plan.media.has_video, audio=plan.has_audio)
            failpoint("export.before_rename")
            if recheck is not None:
                recheck()  # right before the final rename: consent withdrawn or vlog forgotten meanwhile?
        return [OutputFile(o.path, o.preset.name, o.preset.width, o.preset.height, plan.duration_ms / 1000)
                for o in plan.outputs]

    def _write_subtitles(self, stem: Path, words: Sequence[Word], clip_ms: int) -> list[Path]:
        from vlogkit.render.captions import build_cues, to_srt, to_vtt

        cues = build_cues(words, until=clip_ms)
        srt, vtt = stem.with_name(stem.name + ".srt"), stem.with_name(stem.name + ".vtt")
        atomic_write_text(srt, to_srt(cues))
        atomic_write_text(vtt, to_vtt(cues))
        return [srt, vtt]

    def _poster(self, video: Path, duration_s: float) -> Path | None:
        from vlogkit.media.thumbnail import grab_frame

        try:
            return grab_frame(self.app.ffmpeg, video, min(0.8, duration_s / 2), video.with_suffix(".jpg"))
        except Exception as exc:  # noqa: BLE001 - a poster is a nicety
            log.warning("poster failed for %s: %s", video, exc)
            return None

    def _remember(self, vlog_id: str, outputs: list[OutputFile], subs: list[Path]) -> None:
        try:
            vlog = self.app.vlogs.get(vlog_id)
            clips = list(vlog.extra.get("clips", []))
            clips.extend({"path": str(o.path), "preset": o.preset, "duration": round(o.duration, 3),
                          "created": dt.datetime.now().astimezone().isoformat(timespec="seconds")} for o in outputs)
            self.app.vlogs.update_extra(vlog_id, clips=clips[-200:])
        except Exception as exc:  # noqa: BLE001 - the files exist; the note in the library is secondary
            log.warning("could not record clips for %s: %s", vlog_id, exc)

    # -- preview ------------------------------------------------------------------------------

    def preview_frame(self, vlog_id: str, at_ms: int, preset: str = "reel", captions: str = "karaoke") -> bytes:
        """One real rendered frame (PNG) at `at_ms`: crop, captions and logo as the export would show them."""
        from dataclasses import replace

        from vlogkit.render.ffmpeg_graph import build_graph, input_args

        vlog = self.app.vlogs.get(vlog_id)
        at = max(0, min(int(at_ms), vlog.media.duration_ms - 50))
        self.app.consent.require_clip(vlog, [(at, at + 50)], "internal")  # no preview of what may not go out
        source = self.app.library.check_source(vlog)
        style = parse_captions(captions)
        p = parse_presets([preset], self.custom_presets())[0]
        transcript = self.app.transcription.get(vlog.id) if style is not CaptionStyle.OFF else None
        # shift the words so the frame sits at clip time 0 and the phrase around it is laid out as in the export
        words = [replace(w, start=w.start - at, end=w.end - at) for w in (transcript.words if transcript else ())
                 if w.end > at - 8000 and w.start < at + 8000]
        track = self._face_track(vlog, source)
        from vlogkit.render.fonts import fonts_dir

        work = Path(tempfile.mkdtemp(prefix="vlogkit-preview-"))
        try:
            plan, _ = self._plan(vlog, source, [(at, at + 200)], [p], CaptionStyle.OFF, None, track, False, work, work,
                                 None, False, fonts_dir(), "center")
            if words and style is not CaptionStyle.OFF:
                from vlogkit.render.ass import CaptionLook, build_ass

                ass = work / "preview.ass"
                look = CaptionLook(highlight=self._colour(self.app.settings.brand_color or "#FFC400"))
                ass.write_text(build_ass(words, p, style, look=look),
                               encoding="utf-8")
                plan = replace(plan, outputs=(replace(plan.outputs[0], ass_path=ass),))
            plan = replace(plan, media=replace(plan.media, audio=()))
            graph, maps = build_graph(plan)
            out = work / "frame.png"
            self.app.ffmpeg.run([*input_args(plan), "-filter_complex", graph, "-map", maps[0][0], "-frames:v", "1",
                                 "-f", "image2", "-c:v", "png", str(out)], outputs=[out])
            return out.read_bytes()
        finally:
            shutil.rmtree(work, ignore_errors=True)
