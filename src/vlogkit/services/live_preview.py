"""What the editor's live preview draws: the clip's range in a preset's frame, the crop window following the face
track, and the captions - the very events the export burns in (`render.captions.events_for`, the one module that
cuts captions), on the clip's clock (karaoke: one event per word, that word highlighted), placed and sized as the
export's ASS styles place them (`render.ass.caption_placement`: punchy's larger type above the platform band)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from vlogkit.domain import CaptionStyle, ExportPreset
from vlogkit.domain.export import PRESETS
from vlogkit.errors import N_, UsageError

if TYPE_CHECKING:
    from vlogkit.jobs import JobContext
    from vlogkit.render.ass import CaptionPlacement, LowerThird, LowerThirdPlacement
    from vlogkit.render.captions import CaptionEvent
    from vlogkit.render.reframe import CropPlan
    from vlogkit.services.app import App


@dataclass(frozen=True, slots=True)
class LivePreview:
    vlog_id: str
    start: int
    end: int
    preset: ExportPreset
    style: CaptionStyle
    crop: CropPlan | None  # None: audio only (the poster is shown)
    captions: tuple[CaptionEvent, ...]
    font: str
    highlight_color: str
    font_file: str = ""  # the bold TTF libass draws the export's captions with
    lower_third: LowerThird | None = None  # the speaker's name and role, as the export shows them

    def placement(self, event: CaptionEvent) -> CaptionPlacement:
        """Where and how large `event` is drawn on the preset's frame: the numbers the export's ASS styles use."""
        from vlogkit.render.ass import caption_placement

        return caption_placement(self.preset, punchy=event.style == "punchy")

    def lower_third_placement(self) -> LowerThirdPlacement:
        """Where the export puts the lower third: at the top when punchy captions are on."""
        from vlogkit.render.ass import has_punchy, lower_third_placement

        return lower_third_placement(self.preset, punchy=has_punchy(self.captions))

    @property
    def word_gap(self) -> int:
        """Frame pixels the export adds to each space so that outlines never close the gap between words."""
        from vlogkit.render.ass import word_gap

        return word_gap(self.preset)

    def caption_at(self, clip_ms: int) -> CaptionEvent | None:
        from vlogkit.render.captions import event_at

        return event_at(self.captions, clip_ms)

    def crop_at(self, source_ms: int) -> tuple[int, int, int, int] | None:
        """(x, y, w, h) of the crop window in source pixels at `source_ms`."""
        if self.crop is None:
            return None
        x, y = self.crop.at(source_ms)
        return x, y, self.crop.crop_w, self.crop.crop_h


class LivePreviewService:
    def __init__(self, app: App) -> None:
        self.app = app

    @staticmethod
    def presets() -> dict[str, ExportPreset]:
        return dict(PRESETS)

    def build(self, vlog_id: str, start: int, end: int, preset: str = "reel", captions: str = "karaoke",
              lower_third: bool = False, ctx: JobContext | None = None) -> LivePreview:
        """The preview of range [start, end] of the vlog in `preset` with `captions` (karaoke, line, punchy, off)
        and, with `lower_third`, the speaker's name and role as the export draws them."""
        from dataclasses import replace

        from vlogkit.render.ass import LowerThird
        from vlogkit.render.captions import capitalised, events_for
        from vlogkit.render.fonts import FAMILIES, font_file
        from vlogkit.render.reframe import plan_crop
        from vlogkit.services.export import parse_captions

        if preset not in PRESETS:
            raise UsageError(f"'{preset}' is not a preset: use {', '.join(PRESETS)}.")
        style = parse_captions(captions)
        p = PRESETS[preset]
        vlog = self.app.library.get(vlog_id)
        start, end = max(0, int(start)), min(int(end), vlog.media.duration_ms)
        if end <= start:
            raise UsageError(N_("The clip is empty: select some words first."))
        crop = None
        if vlog.media.has_video:
            track = self.app.export.face_track(vlog, start, end, ctx)
            w, h = vlog.media.display_size
            crop = plan_crop(track, w, h, p.width, p.height, start_ms=start, end_ms=end)
        events: tuple[CaptionEvent, ...] = ()
        transcript = self.app.transcription.get(vlog_id) if style is not CaptionStyle.OFF else None
        if transcript is not None:
            words = capitalised([replace(w, start=max(0, w.start - start), end=w.end - start)
                                 for w in transcript.without_held_back().words if w.end > start and w.start < end])
            events = events_for(words, style, p, language=transcript.language, until=end - start)
        s = self.app.settings
        font = s.caption_font if s.caption_font in FAMILIES else "Lato"  # as `ExportService.request` picks it
        lower = LowerThird(vlog.speaker.name, vlog.speaker.role) if lower_third and vlog.speaker.name else None
        return LivePreview(vlog_id, start, end, p, style, crop, events, font, s.brand_color or "#FFC400",
                           str(font_file(font, bold=True)), lower)
