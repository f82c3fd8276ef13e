"""The embarrassment guard's gate: every external output that burns words into pixels (captions of a clip, its title
or lower third, a quote card, a slide) calls `require_confirmed` first. The rule itself is `domain.sensitive`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from vlogkit.domain import Word
from vlogkit.domain.sensitive import fold, to_confirm
from vlogkit.errors import UnconfirmedWordError


def require_confirmed(
    audience: str, words: Sequence[Word], *, vlog_id: str, what: str, text: str | None = None, language: str = ""
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
    where = f" at {at / 1000:.1f} s" if at is not None else ""
    listed = ", ".join(f"'{m}'" for m in dict.fromkeys(w.display for w in missing))
    confirm = (f"`vlogkit confirm {vlog_id} {at / 1000:.1f}`" if at is not None
               else f"`vlogkit confirm {vlog_id} SECONDS`")
    raise UnconfirmedWordError(
        f"{what} would show {listed}{where} (vlog {vlog_id}) to an external audience, and nobody confirmed it was "
        f"said: check the recording, then confirm it with {confirm} (or in the transcript editor), or correct the word.")
