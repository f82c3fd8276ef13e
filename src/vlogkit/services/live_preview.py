"""What the editor's live preview draws: the clip's range in a preset's frame, the crop window following the face
track, and the captions - the very events the export burns in (`render.captions.events_for`, the one module that
cuts captions), on the clip's clock (karaoke: one event per word, that word highlighted)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from vlogkit.domain import CaptionStyle, ExportPreset
from vlogkit.domain.export import PRESETS
from vlogkit.errors import UsageError

if TYPE_CHECKING:
    from vlogkit.jobs import JobContext
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
              ctx: JobContext | None = None) -> LivePreview:
        """The preview of range [start, end] of the vlog in `preset` with `captions` (karaoke, line, off)."""
        from dataclasses import replace

        from vlogkit.render.captions import events_for
        from vlogkit.render.reframe import plan_crop

        if preset not in PRESETS:
            raise UsageError(f"'{preset}' is not a preset: use {', '.join(PRESETS)}.")
        try:
            style = CaptionStyle(captions)
        except ValueError as exc:
            raise UsageError(f"'{captions}' is not a caption style: use karaoke, line or off.") from exc
        p = PRESETS[preset]
        vlog = self.app.library.get(vlog_id)
        start, end = max(0, int(start)), min(int(end), vlog.media.duration_ms)
        if end <= start:
            raise UsageError("The clip is empty: select some words first.")
        crop = None
        if vlog.media.has_video:
            track = self.app.export.face_track(vlog, start, end, ctx)
            w, h = vlog.media.display_size
            crop = plan_crop(track, w, h, p.width, p.height, start_ms=start, end_ms=end)
        events: tuple[CaptionEvent, ...] = ()
        transcript = self.app.transcription.get(vlog_id) if style is not CaptionStyle.OFF else None
        if transcript is not None:
            words = [replace(w, start=max(0, w.start - start), end=w.end - start)
                     for w in transcript.without_held_back().words if w.end > start and w.start < end]
            events = events_for(words, style, p, language=transcript.language, until=end - start)
        s = self.app.settings
        return LivePreview(vlog_id, start, end, p, style, crop, events, s.caption_font or "Lato",
                           s.brand_color or "#FFC400")
