"""The review queue's undoable decisions: approve, reject and a new text, each kept as the quote before and after.

A decision is saved before its command is pushed, so the first redo does nothing; undo saves the quote's status and
text as they were (an undone approval is a candidate again, its approver cleared), redo saves the decision again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from vlogkit.domain import Quote
    from vlogkit.ui.review_queue import ReviewQueue


class ReviewCommand(QUndoCommand):
    def __init__(self, queue: ReviewQueue, before: Quote, after: Quote, text: str) -> None:
        super().__init__(text)
        self.queue, self.before, self.after = queue, before, after
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self.queue.restore(self.after)

    def undo(self) -> None:
        self.queue.restore(self.before)
