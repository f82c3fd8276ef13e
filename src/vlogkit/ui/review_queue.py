"""The review queue for comms staff: quotes waiting for approval (the source clip playable beside each, approve /
reject / edit with the keyboard, the approver recorded by the bank service, each decision undoable with Ctrl+Z) and
new vlogs to check (no consent recorded yet, or transcribed with nothing in the bank yet). A new text left unsaved is
saved when the reviewer moves on. What may go where is the clearance rule's answer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vlogkit.domain.quote import QuoteStatus, quoted
from vlogkit.domain.times import format_clock
from vlogkit.errors import VlogkitError
from vlogkit.ui import theme
from vlogkit.ui.bank_actions import describe
from vlogkit.ui.i18n import current_language, error_text, tr
from vlogkit.ui.icons import icon
from vlogkit.ui.player import PlayerWidget
from vlogkit.ui.review_undo import ReviewCommand

if TYPE_CHECKING:
    from vlogkit.domain import Quote
    from vlogkit.services import App

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "quote" | "vlog" | "head"


class ReviewQueue(QWidget):
    vlog_opened = Signal(str)
    error_raised = Signal(str)
    bank_changed = Signal()
    status_message = Signal(str)  # what a decision did, and that Ctrl+Z undoes it (the window's status bar)

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.quote: Any = None
        self.undo_stack = QUndoStack(self)  # the window's Edit > Undo while this tab is shown
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Review queue"))
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.heading = theme.set_role(QLabel(), "heading")
        self.meta = theme.set_role(QLabel(), "muted")
        self.meta.setWordWrap(True)
        self.clearance = QLabel()
        self.clearance.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(tr("Quote text"))
        self.text.setMaximumHeight(110)
        self.player = PlayerWidget()
        self.approve_button = theme.set_role(QPushButton(icon("approve", "accent_text"), tr("Approve (A)")),
                                             "primary")
        self.reject_button = QPushButton(icon("reject", "danger"), tr("Reject (R)"))
        self.save_button = QPushButton(icon("edit"), tr("Save the text (Ctrl+S)"))
        self.play_button = QPushButton(icon("play-range"), tr("Play the source (P)"))
        self.open_button = QPushButton(icon("jump"), tr("Open the vlog"))
        self.empty = theme.set_role(QLabel(tr("Nothing to review: every quote is approved or rejected and every "
                                              "vlog has its consent and quotes.")), "muted")
        self.empty.setWordWrap(True)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.heading)
        rl.addWidget(self.meta)
        rl.addWidget(self.player, 1)
        rl.addWidget(self.text)
        rl.addWidget(self.clearance)
        row = QHBoxLayout()
        for b in (self.approve_button, self.reject_button, self.save_button):
            row.addWidget(b)
        row.addStretch(1)
        rl.addLayout(row)
        row2 = QHBoxLayout()
        row2.addWidget(self.play_button)
        row2.addWidget(self.open_button)
        row2.addStretch(1)
        rl.addLayout(row2)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.list, 1)
        ll.addWidget(self.empty)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([420, 780])
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        self.list.currentItemChanged.connect(self._on_list_current_changed)
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save_text)
        self.play_button.clicked.connect(self.play_source)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.list.itemActivated.connect(self._on_list_item_activated)
        for key, fn in (("A", self.approve), ("R", self.reject), ("Ctrl+S", self.save_text), ("P", self.play_source)):
            sc = QShortcut(QKeySequence(key), self)  # the text box keeps its letters (ShortcutOverride)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(fn)
        self._show(None)

    # -- the queue --------------------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        keep = select or (self.quote.id if self.quote is not None else None)
        self.list.blockSignals(True)
        self.list.clear()
        vlogs = {v.id: v for v in self.app.library.list()}
        try:
            waiting = [q for q in self.app.bank.search("") if q.status.value == "candidate"]
        except VlogkitError as exc:
            waiting = []
            self.error_raised.emit(error_text(exc))
        banked = {q.vlog_id for q in self.app.bank.search("")}
        self._head(tr("Quotes waiting for approval ({n})", n=len(waiting)))
        for q in waiting:
            item = QListWidgetItem(icon("candidate", "warning"), self._item_text(q))
            item.setData(Qt.ItemDataRole.UserRole, q.id)
            item.setData(KIND_ROLE, "quote")
            self.list.addItem(item)
        to_check = [v for v in vlogs.values()
                    if not self.app.consent.for_vlog(v, "internal").ok
                    or (v.state.value in ("transcribed", "has_quotes") and v.id not in banked)]
        self._head(tr("New vlogs to check ({n})", n=len(to_check)))
        for v in to_check:
            why = (tr("no consent recorded") if not self.app.consent.for_vlog(v, "internal").ok
                   else tr("transcribed, no quote in the bank yet"))
            item = QListWidgetItem(icon("state-new", "accent"), f"{v.title or v.id}\n{why}")
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            item.setData(KIND_ROLE, "vlog")
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.empty.setVisible(not waiting and not to_check)
        target = next((i for i in range(self.list.count()) if keep is not None
                       and self.list.item(i).data(Qt.ItemDataRole.UserRole) == keep), None)
        if target is None:
            target = next((i for i in range(self.list.count()) if self.list.item(i).data(KIND_ROLE) == "quote"), None)
        self.list.blockSignals(True)  # the list may have made a row current by itself: show what is current
        self.list.setCurrentRow(target if target is not None else -1)
        self.list.blockSignals(False)
        self._on_list_current_changed(self.list.currentItem(), None)

    @staticmethod
    def _item_text(q: Quote) -> str:
        return f"{quoted(q.text, q.language)}\n{q.speaker.credit()}"

    def _head(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(KIND_ROLE, "head")
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        f = item.font()
        f.setBold(True)
        item.setFont(f)
        self.list.addItem(item)

    def ready(self) -> bool:
        return self.quote is None or self.player.frame.image is not None or not self.player.player

    def waiting_ids(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).data(KIND_ROLE) == "quote"]

    # -- one quote --------------------------------------------------------------------------------------
    def _draft(self) -> str | None:
        """The new text typed for the quote shown, when it is not saved yet."""
        if self.quote is None:
            return None
        text = self.text.toPlainText().strip()
        return text if text and text != self.quote.text else None

    def _on_list_current_changed(self, item: QListWidgetItem | None, _prev: object) -> None:
        new_id = str(item.data(Qt.ItemDataRole.UserRole)) if item is not None and item.data(KIND_ROLE) == "quote" \
            else None
        draft = self._draft()
        if draft is not None and self.quote.id != new_id:  # moving on saves what was typed (Ctrl+Z undoes it)
            self._save_text(self.quote, draft)
            draft = None
        if new_id is None:
            self._show(None)
            return
        try:
            self._show(self.app.bank.get(new_id))
        except VlogkitError:
            self.error_raised.emit(tr("That quote is no longer in the bank (removed in another window or by a "
                                      "vlogkit command)."))
            self.refresh()
            return
        if draft is not None:  # the same quote shown again (a refresh): the text being typed stays
            self.text.setPlainText(draft)

    def _show(self, q: Any) -> None:
        self.quote = q
        for w in (self.approve_button, self.reject_button, self.save_button, self.play_button, self.open_button,
                  self.text):
            w.setEnabled(q is not None)
        if q is None:
            self.heading.setText(tr("Select a quote to review it."))
            self.meta.setText("")
            self.clearance.setText("")
            self.text.setPlainText("")
            self.player.unload()
            return
        self.heading.setText(q.speaker.attribution() or tr("Unknown speaker"))
        self.meta.setText(tr("From “{v}”, {a} – {b}. Tags: {t}", v=q.source_title or q.vlog_id, a=format_clock(q.start),
                             b=format_clock(q.end), t=", ".join(q.tags) or "—"))
        self.text.setPlainText(q.text)
        lang = current_language()
        lines = []
        for audience, label in (("internal", tr("Internal")), ("external", tr("External"))):
            c = self.app.bank.clearance(q, audience)
            mark = f"<span style='color:{theme.colors().success}'>✓</span>" if c.ok else \
                f"<span style='color:{theme.colors().danger}'>✗</span>"
            lines.append(f"{mark} <b>{label}</b>: " + (tr("may go out") if c.ok else c.reason(lang)))
        self.clearance.setText("<br>".join(lines))
        try:
            vlog = self.app.library.get(q.vlog_id)
        except VlogkitError:
            self.player.unload()
            self.play_button.setEnabled(False)
            self.open_button.setEnabled(False)
            return
        fps = vlog.media.video[0].fps if vlog.media.video else 25.0
        self.player.load(vlog.path, vlog.media.duration_ms, vlog.media.has_video, fps, vlog.extra.get("thumbnail"),
                         caption=vlog.speaker.attribution())
        self.player.set_in_out((q.start, q.end))
        self.player.seek(q.start + 200)

    def _act(self, fn: Any, name: str) -> None:
        """Approve or reject the quote shown (a new text typed for it is saved first: what is approved is what is
        shown); both go on the undo stack as one step, and the next quote is shown."""
        if self.quote is None:
            return
        q = self.quote
        draft = self._draft()
        if draft is not None:
            self.undo_stack.beginMacro(name)
        try:
            if draft is not None:
                q = self._save_text(q, draft, quiet=True)
                if q is None:
                    return
            try:
                saved = fn(q)
            except VlogkitError as exc:
                self.error_raised.emit(error_text(exc))
                self.quote = None
                self.refresh()
                return
            self.undo_stack.push(ReviewCommand(self, q, saved, name))
        finally:
            if draft is not None:
                self.undo_stack.endMacro()
        row = self.list.currentRow()
        self.quote = None
        self.bank_changed.emit()
        self.refresh()
        quotes = [i for i in range(self.list.count()) if self.list.item(i).data(KIND_ROLE) == "quote"]
        nxt = next((i for i in quotes if i >= row), quotes[-1] if quotes else None)
        if nxt is not None:
            self.list.setCurrentRow(nxt)
        if saved.status is QuoteStatus.APPROVED:
            msg = tr("Approved {q} (by {by}). Ctrl+Z undoes it.", q=describe(saved), by=saved.approved_by)
        else:
            msg = tr("Rejected {q}. Ctrl+Z undoes it.", q=describe(saved))
        self.status_message.emit(msg)

    def approve(self) -> None:
        self._act(lambda q: self.app.bank.approve([q.id])[0], tr("Approve"))

    def reject(self) -> None:
        self._act(lambda q: self.app.bank.update(q.id, status=QuoteStatus.REJECTED), tr("Reject"))

    def _save_text(self, q: Quote, text: str, *, quiet: bool = False) -> Quote | None:
        """Save a new text for `q` as an undoable step; the list shows it. None when it cannot be saved."""
        try:
            saved = self.app.bank.update(q.id, text=text)
        except VlogkitError as exc:
            self.error_raised.emit(error_text(exc))
            return None
        self.undo_stack.push(ReviewCommand(self, q, saved, tr("Edit the quote's text")))
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(KIND_ROLE) == "quote" and item.data(Qt.ItemDataRole.UserRole) == saved.id:
                item.setText(self._item_text(saved))
        if self.quote is not None and self.quote.id == saved.id:
            self.quote = saved
        self.bank_changed.emit()
        if not quiet:
            self.status_message.emit(tr("Saved the new text of {q}. Ctrl+Z undoes it.", q=describe(saved)))
        return saved

    def save_text(self) -> None:
        if self.quote is None:
            return
        saved = self._save_text(self.quote, self.text.toPlainText().strip())
        if saved is not None:
            self._show(saved)

    def restore(self, q: Quote) -> None:
        """Undo/redo: save `q`'s status and text again (its approver, when approved) and show it."""
        try:
            saved = self.app.bank.update(q.id, text=q.text, status=q.status,
                                         by=q.approved_by if q.status is QuoteStatus.APPROVED else None)
        except VlogkitError as exc:
            self.error_raised.emit(error_text(exc))
            self.refresh()
            return
        self.quote = None
        self.bank_changed.emit()
        self.refresh(select=saved.id)

    def play_source(self) -> None:
        if self.quote is not None:
            self.player.play_range(self.quote.start, self.quote.end)

    def _on_open_clicked(self) -> None:
        if self.quote is not None:
            self.vlog_opened.emit(self.quote.vlog_id)

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        if item.data(KIND_ROLE) == "vlog":
            self.vlog_opened.emit(str(item.data(Qt.ItemDataRole.UserRole)))
