"""The clip's in/out in the vlog editor, kept in step everywhere: select words in the transcript (mouse or keys) and
the timeline's handles follow; drag a handle, or press I/O at the playhead, and the transcript selection follows."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vlogkit.domain import Transcript, Vlog
    from vlogkit.ui.live_preview import LivePreviewPanel
    from vlogkit.ui.player import PlayerWidget
    from vlogkit.ui.timeline import TimelineWidget
    from vlogkit.ui.transcript_view import TranscriptView


class ClipInOut:
    """Mixed into `VlogEditor` (which provides these attributes)."""

    vlog: Vlog | None
    transcript: Transcript | None
    in_out: tuple[int, int] | None
    player: PlayerWidget
    timeline: TimelineWidget
    preview: LivePreviewPanel
    transcript_view: TranscriptView

    def set_clip(self, rng: tuple[int, int] | None, *, from_transcript: bool = False) -> None:
        """One place that moves the in/out: player label, timeline handles and (unless it came from there) the
        transcript selection."""
        self.in_out = rng
        self.player.set_in_out(rng)
        self.timeline.set_in_out(rng)
        if self.vlog is not None:
            self.preview.set_clip(self.vlog.id, self.vlog.path, rng)
        if from_transcript or self.transcript is None:
            return
        words = self.timeline.model.word_range(*rng) if rng else None
        if words is None:
            self.transcript_view.clear_selection()
        else:
            self.transcript_view.select_words(*words, emit=False)

    def _on_transcript_word_clicked(self, i: int) -> None:
        if self.transcript is not None:
            self.player.seek(self.transcript.words[i].start)

    def _on_transcript_range_selected(self, a: int, b: int) -> None:
        if self.transcript is None:
            return
        words = self.transcript.words
        self.set_clip((words[a].start, words[b].end), from_transcript=True)
        self.player.seek(words[a].start)

    def _on_timeline_in_out_dragged(self, a: int, b: int) -> None:
        self.set_clip((a, b))

    def _on_timeline_in_out_committed(self, a: int, b: int) -> None:
        self.set_clip((a, b))
        self.player.seek(a)

    def mark_in(self) -> None:
        if self.vlog is None:
            return
        m = self.timeline.model
        a = m.snap_in(self.player.position())
        b = self.in_out[1] if self.in_out and self.in_out[1] > a else m.snap_out(self.vlog.media.duration_ms)
        self.set_clip((a, max(b, a + 1)))

    def mark_out(self) -> None:
        if self.vlog is None:
            return
        m = self.timeline.model
        b = m.snap_out(self.player.position())
        a = self.in_out[0] if self.in_out and self.in_out[0] < b else m.snap_in(0)
        self.set_clip((min(a, b - 1), b))

    def play_clip(self) -> None:
        if self.in_out is not None:
            self.player.play_range(*self.in_out)
