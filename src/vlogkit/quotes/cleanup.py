"""Clean quote text for slides and cards: a spoken connective ("And so,", "En dus", "Alors") and fillers at the
start, and fillers at the end, are left out; the clip then starts at the first kept word."""

from __future__ import annotations

from collections.abc import Sequence

from vlogkit.domain import Word
from vlogkit.quotes.lexicons import Lexicon
from vlogkit.quotes.text import bare, is_filler

MIN_KEPT = 4  # never trim a line down to fewer spoken words than this
_MAX_CONNECTIVE = 3


def trim(words: Sequence[Word], lex: Lexicon) -> tuple[int, int, str]:
    """(first, last, dropped): the kept range words[first:last] and the connective words dropped ("and so")."""
    first, last = 0, len(words)
    while last > first and is_filler(words[last - 1]):
        last -= 1
    dropped: list[str] = []
    while first < last:
        if is_filler(words[first]):
            first += 1
            continue
        size = _connective_at(words, first, last, lex)
        if not size:
            break
        dropped += [bare(w.display) for w in words[first : first + size]]
        first += size
    return first, last, " ".join(dropped)


def _connective_at(words: Sequence[Word], i: int, last: int, lex: Lexicon) -> int:
    """How many words from i form a connective phrase that may be dropped (0 if none, or if too little is left)."""
    best = 0
    count = 0
    j = i
    taken: list[str] = []
    while j < last and count < _MAX_CONNECTIVE:
        if is_filler(words[j]):
            j += 1
            continue
        taken.append(bare(words[j].display))
        count += 1
        j += 1
        if " ".join(taken) in lex.connectives:
            best = j - i
    if not best:
        return 0
    rest = [bare(w.display) for w in words[i + best : last] if not is_filler(w)]
    if len(rest) < MIN_KEPT:
        return 0
    if lex.code == "nl" and len(rest) > 1 and rest[1] in lex.subject_pronouns and rest[0] not in lex.subject_pronouns:
        return 0  # Dutch word order: in "Dus denk ik ..." the connective holds the verb's place; keep it
    return best
