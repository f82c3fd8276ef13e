"""The small dialog shown before an import: speaker, role, team, language and consent - with the day it was given
(default today) and who records it. It remembers the last speaker (selected, so typing another name replaces it) but
never the consent: that is each person's own, chosen every time."""

from __future__ import annotations

import datetime as dt
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
from vlogkit.errors import VlogkitError
from vlogkit.ui.consent_fields import ConsentDateEdit, recorded_by_edit
from vlogkit.ui.i18n import error_text, tr, trn

if TYPE_CHECKING:
    from vlogkit.config import Settings
    from vlogkit.services.consent import ConsentService
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
    def __init__(self, settings: Settings, count: int, parent: QWidget | None = None,
                 consent: ConsentService | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.consent_service = consent
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
        self.given_on = ConsentDateEdit(consent.today() if consent is not None else dt.date.today())
        self.recorded_by = recorded_by_edit(consent.user() if consent is not None else "")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()
        self.copy = QCheckBox(tr("Keep a copy in the library folder"))
        form.addRow(tr("Speaker"), self.name)
        form.addRow(tr("Role"), self.role)
        form.addRow(tr("Team"), self.team)
        form.addRow(tr("Language"), self.language)
        form.addRow(tr("Consent"), self.consent)
        form.addRow(tr("Given on"), self.given_on)
        form.addRow(tr("Recorded by"), self.recorded_by)
        form.addRow("", self.copy)
        lay.addLayout(form)
        note = QLabel(tr("Your files are never changed. Consent decides where clips and quotes may be used."))
        note.setWordWrap(True)
        lay.addWidget(note)
        lay.addWidget(self.problem)
        self.consent.currentIndexChanged.connect(self._on_consent_changed)
        self._on_consent_changed()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Import"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.name.selectAll()
        self.name.setFocus()

    def _on_consent_changed(self) -> None:
        given = ConsentScope(self.consent.currentData()) is not ConsentScope.NONE
        self.given_on.setEnabled(given)  # the day and the recorder describe a consent; none has neither
        self.recorded_by.setEnabled(given)
        self.problem.hide()

    def accept(self) -> None:
        """Import only with a day the consent rule accepts (asked of `app.consent`, the one place); else say why."""
        scope = ConsentScope(self.consent.currentData())
        if self.consent_service is not None and scope is not ConsentScope.NONE:
            try:
                self.consent_service.check_given_on(scope, self.given_on.day())
            except VlogkitError as exc:
                self.problem.setText(error_text(exc))
                self.problem.show()
                return
        super().accept()

    def options(self) -> ImportOptions:
        from vlogkit.services.library import ImportOptions

        scope = ConsentScope(self.consent.currentData())
        given = scope is not ConsentScope.NONE
        return ImportOptions(
            speaker=Speaker(self.name.text().strip(), self.role.text().strip(), self.team.text().strip()),
            language=str(self.language.currentData()),
            consent=scope,
            copy=self.copy.isChecked(),
            consent_date=self.given_on.day() if given else None,
            recorded_by=self.recorded_by.text().strip() if given else "",
        )

    def remember(self) -> None:
        self.settings.last_speaker = {
            "name": self.name.text().strip(), "role": self.role.text().strip(), "team": self.team.text().strip(),
            "language": str(self.language.currentData()),
        }
