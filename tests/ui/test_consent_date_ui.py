"""The day consent was given and who recorded it, in the app: the import dialog and a vlog's details, offscreen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from vlogkit.ui.consent_fields import to_qdate


def _ok(dlg) -> object:  # noqa: ANN001
    return dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def test_import_dialog_records_a_past_day_and_who_recorded_it(qtbot, window, clip12: Path) -> None:  # noqa: ANN001
    app = window.app
    app.settings.user_name = "Comms Team"
    today = app.consent.today()
    window.import_paths([str(clip12)])
    dlg = window.import_dialog
    qtbot.waitExposed(dlg)
    assert dlg.consent.currentText() == "No consent recorded"
    assert not dlg.given_on.isEnabled() and not dlg.recorded_by.isEnabled()  # nothing to date without a consent
    assert dlg.given_on.day() == today and dlg.recorded_by.text() == "Comms Team"
    assert dlg.given_on.calendarPopup() and dlg.given_on.maximumDate() == to_qdate(today)
    dlg.given_on.set_day(today + dt.timedelta(days=5))
    assert dlg.given_on.day() == today  # the calendar offers no day after today
    dlg.consent.setCurrentIndex(dlg.consent.findData("external"))
    assert dlg.given_on.isEnabled() and dlg.recorded_by.isEnabled()
    signed = today - dt.timedelta(days=33)
    dlg.given_on.set_day(signed)
    dlg.recorded_by.setText("Eva Claes")
    qtbot.mouseClick(_ok(dlg), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.library.list.count() == 1, timeout=60000)
    vlog = app.library.get(window.library.list.item(0).data(Qt.ItemDataRole.UserRole))
    c = vlog.consent
    assert (c.scope.value, c.date, c.recorded_by) == ("external", signed, "Eva Claes")
    assert c.recorded_at.startswith(today.isoformat())  # when it was entered stays the real moment
    assert app.library.get(vlog.id).consent_history[0].date == signed  # read back from the library file
    window.import_paths([str(clip12)])  # the next import starts afresh: no consent, today, the default recorder
    again = window.import_dialog
    assert again.consent.currentData() == "none" and again.given_on.day() == today
    assert again.recorded_by.text() == "Comms Team"
    again.reject()


def test_import_dialog_stays_open_and_says_why_in_dutch(qtbot, window, clip12: Path) -> None:  # noqa: ANN001
    """A day the rule refuses (the user's zone moved to a day before the field's date) keeps the dialog open with the
    reason in the UI language; the field shows dates as a Belgian Dutch reader writes them."""
    from vlogkit.ui.i18n import set_language
    from vlogkit.ui.import_dialog import ImportDialog

    set_language("nl")
    app = window.app
    dlg = ImportDialog(app.settings, 1, window, consent=app.consent)
    qtbot.addWidget(dlg)
    today = app.consent.today()
    assert dlg.given_on.text() == f"{today.day}/{today.month:02d}/{today.year}"
    assert dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).text() == "Importeren"
    dlg.consent.setCurrentIndex(dlg.consent.findData("internal"))
    dlg.given_on.setMaximumDate(to_qdate(today + dt.timedelta(days=2)))
    dlg.given_on.set_day(today + dt.timedelta(days=2))
    dlg.show()
    qtbot.mouseClick(_ok(dlg), Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and dlg.result() == 0
    assert dlg.problem.isVisible() and "ligt in de toekomst" in dlg.problem.text()


def test_details_set_a_past_day_and_the_recorder_and_show_them(qtbot, window, clip12: Path) -> None:  # noqa: ANN001
    from tests.ui.conftest import import_and_wait

    app = window.app
    vid = import_and_wait(qtbot, window, clip12)
    window.open_vlog(vid)
    d = window.editor.details
    qtbot.waitUntil(lambda: d.vlog is not None and d.vlog.id == vid)
    today = app.consent.today()
    assert d.given_on.day() == today and d.recorded_by.text() == app.user
    d.role.setText("Lead engineer")  # saving other details leaves the consent record alone
    qtbot.mouseClick(d.save_button, Qt.MouseButton.LeftButton)
    assert len(app.library.get(vid).consent_history) == 1
    d.consent.setCurrentIndex(d.consent.findData("external"))
    signed = today - dt.timedelta(days=12)
    d.given_on.set_day(signed)
    d.recorded_by.setText("Press Office")
    qtbot.mouseClick(d.save_button, Qt.MouseButton.LeftButton)
    c = app.library.get(vid).consent
    assert (c.scope.value, c.date, c.recorded_by) == ("external", signed, "Press Office")
    assert f"given on {signed.isoformat()}" in d.history.text() and "recorded by Press Office" in d.history.text()
    assert d.given_on.day() == signed  # the details now show the stored record's day
    d.expires.never.setChecked(False)  # a new record: given today unless the day is set
    assert d.given_on.day() == today
    d.given_on.set_day(signed)
    d.expires.date_edit.setDate(to_qdate(signed - dt.timedelta(days=1)))  # the calendar offers no earlier end
    assert d.expires.day() == signed
