"""The consent record's fields where consent is set (the import dialog, a vlog's details): the day the person
gave it - a date field with a calendar, in the UI language's date format, never after today in the user's zone -
who records it, and (in the details) the last day it holds: the same kind of date field, never before the day it
was given, or "No expiry". The rules on the days live in `app.consent` (the domain's `given_on_problem`); the fields
only keep the calendars from offering days the rule would refuse."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from vlogkit.ui.i18n import current_language, tr

_LOCALES = {"en": QLocale.Language.English, "nl": QLocale.Language.Dutch, "fr": QLocale.Language.French}


def ui_locale() -> QLocale:
    """The UI language's locale (English as written in the UK: day before month, as in the rest of Europe)."""
    country = {"en": QLocale.Country.UnitedKingdom, "nl": QLocale.Country.Belgium, "fr": QLocale.Country.Belgium}
    lang = current_language()
    return QLocale(_LOCALES.get(lang, QLocale.Language.English), country.get(lang, QLocale.Country.UnitedKingdom))


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def localise(edit: QDateEdit) -> None:
    """A date field as the UI language writes dates (the year in full: a signed form's), with a calendar popup.
    A typed date counts when the field is left or Enter is pressed (Qt's keyboard tracking off), so typing day,
    month and year may pass a day out of range on the way (30/06 typed into 10/11 with 10/11 as the earliest day);
    a day still out of range then becomes the nearest allowed one."""
    edit.setKeyboardTracking(False)
    locale = ui_locale()
    edit.setLocale(locale)
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    edit.setDisplayFormat(fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy"))
    edit.setCalendarPopup(True)
    edit.calendarWidget().setLocale(locale)
    edit.installEventFilter(_CALENDAR_KEYS)


class _CalendarKeys(QObject):
    """F4 or Alt+Down opens a date field's calendar, as they open a drop-down list: Qt's date field has no key for
    it. The calendar opens as a click on the field's arrow opens it."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not (isinstance(obj, QDateEdit) and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                and obj.calendarPopup() and obj.isEnabled()):
            return False
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if event.key() != Qt.Key.Key_F4 and not (alt and event.key() == Qt.Key.Key_Down):
            return False
        opt = QStyleOptionComboBox()
        opt.initFrom(obj)
        arrow = obj.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                           QStyle.SubControl.SC_ComboBoxArrow, obj)
        at = QPointF(arrow.center()) if arrow.isValid() else QPointF(obj.width() - 6, obj.height() / 2)
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            QApplication.sendEvent(obj, QMouseEvent(kind, at, obj.mapToGlobal(at), Qt.MouseButton.LeftButton,
                                                    Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
        return True


_CALENDAR_KEYS = _CalendarKeys()


class ConsentDateEdit(QDateEdit):
    """The day consent was given: a calendar popup, the UI language's date format, today at most."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        localise(self)
        self.setMaximumDate(to_qdate(today))
        self.setDate(to_qdate(today))
        self.setToolTip(tr("The day the person gave consent, e.g. the date on the signed form (today at the latest)."))

    def day(self) -> dt.date:
        return from_qdate(self.date())

    def set_day(self, day: dt.date) -> None:
        self.setDate(to_qdate(day))


def recorded_by_edit(user: str, parent: QWidget | None = None) -> QLineEdit:
    """Who records the consent, prefilled with `user` (the settings user name, else the OS account)."""
    edit = QLineEdit(user, parent)
    edit.setPlaceholderText(user)
    edit.setToolTip(tr("Who records this consent (kept with the record, with the moment it was entered)."))
    return edit


class ConsentExpiryEdit(QWidget):
    """The last day a consent holds: a calendar date field in the UI language's date format that offers no day
    before the day consent was given (`set_earliest`), and a "No expiry" box beside it (ticked: the consent has no
    end; the date field is then greyed). `edited` is emitted for the user's changes only."""

    edited = Signal()

    def __init__(self, earliest: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self.date_edit = QDateEdit()
        localise(self.date_edit)
        self.date_edit.setToolTip(tr("The last day the consent holds; the calendar starts at the day it was given."))
        self.never = QCheckBox(tr("No expiry"))
        self.never.setToolTip(tr("The consent holds until it is withdrawn."))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.date_edit, 1)
        lay.addWidget(self.never)
        self.setFocusProxy(self.date_edit)
        self.set_earliest(earliest)
        self.set_day(None)
        self.date_edit.dateChanged.connect(self._on_date_edit_date_changed)
        self.never.toggled.connect(self._on_never_toggled)

    def day(self) -> dt.date | None:
        """The last day, or None for no expiry."""
        return None if self.never.isChecked() else from_qdate(self.date_edit.date())

    def set_day(self, day: dt.date | None) -> None:
        """Show `day` (None: "No expiry", the date field offering a year after the earliest day)."""
        self._quiet = True
        try:
            earliest = from_qdate(self.date_edit.minimumDate())
            shown = day if day is not None else _a_year_after(earliest)
            if shown < earliest:  # a stored record the rule would refuse now is shown as it is, not moved
                self.date_edit.setMinimumDate(to_qdate(shown))
            self.date_edit.setDate(to_qdate(shown))
            self.never.setChecked(day is None)
            self.date_edit.setEnabled(day is not None)
        finally:
            self._quiet = False

    def set_earliest(self, day: dt.date) -> None:
        """No day before `day` (the day consent was given): an expiry before it moves up to it (the row beside
        shows it); with "No expiry" the greyed field offers a year after it."""
        self._quiet = True
        try:
            self.date_edit.setMinimumDate(to_qdate(day))
            if self.never.isChecked():
                self.date_edit.setDate(to_qdate(_a_year_after(day)))
        finally:
            self._quiet = False

    def _on_date_edit_date_changed(self) -> None:
        if not self._quiet:
            self.edited.emit()

    def _on_never_toggled(self, checked: bool) -> None:
        self.date_edit.setEnabled(not checked)
        if not self._quiet:
            self.edited.emit()


def _a_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day + dt.timedelta(days=365)
