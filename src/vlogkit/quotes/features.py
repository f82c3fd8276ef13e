"""Explainable features of a stretch of words. Each one says what it found, in plain words, and how many points."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from vlogkit.domain import Word
from vlogkit.quotes.lexicon import Lexicon
from vlogkit.quotes.text import display_text, fold, is_filler, tokens

MIN_WORDS, MAX_WORDS = 8, 35
MIN_S, MAX_S = 4.0, 15.0
LOW_CONFIDENCE = 0.6  # mean word probability below this: the words may be wrong
UNSURE_WORD = 0.4

_TIME_RE = re.compile(r"\b\d{1,2}([:.h]\d{2})?\s?(am|pm|a\.m|p\.m|h|u|uur|heures?|o'clock)\b|\b\d{1,2}/\d{1,2}\b")


@dataclass(frozen=True, slots=True)
class Feature:
    code: str
    text: str
    points: int


def find_phrase(toks: Sequence[str], phrase: str, start: int = 0) -> int:
    """Index of the first occurrence of `phrase` (folded, space-separated tokens) in `toks` at or after `start`."""
    parts = phrase.split()
    n = len(parts)
    for i in range(start, len(toks) - n + 1):
        if list(toks[i : i + n]) == parts:
            return i
    return -1


def first_hit(toks: Sequence[str], phrases: Sequence[str] | frozenset[str]) -> str:
    best, best_i = "", len(toks) + 1
    for p in sorted(phrases):
        i = find_phrase(toks, p)
        if i >= 0 and i < best_i:
            best, best_i = p, i
    return best


def extract(words: Sequence[Word], lex: Lexicon) -> list[Feature]:
    spoken = [w for w in words if not is_filler(w)]
    text = display_text(words)
    toks = tokens(text)
    out: list[Feature] = []
    out += _length(spoken, words)
    out += _opening(toks, lex, text)
    out += _stance(toks, lex)
    out += _penalties(toks, lex, text, words, spoken)
    return out


def _length(spoken: Sequence[Word], words: Sequence[Word]) -> list[Feature]:
    n = len(spoken)
    dur = (words[-1].end - words[0].start) / 1000.0 if words else 0.0
    if n < 5:
        return [Feature("too_short", f"too short ({n} words)", -35)]
    if n > MAX_WORDS or dur > MAX_S + 2:
        over = max(n - MAX_WORDS, int(2 * (dur - MAX_S)))
        return [Feature("too_long", f"too long ({n} words, {dur:.0f} s)", -min(40, 8 + 2 * over))]
    if n < MIN_WORDS or dur < MIN_S - 1:
        return [Feature("short", f"short ({n} words, {dur:.1f} s)", -10)]
    return [Feature("good_length", f"good length ({n} words, {dur:.0f} s)", 12)]


def _opening(toks: Sequence[str], lex: Lexicon, text: str) -> list[Feature]:
    if not toks:
        return []
    out: list[Feature] = []
    if toks[0] in lex.dangling_openers:
        out.append(Feature("dangling_opener", f"opens with '{toks[0]}'", -15))
    else:
        out.append(Feature("self_contained", "self-contained", 8))
    stripped = text.rstrip()
    if toks[-1] in lex.dangling_openers and not stripped.endswith((".", "!", "?")):
        out.append(Feature("trails_off", f"trails off with '{toks[-1]}'", -10))
    return out


def _stance(toks: Sequence[str], lex: Lexicon) -> list[Feature]:
    out: list[Feature] = []
    hit = first_hit(toks, lex.conviction)
    if hit:
        out.append(Feature("conviction", f"first-person conviction ('{hit}')", 10))
    hit = first_hit(toks, lex.generals)
    if hit:
        out.append(Feature("general", f"general statement ('{hit}')", 10))
    contrast = _contrast(toks, lex)
    if contrast:
        out.append(Feature("contrast", f"strong contrast ('{contrast}')", 15))
    hits = [p for p in sorted(lex.insight) if find_phrase(toks, p) >= 0]
    if hits:
        out.append(Feature("insight", f"insight ('{hits[0]}')", min(12, 6 * len(hits))))
    if not out:
        out.append(Feature("no_stance", "a plain statement: no stance, contrast or insight", -8))
    return out


def _contrast(toks: Sequence[str], lex: Lexicon) -> str:
    for a, b in lex.contrast_pairs:
        i = find_phrase(toks, a)
        if i < 0:
            continue
        if not b:
            return a
        j = find_phrase(toks, b, i + len(a.split()) + 1)
        if j >= 0:
            return f"{a} ... {b}"
    hit = first_hit(toks, lex.contrast_markers)
    if hit:
        return hit
    for i, tok in enumerate(toks[:-3]):  # antithesis: "don't look at X, look at Y"
        if tok in lex.negations:
            nxt = toks[i + 1]
            if len(nxt) > 2 and nxt in toks[i + 3 :]:
                return f"{tok} {nxt} ..., {nxt} ..."
    for marker in ("but", "maar", "mais"):
        if find_phrase(toks, marker, 2) > 0:
            return f"..., {marker} ..."
    return ""


def _penalties(
    toks: Sequence[str], lex: Lexicon, text: str, words: Sequence[Word], spoken: Sequence[Word]
) -> list[Feature]:
    out: list[Feature] = []
    hit = first_hit(toks, lex.greetings)
    if hit:
        out.append(Feature("greeting", f"greeting or sign-off ('{hit}')", -25))
    hit = first_hit(toks, lex.setups)
    if hit:
        out.append(Feature("setup", f"sets up what follows ('{hit}')", -12))
    hit = first_hit(toks, lex.meta)
    if hit:
        out.append(Feature("meta", f"talks about the recording ('{hit}')", -20))
    hits = [p for p in sorted(lex.logistics) if find_phrase(toks, p) >= 0]
    timed = _TIME_RE.search(fold(text))
    if hits or timed:
        what = hits[0] if hits else timed.group(0) if timed else ""
        n = len(hits) + (1 if timed else 0)
        out.append(Feature("logistics", f"logistics or schedule ('{what}')", -min(30, 12 * n)))
    if text.rstrip().rstrip("\"'”’»)").endswith("?"):
        out.append(Feature("question", "a question", -20))
    fillers = len(words) - len(spoken)
    if words and fillers / len(words) > 0.08:
        out.append(Feature("fillers", f"many fillers ({fillers} of {len(words)} words)",
                           -min(25, round(120 * fillers / len(words)))))
    probs = [w.probability for w in spoken if w.probability is not None]
    if probs:
        mean = sum(probs) / len(probs)
        unsure = sum(1 for p in probs if p < UNSURE_WORD)
        if mean < LOW_CONFIDENCE or unsure >= 0.3 * len(probs):
            out.append(Feature("low_confidence",
                               f"low recognition confidence ({mean:.0%}, {unsure} unsure words)", -15))
    return out
