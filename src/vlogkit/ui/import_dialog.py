"""The small dialog shown before an import: speaker, role, team, language and consent. It remembers the last speaker
(selected, so typing another name replaces it) but never the consent: that is each person's own, chosen every time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vlogkit.domain import ConsentScope, Speaker
from vlogkit.ui.i18n import tr, trn

if TYPE_CHECKING:
    from vlogkit.config import Settings
    from vlogkit.services.library import ImportOptions

SPOKEN_LANGUAGES = ["auto", "en", "nl", "fr", "de", "es", "it", "pt"]


def language_label(code: str) -> str:
    names = {"auto": tr("Detect automatically"), "en": tr("English"), "nl": tr("Dutch"), "fr": tr("French"),
             "de": tr("German"), "es": tr("Spanish"), "it": tr("Italian"), "pt": tr("Portuguese")}
    return names.get(code, code)


def consent_label(scope: ConsentScope) -> str:
    return {ConsentScope.NONE: tr("No consent recorded"), ConsentScope.INTERNAL: tr("Internal use"),
            ConsentScope.EXTERNAL: tr("External (public) use")}[scope]


def fill_language_combo(combo: QComboBox, current: str = "auto") -> None:
    for code in SPOKEN_LANGUAGES:
        combo.addItem(language_label(code), code)
    idx = combo.findData(current)
    combo.setCurrentIndex(max(0, idx))


def fill_consent_combo(combo: QComboBox, current: ConsentScope = ConsentScope.NONE) -> None:
    for scope in ConsentScope:
        combo.addItem(consent_label(scope), scope.value)
    combo.setCurrentIndex(max(0, combo.findData(current.value)))


class ImportDialog(QDialog):
    def __init__(self, settings: Settings, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(tr("Import vlogs"))
        last = settings.last_speaker or {}
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(trn("{n} file to import. Who speaks in it?", "{n} files to import. Who speaks in them?", count)))
        form = QFormLayout()
        self.name = QLineEdit(last.get("name", ""))
        self.role = QLineEdit(last.get("role", ""))
        self.team = QLineEdit(last.get("team", ""))
        self.language = QComboBox()
        fill_language_combo(self.language, last.get("language", settings.default_language or "auto"))
        self.consent = QComboBox()
        fill_consent_combo(self.consent, ConsentScope.NONE)  # never the previous person's consent
        self.copy = QCheckBox(tr("Keep a copy in the library folder"))
        form.addRow(tr("Speaker"), self.name)
        form.addRow(tr("Role"), self.role)
        form.addRow(tr("Team"), self.team)
        form.addRow(tr("Language"), self.language)
        form.addRow(tr("Consent"), self.consent)
        form.addRow("", self.copy)
        lay.addLayout(form)
        note = QLabel(tr("Your files are never changed. Consent decides where clips and quotes may be used."))
        note.setWordWrap(True)
        lay.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Import"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.name.selectAll()
        self.name.setFocus()

    def options(self) -> ImportOptions:
        from vlogkit.services.library import ImportOptions

        return ImportOptions(
            speaker=Speaker(self.name.text().strip(), self.role.text().strip(), self.team.text().strip()),
            language=str(self.language.currentData()),
            consent=ConsentScope(self.consent.currentData()),
            copy=self.copy.isChecked(),
        )

    def remember(self) -> None:
        self.settings.last_speaker = {
            "name": self.name.text().strip(), "role": self.role.text().strip(), "team": self.team.text().strip(),
            "language": str(self.language.currentData()),
        }
