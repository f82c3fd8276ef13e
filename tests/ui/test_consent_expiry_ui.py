"""The consent's last day in a vlog's details: a calendar date field in the UI language's date format that offers no
day before the day consent was given, or "No expiry"; driven with the keyboard, offscreen, read back from the library."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel

from vlogkit.domain import ConsentScope, Speaker
from vlogkit.services.library import ImportOptions
from vlogkit.ui.consent_fields import to_qdate


def _details(qtbot, app, clip12: Path, **consent: object):  # noqa: ANN001, ANN202
    from vlogkit.ui.vlog_details import VlogDetails

    r = app.library.import_file(clip12, ImportOptions(speaker=Speaker("Eva Claes"), consent=ConsentScope.EXTERNAL,
                                                      **consent))
    assert r.vlog is not None, r.error
    d = VlogDetails(app)
    qtbot.addWidget(d)
    d.set_vlog(r.vlog)
    d.resize(420, 480)
    d.show()
    qtbot.waitExposed(d)
    return d, r.vlog.id


def _tab_into(qtbot, widget) -> None:  # noqa: ANN001
    """Focus `widget` as Tab does (a date field then selects its first part, the day)."""
    widget.window().setFocus()
    qtbot.waitUntil(lambda: not widget.hasFocus())
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def _label_for(d, field) -> str:  # noqa: ANN001
    form = d.layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(field)
    assert isinstance(label, QLabel)
    return label.text()


def test_expiry_is_a_calendar_date_from_the_given_day_or_no_expiry_by_keyboard(qtbot, app, clip12: Path) -> None:  # noqa: ANN001
    today = app.consent.today()
    given = today - dt.timedelta(days=20)
    d, vid = _details(qtbot, app, clip12, consent_date=given)
    e = d.expires
    assert e.never.isChecked() and e.day() is None and not e.date_edit.isEnabled()  # imported without an expiry
    assert e.date_edit.calendarPopup() and e.date_edit.minimumDate() == to_qdate(given)
    assert _label_for(d, e) == "Expires" and _label_for(d, d.given_on) == "Given on"

    # Keyboard only: Tab from the date field reaches "No expiry"; Space unticks it; typing fills day, month, year.
    _tab_into(qtbot, d.given_on)
    for _ in range(6):
        if e.never.hasFocus():
            break
        qtbot.keyClick(d.focusWidget(), Qt.Key.Key_Tab)
    assert e.never.hasFocus()
    qtbot.keyClick(e.never, Qt.Key.Key_Space)
    assert not e.never.isChecked() and e.date_edit.isEnabled()
    assert d.given_on.day() == today  # a changed consent is a new record, given today unless the day is set
    d.given_on.set_day(given)
    assert e.date_edit.minimumDate() == to_qdate(given)
    _tab_into(qtbot, e.date_edit)
    year = given.year + 1
    qtbot.keyClicks(e.date_edit, f"3006{year}")  # passes 30/06/{given.year}, before the earliest day, on the way
    qtbot.keyClick(e.date_edit, Qt.Key.Key_Return)
    assert e.day() == dt.date(year, 6, 30)
    assert e.date_edit.text() == f"30/06/{year}"  # English as written in the UK: day first
    # No day before the given-on day: the arrow keys stop there, and the calendar starts there.
    e.date_edit.setDate(to_qdate(given + dt.timedelta(days=3)))
    e.date_edit.setSelectedSection(e.date_edit.Section.DaySection)
    for _ in range(6):
        qtbot.keyClick(e.date_edit, Qt.Key.Key_Down)
    assert e.day() == given
    assert e.date_edit.calendarWidget().minimumDate() == to_qdate(given)
    e.date_edit.setDate(to_qdate(given - dt.timedelta(days=1)))
    assert e.day() == given
    _tab_into(qtbot, e.date_edit)
    qtbot.keyClicks(e.date_edit, f"0101{given.year - 1}")  # typed before the earliest day: the earliest day
    qtbot.keyClick(e.date_edit, Qt.Key.Key_Tab)
    assert e.day() == given
    chosen = dt.date(year, 6, 30)
    _tab_into(qtbot, e.date_edit)
    qtbot.keyClicks(e.date_edit, f"3006{year}")  # left by clicking Save: the typed day counts
    qtbot.mouseClick(d.save_button, Qt.MouseButton.LeftButton)

    c = app.library.get(vid).consent
    assert (c.scope, c.date, c.expires) == (ConsentScope.EXTERNAL, given, chosen)
    assert f"until {chosen.isoformat()}" in d.history.text()
    assert not d.expires.never.isChecked() and d.expires.day() == chosen  # read back into the field

    # "No expiry" again, by keyboard: a new record without an end.
    d.expires.never.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(d.expires.never, Qt.Key.Key_Space)
    assert d.expires.day() is None and not d.expires.date_edit.isEnabled()
    qtbot.mouseClick(d.save_button, Qt.MouseButton.LeftButton)
    stored = app.library.get(vid)
    assert stored.consent.expires is None and len(stored.consent_history) == 3
    assert d.expires.never.isChecked()

    # Withdrawn: nothing to expire.
    d.consent.setCurrentIndex(d.consent.findData("none"))
    assert not d.expires.isEnabled()


def test_moving_the_given_day_moves_the_expiry_calendar_with_it(qtbot, app, clip12: Path) -> None:  # noqa: ANN001
    today = app.consent.today()
    given = today - dt.timedelta(days=40)
    ends = today - dt.timedelta(days=30)  # an expired consent
    d, vid = _details(qtbot, app, clip12, consent_date=given, consent_expires=ends)
    assert d.expires.day() == ends and d.expires.date_edit.isEnabled()
    d.given_on.set_day(today - dt.timedelta(days=10))  # renewed: the form signed 10 days ago
    assert d.expires.date_edit.minimumDate() == to_qdate(today - dt.timedelta(days=10))
    assert d.expires.day() == today - dt.timedelta(days=10)  # an end before the new day moves up to it, in sight
    later = today + dt.timedelta(days=365)
    d.expires.date_edit.setDate(to_qdate(later))
    qtbot.mouseClick(d.save_button, Qt.MouseButton.LeftButton)
    c = app.library.get(vid).consent
    assert (c.date, c.expires) == (today - dt.timedelta(days=10), later)


@pytest.mark.parametrize(("lang", "label", "never"), [("nl", "Vervalt", "Geen vervaldatum"),
                                                      ("fr", "Expire", "Sans expiration")])
def test_expiry_reads_in_dutch_and_french(qtbot, app, clip12: Path, lang: str, label: str, never: str) -> None:  # noqa: ANN001
    from vlogkit.ui.i18n import set_language

    set_language(lang)
    ends = dt.date(app.consent.today().year + 1, 6, 5)
    d, _ = _details(qtbot, app, clip12, consent_expires=ends)
    e = d.expires
    assert _label_for(d, e) == label and e.never.text() == never
    assert e.date_edit.text() == f"5/06/{ends.year}"  # as a Belgian Dutch or French reader writes a date
    assert e.never.width() >= e.never.sizeHint().width()  # "No expiry" is not cut
    assert e.date_edit.width() >= e.date_edit.sizeHint().width()
    qtbot.keyClick(e.never, Qt.Key.Key_Space)
    assert e.day() is None


def test_given_on_takes_a_typed_day_last_december(qtbot, app, clip12: Path) -> None:  # noqa: ANN001
    """Typing day, month, year into "Given on" (today at the latest) passes a day after today on the way when the
    day is in a later month of last year; the field takes the whole typed day."""
    today = app.consent.today()
    d, vid = _details(qtbot, app, clip12)
    signed = dt.date(today.year - 1, 12, 28)
    _tab_into(qtbot, d.given_on)
    qtbot.keyClicks(d.given_on, f"2812{signed.year}")
    qtbot.mouseClick(d.save_button, Qt.MouseButton.LeftButton)
    assert app.library.get(vid).consent.date == signed


def test_f4_or_alt_down_opens_a_date_fields_calendar_and_the_arrows_pick_a_day(qtbot) -> None:  # noqa: ANN001
    """Qt's date field has no key for its calendar; F4 and Alt+Down open it, as they open a drop-down list."""
    from PySide6.QtWidgets import QTableView

    from vlogkit.ui.consent_fields import ConsentDateEdit, ConsentExpiryEdit

    given = ConsentDateEdit(dt.date(2026, 11, 30))
    expiry = ConsentExpiryEdit(dt.date(2026, 11, 30))
    expiry.set_day(dt.date(2027, 6, 30))
    for field, key, modifier, picked in ((given, Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier, dt.date(2026, 11, 29)),
                                         (expiry.date_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier,
                                          dt.date(2027, 6, 29))):
        qtbot.addWidget(field)
        field.show()
        field.setFocus()
        assert not field.calendarWidget().isVisible()
        qtbot.keyClick(field, key, modifier)
        assert field.calendarWidget().isVisible()
        view = field.calendarWidget().findChild(QTableView)  # the calendar's day grid, which takes the keys
        qtbot.keyClick(view, Qt.Key.Key_Left)
        qtbot.keyClick(view, Qt.Key.Key_Return)
        assert not field.calendarWidget().isVisible()
        assert (field.date().year(), field.date().month(), field.date().day()) == (picked.year, picked.month, picked.day)
    expiry.never.setChecked(True)  # "No expiry": the greyed date opens nothing
    qtbot.keyClick(expiry.date_edit, Qt.Key.Key_F4)
    assert not expiry.date_edit.calendarWidget().isVisible()
