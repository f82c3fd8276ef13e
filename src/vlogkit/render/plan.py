"""The export plan: everything an export will do, as a value you can print and test before ffmpeg runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vlogkit.domain import MediaInfo
from vlogkit.domain.export import CaptionStyle, ExportPreset
from vlogkit.render.reframe import CropPlan
from vlogkit.render.timeline import Timeline


@dataclass(frozen=True, slots=True)
class Logo:
    path: Path
    width_frac: float = 0.14  # logo width as a fraction of the frame width
    opacity: float = 0.85
    corner: str = "top-right"  # top-left | top-right | bottom-left | bottom-right


@dataclass(frozen=True, slots=True)
class OutputPlan:
    preset: ExportPreset
    crop: CropPlan | None  # None: an audiogram (no video in the source)
    path: Path  # the final file name (rendered under a temporary name first)
    ass_path: Path | None = None  # captions and lower third for this preset; None: nothing burnt in


@dataclass(frozen=True, slots=True)
class ExportPlan:
    source: Path
    media: MediaInfo
    timeline: Timeline
    outputs: tuple[OutputPlan, ...]
    fps: float = 30.0
    captions: CaptionStyle = CaptionStyle.KARAOKE
    audio_filter: str = ""  # the loudness step (second pass, see render.loudness); "" until measured
    logo: Logo | None = None
    fonts_dir: Path | None = None
    background: str = "#1B2A3A"  # audiogram background
    accent: str = "#FFC400"  # audiogram level bar
    crf: int = 21
    x264_preset: str = "veryfast"
    audio_bitrate: str = "160k"
    fade_ms: int = 12  # audio fades at every cut (no clicks)
    notes: list[str] = field(default_factory=list)

    @property
    def has_video(self) -> bool:
        return self.media.has_video

    @property
    def has_audio(self) -> bool:
        return self.media.has_audio

    @property
    def duration_ms(self) -> int:
        return self.timeline.duration

    def describe(self) -> str:
        """A readable summary (for `--dry-run`, logs and tests)."""
        lines = [
            f"source:   {self.source}",
            f"timeline: {self.timeline.describe()}",
            f"video:    {'audiogram' if not self.has_video else f'{self.fps:g} fps CFR'}, x264 {self.x264_preset} crf {self.crf}",
            f"audio:    {(self.audio_filter or 'two-pass loudnorm, measured when rendering') if self.has_audio else 'none (silent track)'}",
            f"captions: {self.captions.value}",
        ]
        if self.logo:
            lines.append(f"logo:     {self.logo.path} ({self.logo.corner}, {self.logo.opacity:.0%})")
        for o in self.outputs:
            how = o.crop.describe() if o.crop else "audiogram"
            lines.append(f"output:   {o.preset.name} {o.preset.width}x{o.preset.height} [{how}] -> {o.path}")
        lines.extend(f"note:     {n}" for n in self.notes)
        return "\n".join(lines)
