"""Everyday words that quotable lines use, and everyday words of status talk - learned, across writers.

Only a language's commonest words count (Zipf >= 5 in `wordfreq`, about its 1,000 commonest: "never", "people",
"nobody", "a", "who" against "so", "also", "really", "always", "thanks", "new"): the words that carry a line's form
and stance, never its topic, so what is learned travels from one vlog, job and writer to the next - and two such
words side by side ("is not", "you can", "on the"), bits of syntax rather than topic. Each word's
weight is fitted by `scripts/fit_quote_weights.py` on the tuning half (a logistic model of "this sentence is part of
an editor's line", fitted so that a writer's own vlogs never set the weights used to score them) and kept in
`words.json` beside this module. A line's two features are the sum of its distinct words' positive weights and of
their negative ones; how many points each is worth is fitted like every other feature.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources

MIN_ZIPF = 5.0
Weights = Mapping[str, Mapping[str, float]]  # language -> word (lower case, accents kept) -> weight


@lru_cache(maxsize=1)
def default_words() -> dict[str, dict[str, float]]:
    path = resources.files("vlogkit.quotes").joinpath("words.json")
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {lang: {w: float(x) for w, x in words.items()} for lang, words in data.get("words", {}).items()}


def wording(words: Iterable[str], language: str, weights: Weights | None = None) -> tuple[float, float, str, str]:
    """(sum of positive weights, minus the sum of negative weights, the two strongest of each) over the distinct
    lower-case words of a line."""
    table = (default_words() if weights is None else weights).get((language or "").lower()[:2], {})
    found = {w: table[w] for w in dict.fromkeys(with_bigrams(words)) if w in table}
    pos = sorted((w for w in found if found[w] > 0), key=lambda w: -found[w])
    neg = sorted((w for w in found if found[w] < 0), key=lambda w: found[w])
    return (sum(found[w] for w in pos), -sum(found[w] for w in neg), ", ".join(pos[:2]), ", ".join(neg[:2]))


def with_bigrams(words: Iterable[str]) -> list[str]:
    """The words and each two neighbouring words ("you can", "is not", "we don't"): the bits of syntax a line's form
    is made of."""
    ws = list(words)
    return ws + [f"{a} {b}" for a, b in zip(ws, ws[1:], strict=False)]
