"""Everyday words that quotable lines use, and everyday words of status talk - learned, across writers.

Only a language's commonest words count (Zipf >= 5 in `wordfreq`, about its 1,000 commonest: "never", "people",
"nobody", "a", "who" against "so", "also", "really", "always", "thanks", "new"): the words that carry a line's form
and stance, never its topic, so what is learned travels from one vlog, job and writer to the next - and two words
side by side where every rarer word is the same placeholder `_` and the sentence's start and end are `^` and `$`
("^ nobody", "is not", "the _", "_ $"): bits of syntax rather than topic - distinctive words in common syntax. Each word's
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

from vlogkit.quotes.frequency import zipf

MIN_ZIPF = 5.0
RARE, START, END = "_", "^", "$"
MARKERS = frozenset({RARE, START, END})
Weights = Mapping[str, Mapping[str, float]]  # language -> word (lower case, accents kept) -> weight


@lru_cache(maxsize=1)
def default_words() -> dict[str, dict[str, float]]:
    path = resources.files("vlogkit.quotes").joinpath("words.json")
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {lang: {w: float(x) for w, x in words.items()} for lang, words in data.get("words", {}).items()}


def wording(words: Iterable[str], language: str, weights: Weights | None = None,
            avoid: frozenset[str] = frozenset()) -> tuple[float, float, str, str]:
    """(sum of positive weights, minus the sum of negative weights, the two strongest words of each) over the
    distinct lower-case words and grams of a line (a reason quotes real words, never a `_` or `^`, and never a word
    in `avoid` - one another reason already quotes)."""
    table = (default_words() if weights is None else weights).get((language or "").lower()[:2], {})
    found = {w: table[w] for w in dict.fromkeys(grams(words, language)) if w in table}
    pos = sorted((w for w in found if found[w] > 0), key=lambda w: -found[w])
    neg = sorted((w for w in found if found[w] < 0), key=lambda w: found[w])
    code = (language or "").lower()[:2]
    telling, glue = _TELLING_SHORT.get(code, frozenset()), _GLUE.get(code, frozenset())
    plus = _shown(pos, telling, avoid, glue)
    said = avoid | {x for w in plus for x in w.split()}  # a word quoted for a line is not also quoted against it
    return (sum(found[w] for w in pos), -sum(found[w] for w in neg), ", ".join(plus),
            ", ".join(_shown(neg, telling, said, glue)))


def not_quoted_in(words: str, quoted: str) -> str:
    """A reason's words (", "-joined bits) less each bit that shares a word with `quoted`'s, as `wording` leaves them
    out: for a pair, whose two sentences each chose their own."""
    said = {x for w in quoted.split(", ") for x in w.split()}
    return ", ".join(w for w in words.split(", ") if w and not said & set(w.split()))


# short words that still tell something about how a line is phrased: who it speaks to, a negation
_TELLING_SHORT = {"en": frozenset("you not no nor we us".split()), "nl": frozenset("je jij u we wij ons niet geen".split()),
                  "fr": frozenset("tu vous nous on pas ne ni".split())}


# glue: prepositions, articles, auxiliaries, demonstratives and the like - weighed like any word, never the word a
# reason quotes on its own ("phrased the way quotable lines are ('with, from')" tells an editor nothing)
_GLUE = {
    "en": frozenset("""about after also been before being both could does done from have having here into its it's
        just much must over should some such than that that's them then there these they they're this those very
        what when where which while will with would their were was""".split()),
    "nl": frozenset("""aan achter als bij daar dan dat deze die dit door een hebben heb hebt heeft het hier
        hun iets ook mijn moet moeten naar nog omdat onder over sinds tot van veel voor waar want was waren wat
        werd wordt worden zijn zitten zo zoals zou""".split()),
    "fr": frozenset("""alors après aussi avant avec avoir c'est ce cela celle ceux comme d'un d'une dans des donc
        elle encore entre est était être fait faire leur leurs par parce pour puis qu'il qu'on quand que qui sans
        sont sous sur très une vais voilà""".split()),
}


def _shown(found: list[str], telling: frozenset[str], avoid: frozenset[str] = frozenset(),
           glue: frozenset[str] = frozenset()) -> list[str]:
    """The two strongest bits to quote in a reason: words that tell something ("you can", "never", "nobody"), never
    glue alone ("a, the", "de, is", "with, from": then the reason quotes nothing), never a word another reason
    quotes."""
    real = [w for w in found if not MARKERS.intersection(w.split()) and not avoid.intersection(w.split())]
    return [w for w in real if any((len(x) >= 4 and x not in glue) or x in telling for x in w.split())][:2]


def grams(words: Iterable[str], language: str) -> list[str]:
    """The words, and each two neighbouring ones with every word rarer than MIN_ZIPF as `_` and the sentence's
    start and end marked ("^ you", "you can", "the _", "_ $"): the bits of syntax a line's form is made of."""
    ws = list(words)
    shape = [START, *(w if _common(w, language) else RARE for w in ws), END]
    return ws + [f"{a} {b}" for a, b in zip(shape, shape[1:], strict=False)]


def is_learnable(gram: str, language: str) -> bool:
    """A gram the word model may weigh: each part a common word or a placeholder, never a topic word."""
    return all(x in MARKERS or _common(x, language) for x in gram.split())


def _common(word: str, language: str) -> bool:
    return zipf(word, (language or "").lower()[:2]) >= MIN_ZIPF
