"""The parts of the Record tab: prompt card, keep form (speaker + consent), no-device panel, recovery banner."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
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

from vlogkit.capture.backend import FILE_DEVICE_NAME, DeviceInfo
from vlogkit.domain import ConsentScope, Speaker
from vlogkit.errors import VlogkitError
from vlogkit.ui.i18n import N_, current_language, error_text, tr

if TYPE_CHECKING:
    from vlogkit.services.prompts import PromptService


class PromptCard(QFrame):
    """The question shown large above the preview; pick one, shuffle, or manage the list."""

    error_raised = Signal(str)

    def __init__(self, prompts: PromptService, parent: QWidget | None = None) -> None:
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
        font.setPointSize(17)
        font.setBold(True)
        self.text.setFont(font)
        self.text.setMinimumHeight(40)
        self.choice = QComboBox()
        self.choice.setMinimumWidth(200)
        self.shuffle_button = QPushButton(tr("Shuffle"))
        self.manage_button = QToolButton()
        self.manage_button.setText(tr("Prompts…"))
        self.manage_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self.manage_button)
        menu.addAction(tr("Add a prompt…"), self.add_prompt)
        self.examples_action = menu.addAction(tr("Add example questions"), self.add_examples)
        menu.addAction(tr("Edit this prompt…"), self.edit_current)
        menu.addAction(tr("Move this prompt up"), lambda: self.move_current(-1))
        menu.addAction(tr("Move this prompt down"), lambda: self.move_current(+1))
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
        lay.setContentsMargins(12, 8, 12, 8)
        lay.setSpacing(4)
        lay.addWidget(self.text)
        lay.addLayout(row)
        self.choice.currentIndexChanged.connect(self._on_choice_currentIndexChanged)
        self.shuffle_button.clicked.connect(self.shuffle)
        self.refresh()

    def current(self) -> str:
        return str(self.choice.currentData() or "")

    def add_examples(self) -> None:
        """Example questions in the app's language, the first one chosen (a new library has none)."""
        try:
            added = self.prompts.add_examples(current_language())
        except VlogkitError as exc:
            self.error_raised.emit(error_text(exc))
            return
        self.refresh(select=added[0].text if added else "")

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

    def edit_current(self) -> None:
        match = self.prompts.find(self.current()) if self.current() else None
        if match is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, tr("Edit the prompt"), tr("Question to show:"), match.text)
        if ok:
            self._guard(lambda: self.refresh(select=self.prompts.update(match.id, text).text))

    def move_current(self, step: int) -> None:
        """The chosen question one place earlier (-1) or later (+1) in the list; the others keep their order."""
        match = self.prompts.find(self.current()) if self.current() else None
        if match is not None:
            self._guard(lambda: self.prompts.move(match.id, max(1, self.prompts.number(match.id) + step)))
            self.refresh(select=match.text)

    def remove_current(self) -> None:
        cur = self.current()
        match = self.prompts.find(cur) if cur else None
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
            self._guard(lambda: self.prompts.export_text(path, overwrite=True))  # the dialog asked

    def _guard(self, fn) -> None:  # type: ignore[no-untyped-def]
        try:
            fn()
        except VlogkitError as exc:
            self.error_raised.emit(error_text(exc))


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
        consent = QVBoxLayout()  # one above the other: the label beside them stays whole in every language
        consent.addWidget(self.internal)
        consent.addWidget(self.external)
        form.addRow(tr("Consent"), consent)
        note = QLabel(tr("The consent is stored with today's date, as on import."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #616e7c;")
        form.addRow(note)

    def speaker(self) -> Speaker:
        return Speaker(self.name.text().strip(), self.role.text().strip(), self.team.text().strip())

    def journal_details(self) -> dict[str, object]:
        """The speaker as filled in when a take starts: kept in the take's journal, so a take recovered after a
        crash comes back with the name. Not the consent: the form's choice is only given at Keep (it may still be
        the previous person's), so a recovered take asks for it again - `vlogkit record --recover` too."""
        return {"speaker": self.speaker().to_dict()} if self.speaker().name else {}

    def fill(self, details: dict[str, object]) -> bool:
        """Fill in what a recovered take's journal knows; True when it gave both a speaker and a consent."""
        who = details.get("speaker")
        named = isinstance(who, dict) and bool(str(who.get("name") or "").strip())
        if named and isinstance(who, dict):
            speaker = Speaker.from_dict(who)
            for box, value in ((self.name, speaker.name), (self.role, speaker.role), (self.team, speaker.team)):
                box.setText(value)
        scope = details.get("consent")
        if scope == ConsentScope.EXTERNAL.value:
            self.external.setChecked(True)
        elif scope == ConsentScope.INTERNAL.value:
            self.internal.setChecked(True)
        return named and scope in (ConsentScope.INTERNAL.value, ConsentScope.EXTERNAL.value)

    def consent(self) -> ConsentScope:
        if self.external.isChecked():
            return ConsentScope.EXTERNAL
        if self.internal.isChecked():
            return ConsentScope.INTERNAL
        return ConsentScope.NONE


# Why a take ended (`capture.session.STOP_REASONS`, keyed by the same stable codes), in the UI language.
STOP_REASON_TEXTS = {
    "stopped": N_("Stopped."),
    "limit": N_("Time limit reached."),
    "device_lost": N_("The camera or microphone was disconnected; what was recorded up to then is kept."),
    "source_ended": N_("The source file ended; what was recorded is kept."),
    "interrupted": N_("Recording interrupted; what was recorded up to then is kept."),
    "recovered": N_("Recovered after vlogkit stopped unexpectedly."),
}


def device_label(d: DeviceInfo) -> str:
    """A camera or microphone as the device boxes show it: a media file standing in for one (`vlogkit gui
    --from-file`) is named in the app's language."""
    name = tr(FILE_DEVICE_NAME, name=d.file) if d.file else d.name
    return name + (tr(" (default)") if d.default else "")


def stop_reason_text(code: str) -> str:
    """The stop reason in the UI language; an unknown code falls back to the session's English text."""
    from vlogkit.capture.session import STOP_REASONS

    if code in STOP_REASON_TEXTS:
        return tr(STOP_REASON_TEXTS[code])
    return STOP_REASONS.get(code, tr("Stopped."))


def _missing(has_camera: bool, has_microphone: bool) -> list[str]:
    return [k for k, ok in (("camera", has_camera), ("microphone", has_microphone)) if not ok]


def no_device_head(has_camera: bool, has_microphone: bool) -> str:
    if has_camera and has_microphone:
        return ""
    if not has_camera and not has_microphone:
        return tr("No camera and no microphone found, so you cannot record here.")
    if not has_camera:
        return tr("No camera found. You can still record sound only (tick “Audio only”).")
    return tr("No microphone found: a vlog needs sound, so recording is off.")


def permission_tips(has_camera: bool, has_microphone: bool, platforms: list[str]) -> list[str]:
    """Translated "how to fix it" lines for the missing devices on the given systems."""
    from vlogkit.capture.devices import PERMISSION_HELP

    lines = []
    for p in platforms:  # one line per system: "Linux: plug the camera in ... Plug the microphone in ..."
        tips = [tr(PERMISSION_HELP[(p, kind)]) for kind in _missing(has_camera, has_microphone)]
        rest = [t.split(": ", 1)[1] if ": " in t else t for t in tips[1:]]
        lines.append(" ".join([tips[0], *(r[:1].upper() + r[1:] for r in rest)]) if tips else "")
    return [line for line in lines if line]


def no_device_text(has_camera: bool, has_microphone: bool, platform: str | None = None) -> str:
    """The short message: what is missing and how to fix it on this computer's system."""
    from vlogkit.capture.devices import platform_key

    head = no_device_head(has_camera, has_microphone)
    if not head:
        return ""
    tips = "<br>".join(html.escape(t) for t in permission_tips(has_camera, has_microphone, [platform_key(platform)]))
    return (f"<b>{html.escape(head)}</b><br>{html.escape(tr('To fix it:'))} {tips}<br>"
            f"<span style='color:#616e7c'>"
            f"{html.escape(tr('Then press “Check again”. You can always import a video recorded elsewhere.'))}</span>")


def other_systems_text(has_camera: bool, has_microphone: bool, platform: str | None = None) -> str:
    """The same fix on the other two systems (support staff read the same screen)."""
    from vlogkit.capture.devices import platform_key

    here = platform_key(platform)
    others = [p for p in ("linux", "darwin", "win32") if p != here]
    return "<br>".join(html.escape(t) for t in permission_tips(has_camera, has_microphone, others))


class NoDevicePanel(QFrame):
    """What is missing and how to fix it here; the other systems' steps fold out, to keep the tab short."""

    recheck_clicked = Signal()
    import_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noDevice")
        self.setStyleSheet("#noDevice { background: #fff8e1; border: 1px solid #f0c36d; border-radius: 8px; }")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.hide()
        self.recheck_button = QPushButton(tr("Check again"))
        self.import_button = QPushButton(tr("Import a video instead…"))
        self.details_button = QToolButton()
        self.details_button.setText(tr("Other systems"))
        self.details_button.setCheckable(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.setAutoRaise(True)
        row = QHBoxLayout()
        row.addWidget(self.recheck_button)
        row.addWidget(self.import_button)
        row.addWidget(self.details_button)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.setSpacing(4)
        lay.addWidget(self.message)
        lay.addWidget(self.details)
        lay.addLayout(row)
        self.recheck_button.clicked.connect(self.recheck_clicked)
        self.import_button.clicked.connect(self.import_clicked)
        self.details_button.toggled.connect(self._on_details_button_toggled)

    def set_state(self, has_camera: bool, has_microphone: bool) -> None:
        self.message.setText(no_device_text(has_camera, has_microphone))
        self.details.setText(other_systems_text(has_camera, has_microphone))
        self.setVisible(not (has_camera and has_microphone))

    def _on_details_button_toggled(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)


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
