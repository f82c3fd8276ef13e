"""Fit the quote finder's points per feature on the TUNING half of the corpus and write
src/vlogkit/quotes/weights.json. The held-out half (tests/quotes/data/test) is never read here.

Model: a conditional-logit ranking model (numpy, Newton steps) over the interpretable features of
`vlogkit.quotes.features`: in each tuning vlog, each editor's line against every sentence and every pair of
neighbouring sentences of the same vlog. A span is positive when it is (almost exactly) an editor's line.

Everything that is chosen - the regularisation, the pair rule (how much a pair must beat its better sentence, how
weak its weaker sentence may be) - is chosen by LEAVE-ONE-AUTHOR-OUT cross-validation on the finder's real output:
the tuning half is written by several hands (`tests/quotes/data/tune/authors.json`); each hand's vlogs are ranked by
weights fitted on the other hands only. That number, not the in-sample one, says what a new writer's vlogs will get
(a writer's style is worth 0.2-0.3 of recall@3 on its own). Scores are points on a logit scale: POINTS_PER_LOGIT
points per unit of log-odds, EVEN_ODDS points at even odds.

Usage: .venv/bin/python scripts/fit_quote_weights.py [--check] [--quick] [--ablate] [-FEATURE ...]
  --check: fit and report, write nothing; -FEATURE: leave that feature out (e.g. -edge -names);
  --fix=FEATURE:POINTS: that feature's points fixed, the rest fitted around them;
  --halves=tune,fresh: fit on these corpus halves (default: tune only; any other half is then no longer held out;
    `fresh14*2` counts that half's vlogs twice);
    `real` is the two real recordings: the desk vlog (tests/render/data/desk_transcript.json, its Kennedy line) and
    the sample vlog new users try (tests/render/data/sample_transcript.json, its conviction line), as the bundled
    Whisper model hears them - run-on sentences a written corpus does not have;
  --quick: no cross-validation (minutes instead of hours); the grids hold one setting each, so cross-validation
    only reports. The shipped weights (FINDER_VERSION 26): `--quick
    --halves=tune,fresh,fresh2,fresh3,fresh4,fresh5,fresh6,fresh7,fresh8,fresh9,fresh10,fresh11,fresh14,fresh15,
    fresh17,fresh18,fresh19,real` (about 30 minutes on 2 cores), measured on the held-out halves (test, dev, fresh12,
    fresh13, fresh16, fresh20) by benchmarks/bench_quotes.py;
  --ablate: after choosing, the leave-one-author-out recall with each feature left out in turn (write nothing).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from scripts.quote_fit_recordings import REAL_CASES  # noqa: E402
from scripts.quote_fit_solvers import Group, fit_ranking, logistic_l2  # noqa: E402
from tests.quotes.corpus import Stats, authors, load, names, overlap, score_case  # noqa: E402

from vlogkit.domain import Transcript  # noqa: E402
from vlogkit.quotes.features import Features  # noqa: E402
from vlogkit.quotes.finder import Piece, pieces, rank  # noqa: E402
from vlogkit.quotes.model import Model  # noqa: E402
from vlogkit.quotes.text import display_text  # noqa: E402
from vlogkit.quotes.tokens import lower_words  # noqa: E402
from vlogkit.quotes.wording import MIN_ZIPF, grams, is_learnable, wording  # noqa: E402

WEIGHTS = ROOT / "src" / "vlogkit" / "quotes" / "weights.json"
WORDS = ROOT / "src" / "vlogkit" / "quotes" / "words.json"
WORD_L2 = 3.0  # the word model's regularisation: chosen on fresh5 as a development half (fitted through fresh4: strict recall@3 lines found 178 / 186 / 190 / 188 of 237 at 30 / 10 / 3 / 1)
# what was re-checked since and dropped (other regularisations, double-weighting, more features): docs/quote-finder-log.md
WORD_PAIRS = True  # two neighbouring words count too, rarer words as `_` ("is not", "the _", "^ nobody"): chosen by
# leave-one-author-out (pooled recall@3 0.658 words and common-word pairs -> 0.674 with `_`, `^`, `$` on 226 vlogs)
WORD_MIN_SENTENCES = 5  # a word is weighed when this many tuning sentences of its language hold it
WORD_FEATURES = ("quotable_words", "plain_words")
POINTS_PER_LOGIT = 8.0
EVEN_ODDS = 55.0
L2_GRID = (1.0,)
FLOOR_GRID = (30,)
MARGIN_GRID = (0,)
MIN_SCORE = 25
# Product rule, not learned (points, fixed): a line the recogniser was unsure of may be misquoted, whatever else it
# has - the handwritten corpus has too few unsure words to learn this.
FIXED = {"low_confidence": -15.0}
LANGS = ("en", "nl", "fr", "nl+fr", "all")
# What a feature means fixes the sign of its points: a reason never says "a cliché +2" or "distinctive words -1".
# A feature whose fitted points come out with the wrong sign is left out and the rest refitted (within every
# cross-validation fold too, so the cross-validated numbers include this rule). Unlisted features are free.
FOR = frozenset("""distinct concrete emotion superlative conviction parallel repetition antithesis contrast triad simile
    insight definition quotable_words people generic_subject echo turn punchline no_specifics present common""".split())
AGAINST = frozenset("""names figures time place tool booking status future plan greeting meta request cliche setup question
    question_mark context_open context_phrase hearsay intensifier hedge fillers restart values plain_words unknown
    short long slow shift fragment edge""".split())


@dataclass
class Vlog:
    name: str
    author: str
    language: str
    transcript: Transcript
    gold: list[tuple[int, int]]
    singles: list[Piece]
    doubles: list[Piece]
    parts: list[list[list[str]]]  # per span (singles, then doubles): the lower-case words of each sentence
    inside: list[tuple[str, list[str], int]]  # per sentence: (language, words, 1 when part of an editor's line)


def label(p: Piece, gold: list[tuple[int, int]]) -> int:
    """1 when the piece is (almost exactly) an editor's line, else 0 - a half of one, or one with more glued on, too."""
    size = p.last - p.first
    for g in gold:
        inter = overlap((p.first, p.last), g)
        if inter >= 0.8 * (g[1] - g[0]) and inter >= 0.8 * size:
            return 1
    return 0


def fit_signed(groups: list[Group], feats: list[str], l2: float) -> np.ndarray:
    """`fit_ranking`, leaving out (weight 0) every feature whose points come out against its meaning."""
    keep = list(range(len(feats)))
    while True:
        w = fit_ranking([(x[:, keep], y, o) for x, y, o in groups], len(keep), l2)
        wrong = [k for k, v in zip(keep, w, strict=True)
                 if (feats[k] in FOR and v < 0) or (feats[k] in AGAINST and v > 0)]
        if not wrong:
            full = np.zeros(len(feats))
            full[keep] = w
            return full
        keep = [k for k in keep if k not in wrong]


def fit_words(vlogs: list[Vlog], start: dict[tuple[str, str], float] | None = None) -> dict[str, dict[str, float]]:
    """The word weights (`wording.py`): L2 logistic regression of "this sentence is part of an editor's line" on the
    presence of each common word (and each two neighbouring words, rarer words as `_`, the sentence's start and end
    as `^` and `$`: `wording.grams`), one vocabulary per language (words of Zipf >= MIN_ZIPF). `start`: a fit on
    nearly the same vlogs (`fit_words_raw`), where the solver begins - the same optimum, in a few steps."""
    out: dict[str, dict[str, float]] = {}
    for (lang, word), weight in fit_words_raw(vlogs, start).items():
        if lang and abs(weight) >= 0.01:
            out.setdefault(lang, {})[word] = round(weight, 3)
    return out


def fit_words_raw(vlogs: list[Vlog], start: dict[tuple[str, str], float] | None = None) -> dict[tuple[str, str], float]:
    """(language, word) -> weight for every word of the vocabulary, and ("", "") -> the intercept."""
    rows = [(lang, set(grams(ws, lang) if WORD_PAIRS else ws), y) for v in vlogs for lang, ws, y in v.inside]
    df = Counter((lang, w) for lang, ws, _ in rows for w in ws)
    vocab = {k: i for i, k in enumerate(sorted(
        k for k, c in df.items() if c >= WORD_MIN_SENTENCES and is_learnable(k[1], k[0])))}
    hits = [(i, 0) for i in range(len(rows))]  # column 0: the intercept
    hits += [(i, vocab[(lang, w)] + 1) for i, (lang, ws, _) in enumerate(rows) for w in ws if (lang, w) in vocab]
    y = np.array([r[2] for r in rows], dtype=float)
    w0 = None
    if start is not None:
        w0 = np.array([start.get(("", ""), 0.0)] + [start.get(k, 0.0) for k in vocab])
    w = logistic_l2(hits, len(rows), len(vocab) + 1, y, WORD_L2, w0)
    return {("", ""): float(w[0])} | {k: float(w[j + 1]) for k, j in vocab.items()}


def with_words(v: Vlog, weights: dict[str, dict[str, float]]) -> tuple[list[Piece], list[Piece]]:
    """The vlog's spans with their word features recomputed from `weights` (a pair: the mean of its sentences)."""
    out = []
    for p, parts in zip(v.singles + v.doubles, v.parts, strict=True):
        vals = [wording(ws, p.language, weights) for ws in parts]
        f = Features(dict(p.features.values), dict(p.features.evidence), p.features.words, p.features.seconds)
        for k, name in enumerate(WORD_FEATURES):
            f.values.pop(name, None)
            f.evidence.pop(name, None)
            f.set(name, sum(x[k] for x in vals) / len(vals), next((x[2 + k] for x in vals if x[2 + k]), ""))
        out.append(replace(p, features=f))
    return out[: len(v.singles)], out[len(v.singles) :]


_WORDS: dict[tuple[str, ...], dict[str, dict[str, float]]] = {}  # writers left out -> word weights
_ALL_WORDS: dict[tuple[str, str], float] = {}  # every writer in: where each leave-out fit starts


def _fit_without(key: tuple[str, ...]) -> dict[str, dict[str, float]]:
    return fit_words([v for v in VLOGS if v.author not in key], _ALL_WORDS or None)


def _prefit_words(keys: set[tuple[str, ...]]) -> None:
    """The word models for these leave-out keys (into `_WORDS`), on every core - a fit takes seconds, and there is
    one per writer - each starting from the fit on every writer."""
    if not _ALL_WORDS:
        _ALL_WORDS.update(fit_words_raw(VLOGS))
    for old in [k for k in _WORDS if len(k) > 1 and k not in keys]:  # a finished cross-validation fold's models
        del _WORDS[old]
    todo = sorted(k for k in keys if k not in _WORDS)
    if len(todo) > 1 and (os.cpu_count() or 1) > 1:
        with multiprocessing.get_context("fork").Pool(os.cpu_count()) as pool:
            _WORDS.update(zip(todo, pool.map(_fit_without, todo), strict=True))
    else:
        _WORDS.update((k, _fit_without(k)) for k in todo)


def to_model(w: np.ndarray, feats: list[str], floor: int, margin: int, info: dict | None = None) -> Model:
    points = {f: POINTS_PER_LOGIT * float(v) for f, v in zip(feats, w, strict=True) if abs(v) > 1e-9}
    points.update(FIXED)
    return Model(EVEN_ODDS, points, pair_floor=floor, margin=margin, min_score=MIN_SCORE, info=info or {})


Spans = tuple[list[Piece], list[Piece]]


def matrix(v: Vlog, spans: Spans, feats: list[str]) -> Group:
    x = np.array([[p.features.values.get(f, 0.0) for f in feats] for p in spans[0] + spans[1]])
    y = np.array([label(p, v.gold) for p in spans[0] + spans[1]], dtype=float)
    o = np.array([sum(pts * p.features.values.get(f, 0.0) for f, pts in FIXED.items()) / POINTS_PER_LOGIT
                  for p in spans[0] + spans[1]])
    return x, y, o


def measure(vlogs: list[Vlog], spans: list[Spans], model: Model) -> dict[str, Stats]:
    out = {k: Stats() for k in LANGS}
    for v, (singles, doubles) in zip(vlogs, spans, strict=True):
        s = score_case(v.transcript, v.gold, lambda t, s=singles, d=doubles: rank(t, s, d, model, 50))
        for k in (v.language, "all") + (("nl+fr",) if v.language in ("nl", "fr") else ()):
            out[k].add(s)
    return out


def spans_for(vlogs: list[Vlog], excluded: tuple[str, ...]) -> list[Spans]:
    """Every vlog's spans, its word features from word weights fitted without its own writer and without the
    writers in `excluded` (the held-out writer of a cross-validation fold): no writer's vlogs ever set the word
    weights that score them."""
    keys = [tuple(sorted({*excluded, v.author})) for v in vlogs]
    _prefit_words(set(keys))
    return [with_words(v, _WORDS[k]) for v, k in zip(vlogs, keys, strict=True)]


def cross_validate(vlogs: list[Vlog], feats: list[str], l2: float,
                   rules: list[tuple[int, int]]) -> dict[tuple[int, int], dict[str, dict[str, Stats]]]:
    """rule -> held-out author -> language -> Stats: each author's vlogs ranked by weights (feature points and word
    weights alike) fitted on the other authors only."""
    out: dict[tuple[int, int], dict[str, dict[str, Stats]]] = {r: {} for r in rules}
    for who in sorted({v.author for v in vlogs}):
        train = [v for v in vlogs if v.author != who]
        held = [v for v in vlogs if v.author == who]
        data = [matrix(v, sp, feats) for v, sp in zip(train, spans_for(train, (who,)), strict=True)]
        w = fit_signed(data, feats, l2)
        held_spans = spans_for(held, ())
        for floor, margin in rules:
            out[(floor, margin)][who] = measure(held, held_spans, to_model(w, feats, floor, margin))
    return out


def pooled(by_author: dict[str, dict[str, Stats]]) -> dict[str, Stats]:
    total = {k: Stats() for k in LANGS}
    for st in by_author.values():
        for k in LANGS:
            total[k].add(st[k])
    return total


def macro(by_author: dict[str, dict[str, Stats]]) -> float:
    """Mean over authors of their recall@3: every hand counts the same, however many vlogs it wrote."""
    return sum(st["all"].recall for st in by_author.values()) / len(by_author)


def table(title: str, stats: dict[str, Stats]) -> list[str]:
    rows = [title]
    for k in LANGS:
        s = stats[k]
        if s.gold:
            rows.append(f"    {k:6} vlogs {s.vlogs:3d} lines {s.gold:3d}  recall@3 {s.recall:.3f}  precision@3 "
                        f"{s.precision:.3f}  MRR {s.mrr:.3f}  gap {s.gap:5.1f}")
    return rows


def ablate(vlogs: list[Vlog], feats: list[str], l2: float, rule: tuple[int, int], base: float) -> None:
    """Leave-one-author-out macro recall@3 with each feature left out in turn: a feature whose removal does not
    lower it does not travel across writers."""
    print(f"ablation (macro recall@3 with all features: {base:.3f}):")
    rows = []
    for f in feats:
        by_author = cross_validate(vlogs, [k for k in feats if k != f], l2, [rule])[rule]
        rows.append((macro(by_author) - base, f, by_author))
    for delta, f, by_author in sorted(rows, key=lambda r: -r[0]):
        per = " ".join(f"{who} {st['all'].recall:.2f}" for who, st in sorted(by_author.items()))
        print(f"  -{f:<16} {delta:+.3f}  | {per}")


def _words_of(words) -> list[str]:  # noqa: ANN001
    return lower_words(display_text(words))


def load_vlogs(halves: tuple[str, ...] = ("tune",)) -> list[Vlog]:
    """The vlogs of these halves; `half*N` counts each vlog of that half N times (in both fits, as if written N
    times, and left out together with its writer)."""
    vlogs = []
    for spec in halves:
        half, _, times = spec.partition("*")
        once = _load_half(half)
        vlogs += once * int(times or 1)
    return vlogs


def _load_half(half: str) -> list[Vlog]:
    vlogs = []
    for name in list(REAL_CASES) if half == "real" else names(half):
        hands = dict.fromkeys(REAL_CASES, "real") if half == "real" else authors(half)
        transcript, gold = REAL_CASES[name]() if half == "real" else load(half, name)
        singles, doubles = pieces(transcript)
        w = transcript.words
        parts = [[_words_of(w[p.first : p.last])] for p in singles]
        parts += [[_words_of(w[p.first : p.sentences[1].first]), _words_of(w[p.sentences[1].first : p.last])]
                  for p in doubles]
        inside = [(p.language, parts[i][0],
                   int(any(overlap((p.first, p.last), g) >= 0.8 * (p.last - p.first) for g in gold)))
                  for i, p in enumerate(singles)]
        vlogs.append(Vlog(name, hands.get(name, "unknown"), transcript.language, transcript, gold, singles, doubles,
                          parts, inside))
    return vlogs


VLOGS: list[Vlog] = []  # the tuning vlogs, for the cached word models


def all_features(vlogs: list[Vlog], left_out: set[str] | frozenset[str] = frozenset()) -> list[str]:
    found = {k for v in vlogs for p in v.singles + v.doubles for k in p.features.values}
    return sorted((found | set(WORD_FEATURES)) - set(FIXED) - set(left_out))


def main(argv: list[str]) -> int:
    t0 = time.perf_counter()
    left_out = {a[1:] for a in argv if a.startswith("-") and not a.startswith("--")}
    for a in argv:  # --fix=FEATURE:POINTS: try a feature's points fixed rather than fitted
        if a.startswith("--fix="):
            name, pts = a[6:].split(":")
            FIXED[name] = float(pts)
    halves = next((tuple(a[9:].split(",")) for a in argv if a.startswith("--halves=")), ("tune",))
    vlogs = load_vlogs(halves)
    VLOGS[:] = vlogs
    feats = all_features(vlogs, left_out)
    hands = sorted({v.author for v in vlogs})
    n_spans = sum(len(v.singles) + len(v.doubles) for v in vlogs)
    n_pos = sum(label(p, v.gold) for v in vlogs for p in v.singles + v.doubles)
    print(f"tuning half: {len(vlogs)} vlogs by {len(hands)} hands ({', '.join(hands)}), {n_spans} spans "
          f"({n_pos} editor's lines), {len(feats)} features; analysed in {time.perf_counter() - t0:.1f} s")

    rules = [(f, m) for f in FLOOR_GRID for m in MARGIN_GRID]
    results = []
    if "--quick" in argv:  # the final fit alone, at the first grid point
        fit_and_write(vlogs, feats, L2_GRID[0], rules[0],
                      {"fitted_on": f"{'+'.join(halves)}: {len(vlogs)} vlogs by {len(hands)} hands, {n_spans} spans, "
                                    f"{n_pos} positive (--quick: no cross-validation)"}, argv)
        return 0
    for l2 in L2_GRID:
        cv = cross_validate(vlogs, feats, l2, rules)
        for rule, by_author in cv.items():
            total = pooled(by_author)["all"]
            results.append((macro(by_author), total.recall, total.mrr, l2, rule, by_author))
            per = " ".join(f"{who} {st['all'].recall:.2f}" for who, st in sorted(by_author.items()))
            print(f"  l2 {l2:5.1f} floor {rule[0]} margin {rule[1]}: leave-one-author-out recall@3 macro "
                  f"{results[-1][0]:.3f} pooled {total.recall:.3f} MRR {total.mrr:.3f} gap {total.gap:5.1f} | {per}")
    # macro recall to two decimals (within about one line per author), then the stronger regularisation, then MRR
    best = max(results, key=lambda r: (round(r[0], 2), r[3], round(r[2], 3)))
    macro_recall, recall, mrr, l2, (floor, margin), by_author = best
    print(f"chosen: l2 {l2}, pair floor {floor}, margin {margin}")
    cv_total = pooled(by_author)
    print("\n".join(table("  leave-one-author-out (pooled over held-out hands):", cv_total)))
    for who, st in sorted(by_author.items()):
        s = st["all"]
        print(f"    held out {who:10} vlogs {s.vlogs:3d} lines {s.gold:3d} recall@3 {s.recall:.3f} MRR {s.mrr:.3f} "
              f"gap {s.gap:5.1f}")
    if "--ablate" in argv:
        ablate(vlogs, feats, l2, (floor, margin), macro_recall)
        return 0
    info = {"fitted_on": f"tests/quotes/data/tune: {len(vlogs)} vlogs by {len(hands)} hands, {n_spans} spans, "
                         f"{n_pos} positive",
            "l2": l2, "points_per_logit": POINTS_PER_LOGIT, "points_at_even_odds": EVEN_ODDS,
            "cv_leave_one_author_out": {k: cv_total[k].row() for k in LANGS if cv_total[k].gold}
            | {"macro_recall@3": round(macro_recall, 3)},
            "script": "scripts/fit_quote_weights.py"}
    fit_and_write(vlogs, feats, l2, (floor, margin), info, argv)
    print(f"({time.perf_counter() - t0:.0f} s)")
    return 0


def fit_and_write(vlogs: list[Vlog], feats: list[str], l2: float, rule: tuple[int, int], info: dict,
                  argv: list[str]) -> None:
    """The shipped fit on every tuning vlog: feature points and word weights, the in-sample numbers and the points;
    writes weights.json and words.json unless --check."""
    train_spans = spans_for(vlogs, ())
    w = fit_signed([matrix(v, sp, feats) for v, sp in zip(vlogs, train_spans, strict=True)], feats, l2)
    words = fit_words(vlogs, _ALL_WORDS)
    model = to_model(w, feats, *rule, info)
    final = [with_words(v, words) for v in vlogs]
    print("\n".join(table("  in-sample:", measure(vlogs, final, model))))
    for f, pts in sorted(model.points.items(), key=lambda kv: -kv[1]):
        print(f"  {f:<16} {pts:+7.1f}")
    for lang, ws in sorted(words.items()):
        top = sorted(ws.items(), key=lambda kv: kv[1])
        print(f"  words {lang}: {len(ws)}; most against: {[k for k, _ in top[:12]]}; most for: "
              f"{[k for k, _ in top[-12:]]}")
    if "--check" not in argv:
        write(model, words)


def write(model: Model, words: dict[str, dict[str, float]]) -> None:
    WEIGHTS.write_text(json.dumps(model.to_json(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    WORDS.write_text(json.dumps({"min_zipf": MIN_ZIPF, "l2": WORD_L2, "script": "scripts/fit_quote_weights.py",
                                 "words": {k: dict(sorted(v.items())) for k, v in sorted(words.items())}},
                                ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(ROOT)} and {WORDS.relative_to(ROOT)}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
