"""The vlog editor: player and timeline, transcript (with undoable fixes), quote panel, speaker/consent details.

The clip's in/out (`ClipInOut`) is kept in step everywhere: select words in the transcript and the timeline's
handles follow; drag a handle (or press I/O at the playhead) and the transcript selection follows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QWidget

from vlogkit.domain import Transcript, Vlog
from vlogkit.domain import transcript_edits as edits
from vlogkit.errors import NotFoundError, VlogkitError
from vlogkit.ui.clip_in_out import ClipInOut
from vlogkit.ui.editor_layout import setup_editor
from vlogkit.ui.i18n import error_text, tr
from vlogkit.ui.quote_actions import QuoteActions
from vlogkit.ui.timeline_view import QuoteMark
from vlogkit.ui.transcript_editing import InlineEditor, TranscriptCommand

if TYPE_CHECKING:
    from vlogkit.services import App
    from vlogkit.ui.jobs import JobManager

__all__ = ["InlineEditor", "TranscriptCommand", "VlogEditor"]


class VlogEditor(ClipInOut, QuoteActions, QWidget):
    transcribe_requested = Signal(list)
    export_requested = Signal(str, list)  # vlog id, [(start, end)]
    vlog_opened = Signal(str)  # another vlog is now the open one
    error_raised = Signal(str)
    bank_changed = Signal()
    status_message = Signal(str)  # what an action did, for the status bar
    vlog_changed = Signal(str)
    vlog_closed = Signal(str)  # the id of a vlog that left the library while open

    def __init__(self, app: App, jobs: JobManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.jobs = app, jobs
        self.vlog: Vlog | None = None
        self.transcript: Transcript | None = None
        self.in_out: tuple[int, int] | None = None
        self.candidates: list[Any] = []
        self.undo_stack = QUndoStack(self)
        setup_editor(self)
        self.inline = InlineEditor(self.transcript_view.viewport(), self.transcript_view)
        self._wire()
        self._set_enabled(False)

    def _wire(self) -> None:
        tv = self.transcript_view
        self.player.position_changed.connect(tv.highlight_time)
        self.player.position_changed.connect(self.timeline.set_playhead)
        tv.word_clicked.connect(self._on_transcript_word_clicked)
        tv.range_selected.connect(self._on_transcript_range_selected)
        tv.edit_requested.connect(lambda i: self.open_inline("edit", i))
        tv.insert_requested.connect(lambda i: self.open_inline("insert", i))
        tv.filler_toggled.connect(self.toggle_filler)
        tv.confirm_toggled.connect(self.toggle_confirmed)
        tv.keep_toggled.connect(self.toggle_kept)
        tv.speaker_requested.connect(lambda a, b: self.open_inline("speaker", a, b))
        self.timeline.seek_requested.connect(self.player.seek)
        self.timeline.in_out_dragged.connect(self._on_timeline_in_out_dragged)
        self.timeline.in_out_committed.connect(self._on_timeline_in_out_committed)
        self.inline.committed.connect(self._on_inline_committed)
        self.transcribe_button.clicked.connect(lambda: self.vlog and self.transcribe_requested.emit([self.vlog.id]))
        self.add_range_button.clicked.connect(self.add_selection_to_bank)
        self.export_button.clicked.connect(self.request_export)
        self.mark_in_button.clicked.connect(self.mark_in)
        self.mark_out_button.clicked.connect(self.mark_out)
        self.play_clip_button.clicked.connect(self.play_clip)
        self.zoom_in_button.clicked.connect(lambda: self.timeline.zoom_by(1.5))
        self.zoom_out_button.clicked.connect(lambda: self.timeline.zoom_by(1 / 1.5))
        self.fit_button.clicked.connect(self.timeline.fit)
        self.note_close.clicked.connect(self.note.hide)
        self.quotes.refresh_requested.connect(self.load_candidates)
        self.quotes.play_requested.connect(self.player.play_range)
        self.quotes.add_requested.connect(self.add_candidate)
        self.quotes.export_requested.connect(self._on_quotes_export_requested)
        self.details.saved.connect(self._on_details_saved)
        self.details.error.connect(self._on_action_failed)
        for key, fn in (("Space", self.player.toggle), ("J", lambda: self.player.jkl("j")),
                        ("K", lambda: self.player.jkl("k")), ("L", lambda: self.player.jkl("l")),
                        (",", lambda: self.player.step(-1)), (".", lambda: self.player.step(1)),
                        ("I", self.mark_in), ("O", self.mark_out)):
            sc = QShortcut(QKeySequence(key), self)  # anywhere in the editor; text fields keep their keys
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(fn)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.transcribe_button, self.add_range_button, self.export_button, self.mark_in_button,
                  self.mark_out_button, self.play_clip_button, self.player, self.side):
            w.setEnabled(on)

    # -- window state ---------------------------------------------------------------------------------
    def save_state(self, qs: QSettings) -> None:
        qs.setValue("editor/h", self.hsplit.saveState())
        qs.setValue("editor/v", self.vsplit.saveState())

    def restore_state(self, qs: QSettings) -> None:
        for key, split in (("editor/h", self.hsplit), ("editor/v", self.vsplit)):
            value = qs.value(key)
            if value is not None:
                split.restoreState(value)

    # -- loading --------------------------------------------------------------------------------------
    def load(self, vlog_id: str) -> None:
        vlog = self.app.library.get(vlog_id)  # NotFoundError: the caller says so
        self.player.stop()
        self.note.hide()
        # nothing of the previous vlog survives: its quote cards, candidates, transcript and clip range
        self.candidates, self.transcript = [], None
        self.quotes.set_candidates([], vlog_id)
        self.quotes.set_busy(tr("Quotes appear here once the vlog is transcribed."))
        self.vlog = vlog
        self.undo_stack.clear()
        self.in_out = None
        self.player.set_in_out(None)
        self.transcript_view.clear_selection()  # no highlighted words that are not the clip
        self.timeline.clear()
        self.timeline.set_duration(vlog.media.duration_ms)
        self._show_header(vlog)
        fps = vlog.media.video[0].fps if vlog.media.video else 25.0
        self.player.load(vlog.path, vlog.media.duration_ms, vlog.media.has_video, fps, vlog.extra.get("thumbnail"),
                         caption=f"{vlog.title}\n{vlog.speaker.attribution()}".strip())
        self.details.set_vlog(vlog)
        self.preview.set_clip(vlog.id, vlog.path, None)
        self._set_enabled(True)
        self.load_waveform()
        self.vlog_opened.emit(vlog_id)  # the window closes an export dialog of another vlog
        self.reload_transcript()

    def _show_header(self, vlog: Vlog) -> None:
        langs = f"  ·  {vlog.language_label}" if len(vlog.spoken_languages) > 1 else ""  # "nl + fr" when mixed
        self.title.setText(f"{vlog.title or vlog.id}  —  {vlog.speaker.attribution() or tr('Unknown speaker')}{langs}")
        self.badge.set_vlog(vlog)

    def load_waveform(self) -> None:
        if self.vlog is None or not self.vlog.media.has_audio:
            self.timeline.set_waveform_note(tr("No sound in this vlog."))
            return
        vid = self.vlog.id
        wf = self.app.waveform.cached(vid)
        if wf is not None:
            self.timeline.set_waveform(wf.peaks, wf.rate)
            return
        self.timeline.set_waveform_note(tr("Drawing the waveform…"))
        job = self.jobs.run(tr("Waveform"), self.app.waveform.compute, vid, quiet=True,
                            on_result=lambda w, v=vid: self._on_waveform(v, w))
        job.failed.connect(lambda msg, v=vid: self._on_waveform_failed(v, msg))

    def _on_waveform(self, vlog_id: str, wf: Any) -> None:
        if self.vlog is not None and self.vlog.id == vlog_id:
            self.timeline.set_waveform(wf.peaks, wf.rate)

    def _on_waveform_failed(self, vlog_id: str, message: str) -> None:
        if self.vlog is not None and self.vlog.id == vlog_id:
            self.timeline.set_waveform_note(message)

    def reload_transcript(self) -> None:
        """Show the stored transcript (after loading, or a new transcription): the undo history starts afresh."""
        if self.vlog is None:
            return
        self.undo_stack.clear()
        try:
            t = self.app.transcription.get(self.vlog.id)
        except NotFoundError:
            self.close_vlog(self.vlog.id)
            return
        except (VlogkitError, ImportError) as exc:
            t = None
            self.error_raised.emit(error_text(exc))
        self.show_transcript(t)
        self.transcribe_button.setText(tr("Transcribe again") if t else tr("Transcribe"))
        if t is not None:
            self.load_candidates()
        else:
            self.quotes.set_busy(tr("Quotes appear here once the vlog is transcribed."))

    def show_transcript(self, t: Transcript | None) -> None:
        """Show `t` in the transcript and on the timeline (its words and sentences), keeping the view's place."""
        self.transcript = t
        sb = self.transcript_view.verticalScrollBar().value()
        sel = self.transcript_view.selection_range
        self.transcript_view.set_transcript(t)
        if t is None:
            self.timeline.set_words([], [])
            return
        self.transcript_view.selection_range = sel if sel and sel[1] < len(t.words) else None
        self.transcript_view.verticalScrollBar().setValue(sb)
        self.timeline.set_words([(w.start, w.end) for w in t.words], self.app.quotes.sentence_starts(t))
        self.quotes.mark_stale(t)  # cards whose own words changed are out of date

    def load_candidates(self) -> None:
        if self.vlog is None or self.transcript is None:
            return
        self.quotes.set_busy(tr("Finding quotable lines…"))
        vid, found_in = self.vlog.id, self.transcript
        job = self.jobs.run(tr("Quotes for {t}", t=self.vlog.title or vid), self.app.quotes.candidates, vid, top=8,
                            on_result=lambda cands, v=vid, t=found_in: self._on_candidates(v, cands, t), quiet=True)
        job.failed.connect(self.quotes.set_busy)

    def _on_candidates(self, vlog_id: str, cands: list[Any], found_in: Transcript | None = None) -> None:
        if self.vlog is not None and self.vlog.id == vlog_id:
            self.candidates = list(cands)
            self.quotes.set_candidates(self.candidates, vlog_id, found_in)
            self.show_bank_marks()  # lines already saved (here, by the CLI, before a restart) show so at once
            self.quotes.mark_stale(self.transcript)  # a word of theirs edited while they were being found
            self.timeline.set_quotes([QuoteMark(c.start, c.end, c.rank, c.text) for c in self.candidates])

    # -- the vlog left the library --------------------------------------------------------------------
    def close_vlog(self, vlog_id: str, note: str = "") -> None:
        """The open vlog is gone (removed here, by another window or a `vlogkit` command): close it and say so."""
        if self.vlog is None or self.vlog.id != vlog_id:
            return
        title = self.vlog.title or vlog_id
        self.player.unload()
        self.vlog, self.transcript, self.in_out, self.candidates = None, None, None, []
        self.inline.hide()
        QTimer.singleShot(0, self.undo_stack, self.undo_stack.clear)  # maybe inside an undo command: clear after it
        self.transcript_view.set_transcript(None)
        self.timeline.clear()
        self.preview.clear()
        self.quotes.set_candidates([])
        self.quotes.set_busy(tr("Quotes appear here once the vlog is transcribed."))
        self.title.setText(tr("Open a vlog from the library."))
        self.badge.set_vlog(None)
        self._set_enabled(False)
        self.show_note(note or tr("“{t}” was removed from the library (in another window or by a vlogkit command), "
                                  "so it was closed. Nothing else changed; your video file is where it was.", t=title))
        self.vlog_closed.emit(vlog_id)

    def show_note(self, text: str) -> None:
        self.note_text.setText(text)
        self.note.show()

    def library_changed(self) -> None:
        """Another process (or view) changed the library: follow the open vlog's details, or close it if it is gone."""
        if self.vlog is None:
            return
        try:
            vlog = self.app.library.get(self.vlog.id)
        except NotFoundError:
            self.close_vlog(self.vlog.id)
            return
        if vlog != self.vlog:
            self.vlog = vlog
            self._show_header(vlog)
            self.details.set_vlog(vlog)

    def _on_action_failed(self, message: str) -> None:
        """An action failed: a vlog that is gone closes the editor with a note; anything else is shown."""
        if self.vlog is not None:
            try:
                self.app.library.get(self.vlog.id)
            except NotFoundError:
                self.close_vlog(self.vlog.id)
                return
            except VlogkitError:  # the library cannot be read either (the team server is down): say the first error
                pass
        self.error_raised.emit(message)

    def _on_details_saved(self, vlog: Vlog) -> None:
        self.vlog = vlog
        self._show_header(vlog)
        self.vlog_changed.emit(vlog.id)

    # -- transcript edits -----------------------------------------------------------------------------
    def save_transcript(self, t: Transcript, undone: bool = False) -> bool:
        """Store an edited transcript; False (and the reason said) when it could not be saved. `undone`: an undo
        brought it back (see `say_bank_followed`)."""
        if self.vlog is None:
            return False
        try:
            follow = self.app.transcription.save(self.vlog.id, t)
        except VlogkitError as exc:
            self._on_action_failed(error_text(exc))
            return False
        self.say_bank_followed(follow, undone)  # bank quotes holding a fixed word now read it (or keep their text)
        return True

    def apply_transcript(self, t: Transcript, undone: bool = False) -> None:
        """Store and show a transcript brought back by undo (`undone`) or redo."""
        if self.save_transcript(t, undone):
            self.show_transcript(t)

    def push_edit(self, after: Transcript, text: str) -> None:
        """Save the edit, then put it on the undo stack; an edit that cannot be saved never reaches the stack."""
        if self.transcript is None or after == self.transcript:
            return
        if self.save_transcript(after):
            self.undo_stack.push(TranscriptCommand(self, self.transcript, after, text))

    def open_inline(self, mode: str, a: int, b: int | None = None) -> None:
        if self.transcript is None:
            return
        pt = self.transcript_view.word_rect_center(a)
        words = self.transcript.words
        text = {"edit": words[a].display, "insert": "", "speaker": words[a].speaker}[mode]
        placeholder = {"edit": tr("the right word"), "insert": tr("the missing word"),
                       "speaker": tr("speaker name")}[mode]
        self.inline.open(mode, a, a if b is None else b, text, pt.x(), pt.y(), placeholder)

    def _on_inline_committed(self, mode: str, text: str, a: int, b: int) -> None:
        if self.transcript is None:
            return
        if mode == "edit":
            self.push_edit(edits.correct_word(self.transcript, a, text), tr("Fix word"))
        elif mode == "insert":
            self.push_edit(edits.insert_word_after(self.transcript, a, text), tr("Insert word"))
        elif mode == "speaker":
            self.push_edit(edits.set_speaker(self.transcript, a, b, text), tr("Assign speaker"))

    def toggle_filler(self, i: int) -> None:
        if self.transcript is not None:
            self.push_edit(edits.toggle_filler(self.transcript, i), tr("Mark filler"))

    def toggle_confirmed(self, i: int) -> None:
        if self.transcript is not None:
            w = self.transcript.words[i]
            self.push_edit(edits.update_word(self.transcript, i, confirmed=not w.confirmed), tr("Confirm word"))

    def toggle_kept(self, si: int) -> None:
        if self.transcript is not None:
            seg = self.transcript.segments[si]
            self.push_edit(self.transcript.with_kept(si, not seg.kept), tr("Keep held-back text"))
            self.load_candidates()  # kept text may now be quoted; held-back text no longer

    # -- quotes and export ----------------------------------------------------------------------------
    def request_export(self) -> None:
        if self.vlog is None:
            return
        if self.in_out is not None:
            ranges = [self.in_out]
        elif self.candidates:
            ranges = [(self.candidates[0].start, self.candidates[0].end)]
        else:
            ranges = [(0, min(self.vlog.media.duration_ms, 30000))]
        self.export_requested.emit(self.vlog.id, ranges)
