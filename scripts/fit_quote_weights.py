"""Fit the quote finder's points per feature on the TUNING half of the corpus and write
src/vlogkit/quotes/weights.json. The held-out half (tests/quotes/data/test) is never read here.

Model: L2-regularised logistic regression (numpy, Newton steps) over the interpretable features of
`vlogkit.quotes.features`, on every sentence and every adjacent pair of sentences of every tuning vlog:
positive when it is (almost exactly) an editor's line, negative when it does not hit one; spans that half-overlap
an editor's line are left out. The regularisation strength, the merge threshold and margin are chosen by
leave-one-vlog-out cross-validation *within* the tuning half, on the finder's real output (recall@3, then MRR).
Usage: [--check] [FEATURE ...]: --check fits and reports without writing; FEATUREs are left out (ablation).
Scores are points on a logit scale: POINTS_PER_LOGIT points per unit of log-odds, EVEN_ODDS points at even odds.

Usage: .venv/bin/python scripts/fit_quote_weights.py [--check]   (--check: fit and report, write nothing)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from tests.quotes.corpus import Stats, load, names, overlap, score_case  # noqa: E402

from vlogkit.quotes.finder import Piece, pieces, rank  # noqa: E402
from vlogkit.quotes.model import Model  # noqa: E402

WEIGHTS = ROOT / "src" / "vlogkit" / "quotes" / "weights.json"
POINTS_PER_LOGIT = 10.0
EVEN_ODDS = 65.0
L2_GRID = (0.3, 1.0, 3.0, 10.0)
WEAK_GRID = (65, 75, 85)
STRONG_GRID = (55, 65, 75)
MARGIN = 0
MIN_SCORE = 25
# Product rule, not learned (points, fixed): a line the recogniser was unsure of may be misquoted, whatever else it
# has - the handwritten corpus has too few unsure words to learn this. (Card length was tried as a fixed rule too,
# starting at 40 words: leave-one-vlog-out recall fell from 0.743 to 0.723, so length stays learned.)
FIXED = {"low_confidence": -15.0}



def label(p: Piece, gold: list[tuple[int, int]]) -> int:
    """1 when the piece is (almost exactly) an editor's line, else 0 - a half of one, or one with more glued on, too."""
    size = p.last - p.first
    for g in gold:
        inter = overlap((p.first, p.last), g)
        if inter >= 0.8 * (g[1] - g[0]) and inter >= 0.8 * size:
            return 1
    return 0


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    n, d = x.shape
    xb = np.hstack([np.ones((n, 1)), x])
    w = np.zeros(d + 1)
    reg = l2 * np.eye(d + 1)
    reg[0, 0] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) + reg @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w


def fit_ranking(x: np.ndarray, y: np.ndarray, group: np.ndarray, l2: float) -> np.ndarray:
    """Conditional logit: for each vlog, each editor's line against every span of the same vlog (softmax), so the
    weights learn what ranks an editor's line above its neighbours rather than across vlogs. No intercept."""
    d = x.shape[1]
    w = np.zeros(d)
    groups = [(x[group == g], y[group == g]) for g in np.unique(group)]
    groups = [(xg, yg) for xg, yg in groups if yg.sum() > 0]
    for _ in range(100):
        grad = l2 * w
        hess = l2 * np.eye(d)
        for xg, yg in groups:
            z = xg @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            k = yg.sum()
            mean = p @ xg
            grad += k * mean - yg @ xg
            hess += k * ((xg * p[:, None]).T @ xg - np.outer(mean, mean))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return np.concatenate([[0.0], w])


def to_model(w: np.ndarray, feats: list[str], weak: int, strong: int, margin: int, info: dict | None = None) -> Model:
    points = {f: POINTS_PER_LOGIT * float(v) for f, v in zip(feats, w[1:], strict=True) if abs(v) > 1e-9}
    points.update(FIXED)
    return Model(EVEN_ODDS + POINTS_PER_LOGIT * float(w[0]), points, weak, strong, margin, MIN_SCORE, info or {})


FIT = fit_ranking
LEFT_OUT: set[str] = set(a for a in sys.argv[1:] if not a.startswith("-"))  # features to leave out (ablation)
# the nine transcripts written before this corpus, by another hand: a small check of how the fit travels
OTHER_HAND = {"en_engineering.txt", "en_sales.txt", "en_warehouse.txt", "fr_rh.txt", "fr_service_client.txt",
              "fr_usine.txt", "nl_hr.txt", "nl_logistiek.txt", "nl_zorg.txt"}


def _report_subsets(vlogs, x, y, group, feats, l2, weak, strong) -> None:  # noqa: ANN001
    """Leave-one-vlog-out numbers of the chosen setting, for the nine older transcripts and for the rest."""
    parts = {"older nine (another hand)": Stats(), "the rest": Stats()}
    for i, (name, transcript, gold, singles, doubles) in enumerate(vlogs):
        m = to_model(FIT(x[group != i], y[group != i], group[group != i], l2), feats, weak, strong, MARGIN)
        key = "older nine (another hand)" if name in OTHER_HAND else "the rest"
        parts[key].add(score_case(transcript, gold, lambda t, m=m, s=singles, d=doubles: rank(t, s, d, m, 50)))
    for key, st in parts.items():
        print(f"  CV {key}: recall@3 {st.recall:.3f} MRR {st.mrr:.3f} gap {st.gap:.1f} ({st.vlogs} vlogs)")


def main(argv: list[str]) -> int:
    t0 = time.perf_counter()
    vlogs = []
    for name in names("tune"):
        transcript, gold = load("tune", name)
        singles, doubles = pieces(transcript)
        vlogs.append((name, transcript, gold, singles, doubles))
    feats = sorted({k for *_, s, d in vlogs for p in s + d for k in p.features.values} - set(FIXED) - LEFT_OUT)
    rows: list[tuple[int, np.ndarray, int]] = []
    for i, (_, _, gold, singles, doubles) in enumerate(vlogs):
        for p in singles + doubles:
            rows.append((i, np.array([p.features.values.get(f, 0.0) for f in feats]), label(p, gold)))
    group = np.array([r[0] for r in rows])
    x = np.vstack([r[1] for r in rows])
    y = np.array([r[2] for r in rows], dtype=float)
    print(f"tuning half: {len(vlogs)} vlogs, {len(rows)} spans ({int(y.sum())} editor's lines), "
          f"{len(feats)} features; analysed in {time.perf_counter() - t0:.1f} s")

    results = []
    for l2 in L2_GRID:
        fold_w = [FIT(x[group != i], y[group != i], group[group != i], l2) for i in range(len(vlogs))]
        for weak in WEAK_GRID:
            for strong in STRONG_GRID:
                total = Stats()
                for i, (_, transcript, gold, singles, doubles) in enumerate(vlogs):
                    m = to_model(fold_w[i], feats, weak, strong, MARGIN)
                    total.add(score_case(transcript, gold, lambda t, m=m, s=singles, d=doubles: rank(t, s, d, m, 50)))
                results.append((total.recall, total.mrr, total.gap, l2, weak, strong))
                print(f"  l2 {l2:5.1f} weak {weak} strong {strong}: CV recall@3 {total.recall:.3f} "
                      f"MRR {total.mrr:.3f} gap {total.gap:5.1f}")
    # recall to two decimals (within about one editor's line), then the stronger regularisation, then MRR
    best = max(results, key=lambda r: (round(r[0], 2), r[3], round(r[1], 3)))
    recall, mrr, gap, l2, weak, strong = best
    print(f"chosen: l2 {l2}, weak {weak}, strong {strong} (leave-one-vlog-out recall@3 {recall:.3f}, "
          f"MRR {mrr:.3f}, gap {gap:.1f})")
    _report_subsets(vlogs, x, y, group, feats, l2, weak, strong)
    w = FIT(x, y, group, l2)
    info = {"fitted_on": f"tests/quotes/data/tune: {len(vlogs)} vlogs, {len(rows)} spans, {int(y.sum())} positive",
            "l2": l2, "points_per_logit": POINTS_PER_LOGIT, "points_at_even_odds": EVEN_ODDS,
            "cv_leave_one_vlog_out": {"recall@3": round(recall, 3), "mrr": round(mrr, 3), "gap": round(gap, 1)},
            "script": "scripts/fit_quote_weights.py"}
    model = to_model(w, feats, weak, strong, MARGIN, info)
    for f, pts in sorted(model.points.items(), key=lambda kv: -kv[1]):
        print(f"  {f:<16} {pts:+7.1f}")
    print(f"  {'(base)':<16} {model.base:7.1f}")
    if "--check" not in argv:
        WEIGHTS.write_text(json.dumps(model.to_json(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
