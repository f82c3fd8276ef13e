"""The consent record's two fields where consent is set (the import dialog, a vlog's details): the day the person
gave it - a date field with a calendar, in the UI language's date format, never after today in the user's zone -
and who records it. The rules on the day live in `app.consent` (the domain's `given_on_problem`); the field only
keeps the calendar from offering days after today."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget

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


class ConsentDateEdit(QDateEdit):
    """The day consent was given: a calendar popup, the UI language's date format, today at most."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        locale = ui_locale()
        self.setLocale(locale)
        fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
        self.setDisplayFormat(fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy"))  # a signed form's year in full
        self.setCalendarPopup(True)
        self.calendarWidget().setLocale(locale)
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
