"""Score one stretch of words on its own: 0-100 with the reasons and their points."""

from __future__ import annotations

from collections.abc import Sequence

from vlogkit.domain import Reason, Word
from vlogkit.quotes.cleanup import trim
from vlogkit.quotes.features import Span, extract
from vlogkit.quotes.lexicons import lexicon_for
from vlogkit.quotes.model import Model, default_model


def score_words(words: Sequence[Word], language: str, model: Model | None = None) -> tuple[int, tuple[Reason, ...]]:
    """Score in 0..100 and the reasons, strongest first, each with its points; as the finder scores one sentence."""
    model = model or default_model()
    lex = lexicon_for(language)
    a, b, stripped = trim(words, lex)
    if b <= a:
        return 0, ()
    feats = extract(Span(tuple(words[a:b]), language, (), stripped), lex)
    score, _, reasons = model.score(feats, language)
    return score, reasons
