"""The editor's undoable transcript edit and the line edit laid over the transcript to fix or insert a word."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QLineEdit, QWidget

from vlogkit.domain import Transcript

if TYPE_CHECKING:
    from vlogkit.ui.vlog_editor import VlogEditor


class TranscriptCommand(QUndoCommand):
    """One transcript edit: holds the transcript before and after (both immutable). The edit is saved before the
    command is pushed, so its first redo only shows it; undo and redo save the transcript they bring back."""

    def __init__(self, editor: VlogEditor, before: Transcript, after: Transcript, text: str) -> None:
        super().__init__(text)
        self.editor, self.before, self.after = editor, before, after
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            self.editor.show_transcript(self.after)
            return
        self.editor.apply_transcript(self.after)

    def undo(self) -> None:
        self.editor.apply_transcript(self.before, undone=True)


class InlineEditor(QLineEdit):
    """A line edit laid over a word of the transcript for fixing/inserting a word or naming a speaker. Return
    saves and Escape cancels, and either gives the keyboard back to the transcript (so Ctrl+Z undoes the fix right
    away); clicking or tabbing elsewhere saves what was typed, as a spreadsheet cell does."""

    committed = Signal(str, str, int, int)  # mode, text, a, b

    def __init__(self, parent: QWidget, focus_back: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode, self.a, self.b = "", -1, -1
        self._focus_back = focus_back or parent
        self._original = ""
        self.hide()
        self.returnPressed.connect(lambda: self._finish(save=True, refocus=True))

    def open(self, mode: str, a: int, b: int, text: str, x: int, y: int, placeholder: str) -> None:
        """Open over the word whose centre is (x, y) in the parent's coordinates."""
        self.mode, self.a, self.b = mode, a, b
        self._original = text
        self.setText(text)
        self.setPlaceholderText(placeholder)
        self.setAccessibleName(placeholder)
        width = max(self.fontMetrics().horizontalAdvance(text), self.fontMetrics().horizontalAdvance(placeholder))
        self.resize(max(160, width + 40), self.sizeHint().height())
        self.move(max(0, x - 10), max(0, y - self.height() // 2))  # on the word's own line, not the next one
        self.show()
        self.raise_()
        self.setFocus()
        self.selectAll()

    def _finish(self, save: bool, refocus: bool) -> None:
        if not self.isVisible():
            return
        text = self.text().strip()
        self.hide()
        if refocus:
            self._focus_back.setFocus(Qt.FocusReason.OtherFocusReason)
        if save and (text or self.mode == "speaker") and (text != self._original or self.mode == "insert"):
            self.committed.emit(self.mode, text, self.a, self.b)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self._finish(save=False, refocus=True)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: Any) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if event.reason() in (Qt.FocusReason.MouseFocusReason, Qt.FocusReason.TabFocusReason,
                              Qt.FocusReason.BacktabFocusReason):
            self._finish(save=True, refocus=False)  # the click or Tab chose where the keyboard goes next
