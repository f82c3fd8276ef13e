"""The parts of the Record tab: prompt card, keep form (speaker + consent), no-device panel, recovery banner."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vlogkit.domain import ConsentScope, Speaker
from vlogkit.errors import VlogkitError
from vlogkit.ui.i18n import tr

if TYPE_CHECKING:
    from vlogkit.capture.backend import Frame
    from vlogkit.capture.session import Status
    from vlogkit.store.prompts import PromptRepository


class PromptCard(QFrame):
    """The question shown large above the preview; pick one, shuffle, or manage the list."""

    error_raised = Signal(str)

    def __init__(self, prompts: PromptRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompts = prompts
        self.setObjectName("promptCard")
        self.setStyleSheet("#promptCard { background: #1f2933; border-radius: 10px; }"
                           "#promptText { color: white; } #promptHint { color: #9aa5b1; }")
        self.text = QLabel()
        self.text.setObjectName("promptText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.text.font())
        font.setPointSize(20)
        font.setBold(True)
        self.text.setFont(font)
        self.text.setMinimumHeight(70)
        self.choice = QComboBox()
        self.choice.setMinimumWidth(260)
        self.shuffle_button = QPushButton(tr("Shuffle"))
        self.manage_button = QToolButton()
        self.manage_button.setText(tr("Prompts…"))
        self.manage_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self.manage_button)
        menu.addAction(tr("Add a prompt…"), self.add_prompt)
        menu.addAction(tr("Remove this prompt"), self.remove_current)
        menu.addSeparator()
        menu.addAction(tr("Import from a text file…"), self.import_file)
        menu.addAction(tr("Export to a text file…"), self.export_file)
        self.manage_button.setMenu(menu)
        row = QHBoxLayout()
        hint = QLabel(tr("Prompt"))
        hint.setObjectName("promptHint")
        row.addWidget(hint)
        row.addWidget(self.choice, 1)
        row.addWidget(self.shuffle_button)
        row.addWidget(self.manage_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text)
        lay.addLayout(row)
        self.choice.currentIndexChanged.connect(self._on_choice_currentIndexChanged)
        self.shuffle_button.clicked.connect(self.shuffle)
        self.refresh()

    def current(self) -> str:
        return str(self.choice.currentData() or "")

    def refresh(self, select: str = "") -> None:
        keep = select or self.current()
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.addItem(tr("(no prompt - free talk)"), "")
        for p in self.prompts.all():
            self.choice.addItem(p.text if len(p.text) < 70 else p.text[:67] + "…", p.text)
        idx = self.choice.findData(keep)
        self.choice.setCurrentIndex(max(0, idx))
        self.choice.blockSignals(False)
        self._show()

    def _show(self) -> None:
        cur = self.current()
        self.text.setText(cur or tr("Tell us about your work - no prompt chosen."))

    def _on_choice_currentIndexChanged(self, _i: int) -> None:
        self._show()

    def shuffle(self) -> None:
        p = self.prompts.pick(exclude=next((x.id for x in self.prompts.all() if x.text == self.current()), ""))
        if p is not None:
            self.refresh(select=p.text)

    def add_prompt(self) -> None:
        text, ok = QInputDialog.getMultiLineText(self, tr("Add a prompt"), tr("Question to show:"))
        if ok and text.strip():
            self._guard(lambda: self.refresh(select=self.prompts.add(text).text))

    def remove_current(self) -> None:
        cur = self.current()
        match = next((p for p in self.prompts.all() if p.text == cur), None)
        if match is not None:
            self._guard(lambda: self.prompts.remove(match.id))
            self.refresh()

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Import prompts"), "", tr("Text files (*.txt);;All files (*)"))
        if path:
            self._guard(lambda: self.prompts.import_text(path))
            self.refresh()

    def export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export prompts"), "prompts.txt", tr("Text files (*.txt)"))
        if path:
            self._guard(lambda: self.prompts.export_text(path))

    def _guard(self, fn) -> None:  # type: ignore[no-untyped-def]
        try:
            fn()
        except VlogkitError as exc:
            self.error_raised.emit(str(exc))


class KeepForm(QFrame):
    """Who spoke and what they consented to: asked before a take is kept."""

    def __init__(self, speaker: Speaker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = QLineEdit(speaker.name)
        self.role = QLineEdit(speaker.role)
        self.team = QLineEdit(speaker.team)
        for w, ph in ((self.name, tr("e.g. Ann Peeters")), (self.role, tr("e.g. Engineer")),
                      (self.team, tr("e.g. Platform"))):
            w.setPlaceholderText(ph)
        self.internal = QRadioButton(tr("Internal only"))
        self.external = QRadioButton(tr("May be shared externally"))
        self.consent_group = QButtonGroup(self)
        self.consent_group.addButton(self.internal)
        self.consent_group.addButton(self.external)
        form = QFormLayout(self)
        title = QLabel(tr("<b>Before keeping</b>"))
        form.addRow(title)
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Role"), self.role)
        form.addRow(tr("Team"), self.team)
        consent = QVBoxLayout()
        consent.addWidget(self.internal)
        consent.addWidget(self.external)
        form.addRow(tr("Consent"), consent)
        note = QLabel(tr("The consent is stored with today's date, as on import."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #616e7c;")
        form.addRow(note)

    def speaker(self) -> Speaker:
        return Speaker(self.name.text().strip(), self.role.text().strip(), self.team.text().strip())

    def consent(self) -> ConsentScope:
        if self.external.isChecked():
            return ConsentScope.EXTERNAL
        if self.internal.isChecked():
            return ConsentScope.INTERNAL
        return ConsentScope.NONE


def no_device_text(has_camera: bool, has_microphone: bool, platform: str | None = None) -> str:
    from vlogkit.capture.devices import permission_help

    platform = platform or sys.platform
    if has_camera and has_microphone:
        return ""
    if not has_camera and not has_microphone:
        head = tr("No camera and no microphone found, so you cannot record here.")
    elif not has_camera:
        head = tr("No camera found. You can still record sound only (tick “Audio only”).")
    else:
        head = tr("No microphone found: a vlog needs sound, so recording is off.")
    kinds = [k for k, ok in (("camera", has_camera), ("microphone", has_microphone)) if not ok]
    # This computer's system first, then the others (support staff read the same screen).
    order = sorted(("linux", "darwin", "win32"), key=lambda p: p != ("win32" if platform.startswith("win") else
                                                                   "darwin" if platform == "darwin" else "linux"))
    tips = "".join(f"<li>{permission_help(kinds[0], p)}</li>" for p in order)
    return (f"<p><b>{head}</b></p><p>{tr('To fix it:')}</p><ul>{tips}</ul>"
            f"<p>{tr('Then press “Check again”. You can always import a video recorded elsewhere.')}</p>")


class NoDevicePanel(QFrame):
    recheck_clicked = Signal()
    import_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noDevice")
        self.setStyleSheet("#noDevice { background: #fff8e1; border: 1px solid #f0c36d; border-radius: 8px; }")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.recheck_button = QPushButton(tr("Check again"))
        self.import_button = QPushButton(tr("Import a video instead…"))
        row = QHBoxLayout()
        row.addWidget(self.recheck_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.message)
        lay.addLayout(row)
        self.recheck_button.clicked.connect(self.recheck_clicked)
        self.import_button.clicked.connect(self.import_clicked)

    def set_state(self, has_camera: bool, has_microphone: bool) -> None:
        self.message.setText(no_device_text(has_camera, has_microphone))
        self.setVisible(not (has_camera and has_microphone))


class RecoveryBanner(QFrame):
    """Offers a take left behind by a crash."""

    recover_clicked = Signal()
    discard_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery")
        self.setStyleSheet("#recovery { background: #e3f2fd; border: 1px solid #90caf9; border-radius: 8px; }")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.recover_button = QPushButton(tr("Recover it"))
        self.discard_button = QPushButton(tr("Discard"))
        lay = QHBoxLayout(self)
        lay.addWidget(self.message, 1)
        lay.addWidget(self.recover_button)
        lay.addWidget(self.discard_button)
        self.recover_button.clicked.connect(self.recover_clicked)
        self.discard_button.clicked.connect(self.discard_clicked)
        self.hide()


def paint_preview(frame: Frame | None, st: Status, size: tuple[int, int], *, mirror: bool, audio_only: bool,
                  font: QFont) -> QPixmap:
    """The preview image with the countdown or the REC badge drawn over it."""
    from vlogkit.capture.session import State

    w, h = size
    if frame is None:
        pix = QPixmap(w, h)
        pix.fill(QColor("#111"))
    else:
        img = QImage(frame.rgb, frame.width, frame.height, frame.width * 3, QImage.Format.Format_RGB888).copy()
        if mirror:
            img = img.flipped(Qt.Orientation.Horizontal) if hasattr(img, "flipped") else img.mirrored(True, False)
        pix = QPixmap.fromImage(img).scaled(w, h, Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if frame is None and audio_only:
        painter.setPen(QColor("#ccc"))
        painter.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter, tr("Audio only - speak and watch the meter"))
    if st.state is State.COUNTDOWN:
        painter.fillRect(pix.rect(), QColor(0, 0, 0, 110))
        big = QFont(font)
        big.setPointSize(96)
        big.setBold(True)
        painter.setFont(big)
        painter.setPen(QColor("white"))
        painter.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter, str(st.countdown))
    elif st.state is State.RECORDING:
        painter.setBrush(QColor("#e12d39"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QRectF(14, 14, 16, 16))
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(36, 10, 200, 24), Qt.AlignmentFlag.AlignVCenter, "REC " + st.elapsed_text)
    painter.end()
    return pix
