"""The first-run welcome and the F1 help: what vlogkit does, in four steps, and the keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from vlogkit.ui.i18n import tr


def steps_html() -> str:
    steps = [
        tr("<b>Record or import</b> a vlog: drop videos on the library, or use the Record tab."),
        tr("<b>Transcript</b>: vlogkit writes down every word, offline, on this computer. Fix words by "
           "double-clicking them."),
        tr("<b>Quotes</b>: the best lines are suggested with their reasons; add the ones you like to the bank."),
        tr("<b>Clips and bank</b>: export captioned clips for Reels, LinkedIn and the intranet, and share quotes "
           "as slides or cards."),
    ]
    return "<ol>" + "".join(f"<li style='margin-bottom:6px'>{s}</li>" for s in steps) + "</ol>"


def shortcuts_html() -> str:
    rows = [("Ctrl+O", tr("Import videos")), ("Ctrl+F", tr("Search")), ("Ctrl+E", tr("Export clip")),
            ("Ctrl+Z / Ctrl+Shift+Z", tr("Undo / redo a transcript fix")), ("Space", tr("Play / pause")),
            ("J / K / L", tr("Back / pause / forward")), (", / .", tr("One frame back / forward")),
            ("F1", tr("This help"))]
    return "<table>" + "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows) + "</table>"


class WelcomeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, help_mode: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Help") if help_mode else tr("Welcome to vlogkit"))
        lay = QVBoxLayout(self)
        head = QLabel("<h2>" + tr("From a colleague's video to captioned clips and quotes") + "</h2>")
        head.setWordWrap(True)
        lay.addWidget(head)
        body = QLabel(steps_html() + ("<h3>" + tr("Keyboard") + "</h3>" + shortcuts_html() if help_mode else ""))
        body.setWordWrap(True)
        lay.addWidget(body)
        lay.addWidget(QLabel(tr("Nothing leaves this computer: no account, no upload.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Get started") if not help_mode else tr("Close"))
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)
        self.setMinimumWidth(560)
