"""Rank the quotable lines of a transcript: sentences, merged neighbours, scores, near-duplicates dropped."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vlogkit.domain import Candidate, Reason, Transcript, Word
from vlogkit.quotes.scoring import score_words
from vlogkit.quotes.sentences import Sentence, build_sentences
from vlogkit.quotes.text import display_text, is_filler, tokens, verbatim_text

FINDER_VERSION = 1  # bump when scoring changes, so cached candidate lists are rebuilt
MIN_SCORE = 30
MERGE_GAP_MS = 2000
MERGE_MAX_WORDS = 45
MERGE_MARGIN = 3
DUPLICATE_JACCARD = 0.6
PAD_BEFORE_MS = 250
PAD_AFTER_MS = 350


@dataclass(frozen=True, slots=True)
class _Span:
    sentence: Sentence
    score: int
    reasons: tuple[Reason, ...]


def clip_range(
    words: Sequence[Word], first: int, last: int, duration: int = 0,
    pad_before: int = PAD_BEFORE_MS, pad_after: int = PAD_AFTER_MS,
) -> tuple[int, int]:
    """Clip-ready (start, end) in ms for words[first:last]: a little padding, never into a neighbouring word."""
    head, tail = words[first], words[last - 1]
    start = max(0, head.start - pad_before)
    if first > 0:
        start = max(start, words[first - 1].end)
    start = min(start, head.start)
    end = tail.end + pad_after
    if last < len(words):
        end = min(end, words[last].start)
    if duration > 0:
        end = min(end, duration)
    return start, max(end, tail.end)


def _score(s: Sentence, language: str) -> _Span:
    score, reasons = score_words(s.words, language)
    return _Span(s, score, reasons)


def _spans(sentences: Sequence[Sentence], language: str) -> list[_Span]:
    singles = [_score(s, language) for s in sentences]
    pool = list(singles)
    for a, b in zip(singles, singles[1:], strict=False):
        gap = b.sentence.start - a.sentence.end
        if gap > MERGE_GAP_MS or len(a.sentence.words) + len(b.sentence.words) > MERGE_MAX_WORDS:
            continue
        if min(_spoken(a.sentence), _spoken(b.sentence)) < 3:  # not worth gluing an "Okay." onto a line
            continue
        merged = _score(a.sentence + b.sentence, language)
        if merged.score >= max(a.score, b.score) + MERGE_MARGIN:
            reasons = (*merged.reasons, Reason("merged", "two sentences that work better together"))
            pool.append(_Span(merged.sentence, merged.score, reasons))
    return pool


def _spoken(s: Sentence) -> int:
    return sum(1 for w in s.words if not is_filler(w))


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def find_candidates(transcript: Transcript, top: int | None = None) -> list[Candidate]:
    """Candidates ranked best first (rank 1..n), deterministic for the same transcript."""
    words = transcript.words
    language = transcript.language
    pool = _spans(build_sentences(words), language)
    pool.sort(key=lambda s: (-s.score, s.sentence.start, -len(s.sentence.words)))
    chosen: list[_Span] = []
    taken: set[int] = set()
    seen_tokens: list[set[str]] = []
    for span in pool:
        s = span.sentence
        if span.score < MIN_SCORE:
            break
        if _spoken(s) < 4:
            continue
        idx = set(range(s.first, s.last))
        if idx & taken:
            continue
        toks = set(tokens(display_text(s.words)))
        if any(_jaccard(toks, other) >= DUPLICATE_JACCARD for other in seen_tokens):
            continue
        chosen.append(span)
        taken |= idx
        seen_tokens.append(toks)
    out: list[Candidate] = []
    for rank, span in enumerate(chosen, 1):
        s = span.sentence
        start, end = clip_range(words, s.first, s.last, transcript.duration)
        out.append(Candidate(
            rank=rank, start=start, end=end, text=display_text(s.words), verbatim=verbatim_text(s.words),
            score=span.score, reasons=span.reasons, language=language, word_start=s.first, word_end=s.last,
        ))
        if top is not None and rank >= top:
            break
    return out
