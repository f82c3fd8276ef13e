"""Is a line already in the bank? A pure comparison of word ranges in one transcript.

Two ranges of one vlog hold "the same line" when they cover the same words (a card's padded range and the bank
quote made from a selection of exactly those words differ in milliseconds, not in words), and "overlap" when the
words they share are most of each one's words - a near-duplicate a user would not want twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from vlogkit.domain import Quote, Transcript

__all__ = ["BankMatch", "bank_match", "word_indices"]

SAME_RANGE_MS = 300  # without words to compare (no transcript): ends this close are the same line, as the bank says


@dataclass(frozen=True, slots=True)
class BankMatch:
    quote: Quote
    kind: Literal["same", "overlap"]
    shared: int  # words both ranges hold


def word_indices(transcript: Transcript | None, start: int, end: int) -> frozenset[int]:
    """Indices of the words whose middle lies inside [start, end) - the words a range quotes."""
    if transcript is None:
        return frozenset()
    return frozenset(transcript.indices_between(start, end))


def bank_match(transcript: Transcript | None, start: int, end: int, quotes: Iterable[Quote]) -> BankMatch | None:
    """The bank quote (of this transcript's vlog) that holds the line [start, end): the same words first, else the
    one sharing the most words when they are more than half of both lines' words; None when no quote does."""
    mine = word_indices(transcript, start, end)
    best: BankMatch | None = None
    for q in quotes:
        if not mine:  # nothing to compare words with: the bank's own "same range" rule
            if abs(q.start - start) <= SAME_RANGE_MS and abs(q.end - end) <= SAME_RANGE_MS:
                return BankMatch(q, "same", 0)
            continue
        theirs = word_indices(transcript, q.start, q.end)
        shared = len(mine & theirs)
        if theirs == mine:
            return BankMatch(q, "same", shared)
        if 2 * shared > len(mine) and 2 * shared > len(theirs) and (best is None or shared > best.shared):
            best = BankMatch(q, "overlap", shared)
    return best
