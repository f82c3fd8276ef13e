"""Per-language word lists the quote features look for (English, Dutch - Flemish included - and French).

Every entry is folded (lower case, no accents, straight apostrophes) and matched on whole tokens: a phrase "x y"
matches the tokens x followed by y. The lists name broad categories (times, places, tools, greetings, cliches, the
words of conviction or contrast), not lines of any particular vlog. Unknown languages get the three lists merged.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache


def phrases(text: str) -> frozenset[str]:
    """'a | b c | d' -> {'a', 'b c', 'd'}; newlines are separators too."""
    return frozenset(p.strip() for p in text.replace("\n", "|").split("|") if p.strip())


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: there is one per language
class Lexicon:
    code: str
    # display cleanup: spoken connectives dropped from the start of a quote ("And so", "En dus", "Alors")
    connectives: frozenset[str]
    # lines about the vlog itself, greetings and sign-offs, asks of the viewer
    greetings: frozenset[str]
    meta: frozenset[str]
    requests: frozenset[str]
    # a question without its question mark: opening words, or (Dutch, French) a verb-first opening
    question_openers: frozenset[str]
    question_verbs: frozenset[str]
    subject_pronouns: frozenset[str]
    # empty corporate phrases
    cliches: frozenset[str]
    # the speaker's stance, lessons and sayings
    conviction: frozenset[str]
    # lines that only announce what comes next
    setups: frozenset[str]
    # lines that lean on what came before
    context_openers: frozenset[str]
    context_phrases: frozenset[str]
    # who the line is about
    general_people: frozenset[str]
    first_person: frozenset[str]
    third_person: frozenset[str]
    indefinite: frozenset[str]
    # tense and time
    past: frozenset[str]
    past_auxiliaries: frozenset[str]
    future: frozenset[str]
    copulas: frozenset[str]
    time_words: frozenset[str]
    # specifics that tie a line to one day, one place, one system
    places: frozenset[str]
    tools: frozenset[str]
    bookings: frozenset[str]
    status: frozenset[str]
    number_words: frozenset[str]
    # "everybody says ...": a reported common opinion, the frame of many status lines
    say_verbs: frozenset[str]
    # words that turn a second sentence against the first ("actually", "eigenlijk", "en fait")
    turn_markers: frozenset[str]
    # rhetoric
    negations: frozenset[str]
    contrast_turns: frozenset[str]
    comparisons: frozenset[str]
    instead: frozenset[str]
    absolutes: frozenset[str]
    superlatives: frozenset[str]
    insight_words: frozenset[str]
    imperatives: frozenset[str]
    similes: frozenset[str]
    concrete: frozenset[str]
    emotion: frozenset[str]
    intensifiers: frozenset[str]
    hedges: frozenset[str]
    acronyms_common: frozenset[str] = frozenset()


def merged(*lexes: Lexicon) -> Lexicon:
    values: dict[str, object] = {"code": "any"}
    for f in fields(Lexicon):
        if f.name != "code":
            values[f.name] = frozenset().union(*(getattr(lx, f.name) for lx in lexes))
    return Lexicon(**values)  # type: ignore[arg-type]


@lru_cache(maxsize=64)
def lexicon_for(language: str) -> Lexicon:
    """The word lists for a Whisper language code; other or unknown languages get all three merged."""
    from vlogkit.quotes.lexicons.en import EN
    from vlogkit.quotes.lexicons.fr import FR
    from vlogkit.quotes.lexicons.nl import NL

    found = {"en": EN, "nl": NL, "fr": FR}.get((language or "").lower()[:2])
    return found if found is not None else _any(EN, NL, FR)


_MERGED: list[Lexicon] = []


def _any(*lexes: Lexicon) -> Lexicon:
    if not _MERGED:
        _MERGED.append(merged(*lexes))
    return _MERGED[0]
