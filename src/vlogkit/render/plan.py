"""The export plan: everything an export will do - timeline, crop track, captions (the ASS text itself), loudness,
the ffmpeg command and the final file names - as one value, built by a pure function of the request and the facts
gathered about the vlog. `--dry-run` prints it, the preview renders one frame of it, `render.run` carries it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from vlogkit.domain import MediaInfo, Vlog, Word
from vlogkit.domain.export import CaptionStyle, ExportPreset, ExportRequest
from vlogkit.errors import N_, UsageError
from vlogkit.fileutil import safe_filename
from vlogkit.media.faces import FaceTrack
from vlogkit.render.ass import CaptionLook, LowerThird, build_ass
from vlogkit.render.caption_rules import NETFLIX, CueIssue, check_cues
from vlogkit.render.captions import CaptionEvent, build_cues, capitalised, caption_events, profile_for
from vlogkit.render.loudness import LoudnessTarget, Measured
from vlogkit.render.naming import base_name, reserve_stems
from vlogkit.render.reframe import CropPlan, plan_crop
from vlogkit.render.subtitles import to_srt, to_vtt
from vlogkit.render.timeline import Tighten, Timeline, build_timeline, fit_ranges

WORK = Path("<work>")
FADE_MS = 12  # audio fades at every cut (no clicks)  # stands for render's own temporary folder (the ASS files) in the printed command


@dataclass(frozen=True, slots=True)
class Logo:
    path: Path
    width_frac: float = 0.14  # logo width as a fraction of the frame width
    opacity: float = 0.85
    corner: str = "top-right"  # top-left | top-right | bottom-left | bottom-right


@dataclass(frozen=True, slots=True)
class ExportFacts:
    """What a real export and a dry run both find out before planning: the vlog as probed, its words, the face
    track over the clip's ranges, the measured loudness of the clip's audio, and the names already taken."""

    vlog: Vlog
    source: Path
    words: tuple[Word, ...] = ()  # the transcript's words on the source clock (empty: no transcript)
    language: str = ""
    faces: FaceTrack | None = None
    loudness: Measured | None = None
    fonts_dir: Path | None = None
    taken: frozenset[str] = frozenset()  # file names already in the output folder


@dataclass(frozen=True, slots=True)
class OutputPlan:
    preset: ExportPreset
    crop: CropPlan | None  # None: an audiogram (no video in the source)
    path: Path  # the final file name (rendered under a temporary name first)
    poster: Path | None = None  # a still beside it
    ass: str = ""  # the ASS document burnt in ("": nothing burnt in)
    events: tuple[CaptionEvent, ...] = ()

    @property
    def ass_name(self) -> str:
        return f"{safe_filename(self.preset.name, 40, fallback='preset')}.ass"


@dataclass(frozen=True, slots=True)
class Sidecar:
    path: Path
    text: str


@dataclass(frozen=True, slots=True)
class LoudnessPlan:
    target: LoudnessTarget
    measured: Measured | None  # None: not measured (silence) - the audio is only resampled


@dataclass(frozen=True, slots=True)
class ExportPlan:
    request: ExportRequest
    source: Path
    media: MediaInfo
    timeline: Timeline
    outputs: tuple[OutputPlan, ...]
    sidecars: tuple[Sidecar, ...] = ()
    words: tuple[Word, ...] = ()  # what the clip says: the source's words inside it (source clock; for word checks)
    loudness: LoudnessPlan | None = None
    title: str = ""  # the clips' title tag (nothing else of the source's metadata is kept)
    fps: float = 30.0
    logo: Logo | None = None
    fonts_dir: Path | None = None
    background: str = "#1B2A3A"  # audiogram background
    crf: int = 21
    x264_preset: str = "veryfast"
    audio_bitrate: str = "160k"
    fade_ms: int = FADE_MS
    notes: tuple[str, ...] = ()
    caption_issues: tuple[tuple[str, CueIssue], ...] = ()  # (where: "subtitles" or a preset, the issue)
    command: tuple[str, ...] = field(default=())  # ffmpeg.compile of the graph, with WORK for the temp folder

    @property
    def has_video(self) -> bool:
        return self.media.has_video

    @property
    def has_audio(self) -> bool:
        return self.media.has_audio

    @property
    def duration_ms(self) -> int:
        return self.timeline.duration

    @property
    def captions(self) -> CaptionStyle:
        return self.request.captions

    @property
    def accent(self) -> str:
        return self.request.highlight

    @property
    def files(self) -> list[Path]:
        """Every file the export writes, by its final name."""
        out = [o.path for o in self.outputs] + [s.path for s in self.sidecars]
        return out + [o.poster for o in self.outputs if o.poster is not None]

    def issue_lines(self) -> list[str]:
        return [f"{where}: {issue.describe()}" for where, issue in self.caption_issues]

    def describe(self) -> str:
        """A readable summary (for `--dry-run`, logs and tests)."""
        from vlogkit.render.loudness import second_pass

        lt = self.loudness
        audio = "none (silent track)"
        if lt is not None:
            audio = (f"loudnorm to {lt.target.integrated:g} LUFS (measured {lt.measured.input_i:g} LUFS, two-pass)"
                     if second_pass(lt.target, lt.measured) else "silence: resampled only")
        lines = [
            f"source:   {self.source}",
            f"timeline: {self.timeline.describe()}",
            f"video:    {'audiogram' if not self.has_video else f'{self.fps:g} fps CFR'}, x264 {self.x264_preset} crf {self.crf}",
            f"audio:    {audio}",
            f"captions: {self.captions.value}",
            f"title:    {self.title}",
        ]
        if self.logo:
            lines.append(f"logo:     {self.logo.path} ({self.logo.corner}, {self.logo.opacity:.0%})")
        for o in self.outputs:
            how = o.crop.describe() if o.crop else "audiogram"
            events = f", {len(o.events)} caption events" if o.events else ""
            lines.append(f"output:   {o.preset.name} {o.preset.width}x{o.preset.height} [{how}{events}] -> {o.path}")
            if o.poster:
                lines.append(f"poster:   {o.poster}")
        lines.extend(f"subtitle: {s.path}" for s in self.sidecars)
        lines.extend(f"note:     {n}" for n in self.notes)
        lines.extend(f"caption:  {line}" for line in self.issue_lines())
        lines.append("command:  " + " ".join(_quote(a) for a in self.command))
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The plan as JSON (`--dry-run --json`, the log): full paths as strings, the ASS text itself."""
        lt = self.loudness
        return {
            "request": self.request.to_dict(),
            "source": str(self.source),
            "timeline": {"pieces_ms": [[p.start, p.end] for p in self.timeline.pieces],
                         "duration_ms": self.timeline.duration},
            "outputs": [{"preset": o.preset.name, "width": o.preset.width, "height": o.preset.height,
                         "path": str(o.path), "poster": str(o.poster) if o.poster else None,
                         "crop": _crop_dict(o.crop), "ass": o.ass or None,
                         "events": [e.to_dict() for e in o.events]} for o in self.outputs],
            "subtitles": [str(s.path) for s in self.sidecars],
            "files": [str(p) for p in self.files],
            "loudness": None if lt is None else {"target": lt.target.to_dict(),
                                                 "measured": lt.measured.to_dict() if lt.measured else None},
            "title": self.title,
            "logo": str(self.logo.path) if self.logo else None,
            "fps": self.fps,
            "notes": list(self.notes),
            "caption_issues": [{"where": where, **issue.to_dict()} for where, issue in self.caption_issues],
            "command": list(self.command),
        }


def _crop_dict(crop: CropPlan | None) -> dict[str, Any] | None:
    if crop is None:
        return None
    return {"mode": crop.mode, "width": crop.crop_w, "height": crop.crop_h, "points": [list(p) for p in crop.points]}


def _quote(arg: str) -> str:
    import shlex

    return shlex.quote(arg)


# -- building ---------------------------------------------------------------------------------------------------


def clip_timeline(request: ExportRequest, media: MediaInfo, words: tuple[Word, ...]) -> tuple[Timeline, list[str]]:
    """The clip's timeline (ranges made whole, tightened when asked) and a note for each range that was moved."""
    if request.tighten and not words:
        raise UsageError(N_("--tighten needs a transcript: transcribe the vlog first."))
    ranges, notes = fit_ranges(request.ranges, words, media.duration_ms)
    tl = build_timeline(ranges, words, tighten=Tighten() if request.tighten else None, media_ms=media.duration_ms,
                        fps=video_fps(media) if media.has_video else 0.0)
    return tl, notes


def video_fps(media: MediaInfo) -> float:
    fps = media.video[0].fps if media.has_video else 30.0
    return fps if 10 <= fps <= 60 else 30.0


def needs_faces(media: MediaInfo, preset: ExportPreset) -> bool:
    w, h = media.display_size
    return bool(w and h) and abs(w / h - preset.aspect) / preset.aspect >= 0.02


def build_plan(request: ExportRequest, facts: ExportFacts) -> ExportPlan:
    """The plan for `request`, from `facts` alone: no file is read or written, nothing runs."""
    from vlogkit.render.ffmpeg_graph import command

    vlog, media = facts.vlog, facts.vlog.media
    tl, notes = clip_timeline(request, media, facts.words)
    clip_words = capitalised(tl.retime(facts.words)) if facts.words else []
    title = " ".join((request.title or " ".join(w.display.strip() for w in clip_words)).split())
    common, stems = reserve_stems(facts.taken, base_name(vlog.speaker.name, (vlog.created or "")[:10], title),
                                  [p.name for p in request.presets])
    folder = request.out_dir
    lower = LowerThird(vlog.speaker.name, vlog.speaker.role) if request.lower_third and vlog.speaker.name else None
    if request.lower_third and not vlog.speaker.name:
        notes.append("No lower third: the vlog has no speaker name (vlogkit edit ID --speaker NAME).")
    look = CaptionLook(font=request.font, highlight=request.highlight)
    issues: list[tuple[str, CueIssue]] = []
    outputs: list[OutputPlan] = []
    w, h = media.display_size
    for p in request.presets:
        if tl.duration > p.max_length_s * 1000:
            notes.append(f"The clip is {tl.duration / 1000:.0f} s; {p.name} works best under {p.max_length_s} s.")
        crop = None
        if media.has_video:
            crop = plan_crop(facts.faces, w, h, p.width, p.height, start_ms=tl.start, end_ms=tl.end,
                             fallback=request.fallback)
            if crop.mode == "center" and needs_faces(media, p):
                notes.append(f"{p.name}: no face found, using a centre crop.")
        events: tuple[CaptionEvent, ...] = ()
        if clip_words and request.captions is not CaptionStyle.OFF:
            profile = profile_for(request.captions, p)
            cues = build_cues(clip_words, profile, language=facts.language, until=tl.duration)
            events = caption_events(cues, request.captions)
            issues.extend((p.name, i) for i in check_cues(cues, profile, facts.language, until=tl.duration))
        ass = build_ass(events, p, look=look, lower_third=lower) if (events or lower) else ""
        stem = stems[p.name]
        outputs.append(OutputPlan(p, crop, folder / f"{stem}.mp4", folder / f"{stem}.jpg", ass, events))
    sidecars: tuple[Sidecar, ...] = ()
    if clip_words:
        cues = build_cues(clip_words, NETFLIX, language=facts.language, until=tl.duration)
        issues.extend(("subtitles", i) for i in check_cues(cues, NETFLIX, facts.language, until=tl.duration))
        sidecars = (Sidecar(folder / f"{common}.srt", to_srt(cues)), Sidecar(folder / f"{common}.vtt", to_vtt(cues)))
    plan = ExportPlan(
        request=request, source=facts.source, media=media, timeline=tl, outputs=tuple(outputs), sidecars=sidecars,
        words=tuple(w for w in facts.words if tl.to_output((w.start + w.end) // 2) is not None),
        loudness=LoudnessPlan(LoudnessTarget(integrated=request.loudness), facts.loudness) if media.has_audio else None,
        title=title, fps=video_fps(media), logo=Logo(request.logo) if request.logo else None,
        fonts_dir=facts.fonts_dir, notes=tuple(notes), caption_issues=tuple(issues),
    )
    targets = [o.path for o in plan.outputs]
    posters = [o.poster for o in plan.outputs if o.poster is not None]
    return replace(plan, command=tuple(command(plan, WORK, targets, posters)))
