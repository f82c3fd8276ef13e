"""Bank search: accent- and case-insensitive full text with a relevance score, and the filters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from vlogkit.domain import Quote
from vlogkit.quotes.text import fold, tokens


@dataclass(frozen=True)
class Filters:
    speaker: str = ""
    team: str = ""
    tag: str = ""
    language: str = ""
    status: str = ""
    audience: str = ""  # internal | external: only quotes the clearance rule lets that audience receive
    since: str = ""  # ISO date, inclusive, on `created`
    until: str = ""
    vlog_id: str = ""


# A team bank holds 100,000 quotes: the cache must hold them all, or every search re-folds every quote.
@lru_cache(maxsize=1 << 18)
def _index(q: Quote) -> tuple[tuple[str, str, frozenset[str]], ...]:
    """(field, folded text, its words) per searchable field; cached, as quotes are immutable values."""
    fields = {
        "text": fold(f"{q.text} {q.verbatim}"),
        "speaker": fold(" ".join(q.speaker.to_dict().values())),
        "tags": fold(" ".join(q.tags)),
        "note": fold(q.note),
        "source": fold(f"{q.vlog_id} {q.source_title}"),
    }
    return tuple((k, v, frozenset(tokens(v))) for k, v in fields.items())


_WEIGHTS = {"text": 3, "speaker": 2, "tags": 2, "note": 1, "source": 1}


def relevance(q: Quote, query: str) -> int:
    """0 when some query word is missing; else a score: whole-word hits in the text count most."""
    terms = [t for t in tokens(query) if any(c.isalnum() for c in t)]
    if not terms:  # no search at all matches everything; a search of only emoji or punctuation matches nothing
        return 0 if query.strip() else 1
    index = _index(q)
    total = 0
    for term in terms:
        best = 0
        for field, text, words in index:
            if term in words:
                best = max(best, 2 * _WEIGHTS[field])
            elif term in text:
                best = max(best, _WEIGHTS[field])
        if not best:
            return 0
        total += best
    return total


def matches(q: Quote, f: Filters, cleared: Callable[[Quote, str], bool]) -> bool:
    """Whether `q` passes the filters; the audience filter asks `cleared(q, audience)` (the clearance rule)."""
    if f.speaker and fold(f.speaker) not in fold(q.speaker.name):
        return False
    if f.team and fold(f.team) not in fold(q.speaker.team):
        return False
    if f.tag and fold(f.tag) not in {fold(t) for t in q.tags}:
        return False
    if f.language and fold(f.language) != fold(q.language)[: len(f.language)]:
        return False
    if f.status and q.status.value != f.status:
        return False
    if f.vlog_id and q.vlog_id != f.vlog_id:
        return False
    day = q.created[:10]
    if f.since and day < f.since:
        return False
    if f.until and day > f.until:
        return False
    return not (f.audience and not cleared(q, f.audience))
