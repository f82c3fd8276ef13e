"""One exception tree. Every message says what happened and what to do.

    VlogkitError                    anything vlogkit reports to a person (CLI: one line, exit 1; GUI: a dialog)
    +-- UsageError                  the command was asked for something that makes no sense (CLI exit 2)
    |   +-- ConsentDateError        a consent dated in the future, after its expiry or before a withdrawal
    +-- MediaError                  a file is missing, unreadable, not media, or lacks what the task needs
    |   +-- NoAudioError            nothing to transcribe
    +-- LibraryError                the library or bank database cannot be used (damaged, locked, schema too new)
    |   +-- NotFoundError           no vlog / quote with that id
    +-- ModelError                  a Whisper model cannot be found, assembled or downloaded
    +-- FfmpegError                 ffmpeg failed; the message carries the last meaningful line of its log
    +-- ConsentError                the material's consent does not allow what was asked
    +-- UnconfirmedWordError        an external output would burn in a swear word or slur nobody confirmed
    +-- DiskFullError               the disk filled up while writing an output
    +-- DeviceError                 a camera or microphone is missing or was lost
    +-- Cancelled                   the user cancelled a job (not an error to show as such)

Messages in the app's language. `str(exc)` is always the English text (the CLI prints it, logs keep it). A message
the app shows in Dutch and French is raised as a template marked with `N_()` plus its fields:

    raise MediaError(N_("{path}: the file is empty."), path=p)

`scripts/i18n_catalogue.py` collects every `N_()` text of the package into `resources/i18n/*.json`; the UI's
`error_text(exc)` (`vlogkit.ui.i18n`) translates the template and fills in the fields. A field may itself be a
`{"en": ..., "nl": ..., "fr": ...}` mapping (a part the core already words in each language), a `Number` (its decimal sign follows the
language), a `Phrase` (an `N_()`
text the app translates too) or another `VlogkitError` (worded the same way); `texts` holds whole messages already
written per language (the consent rule's refusals). Plain f-string messages stay English everywhere.
Templates take plain `{name}` fields only (format numbers before passing them), so every translation can fill them.
"""

from __future__ import annotations

from collections.abc import Mapping

LocalText = Mapping[str, str]
"""A text already written per language code (`en`, `nl`, `fr`); `en` is always there."""


def N_(text: str) -> str:  # noqa: N802 - the usual gettext marker name
    """Marks a message template for the UI catalogue; the UI translates it where it is shown (`error_text`)."""
    return text


class Phrase(str):
    """A field value the app translates too: an `N_()` text of the catalogue (a sentence of help, a subject such as
    "The clip's title"), with its own fields. As a `str` it is the English text filled in."""

    template: str
    fields: dict[str, object]

    def __new__(cls, template: str, /, **fields: object) -> Phrase:
        self = super().__new__(cls, template.format(**{k: _english(v) for k, v in fields.items()}) if fields
                               else template)
        self.template, self.fields = template, fields
        return self


class Number(str):
    """A number in a message, written the English way ("12.5"); the app writes it with its language's decimal comma.
    A `str` is a number (or a span: "3.1-7.5 s") the core already wrote the English way (`format_seconds`,
    `format_span`): it is kept as it is."""

    __slots__ = ()

    def __new__(cls, value: float | str, decimals: int = 1) -> Number:
        return super().__new__(cls, value if isinstance(value, str) else f"{value:.{decimals}f}")


def _english(value: object) -> object:
    return value.get("en", "") if isinstance(value, Mapping) else value


class VlogkitError(Exception):
    """Base of all errors vlogkit reports to people.

    `VlogkitError(message)`: an English message. `VlogkitError(N_(template), **fields)`: a message the app shows in
    its language; `str()` is the English template filled in."""

    exit_code = 1

    def __init__(self, message: str = "", /, **fields: object) -> None:
        self.template = message
        self.fields: dict[str, object] = fields
        self.texts: dict[str, str] = {}
        super().__init__(message.format(**{k: _english(v) for k, v in fields.items()}) if fields else message)

    def in_languages(self, texts: LocalText) -> VlogkitError:
        """The whole message as already written in each language (`texts[lang]`); the app shows its language's."""
        self.texts = dict(texts)
        return self

    def with_hint(self, hint: str) -> VlogkitError:
        """The English line (the CLI's) ends with what to do; the app words the template, without the commands."""
        line = str(self)
        self.args = (f"{line[:-1] if line.endswith('.') else line} - {hint}.",)
        return self

    def to_dict(self) -> dict[str, object]:
        """What a worker process sends back (JSON): the English line, the template, its fields, the texts. A
        `Number`, a `Phrase` or a nested error among the fields crosses as a tagged object, so the app still words
        it in its language."""
        return {"error": str(self), "template": self.template, "fields": _encode_fields(self.fields),
                "texts": self.texts}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> VlogkitError:
        """The error a worker process reported (`to_dict`), rebuilt for the app to show in its language."""
        fields = data.get("fields")
        template = data.get("template")
        if isinstance(template, str) and isinstance(fields, Mapping) and fields:
            try:
                exc = cls(template, **_decode_fields(fields))
            except (KeyError, IndexError, ValueError, TypeError):
                exc = cls(str(data.get("error", "")))
        else:
            exc = cls(str(data.get("error", template or "")))
        texts = data.get("texts")
        if isinstance(texts, Mapping):
            exc.texts = {str(k): str(v) for k, v in texts.items()}
        return exc


def _encode(value: object) -> object:
    if isinstance(value, Number):
        return {"$number": str(value)}
    if isinstance(value, Phrase):
        return {"$phrase": value.template, "fields": _encode_fields(value.fields)}
    if isinstance(value, VlogkitError):
        return {"$error": value.to_dict()}
    if isinstance(value, Mapping):
        return {str(k): str(v) for k, v in value.items()}
    return value if isinstance(value, int | float) else str(value)


def _encode_fields(fields: Mapping[str, object]) -> dict[str, object]:
    return {k: _encode(v) for k, v in fields.items()}


def _decode(value: object) -> object:
    if isinstance(value, Mapping):
        if "$number" in value:
            return Number(str(value["$number"]))
        if "$phrase" in value:
            inner = value.get("fields")
            return Phrase(str(value["$phrase"]), **(_decode_fields(inner) if isinstance(inner, Mapping) else {}))
        if "$error" in value and isinstance(value["$error"], Mapping):
            return VlogkitError.from_dict(value["$error"])
        return {str(k): str(v) for k, v in value.items()}
    return value


def _decode_fields(fields: Mapping[object, object]) -> dict[str, object]:
    return {str(k): _decode(v) for k, v in fields.items()}


class UsageError(VlogkitError):
    exit_code = 2


class ConsentDateError(UsageError):
    pass


class MediaError(VlogkitError):
    pass


class NoAudioError(MediaError):
    pass


class LibraryError(VlogkitError):
    pass


class NotFoundError(LibraryError):
    pass


class ModelError(VlogkitError):
    pass


class FfmpegError(VlogkitError):
    pass


class ConsentError(VlogkitError):
    pass


class UnconfirmedWordError(VlogkitError):
    pass


class DiskFullError(VlogkitError):
    pass


class DeviceError(VlogkitError):
    pass


class Cancelled(VlogkitError):
    """Raised inside a job when the user cancelled it."""

    exit_code = 130

    def __init__(self, message: str = N_("Cancelled."), /, **fields: object) -> None:
        super().__init__(message, **fields)
