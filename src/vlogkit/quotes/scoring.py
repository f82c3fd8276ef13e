"""A 0-100 score with its reasons, from the features of a stretch of words."""

from __future__ import annotations

from collections.abc import Sequence

from vlogkit.domain import Reason, Word
from vlogkit.quotes.features import extract
from vlogkit.quotes.lexicon import lexicon_for

BASE = 40


def score_words(words: Sequence[Word], language: str) -> tuple[int, tuple[Reason, ...]]:
    """Score in 0..100 and the reasons, strongest first (ties keep feature order)."""
    feats = extract(words, lexicon_for(language))
    total = max(0, min(100, BASE + sum(f.points for f in feats)))
    ordered = sorted(feats, key=lambda f: (f.points < 0, -abs(f.points)))
    return total, tuple(Reason(f.code, f.text) for f in ordered)
