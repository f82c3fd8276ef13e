"""Speaker and consent details of one vlog, editable; consent changes are dated (the history is shown): the day the
person gave it (the date field; today unless changed), its last day (a date field never before that day, or "No
expiry") and who records it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from vlogkit.domain import Consent, ConsentScope, Speaker, Vlog
from vlogkit.errors import VlogkitError
from vlogkit.ui.consent_fields import ConsentDateEdit, ConsentExpiryEdit, recorded_by_edit, to_qdate
from vlogkit.ui.i18n import N_, error_text, tr
from vlogkit.ui.import_dialog import consent_label, fill_consent_combo

if TYPE_CHECKING:
    from vlogkit.services import App

TRUST_WORDS = {"team": N_("signed with the team key"), "foreign": N_("signed with another team's key"),
               "unsigned": N_("unsigned")}


def origin_line(vlog: Vlog) -> str:
    """Where a vlog came from when a hand-off package brought it ("" otherwise): the package, its sender, when it was
    sent, whether it was signed, who imported it when."""
    p = vlog.extra.get("provenance")
    if not isinstance(p, dict):
        return ""
    trust = str(p.get("trust", ""))
    return tr("Received in {package} from {sender}, sent on {sent} ({trust}); imported by {who} on {when}.",
              package=p.get("package", ""), sender=p.get("sender") or "?", sent=str(p.get("sent", ""))[:10],
              trust=tr(TRUST_WORDS[trust]) if trust in TRUST_WORDS else trust, who=p.get("imported_by") or "?",
              when=str(p.get("imported", ""))[:10])


def history_line(c: Consent) -> str:
    """One consent record as the details show it: what, the day it was given (or withdrawn), until, who recorded it."""
    day = c.date.isoformat() if c.date else "?"
    when = tr("withdrawn on {d}", d=day) if c.scope is ConsentScope.NONE else tr("given on {d}", d=day)
    return (f"{consent_label(c.scope)}, {when}" + (f" ({tr('until')} {c.expires.isoformat()})" if c.expires else "")
            + (f" — {tr('recorded by {who}', who=c.recorded_by)}" if c.recorded_by else ""))


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
        self.given_on = ConsentDateEdit(app.consent.today())
        self.expires = ConsentExpiryEdit(self.given_on.day())
        self.recorded_by = recorded_by_edit(app.user)
        self._syncing = False
        self._date_touched = False
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setStyleSheet("color: #546e7a;")
        self.save_button = QPushButton(tr("Save details"))
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        self.origin.setStyleSheet("color: #546e7a;")
        self.confirm_button = QPushButton(tr("Confirm the package's consent"))  # its claim waits for comms
        self.confirm_button.setToolTip(tr("Make the consent record the package claimed this vlog's consent, exactly as "
                                          "claimed (the day it was given, who recorded it); you are logged as the "
                                          "person who confirmed it."))
        form.addRow(tr("Speaker"), self.name)
        form.addRow(tr("Role"), self.role)
        form.addRow(tr("Team"), self.team)
        form.addRow(tr("Company"), self.company)
        form.addRow(tr("Consent"), self.consent)
        form.addRow(tr("Given on"), self.given_on)
        form.addRow(tr("Expires"), self.expires)
        form.addRow(tr("Recorded by"), self.recorded_by)
        form.addRow(self.history)
        form.addRow(self.origin)
        form.addRow(self.confirm_button)
        form.addRow(self.save_button)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.confirm_button.clicked.connect(self._on_confirm_clicked)
        self.given_on.dateChanged.connect(self._on_given_on_date_changed)
        self.consent.currentIndexChanged.connect(self._on_consent_edited)
        self.expires.edited.connect(self._on_consent_edited)

    def _on_given_on_date_changed(self) -> None:
        self.expires.set_earliest(self.given_on.day())  # the expiry's calendar starts at the day it was given
        if not self._syncing:
            self._date_touched = True

    def _on_consent_edited(self) -> None:
        """A new consent (or expiry) is given today unless the user sets the day; the field follows until then."""
        if self._syncing or self.vlog is None:
            return
        self._sync_date(self.app.consent.today())
        self._enable_dates()

    def _sync_date(self, day: object) -> None:
        if self._date_touched:
            return
        self._syncing = True
        try:
            self.given_on.setMaximumDate(to_qdate(self.app.consent.today()))  # the app may run past midnight
            self.given_on.set_day(day)  # type: ignore[arg-type]
        finally:
            self._syncing = False

    def _enable_dates(self) -> None:
        """The given-on day while there is a consent to date; the expiry only for a consent given (a withdrawal
        has no end)."""
        self.given_on.setEnabled(self._datable())
        self.expires.setEnabled(ConsentScope(self.consent.currentData()) is not ConsentScope.NONE)

    def _datable(self) -> bool:
        """A day to set: a consent chosen, or a stored one (a withdrawal can be dated too)."""
        return ConsentScope(self.consent.currentData()) is not ConsentScope.NONE or (
            self.vlog is not None and self.vlog.consent.date is not None)

    def set_vlog(self, vlog: Vlog) -> None:
        self.vlog = vlog
        s = vlog.speaker
        for w, v in ((self.name, s.name), (self.role, s.role), (self.team, s.team), (self.company, s.company)):
            w.setText(v)
        self._syncing = True
        try:
            self.consent.setCurrentIndex(max(0, self.consent.findData(vlog.consent.scope.value)))
        finally:
            self._syncing = False
        self._date_touched = False
        self._sync_date(vlog.consent.date or self.app.consent.today())
        self.expires.set_earliest(self.given_on.day())
        self.expires.set_day(vlog.consent.expires)
        self._enable_dates()
        self.recorded_by.setText(self.app.user)  # who records the next change
        lines = [history_line(c) for c in vlog.consent_history]
        self.history.setText(tr("Consent history:") + " " + ("; ".join(lines) if lines else tr("none recorded")))
        self.origin.setText(origin_line(vlog))
        self.origin.setVisible(bool(self.origin.text()))
        claimed = vlog.extra.get("consent_claimed")
        scope = Consent.from_dict(claimed.get("consent")).scope if isinstance(claimed, dict) else None
        if scope is not None:
            self.origin.setText(self.origin.text() + " " + tr("It claims this consent: {scope}; it counts once "
                                                              "confirmed.", scope=consent_label(scope)))
        self.confirm_button.setVisible(scope is not None)

    def _on_confirm_clicked(self) -> None:
        if self.vlog is None:
            return
        try:
            vlog = self.app.handoff.confirm_consent(self.vlog.id, by=self.recorded_by.text().strip())
        except VlogkitError as exc:
            self.error.emit(error_text(exc))
            return
        self.set_vlog(vlog)
        self.saved.emit(vlog)

    def _on_save_clicked(self) -> None:
        if self.vlog is None:
            return
        speaker = Speaker(self.name.text().strip(), self.role.text().strip(), self.team.text().strip(),
                          self.company.text().strip())
        try:
            vlog = self.app.library.edit(self.vlog.id, speaker=speaker,
                                         consent=ConsentScope(self.consent.currentData()),
                                         consent_expires=self.expires.day() or "",
                                         consent_date=self.given_on.day() if self._datable() else None,
                                         recorded_by=self.recorded_by.text().strip())
        except VlogkitError as exc:
            self.error.emit(error_text(exc))
            return
        self.set_vlog(vlog)
        self.saved.emit(vlog)
