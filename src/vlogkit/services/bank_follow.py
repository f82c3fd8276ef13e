"""Bank quotes follow a fixed word: a quote that still says what was said reads the fix, and the fix taken back.

A word fix (the editor's, or `vlogkit fix`) changes what a stretch of the transcript says. Every bank quote of that
vlog whose range holds the changed words and whose text is still what was said there (case, accents, punctuation
and fillers aside - `ExportService.quote_says_what_was_said`'s test) gets the new words in its text and verbatim
text. A quote whose words were edited in the bank keeps them and is named, so nobody is surprised. The review rule
is `BankService.update`'s: an approved text that changes is a candidate again. Consent is never touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from vlogkit.domain import Quote, Transcript
from vlogkit.errors import VlogkitError
from vlogkit.quotes.text import display_text, follow_words, verbatim_text

if TYPE_CHECKING:
    from vlogkit.services.bank import BankService


@dataclass(frozen=True, slots=True)
class BankFollow:
    """What a transcript edit did to the bank."""

    updated: tuple[Quote, ...] = ()  # now read the transcript's words (as saved)
    was: tuple[Quote, ...] = ()  # the same quotes before, in the same order
    kept: tuple[Quote, ...] = ()  # edited in the bank: left as they were
    problem: str = ""  # the bank could not be read or written (the transcript edit itself was saved)


def _said(t: Transcript) -> tuple[tuple[int, int, str], ...]:
    return tuple((w.start, w.end, w.display) for w in t.words)


def follow_transcript(bank: BankService, vlog_id: str, before: Transcript, after: Transcript) -> BankFollow:
    """Bring the bank quotes of `vlog_id` from what `before` said to what `after` says (see the module)."""
    if _said(before) == _said(after):  # fillers, speakers, confirmations, kept segments: no quote's words change
        return BankFollow()
    updated: list[Quote] = []
    was: list[Quote] = []
    kept: list[Quote] = []
    try:
        for q in bank.of_vlog(vlog_id):
            old, new = before.words_between(q.start, q.end), after.words_between(q.start, q.end)
            if not new or verbatim_text(old) == verbatim_text(new):
                continue
            text = follow_words(q.text, display_text(old), display_text(new))
            if text is None or not text.strip():
                kept.append(q)
                continue
            saved = bank.update(q.id, text=text)  # an approved text that changes is a candidate again
            if saved.verbatim != verbatim_text(new):
                saved = bank.repo.save(saved.with_(verbatim=verbatim_text(new)))
            updated.append(saved)
            was.append(q)
    except VlogkitError as exc:
        return BankFollow(tuple(updated), tuple(was), tuple(kept), problem=str(exc))
    return BankFollow(tuple(updated), tuple(was), tuple(kept))
