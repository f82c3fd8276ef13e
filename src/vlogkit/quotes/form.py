"""Features of a line's form that travel across writers: what a spoken line does, not which words it uses.

- a self-correction ("I thought I was, I thought I was terrible"): a restart is unprepared speech, and its repeated
  words are not a rhetorical repetition;
- a definition or metaphor ("a near miss is a free lesson", "een klant is geen dossier", "un hangar, c'est un
  orchestre"): a copula between a subject and an article - the commonest shape of an aphorism;
- value talk ("our values, our passion, our family"): abstract company-value nouns, the stuff of empty slogans;
- free of specifics: no name, figure, date, place, tool or booking at all (more than the sum of their penalties);
- its everyday words, weighed by what they say of form and stance (`wording.py`);
- of two sentences: a fragment (a sentence of under four words: "My fellow Americans," glued to the line that
  follows is not a two-sentence quote).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from vlogkit.quotes.lexicons import lexicon_for, phrases
from vlogkit.quotes.tokens import SpanText
from vlogkit.quotes.wording import wording

FRAGMENT_WORDS = 4

# a copula, then (within two words: a negation, an adverb) an article or determiner
_COPULAS = {
    "en": phrases("is | are | isn't | aren't | it's | that's | 's | 're | was | becomes | remains"),
    "nl": phrases("is | zijn | da's | 't is | blijft | wordt | was | ben | zijt"),
    "fr": phrases("est | sont | c'est | n'est | reste | devient | etait"),
}
_ARTICLES = {
    "en": phrases("a | an | the | no | just | only | never | not | always"),
    "nl": phrases("een | de | het | geen | maar | nooit | niet | altijd | gewoon"),
    "fr": phrases("un | une | le | la | les | l | pas | jamais | toujours | juste | qu'un | qu'une | du | de"),
}
_VALUES = {
    "en": phrases("""value | values | passion | passionate | mission | priority | priorities | dna | family | spirit |
        excellence | commitment | committed | strength | motto | culture | core | heart | journey |
        teamwork | pride | proud | innovation | innovative | success | unique | amazing | awesome | incredible |
        fantastic"""),
    "nl": phrases("""waarde | waarden | passie | gepassioneerd | missie | prioriteit | dna | familie | geest |
        kracht | sterk | motto | cultuur | hart | trots | fier | teamgeest | innovatie | succes | uniek | geweldig |
        fantastisch | straf"""),
    "fr": phrases("""valeur | valeurs | passion | passionnes | mission | priorite | adn | famille | esprit |
        force | fierte | fiers | fier | devise | culture | coeur | excellence | engagement | innovation | succes |
        unique | formidable | incroyable | genial"""),
}
_WE = {
    "en": phrases("we | we're | we've | we'll | our | ours | us | team | teams | company | everyone | everybody"),
    "nl": phrases("we | wij | ons | onze | team | teams | bedrijf | iedereen | samen"),
    "fr": phrases("nous | notre | nos | on | equipe | equipes | entreprise | boite | societe | ensemble"),
}
_SPECIFIC = ("names", "figures", "time", "place", "tool", "booking")


def restarts(keys: Sequence[str], emphatic: frozenset[str] = frozenset()) -> tuple[list[int], str]:
    """Indexes of words a speaker said again right away ("that's, that's", "I thought I was, I thought I was"), to be
    read once, and the first repeated stretch. A word said twice on purpose ("very, very", "nooit, nooit") counts too
    (it is never rhetorical repetition), but its first time is not told as a restart when it is one of `emphatic`."""
    drop: list[int] = []
    found = ""
    i = 0
    n = len(keys)
    while i < n:
        for size in (4, 3, 2, 1):
            if i + 2 * size <= n and list(keys[i : i + size]) == list(keys[i + size : i + 2 * size]):
                if size == 1 and (len(keys[i]) <= 1 or keys[i] in emphatic):
                    continue
                drop.extend(range(i, i + size))
                found = found or " ".join(keys[i : i + size])
                i += size
                break
        else:
            i += 1
    return drop, found


_EMPHATIC = {  # words said twice for emphasis ("far, far away", "lang, lang geleden", "beaucoup, beaucoup"), beyond
    # the intensifiers and absolutes of each language
    "en": frozenset("far long much many more again no yes slowly step".split()),
    "nl": frozenset("ver lang veel meer heel nee ja traag stap".split()),
    "fr": frozenset("loin longtemps beaucoup plus encore non oui lentement tres".split()),
}


@lru_cache(maxsize=8)
def _emphatic(language: str) -> frozenset[str]:
    lex = lexicon_for(language)
    single = {k for field in (lex.intensifiers, lex.absolutes) for k in field if " " not in k}
    return frozenset(single) | _EMPHATIC[_code(language)]


def _code(language: str) -> str:
    code = (language or "").lower()[:2]
    return code if code in _COPULAS else "en"


def definition(st: SpanText) -> str:
    """ "X is a Y": a copula after at least one word, followed within two words by an article or a negation."""
    code = _code(st.language)
    keys = st.keys
    for i in range(1, len(keys) - 1):
        if keys[i] in _COPULAS[code] or (code == "fr" and keys[i] == "est" and keys[i - 1] in ("c'", "ce")):
            nxt = keys[i + 1 : i + 3]
            if nxt and (nxt[0] in _ARTICLES[code] or (len(nxt) > 1 and nxt[0] in ("ne", "niet", "not", "pas")
                                                       and nxt[1] in _ARTICLES[code])):
                return " ".join(keys[i : i + 2])
    return ""


def values_talk(st: SpanText) -> tuple[int, str]:
    """Value words said of the company: only in a line that speaks of us, our team or company ("our journey", "one
    big family") - "the long journey home" and "my family" are words used for what they mean."""
    code = _code(st.language)
    if not any(k in _WE[code] for k in st.keys):
        return 0, ""
    words = _VALUES[code]
    hits = list(dict.fromkeys(k for k in st.keys if k in words))
    return len(hits), ", ".join(hits[:3])


def add_form(f, st: SpanText, parts: Sequence[SpanText]) -> None:  # noqa: ANN001 - a features.Features
    """Set the form features on `f` (whose specifics are already set)."""
    emphatic = _emphatic(st.language)
    drop, found = restarts(st.keys, emphatic)
    f.set("restart", min(1.0, len(drop) / 2), found)
    twice = next((k for k, nxt in zip(st.keys, st.keys[1:], strict=False) if k == nxt and k in emphatic), "")
    f.set("doubled", 1.0 if twice else 0.0, f"{twice}, {twice}" if twice else "")
    d = definition(st)
    f.set("definition", 1.0 if d else 0.0, d)
    n, found = values_talk(st)
    f.set("values", min(1.0, n / 2), found)
    clean = not any(f.values.get(k) for k in _SPECIFIC)
    f.set("no_specifics", 1.0 if clean else 0.0)
    quoted = frozenset(x.casefold() for ev in f.evidence.values() for x in ev.replace(",", " ").split())
    pos, neg, plus, minus = wording([t.low for t in st.tokens], st.language, avoid=quoted)
    f.set("quotable_words", pos, plus)
    f.set("plain_words", neg, minus)
    if len(parts) >= 2:
        short = min(len(p) for p in parts)
        f.set("fragment", 1.0 if short < FRAGMENT_WORDS else 0.0, str(short))


FORM_PAIR = frozenset({"fragment"})
