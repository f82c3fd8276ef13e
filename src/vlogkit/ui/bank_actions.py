"""The Quote bank tab's two questions: the new text of a quote edited by hand, and whether quotes are really to be
removed (their approval, tags and edits go with them; nothing brings them back)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from vlogkit.domain.quote import quoted
from vlogkit.domain.times import format_clock
from vlogkit.ui.i18n import tr

if TYPE_CHECKING:
    from vlogkit.domain import Quote


def describe(q: Quote, limit: int = 70) -> str:
    """`“Ask not what your country…” (0:03.0–0:10.7)`: a bank quote as a message or question names it (« … » in
    French)."""
    text = q.text if len(q.text) <= limit else q.text[: limit - 1].rstrip() + "…"
    return f"{quoted(text, q.language)} ({format_clock(q.start)}–{format_clock(q.end)})"


def ask_text(parent: QWidget, q: Quote) -> str | None:
    """The quote's new text, or None when the user cancels."""
    dlg = QInputDialog(parent)
    dlg.setWindowTitle(tr("Edit the quote's text"))
    dlg.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    note = tr("Light touch only: what {who} said, tidied - never a rewrite.", who=q.speaker.name or tr("the speaker"))
    if q.status.value == "approved":
        note += " " + tr("It is approved: a new text waits for review again.")
    dlg.setLabelText(note)
    dlg.setTextValue(q.text)
    dlg.setOkButtonText(tr("Save"))
    dlg.setCancelButtonText(tr("Cancel"))
    dlg.resize(600, 260)
    return dlg.textValue() if dlg.exec() else None


def confirm_remove(parent: QWidget, quotes: list[Quote]) -> bool:
    """True when the user says yes to removing `quotes` from the bank; Cancel is the default."""
    if len(quotes) == 1:
        text = tr("Remove {what} from the bank? Its approval, tags and edits go with it; this cannot be undone.",
                  what=describe(quotes[0]))
    else:
        text = tr("Remove {n} quotes from the bank? Their approvals, tags and edits go with them; this cannot be "
                  "undone.", n=len(quotes))
    box = QMessageBox(QMessageBox.Icon.Question, tr("Remove from the bank"), text, parent=parent)
    remove = box.addButton(tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is remove
