"""The UI's string catalogue: English source strings, Dutch and French from `resources/i18n/<code>.json`.

`tr("Import…")` returns the string in the current UI language (English when no translation exists). The language is
chosen once at start-up (`set_language`) from the settings, or the system locale; switching applies after a restart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from vlogkit.catalogue import say
from vlogkit.config import app_language
from vlogkit.errors import Number, Phrase, VlogkitError

LANGUAGES = {"en": "English", "nl": "Nederlands", "fr": "Français"}  # config.APP_LANGUAGES, named

_current = "en"


def set_language(code: str | None) -> str:
    """Use `code` ('' or None = the system locale). Returns the language in use."""
    global _current
    _current = app_language(code)
    return _current


def current_language() -> str:
    return _current


def N_(text: str) -> str:  # noqa: N802 - the usual gettext marker name
    """Marks a string for the catalogue where it is defined; `tr()` translates it where it is shown."""
    return text


def trn(one: str, many: str, count: int, /, **fields: object) -> str:
    """The translated singular or plural form of a message about `count` things (French counts 0 as singular too);
    `{n}` is `count` unless given."""
    singular = count == 1 or (count == 0 and _current == "fr")
    return tr(one if singular else many, **{"n": count, **fields})


def tr(text: str, /, **fields: object) -> str:
    """The translation of `text`; `{name}` fields are filled in after translating."""
    return say(text, _current, **fields)


def tr_known(text: str, fixed: frozenset[str], patterns: Sequence[tuple[re.Pattern[str], str]],
             value: Callable[[str, str], str] = lambda _field, v: v) -> str:
    """`text` the core wrote in English, in the UI language when it is one of `fixed`, or matches one of `patterns`
    (whose named groups fill the template's fields, each through `value`); unchanged otherwise."""
    if text in fixed:
        return tr(text)
    for pattern, template in patterns:
        m = pattern.fullmatch(text)
        if m:
            return tr(template, **{k: value(k, v) for k, v in m.groupdict().items()})
    return text


def error_text(error: BaseException | str) -> str:
    """The one way the app words an error: a `VlogkitError` raised with an `N_()` template (or with `texts`) in the
    UI language with its fields filled in, and a `Phrase` the same way; anything else as it is (English). A plain
    string passes through."""
    if isinstance(error, Phrase):  # a message made of an `N_()` text and fields (an inbox event)
        return str(_field_text(error))
    if not isinstance(error, VlogkitError):
        return str(error)
    if error.texts:
        return error.texts.get(_current) or str(error)
    if not error.fields:
        return tr(error.template) if error.template else str(error)
    fields = {k: _field_text(v) for k, v in error.fields.items()}
    try:
        return tr(error.template, **fields)
    except (KeyError, IndexError, ValueError):  # a translation naming a field the template lacks: say it in English
        return str(error)


def number_text(value: float | str, decimals: int = 1) -> str:
    """A number (or one the core already wrote the English way: `format_seconds`) with the UI language's decimal
    sign: "12.5" in English, "12,5" in Dutch and French."""
    return _field_text(Number(value, decimals))  # type: ignore[return-value]


def _field_text(value: object) -> object:
    if isinstance(value, Mapping):
        return value.get(_current) or value.get("en", "")
    if isinstance(value, VlogkitError):
        return error_text(value)
    if isinstance(value, Number):
        return value.replace(".", ",") if _current in ("nl", "fr") else str(value)
    if isinstance(value, Phrase):
        if not value.fields:
            return tr(value.template)
        try:
            return tr(value.template, **{k: _field_text(v) for k, v in value.fields.items()})
        except (KeyError, IndexError, ValueError):
            return str(value)
    return value
