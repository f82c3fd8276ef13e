"""The library's first-run page: the three ways in (record, import files or drop them, import a folder) and a sample
vlog to try the whole flow on in a minute."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from vlogkit.ui import theme
from vlogkit.ui.i18n import tr
from vlogkit.ui.icons import icon


class EmptyLibrary(QWidget):
    record_clicked = Signal()
    import_clicked = Signal()
    folder_clicked = Signal()
    sample_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = theme.set_role(QLabel(tr("Your library is empty")), "hero")
        self.body = QLabel(tr("vlogkit turns a colleague's video into a transcript, quotable lines and captioned "
                              "clips - offline, on this computer. Start in one of three ways, or drop videos or "
                              "folders anywhere on this window."))
        self.body.setWordWrap(True)
        theme.set_role(self.body, "muted")
        for lbl in (self.heading, self.body):
            lbl.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.record_button = self._big("record", tr("Record a vlog"), tr("Webcam and microphone, with a prompt"))
        self.import_button = self._big("import", tr("Import videos…"), tr("Or drop files here (Ctrl+O)"))
        self.folder_button = self._big("folder", tr("Import a folder…"), tr("Every video in it, at once"))
        self.sample_button = QPushButton(icon("sample", "accent"), tr("New here? Try the sample vlog"))
        self.sample_button.setToolTip(tr("A 28-second vlog with a synthetic voice over a drawn picture: transcribe "
                                         "it, pick a quote and export a clip in a minute."))
        self.sample_button.setAccessibleName(tr("Try the sample vlog"))
        self.sample_note = theme.set_role(QLabel(tr("Synthetic voice, drawn picture - no real person.")), "muted")
        self.sample_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        grid.setHorizontalSpacing(2 * theme.SPACE)
        for col, b in enumerate((self.record_button, self.import_button, self.folder_button)):
            grid.addWidget(b, 0, col)
        sample_row = QHBoxLayout()
        sample_row.addStretch(1)
        sample_row.addWidget(self.sample_button)
        sample_row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addStretch(2)
        lay.addWidget(self.heading)
        body_row = QHBoxLayout()
        body_row.addStretch(1)
        body_row.addWidget(self.body)
        body_row.addStretch(1)
        lay.addLayout(body_row)
        lay.addSpacing(3 * theme.SPACE)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(grid)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addSpacing(3 * theme.SPACE)
        lay.addLayout(sample_row)
        lay.addWidget(self.sample_note)
        lay.addStretch(3)
        self.body.setFixedWidth(620)
        self.record_button.clicked.connect(self.record_clicked)
        self.import_button.clicked.connect(self.import_clicked)
        self.folder_button.clicked.connect(self.folder_clicked)
        self.sample_button.clicked.connect(self.sample_clicked)
        self.setTabOrder(self.record_button, self.import_button)
        self.setTabOrder(self.import_button, self.folder_button)
        self.setTabOrder(self.folder_button, self.sample_button)

    def _big(self, name: str, text: str, sub: str) -> QToolButton:
        b = QToolButton()
        b.setIcon(icon(name, "accent"))
        b.setIconSize(QSize(40, 40))
        b.setText(f"{text}\n{sub}")
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        b.setAccessibleName(text)
        b.setAccessibleDescription(sub)
        b.setToolTip(sub)
        b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        b.setMinimumSize(QSize(220, 120))
        theme.set_role(b, "big")
        return b

    def text(self) -> str:
        """Everything the page says (tests and screen readers read it)."""
        return "\n".join([self.heading.text(), self.body.text(),
                          *(b.text() for b in (self.record_button, self.import_button, self.folder_button,
                                               self.sample_button)), self.sample_note.text()])
