"""Speaker and consent details of one vlog, editable; consent changes are dated (the history is shown)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from vlogkit.domain import ConsentScope, Speaker, Vlog
from vlogkit.errors import VlogkitError
from vlogkit.ui.i18n import error_text, tr
from vlogkit.ui.import_dialog import consent_label, fill_consent_combo

if TYPE_CHECKING:
    from vlogkit.services import App


class VlogDetails(QGroupBox):
    saved = Signal(object)  # the updated Vlog
    error = Signal(str)

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(tr("Speaker and consent"), parent)
        self.app = app
        self.vlog: Vlog | None = None
        form = QFormLayout(self)
        self.name, self.role, self.team, self.company = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.consent = QComboBox()
        fill_consent_combo(self.consent)
        self.expires = QLineEdit()
        self.expires.setPlaceholderText(tr("YYYY-MM-DD (optional)"))
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setStyleSheet("color: #546e7a;")
        self.save_button = QPushButton(tr("Save details"))
        form.addRow(tr("Speaker"), self.name)
        form.addRow(tr("Role"), self.role)
        form.addRow(tr("Team"), self.team)
        form.addRow(tr("Company"), self.company)
        form.addRow(tr("Consent"), self.consent)
        form.addRow(tr("Expires"), self.expires)
        form.addRow(self.history)
        form.addRow(self.save_button)
        self.save_button.clicked.connect(self._on_save_clicked)

    def set_vlog(self, vlog: Vlog) -> None:
        self.vlog = vlog
        s = vlog.speaker
        for w, v in ((self.name, s.name), (self.role, s.role), (self.team, s.team), (self.company, s.company)):
            w.setText(v)
        self.consent.setCurrentIndex(max(0, self.consent.findData(vlog.consent.scope.value)))
        self.expires.setText(vlog.consent.expires.isoformat() if vlog.consent.expires else "")
        lines = [f"{c.date.isoformat() if c.date else '?'}: {consent_label(c.scope)}"
                 + (f" ({tr('until')} {c.expires.isoformat()})" if c.expires else "")
                 + (f" — {c.recorded_by}" if c.recorded_by else "")
                 for c in vlog.consent_history]
        self.history.setText(tr("Consent history:") + " " + ("; ".join(lines) if lines else tr("none recorded")))

    def _on_save_clicked(self) -> None:
        if self.vlog is None:
            return
        speaker = Speaker(self.name.text().strip(), self.role.text().strip(), self.team.text().strip(),
                          self.company.text().strip())
        try:
            vlog = self.app.library.edit(self.vlog.id, speaker=speaker,
                                         consent=ConsentScope(self.consent.currentData()),
                                         consent_expires=self.expires.text().strip())
        except VlogkitError as exc:
            self.error.emit(error_text(exc))
            return
        self.set_vlog(vlog)
        self.saved.emit(vlog)
