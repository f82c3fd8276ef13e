"""The quote corpus and its measures: recall@3, precision@3, MRR and the score gap, per language and half.

`tests/quotes/data/tune/` is the tuning half (the finder's weights are fitted on it), written by several hands
(`tune/authors.json`); `tests/quotes/data/test/` is the held-out half, written blind by someone else: nothing is
tuned on it, it is only measured. `tests/quotes/data/dev/` is a second held-out set by yet another hand, written
before the finder was run on it: measured at milestones only, never tuned on. `tests/quotes/data/fresh/` is 120
vlogs by nine new hands: written blind, measured as held out until FINDER_VERSION 18, which fits on it too (more
writers in the fit is what carried over to new writers). `tests/quotes/data/fresh2/` is 96 vlogs by eight more new
hands, written blind from one brief: held out for FINDER_VERSION 18, fitted on since 19. `tests/quotes/data/fresh3/` is
96 vlogs by eight more new hands from the same brief, and so are `fresh4/` and `fresh5/`: each was held out when it
was written, and the weights are fitted on them since FINDER_VERSION 20. `tests/quotes/data/fresh6/` (96 vlogs by eight
more hands, two thirds English) and `tests/quotes/data/fresh7/` (96 more by eight more hands, written after
FINDER_VERSION 20 was fitted), `tests/quotes/data/fresh8/` (96 more by eight more hands, a third in each language,
written while FINDER_VERSION 21's pair rules were chosen on the other held-out halves, and measured once they were)
and `tests/quotes/data/fresh9/` (96 more by eight more hands, a third in each language, written blind before
FINDER_VERSION 22 was fitted, measured once on 21 and once on 22) were held out until FINDER_VERSION 22 and are
fitted on since 23. `tests/quotes/data/fresh10/` (96 more by eight more hands, a third in each language) was written
blind after FINDER_VERSION 22 shipped, and FINDER_VERSION 23 was chosen on it (with test and dev); `fresh11/` (96
more by eight more hands) was written blind while 23 was chosen and measured only once 23 was; both are fitted on
since 24. `tests/quotes/data/fresh12/` and `fresh13/` (96 vlogs by eight more hands each, a third in each language)
were written blind while FINDER_VERSION 24 was fitted and measured once it was chosen (on test and dev).
`tests/quotes/data/fresh14/` to `fresh18/` (96 vlogs each, by eight more hands each) were written from a new brief
(`fresh14/BRIEF.md`) asking for varied editor's picks - first-person moments, plain lines, a line with a number - and
measured blind on FINDER_VERSION 24 (0.47-0.68 recall@3); FINDER_VERSION 25 is fitted on fresh14, fresh15, fresh17
and fresh18 too, FINDER_VERSION 26 on fresh19 as well (written blind from the same brief after 25 shipped).
`fresh16/` and `fresh20/` (the same brief, written blind with fresh19) are never fitted on: with test, dev, fresh12
and fresh13, the held-out measure of the shipped weights. `fresh21/` and `fresh22/` (96 vlogs by eight more hands each,
the same brief) were written blind after FINDER_VERSION 27 shipped and are never fitted on: the only halves no choice
was ever made on, so the plainest measure of what a new writer's vlogs get.

A candidate *hits* an editor's line when it covers most of it (>= 60 % of its words) and is mostly that line
(>= 50 % of the candidate's words). recall@3: editor's lines hit by one of the top 3. recall@3 (shares most): the
issue's own wording - an editor's line counts as found when a top-3 candidate holds most (> 50 %) of its words,
however much else the candidate holds; reported beside the stricter measure, never fitted on. precision@3: top-3 candidates
that hit one. MRR: the mean over editor's lines of 1/rank of the first candidate that hits it (0 when none of the
listed candidates does). Gap: the mean score of listed candidates that hit an editor's line minus the mean score of
every other listed candidate (`quotes --top 50`).

A blind second editor: `data/<half>/second_editor.json` ({vlog file: [three lines, best first]}) holds the three lines
another editor pulled from each vlog of test, fresh13, fresh16, fresh20, fresh21 and fresh22, reading the transcript
with the marks taken out and seeing neither the finder nor the first editor's lines. Scored like the finder's top 3
(`second_editor`), it says how far one reader agrees with another: the reach of the recall@3 bar.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from vlogkit.domain import Candidate, Transcript, Word
from vlogkit.quotes import find_candidates
from vlogkit.quotes.text import tokens

from .helpers import DATA, load_case

HALVES = ("tune", "test", "dev", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7",
          "fresh8", "fresh9", "fresh10", "fresh11", "fresh12",
          "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18", "fresh19", "fresh20",
          "fresh21", "fresh22")
LIST_TOP = 50

Finder = Callable[[Transcript], list[Candidate]]


def names(half: str) -> list[str]:
    return sorted(p.name for p in (DATA / half).glob("*.txt"))


@lru_cache(maxsize=4)
def authors(half: str) -> dict[str, str]:
    """vlog file name -> who wrote it, from `data/<half>/authors.json` ({author: [file, ...]}); the tuning half is
    written by several hands, and cross-validation leaves one hand out at a time."""
    path = DATA / half / "authors.json"
    if not path.is_file():
        return {}
    return {name: who for who, files in json.loads(path.read_text(encoding="utf-8")).items() for name in files}


def load(half: str, name: str) -> tuple[Transcript, list[tuple[int, int]]]:
    return load_case(f"{half}/{name}")


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def is_hit(cand: tuple[int, int], gold: tuple[int, int]) -> bool:
    inter = overlap(cand, gold)
    return inter >= 0.6 * (gold[1] - gold[0]) and inter >= 0.5 * (cand[1] - cand[0])


def shares_most(cand: tuple[int, int], gold: tuple[int, int]) -> bool:
    """The issue's looser test: the candidate holds most of the editor's line (a half of a two-sentence line
    does not; the line with a sentence glued on does)."""
    return overlap(cand, gold) > 0.5 * (gold[1] - gold[0])


@dataclass
class Stats:
    vlogs: int = 0
    gold: int = 0
    found: int = 0  # editor's lines hit by a top-3 candidate
    found_loose: int = 0  # editor's lines most of whose words a top-3 candidate holds
    shown: int = 0  # top-3 candidates shown
    good: int = 0  # top-3 candidates that hit an editor's line
    rr: float = 0.0  # sum of reciprocal ranks over editor's lines
    gold_scores: list[int] = field(default_factory=list)
    other_scores: list[int] = field(default_factory=list)
    tied: int = 0  # neighbours in a vlog's top 5 with the same score
    neighbours: int = 0
    misses: list[str] = field(default_factory=list)  # "vlog: words" of editor's lines not found (tuning half only)

    def add(self, other: Stats) -> None:
        for k in ("vlogs", "gold", "found", "found_loose", "shown", "good", "rr", "tied", "neighbours"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.gold_scores += other.gold_scores
        self.other_scores += other.other_scores
        self.misses += other.misses

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def recall_loose(self) -> float:
        return self.found_loose / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.good / self.shown if self.shown else 0.0

    @property
    def mrr(self) -> float:
        return self.rr / self.gold if self.gold else 0.0

    @property
    def gap(self) -> float:
        if not self.gold_scores or not self.other_scores:
            return 0.0
        return sum(self.gold_scores) / len(self.gold_scores) - sum(self.other_scores) / len(self.other_scores)

    def row(self) -> dict[str, float | int]:
        return {"vlogs": self.vlogs, "gold": self.gold, "recall@3": round(self.recall, 3),
                "recall@3_shares_most": round(self.recall_loose, 3),
                "precision@3": round(self.precision, 3), "mrr": round(self.mrr, 3), "gap": round(self.gap, 1),
                "ties_top5": f"{self.tied}/{self.neighbours}"}


def score_case(transcript: Transcript, gold: list[tuple[int, int]], finder: Finder | None = None,
               label: str = "") -> Stats:
    cands = (finder or (lambda t: find_candidates(t, top=LIST_TOP)))(transcript)[:LIST_TOP]
    spans = [(c.word_start, c.word_end) for c in cands]
    s = Stats(vlogs=1, gold=len(gold))
    top = spans[:3]
    s.shown = len(top)
    s.good = sum(1 for c in top if any(is_hit(c, g) for g in gold))
    for g in gold:
        s.found_loose += any(shares_most(c, g) for c in top)
        ranks = [i for i, c in enumerate(spans, 1) if is_hit(c, g)]
        if ranks and ranks[0] <= 3:
            s.found += 1
        elif label:
            words = transcript.words[g[0]:g[1]]
            s.misses.append(f"{label}: {' '.join(w.display for w in words)[:90]}")
        s.rr += 1 / ranks[0] if ranks else 0.0
    for c, span in zip(cands, spans, strict=True):
        (s.gold_scores if any(is_hit(span, g) for g in gold) else s.other_scores).append(c.score)
    top5 = [c.score for c in cands[:5]]
    s.neighbours = max(0, len(top5) - 1)
    s.tied = sum(1 for a, b in zip(top5, top5[1:], strict=False) if a == b)
    return s


def evaluate(half: str, finder: Finder | None = None, keep_misses: bool = False) -> dict[str, Stats]:
    """language -> Stats over the half's vlogs, plus 'nl+fr' and 'all'."""
    out: dict[str, Stats] = {}
    for name in names(half):
        transcript, gold = load(half, name)
        s = score_case(transcript, gold, finder, label=name if keep_misses else "")
        out.setdefault(transcript.language, Stats()).add(s)
    return with_totals(out)


def with_totals(out: dict[str, Stats]) -> dict[str, Stats]:
    """Per-language Stats with 'nl+fr' and 'all' added (none when there is nothing to add up)."""
    if not out:
        return out
    both, total = Stats(), Stats()
    for lang, s in out.items():
        total.add(s)
        if lang in ("nl", "fr"):
            both.add(s)
    out["nl+fr"] = both
    out["all"] = total
    return out


def locate(words: Sequence[Word], line: str) -> tuple[int, int] | None:
    """The word range [first, last) of `words` that says `line` (compared as folded tokens: no case, accents or
    punctuation)."""
    plain: list[str] = []
    owner: list[int] = []
    for i, w in enumerate(words):
        for x in tokens(w.display):
            plain.append(x)
            owner.append(i)
    want = tokens(line)
    for s in range(len(plain) - len(want) + 1) if want else ():
        if plain[s : s + len(want)] == want:
            return owner[s], owner[s + len(want) - 1] + 1
    return None


@lru_cache(maxsize=8)
def second_picks(half: str) -> dict[str, list[str]]:
    path = DATA / half / "second_editor.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def second_editor(half: str) -> dict[str, Stats]:
    """The blind second editor's three lines per vlog, scored against the first editor's as the finder's top 3 are
    (language -> Stats, plus 'nl+fr' and 'all'); empty when the half has no second editor."""
    picks = second_picks(half)

    def finder(t: Transcript, name: str) -> list[Candidate]:
        said = [(line, span) for line in picks[name] if (span := locate(t.words, line)) is not None]
        return [Candidate(rank=n, start=t.words[a].start, end=t.words[b - 1].end, text=line, verbatim=line, score=0,
                          reasons=(), language=t.language, word_start=a, word_end=b)
                for n, (line, (a, b)) in enumerate(said, 1)]

    out: dict[str, Stats] = {}
    for name in names(half):
        if name not in picks:
            continue
        transcript, gold = load(half, name)
        s = score_case(transcript, gold, lambda t, name=name: finder(t, name))
        out.setdefault(transcript.language, Stats()).add(s)
    return with_totals(out)
