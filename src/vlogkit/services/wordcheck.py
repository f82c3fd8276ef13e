"""The embarrassment guard's gate: every external output that burns words into pixels (captions of a clip, its title
or lower third, a quote card, a slide) calls `require_confirmed` first. The rule itself is `domain.sensitive`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from vlogkit.domain import Transcript, Word
from vlogkit.domain.sensitive import fold, sensitive_words, to_confirm
from vlogkit.errors import N_, Number, Phrase, UnconfirmedWordError


def require_confirmed(
    audience: str, words: Sequence[Word], *, vlog_id: str, what: str | Phrase, text: str | None = None,
    language: str = "",
) -> None:
    """Raise UnconfirmedWordError when an `audience="external"` output would show a swear word or slur that nobody
    confirmed. `words` are the transcript words of the range shown (their `confirmed` marks count); `text`, when given,
    is what is really shown instead (an edited quote, a title): a word fixed there no longer needs a confirmation.
    Internal outputs pass: the editor and `vlogkit quotes` already list the words to check."""
    if audience != "external":
        return
    shown = [Word(t, 0, 0, language=language) for t in re.findall(r"\S+", text)] if text is not None else list(words)
    missing = to_confirm(shown, [w.display for w in words if w.confirmed], language)
    if not missing:
        return
    first = fold(missing[0].display)
    at = next((w.start for w in words if fold(w.display) == first and not w.confirmed), None)
    listed = ", ".join(f"'{m}'" for m in dict.fromkeys(w.display for w in missing))
    confirm = {"en": f"`vlogkit confirm {vlog_id} {at / 1000:.1f}`" if at is not None
               else f"`vlogkit confirm {vlog_id} SECONDS`",
               "nl": "rechtsklik op het woord", "fr": "clic droit sur le mot"}  # the app: the editor's own way
    subject = what if isinstance(what, Phrase) else Phrase(what)
    if at is not None:
        raise UnconfirmedWordError(N_(
            "{what} would show {listed} at {at} s (vlog {id}) to an external audience, and nobody confirmed it was "
            "said: check the recording, then confirm it with {confirm} (or in the transcript editor), or correct the "
            "word."), what=subject, listed=listed, at=Number(at / 1000), id=vlog_id, confirm=confirm)
    raise UnconfirmedWordError(N_(
        "{what} would show {listed} (vlog {id}) to an external audience, and nobody confirmed it was said: check the "
        "recording, then confirm it with {confirm} (or in the transcript editor), or correct the word."),
        what=subject, listed=listed, id=vlog_id, confirm=confirm)


def words_to_check(transcript: Transcript, start_ms: int | None = None, end_ms: int | None = None) -> tuple[Word, ...]:
    """The swear words and slurs nobody confirmed yet (in [start_ms, end_ms) when given), outside held-back text:
    what the editor underlines and `vlogkit quotes`/`export` list."""
    t = transcript.without_held_back()
    words = t.words if start_ms is None else t.words_between(start_ms, end_ms if end_ms is not None else t.duration)
    return tuple(w for w in sensitive_words(words, t.language) if not w.confirmed)


def check_line(words: Sequence[Word], vlog_id: str) -> str:
    """"check these words before an external export: 'kut' (57.2 s) ..." ("" when there are none)."""
    if not words:
        return ""
    listed = ", ".join(f"'{w.display}' ({w.start / 1000:.1f} s)" for w in words)
    return (f"check these words before an external export: {listed} - `vlogkit confirm {vlog_id} SECONDS` if they "
            "were really said, or correct them")
