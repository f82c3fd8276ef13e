"""Clip export: a vlog range (or several) to captioned, share-sized, loudness-normalised MP4s with sidecars.

request (`ExportRequest`, built here for the CLI and the dialog alike) -> facts (probe, words, face track over the
clip's ranges, loudness measurement, names taken) -> `build_plan` (pure) -> `render` (the files). A dry run stops
after the plan; the preview renders one frame of it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import logging
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from vlogkit.domain import Quote, Vlog
from vlogkit.domain.export import (
    CaptionStyle,
    ExportPreset,
    ExportRequest,
    ExportResult,
    OutputFile,
    parse_preset,
)
from vlogkit.errors import N_, MediaError, Number, Phrase, UsageError
from vlogkit.fileutil import check_output_folder
from vlogkit.jobs import JobContext
from vlogkit.media.probe import picture_end_ms
from vlogkit.services.wordcheck import require_confirmed

if TYPE_CHECKING:
    from vlogkit.media.faces import FaceTrack
    from vlogkit.render.loudness import Measured
    from vlogkit.render.plan import ExportFacts, ExportPlan
    from vlogkit.render.timeline import Timeline
    from vlogkit.services.app import App

log = logging.getLogger(__name__)
STYLES = tuple(s.value for s in CaptionStyle)


def parse_captions(value: str | CaptionStyle) -> CaptionStyle:
    try:
        return CaptionStyle(str(value).lower())
    except ValueError:
        raise UsageError(f"'{value}' is not a caption style: use {', '.join(STYLES)}.") from None


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


def _decodes_as_picture(path: Path) -> bool:
    import av

    try:
        with av.open(str(path), metadata_errors="ignore") as c:
            return bool(c.streams.video) and next(c.decode(video=0), None) is not None
    except (av.error.FFmpegError, OSError, UnicodeError):
        return False


class ExportService:
    def __init__(self, app: App) -> None:
        self.app = app

    def custom_presets(self) -> dict[str, ExportPreset]:
        """The user's own presets from `presets.json` in the vlogkit home: {"name": {"width": .., "height": ..}}."""
        path = self.app.paths.home / "presets.json"
        if not path.exists():
            return {}
        from vlogkit.fileutil import read_bounded

        try:
            data = json.loads(read_bounded(path, 1 << 20, N_("presets file"), error=UsageError).decode("utf-8"))
            return {str(k).lower(): ExportPreset.from_dict({**v, "name": str(k).lower()}) for k, v in data.items()}
        except (OSError, ValueError, TypeError, AttributeError, RecursionError) as exc:
            raise UsageError(N_("{path} is not a valid presets file ({reason}): fix or remove it."), path=path,
                             reason=exc) from exc

    # -- checks -------------------------------------------------------------------------------

    def check_consent(self, vlog: Vlog, audience: str, ranges: Sequence[tuple[int, int]] | None = None) -> None:
        """Refuse (ConsentError, one line) unless the clearance rule lets this vlog - or these ranges of it - go to
        `audience` now."""
        self.app.consent.check_audience(audience)
        if ranges:
            self.app.consent.require_clip(vlog, ranges, audience)
        else:
            self.app.consent.require_vlog(vlog, audience)

    # -- the request --------------------------------------------------------------------------

    def quote_clip(self, quote: Quote) -> tuple[int, int]:
        """The clip to cut for a bank quote: its words with the little padding a quote card's clip has, never into a
        neighbouring word (a quote's own times are its words'; the padding belongs to the clip)."""
        from vlogkit.quotes import clip_range

        transcript = self.app.transcription.get(quote.vlog_id)
        inside = transcript.indices_between(quote.start, quote.end) if transcript is not None else []
        if not inside:
            return quote.start, quote.end
        return clip_range(transcript.words, inside[0], inside[-1] + 1,
                          self.app.vlogs.get(quote.vlog_id).media.duration_ms)

    def quote_says_what_was_said(self, quote: Quote) -> bool:
        """Whether a bank quote's text is what its clip will say and caption: the words in its range as the
        transcript has them (case, accents, punctuation and fillers aside). A text edited in the bank is not."""
        from vlogkit.quotes.text import display_text, tokens

        transcript = self.app.transcription.get(quote.vlog_id)
        if transcript is None:
            return True
        return tokens(display_text(transcript.words_between(quote.start, quote.end))) == tokens(quote.text)

    def request(
        self,
        vlog_id: str,
        *,
        ranges: Sequence[tuple[int, int]],
        presets: Sequence[str | ExportPreset] = ("reel",),
        captions: str | CaptionStyle = "karaoke",
        tighten: bool = False,
        audience: str = "internal",
        out_dir: Path | str | None = None,
        logo: Path | str | None = None,
        lower_third: bool = False,
        title: str | None = None,
        loudness: float | None = None,
        fallback: str = "center",
        highlight: str | None = None,
        quote_id: str | None = None,
    ) -> ExportRequest:
        """The one value an export is planned from, with the user's settings filled in and every option checked
        (bad input: a UsageError/MediaError naming the fix). The CLI and the export dialog both call this."""
        from vlogkit.render.fonts import FAMILIES
        from vlogkit.render.timeline import validate_ranges

        self.app.consent.check_audience(audience)
        if fallback not in ("center", "fit"):
            raise UsageError(f"'{fallback}' is not a no-face fallback: use center or fit.")
        validate_ranges(ranges, self.app.vlogs.get(vlog_id).media.duration_ms)  # nonsense fails before any work
        font = self.app.settings.caption_font if self.app.settings.caption_font in FAMILIES else "Lato"
        target = float(loudness if loudness is not None else self.app.settings.loudness_target)
        if not -40 <= target <= -5:
            raise UsageError(N_("{target} LUFS is not a loudness target to use: pick one between -40 and -5 (e.g. -14)."),
                             target=Number(f"{target:g}"))
        folder = Path(out_dir).expanduser() if out_dir else self._default_out_dir()
        if folder.exists() and not folder.is_dir():
            raise UsageError(N_("{path} is a file, not a folder: choose a folder for the clips."), path=folder)
        check_output_folder(folder)
        return ExportRequest(
            vlog_id=vlog_id, ranges=tuple((int(s), int(e)) for s, e in ranges),
            presets=tuple(parse_presets(presets, self.custom_presets())),
            out_dir=folder,
            captions=parse_captions(captions), tighten=tighten, audience=audience, logo=self._logo(logo),
            lower_third=lower_third, title=(title or "").strip(), loudness=target, fallback=fallback,
            highlight=self._colour(highlight or self.app.settings.brand_color or "#FFC400"), font=font,
            quote_id=quote_id,
        )

    def _default_out_dir(self) -> Path:
        s = self.app.settings.export_dir
        return Path(s).expanduser() if s else self.app.paths.default_export_dir

    @staticmethod
    def _colour(value: str) -> str:
        from vlogkit.render.ass import ass_color

        try:
            ass_color(value)
        except ValueError:
            raise UsageError(N_("'{value}' is not a brand colour: use #RRGGBB, e.g. #FFC400."), value=value) from None
        return value

    def _logo(self, logo: Path | str | None) -> Path | None:
        raw = logo if logo is not None else (self.app.settings.brand_logo or None)
        if not raw:
            return None
        p = Path(raw).expanduser()
        if not p.is_file():
            raise MediaError(N_("The logo {path} does not exist: give a PNG file (transparent background works best)."),
                             path=p)
        if p.suffix.lower() not in (".png", ".jpg", ".jpeg", ".webp") or not _decodes_as_picture(p):
            # a damaged file or another format under the name: refused here, not as "the export came out empty"
            raise MediaError(N_("The logo {path} is not a PNG/JPEG image."), path=p)
        return p.resolve()

    # -- facts --------------------------------------------------------------------------------

    def facts(self, request: ExportRequest, ctx: JobContext | None = None, *, loudness: bool = True,
              transcribe: bool = True) -> ExportFacts:
        """What the plan needs to know, found out the same way for a real export, a dry run and the preview (which
        never starts Whisper, and measures loudness only for an audiogram)."""
        from vlogkit.render.fonts import fonts_dir
        from vlogkit.render.plan import ExportFacts, clip_timeline, needs_faces

        ctx = ctx or JobContext()
        vlog = self.app.vlogs.get(request.vlog_id)
        source = self.app.library.check_source(vlog)
        ctx.report(0.0, "Preparing")
        need_words = request.captions is not CaptionStyle.OFF or request.tighten
        transcript = self.app.transcription.get(vlog.id)
        if transcript is None and need_words and transcribe:
            ctx.report(0.0, f"Transcribing {vlog.id} first (it has no transcript yet)")
            transcript = self.app.transcription.transcribe(vlog.id, ctx=ctx.sub(0.0, 0.6))
        # segments held back as possibly invented by Whisper never become captions until someone keeps them
        words = transcript.without_held_back().words if transcript is not None else ()
        if request.tighten and not words and transcript is not None:  # transcribed, and nothing was heard
            raise UsageError(N_("Vlog {id} has no words in its transcript, so there are no fillers or pauses to cut: "
                                "export it without cutting them."), id=vlog.id)
        ctx.raise_if_cancelled()
        tl, _ = clip_timeline(request, vlog.media, words)
        if vlog.media.has_video and tl.start >= (picture_end_ms(source) or tl.end):
            # the picture stopped before the clip starts (its sound runs on): the clip is an audiogram of that sound
            vlog = vlog.with_(media=dataclasses.replace(vlog.media, video=()))
        want_faces = vlog.media.has_video and any(needs_faces(vlog.media, p) for p in request.presets)
        # the face track decodes video (PyAV), the loudness pass audio (an ffmpeg process): side by side
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="export-facts") as pool:
            faces_job = pool.submit(self.face_track, vlog, tl.start, tl.end, ctx.sub(0.6, 0.8), source) \
                if want_faces else None
            measured = self._loudness(vlog, source, tl, request.loudness, ctx.sub(0.8, 1.0)) if loudness else None
            faces = faces_job.result() if faces_job is not None else None
        folder = request.out_dir
        taken = frozenset(os.listdir(folder)) if folder.is_dir() else frozenset()
        return ExportFacts(vlog=vlog, source=source, words=words, language=transcript.language if transcript else "",
                           faces=faces, loudness=measured, fonts_dir=fonts_dir(request.font), taken=taken)

    def analyse_faces(self, vlog_id: str, ctx: JobContext | None = None) -> FaceTrack | None:
        """The whole vlog's face track (the GUI's background analysis after an import), cached by fingerprint."""
        from vlogkit.media.faces import FaceTrackCache

        vlog = self.app.vlogs.get(vlog_id)
        if not vlog.media.has_video:
            return None
        cache = FaceTrackCache(self.app.paths.cache_dir / "faces")
        return cache.get(vlog.fingerprint) or cache.get_or_analyse(
            vlog.fingerprint, self.app.library.check_source(vlog), ctx)

    def face_track(self, vlog: Vlog, start_ms: int, end_ms: int, ctx: JobContext | None = None,
                   source: Path | None = None) -> FaceTrack:
        """The face track over [start_ms, end_ms] of the vlog's source only (with a margin; cached by window; a
        whole-file track from the GUI's background analysis is reused). `source`: the file, when already checked."""
        from vlogkit.media.faces import FaceTrackCache, window_for

        cache = FaceTrackCache(self.app.paths.cache_dir / "faces")
        window = window_for(start_ms, end_ms)
        cached = cache.get(vlog.fingerprint, window)
        if cached is not None:
            return cached
        (ctx or JobContext()).report(0.0, "Finding faces")
        track = cache.get_or_analyse(vlog.fingerprint, source or self.app.library.check_source(vlog), ctx,
                                     window=window)
        if self.app.tombstones.is_forgotten(vlog.id, vlog.fingerprint):  # forgotten while it was analysed
            cache.path_for(vlog.fingerprint, window).unlink(missing_ok=True)
            self.app.tombstones.check(vlog.id, what=Phrase(N_("Vlog {id}"), id=vlog.id))
        return track

    def _loudness(self, vlog: Vlog, source: Path, tl: Timeline, target_lufs: float, ctx: JobContext) -> Measured | None:
        """The first loudness pass over the clip's audio, cached by fingerprint, pieces and target."""
        from vlogkit.fileutil import atomic_write_text
        from vlogkit.render.ffmpeg_graph import loudness_args
        from vlogkit.render.loudness import LoudnessTarget, Measured, measure
        from vlogkit.render.plan import FADE_MS

        if not vlog.media.has_audio:
            return None
        key = "_".join(f"{p.start}-{p.end}" for p in tl.pieces)
        cached = self.app.paths.cache_dir / "loudness" / f"{vlog.fingerprint}.{target_lufs:g}.{key[:180]}.json"
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            return Measured(**json.loads(cached.read_text(encoding="utf-8")))
        ctx.report(0.0, "Measuring loudness")
        target = LoudnessTarget(integrated=target_lufs)
        measured = measure(self.app.ffmpeg, loudness_args(source, tl, FADE_MS, target), duration_ms=tl.duration, ctx=ctx)
        with contextlib.suppress(Exception):  # a cache is a nicety
            atomic_write_text(cached, json.dumps(measured.to_dict()))
        return measured

    # -- plan, export, preview ----------------------------------------------------------------

    def plan(self, request: ExportRequest, ctx: JobContext | None = None) -> ExportPlan:
        """The plan an export of `request` would run: the same facts (transcript, faces, loudness), nothing encoded.
        Refused like the export itself: consent for the clip's ranges, and words nobody confirmed for an external
        audience."""
        from vlogkit.render.plan import build_plan

        ctx = ctx or JobContext()
        self.check_consent(self.app.vlogs.get(request.vlog_id), request.audience, request.ranges)
        plan = build_plan(request, self.facts(request, ctx))
        self._require_cleared(plan)
        return plan

    def _require_cleared(self, plan: ExportPlan) -> None:
        """The clearance rule on the library as it is now, for the stretches the plan really exports (ranges made
        whole), and the word gate on what it shows (captions, subtitles, the title tag)."""
        request = plan.request
        self.app.consent.require_current(request.vlog_id, [(p.start, p.end) for p in plan.timeline.pieces],
                                         request.audience, request.quote_id)
        if plan.words:
            require_confirmed(request.audience, plan.words, vlog_id=request.vlog_id, what=Phrase(N_("The clip's captions")))
        if request.title:
            require_confirmed(request.audience, plan.words, vlog_id=request.vlog_id, what=Phrase(N_("The clip's title")),
                              text=request.title)

    def export(self, request: ExportRequest, ctx: JobContext | None = None) -> ExportResult:
        """Plan, then render every preset in one ffmpeg process with posters, SRT and VTT beside them. The rule is
        asked again right before the files become final, and a forget of the vlog stops the render at once."""
        from vlogkit.render.run import render

        ctx = self.app.consent.watch(ctx or JobContext(), [request.vlog_id])
        plan = self.plan(request, ctx.sub(0.0, 0.4))
        log.info("export plan %s", json.dumps(plan.to_dict(), ensure_ascii=False))
        ctx.raise_if_cancelled()
        render(plan, self.app.ffmpeg, ctx.sub(0.4, 0.99), before_rename=lambda: self._require_cleared(plan))
        outputs = [OutputFile(o.path, o.preset.name, o.preset.width, o.preset.height, plan.duration_ms / 1000)
                   for o in plan.outputs]
        with self.app.consent.gate(plan.files):  # kept only if still cleared (a forget may have run meanwhile)
            self._require_cleared(plan)
            self._remember(request.vlog_id, outputs)
            self.app.export_log.record(
                "clip", vlog_ids=[request.vlog_id], outputs=[str(p) for p in plan.files], audience=request.audience,
                detail=", ".join(f"{o.preset} {o.duration:.1f}s" for o in outputs),
            )
        ctx.report(1.0, "Exported")
        return ExportResult(outputs=outputs, subtitles=[s.path for s in plan.sidecars],
                            posters=[o.poster for o in plan.outputs if o.poster is not None],
                            warnings=list(plan.notes), caption_issues=plan.issue_lines(), plan=plan.to_dict())

    def preview_frame(self, request: ExportRequest, at_ms: int | None = None, ctx: JobContext | None = None) -> bytes:
        """One real rendered frame (PNG) of the request's first preset, from its plan: crop, captions, lower third
        and logo as the export will show them; an audiogram for audio-only vlogs. `at_ms` is clip time (default:
        when the first caption is on screen, else the start)."""
        import shutil
        import tempfile
        from dataclasses import replace

        from vlogkit.render.ffmpeg_graph import preview_args
        from vlogkit.render.plan import build_plan

        vlog = self.app.vlogs.get(request.vlog_id)
        self.check_consent(vlog, "internal", request.ranges)  # no preview of what may not go out at all
        if request.tighten and self.app.transcription.get(vlog.id) is None:
            request = replace(request, tighten=False)  # the export transcribes first; the preview shows the cut as is
        facts = self.facts(request, ctx, loudness=not vlog.media.has_video, transcribe=False)
        plan = build_plan(request, facts)
        if at_ms is None:
            first = plan.outputs[0].events[0] if plan.outputs[0].events else None
            at_ms = min(first.start + 150, first.end - 1) if first else 0
        work = Path(tempfile.mkdtemp(prefix="vlogkit-preview-"))
        try:
            o = plan.outputs[0]
            if o.ass:
                (work / o.ass_name).write_text(o.ass, encoding="utf-8")
            out = work / "frame.png"
            self.app.ffmpeg.run(preview_args(plan, at_ms, work, out), outputs=[out])
            return out.read_bytes()
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def _remember(self, vlog_id: str, outputs: list[OutputFile]) -> None:
        try:
            vlog = self.app.vlogs.get(vlog_id)
            clips = list(vlog.extra.get("clips", []))
            clips.extend({"path": str(o.path), "preset": o.preset, "duration": round(o.duration, 3),
                          "created": dt.datetime.now().astimezone().isoformat(timespec="seconds")} for o in outputs)
            self.app.vlogs.update_extra(vlog_id, clips=clips[-200:])
        except Exception as exc:  # noqa: BLE001 - the files exist; the note in the library is secondary
            log.warning("could not record clips for %s: %s", vlog_id, exc)
