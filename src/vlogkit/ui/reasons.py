"""Why the quote finder scored a line, in the UI language, with its points.

The finder gives each reason a stable `code`, a phrase in the vlog's language, its points and the words it found
(`Reason.words`); `vlogkit.quotes.reasons.phrase` says the same reason in English, Dutch or French, so the app shows
it in the UI language with the spoken words as said (a reason that found no words to quote reads without them). A
reason with a code the finder no longer knows, or one an older finder cached with its words only inside its text,
shows the text it came with.
"""

from __future__ import annotations

from typing import Any

from vlogkit.quotes.reasons import reason_in
from vlogkit.ui.i18n import current_language


def _fields(reason: Any) -> tuple[str, str, str, int | None]:
    if isinstance(reason, dict):
        return (str(reason.get("code", "")), str(reason.get("text", "")), str(reason.get("words", "")),
                reason.get("points"))
    return (str(getattr(reason, "code", "")), str(getattr(reason, "text", "")), str(getattr(reason, "words", "")),
            getattr(reason, "points", None))


def reason_text(reason: Any) -> str:
    """A `Reason` (or its dict) in the UI language."""
    code, text, words, _ = _fields(reason)
    return reason_in(code, text, words, current_language())


def reason_tone(reason: Any) -> int:
    """+1 when the reason raised the score, -1 when it lowered it, 0 when unknown or worth nothing."""
    points = _fields(reason)[3]
    return (points > 0) - (points < 0) if isinstance(points, int) else 0


def reason_points(reason: Any) -> str:
    """The reason's points, signed ("+12", "-3"); "" when it has none."""
    points = _fields(reason)[3]
    return f"{points:+d}" if isinstance(points, int) else ""


def reason_line(reason: Any) -> str:
    """The reason in the UI language and its points: "strong contrast ('not ... but') +12"."""
    pts = reason_points(reason)
    return f"{reason_text(reason)} {pts}" if pts else reason_text(reason)
