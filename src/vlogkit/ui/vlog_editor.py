"""The vlog editor: player, transcript (with undoable fixes), quote panel, speaker/consent details."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vlogkit.domain import Transcript, Vlog
from vlogkit.errors import VlogkitError
from vlogkit.ui import transcript_edits as edits
from vlogkit.ui.i18n import tr
from vlogkit.ui.player import PlayerWidget
from vlogkit.ui.quote_panel import QuotePanel
from vlogkit.ui.transcript_view import TranscriptView
from vlogkit.ui.vlog_details import VlogDetails

if TYPE_CHECKING:
    from vlogkit.services import App
    from vlogkit.ui.jobs import JobManager


class TranscriptCommand(QUndoCommand):
    """One transcript edit: holds the transcript before and after (both immutable)."""

    def __init__(self, editor: VlogEditor, before: Transcript, after: Transcript, text: str) -> None:
        super().__init__(text)
        self.editor, self.before, self.after = editor, before, after

    def redo(self) -> None:
        self.editor.apply_transcript(self.after)

    def undo(self) -> None:
        self.editor.apply_transcript(self.before)


class InlineEditor(QLineEdit):
    """A line edit laid over the transcript for fixing/inserting a word or naming a speaker."""

    committed = Signal(str, str, int, int)  # mode, text, a, b

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.mode, self.a, self.b = "", -1, -1
        self.hide()
        self.returnPressed.connect(self._on_return)

    def open(self, mode: str, a: int, b: int, text: str, x: int, y: int, placeholder: str) -> None:
        self.mode, self.a, self.b = mode, a, b
        self.setText(text)
        self.setPlaceholderText(placeholder)
        self.resize(max(160, self.fontMetrics().horizontalAdvance(text) + 40), self.sizeHint().height())
        self.move(max(0, x - 10), y)
        self.show()
        self.raise_()
        self.setFocus()
        self.selectAll()

    def _on_return(self) -> None:
        text = self.text().strip()
        self.hide()
        if text or self.mode == "speaker":
            self.committed.emit(self.mode, text, self.a, self.b)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


class VlogEditor(QWidget):
    transcribe_requested = Signal(list)
    export_requested = Signal(str, list)  # vlog id, [(start, end)]
    error_raised = Signal(str)
    bank_changed = Signal()
    vlog_changed = Signal(str)

    def __init__(self, app: App, jobs: JobManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.jobs = app, jobs
        self.vlog: Vlog | None = None
        self.transcript: Transcript | None = None
        self.in_out: tuple[int, int] | None = None
        self.candidates: list[Any] = []
        self.undo_stack = QUndoStack(self)
        lay = QVBoxLayout(self)
        self.title = QLabel(tr("Open a vlog from the library."))
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        lay.addWidget(self.title)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.player = PlayerWidget()
        self.details = VlogDetails(app)
        ll.addWidget(self.player, 1)
        ll.addWidget(self.details)
        mid = QWidget()
        ml = QVBoxLayout(mid)
        ml.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.transcribe_button = QPushButton(tr("Transcribe"))
        self.add_range_button = QPushButton(tr("Add selection to bank"))
        self.export_button = QPushButton(tr("Export clip…"))
        self.export_button.setToolTip(tr("Export the selection (or the best quote) as captioned clips (Ctrl+E)"))
        for b in (self.transcribe_button, self.add_range_button, self.export_button):
            bar.addWidget(b)
        bar.addStretch(1)
        ml.addLayout(bar)
        self.transcript_view = TranscriptView()
        ml.addWidget(self.transcript_view, 1)
        self.hint = QLabel(tr("Click a word to jump there. Select words to set the clip's in and out. "
                              "Double-click a word to fix it; right-click for more. Underlined words: the model was unsure - "
                              "check them."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #546e7a;")
        ml.addWidget(self.hint)
        self.quotes = QuotePanel()
        for w in (left, mid, self.quotes):
            w.setMinimumSize(180, 200)  # explicit minimums: the window fits a small laptop screen
            split.addWidget(w)
        split.setSizes([430, 520, 380])
        lay.addWidget(split, 1)
        self.inline = InlineEditor(self.transcript_view.viewport())
        self._wire()

    def _wire(self) -> None:
        tv = self.transcript_view
        self.player.position_changed.connect(tv.highlight_time)
        tv.word_clicked.connect(self._on_transcript_word_clicked)
        tv.range_selected.connect(self._on_transcript_range_selected)
        tv.edit_requested.connect(lambda i: self.open_inline("edit", i))
        tv.insert_requested.connect(lambda i: self.open_inline("insert", i))
        tv.filler_toggled.connect(self.toggle_filler)
        tv.speaker_requested.connect(lambda a, b: self.open_inline("speaker", a, b))
        self.inline.committed.connect(self._on_inline_committed)
        self.transcribe_button.clicked.connect(lambda: self.vlog and self.transcribe_requested.emit([self.vlog.id]))
        self.add_range_button.clicked.connect(self.add_selection_to_bank)
        self.export_button.clicked.connect(self.request_export)
        self.quotes.refresh_requested.connect(self.load_candidates)
        self.quotes.play_requested.connect(self.player.play_range)
        self.quotes.add_requested.connect(self.add_candidate)
        self.quotes.export_requested.connect(lambda a, b: self.vlog and self.export_requested.emit(self.vlog.id,
                                                                                                   [(a, b)]))
        self.details.saved.connect(lambda v: self.vlog_changed.emit(v.id))
        self.details.error.connect(self.error_raised)
        for key, fn in (("Space", self.player.toggle), ("J", lambda: self.player.jkl("j")),
                        ("K", lambda: self.player.jkl("k")), ("L", lambda: self.player.jkl("l")),
                        (",", lambda: self.player.step(-1)), (".", lambda: self.player.step(1))):
            sc = QShortcut(QKeySequence(key), self)  # anywhere in the editor; text fields keep their keys
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(fn)

    # -- loading ----------------------------------------------------------------------------------------
    def load(self, vlog_id: str) -> None:
        self.player.stop()
        vlog = self.app.library.get(vlog_id)
        self.vlog = vlog
        self.undo_stack.clear()
        self.in_out = None
        self.player.set_in_out(None)
        self.title.setText(f"{vlog.title or vlog.id}  —  {vlog.speaker.attribution() or tr('Unknown speaker')}")
        fps = vlog.media.video[0].fps if vlog.media.video else 25.0
        self.player.load(vlog.path, vlog.media.duration_ms, vlog.media.has_video, fps, vlog.extra.get("thumbnail"),
                         caption=f"{vlog.title}\n{vlog.speaker.attribution()}".strip())
        self.details.set_vlog(vlog)
        self.reload_transcript()

    def reload_transcript(self) -> None:
        if self.vlog is None:
            return
        try:
            t = self.app.transcription.get(self.vlog.id)
        except (VlogkitError, ImportError) as exc:
            t = None
            self.error_raised.emit(str(exc))
        self.transcript = t
        self.transcript_view.set_transcript(t)
        self.transcribe_button.setText(tr("Transcribe again") if t else tr("Transcribe"))
        if t is not None:
            self.load_candidates()
        else:
            self.quotes.set_busy(
                tr("Quotes appear here once the vlog is transcribed."))

    def load_candidates(self) -> None:
        if self.vlog is None or self.transcript is None:
            return
        self.quotes.set_busy(tr("Finding quotable lines…"))
        vid = self.vlog.id
        job = self.jobs.run(tr("Quotes for {t}", t=self.vlog.title or vid), self.app.quotes.candidates, vid, top=8,
                            on_result=lambda cands, v=vid: self._on_candidates(v, cands), quiet=True)
        job.failed.connect(self.quotes.set_busy)

    def _on_candidates(self, vlog_id: str, cands: list[Any]) -> None:
        if self.vlog is not None and self.vlog.id == vlog_id:
            self.candidates = list(cands)
            self.quotes.set_candidates(self.candidates)

    # -- transcript interaction ---------------------------------------------------------------------------
    def _on_transcript_word_clicked(self, i: int) -> None:
        if self.transcript is not None:
            self.player.seek(self.transcript.words[i].start)

    def _on_transcript_range_selected(self, a: int, b: int) -> None:
        if self.transcript is None:
            return
        words = self.transcript.words
        self.in_out = (words[a].start, words[b].end)
        self.player.set_in_out(self.in_out)
        self.player.seek(words[a].start)

    def apply_transcript(self, t: Transcript) -> None:
        """Show and store an edited transcript (called by the undo commands)."""
        self.transcript = t
        if self.vlog is not None:
            try:
                self.app.transcription.save(self.vlog.id, t)
            except VlogkitError as exc:
                self.error_raised.emit(str(exc))
        sb = self.transcript_view.verticalScrollBar().value()
        sel = self.transcript_view.selection_range
        self.transcript_view.set_transcript(t)
        self.transcript_view.selection_range = sel if sel and sel[1] < len(t.words) else None
        self.transcript_view.verticalScrollBar().setValue(sb)

    def push_edit(self, after: Transcript, text: str) -> None:
        if self.transcript is not None and after != self.transcript:
            self.undo_stack.push(TranscriptCommand(self, self.transcript, after, text))

    def open_inline(self, mode: str, a: int, b: int | None = None) -> None:
        if self.transcript is None:
            return
        pt = self.transcript_view.word_rect_center(a)
        words = self.transcript.words
        text = {"edit": words[a].display, "insert": "", "speaker": words[a].speaker}[mode]
        placeholder = {"edit": tr("the right word"), "insert": tr("the missing word"),
                       "speaker": tr("speaker name")}[mode]
        self.inline.open(mode, a, a if b is None else b, text, pt.x(), pt.y() + 10, placeholder)

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

    # -- quotes and export ---------------------------------------------------------------------------------
    def add_candidate(self, cand: Any, tags: list[str], status: str) -> None:
        if self.vlog is None:
            return
        from vlogkit.domain.quote import QuoteStatus

        try:
            self.app.bank.add_candidate(self.vlog.id, cand.rank, tags=tuple(tags), status=QuoteStatus(status))
        except VlogkitError as exc:
            self.error_raised.emit(str(exc))
            return
        for card in self.quotes.cards:
            if card.cand is cand:
                card.mark_added()
        self.bank_changed.emit()

    def add_selection_to_bank(self) -> None:
        if self.vlog is None or self.in_out is None:
            self.error_raised.emit(tr("Select some words in the transcript first."))
            return
        try:
            self.app.bank.add_range(self.vlog.id, self.in_out[0], self.in_out[1])
        except VlogkitError as exc:
            self.error_raised.emit(str(exc))
            return
        self.bank_changed.emit()

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
