"""The two solvers behind scripts/fit_quote_weights.py (numpy only): the conditional-logit ranking model of the
feature points, and the L2 logistic regression of the word weights on a sparse presence matrix."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

Group = tuple[np.ndarray, np.ndarray, np.ndarray]  # a vlog's spans: features, labels, the FIXED points (logits)


def fit_ranking(groups: list[Group], d: int, l2: float) -> np.ndarray:
    """Conditional logit: for each vlog, each editor's line against every span of the same vlog (softmax), so the
    weights learn what ranks an editor's line above its neighbours rather than across vlogs. No intercept; the
    FIXED points are an offset, so the learned points are what comes on top of them."""
    w = np.zeros(d)
    groups = [g for g in groups if g[1].sum() > 0]
    for _ in range(100):
        grad = l2 * w
        hess = l2 * np.eye(d)
        for xg, yg, og in groups:
            z = xg @ w + og
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
    return w


def logistic_l2(hits: Sequence[tuple[int, int]], n: int, d: int, y: np.ndarray, l2: float,
                start: np.ndarray | None = None) -> np.ndarray:
    """L2 logistic regression on an n x d 0/1 matrix given by its (row, column) ones; column 0 is the intercept and
    is not regularised. Newton steps whose system is solved by conjugate gradients on the sparse matrix (seconds,
    where a dense solve took an hour at 455 vlogs); the same optimum. `start`: where the Newton steps begin (a fit on
    nearly the same rows - all writers but one - is a few steps from this one's optimum)."""
    at_row, at_col = (np.array(a, dtype=np.int64) for a in zip(*hits, strict=True))
    reg = np.full(d, l2)
    reg[0] = 0.0

    def x_dot(v: np.ndarray) -> np.ndarray:
        return np.bincount(at_row, weights=v[at_col], minlength=n)

    def xt_dot(u: np.ndarray) -> np.ndarray:
        return np.bincount(at_col, weights=u[at_row], minlength=d)

    w = np.zeros(d) if start is None else start.astype(float)
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x_dot(w)))
        s = p * (1 - p)
        step = _conjugate_gradients(lambda v, s=s: xt_dot(s * x_dot(v)) + reg * v, xt_dot(p - y) + reg * w)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def _conjugate_gradients(apply: Callable[[np.ndarray], np.ndarray], b: np.ndarray, tol: float = 1e-10) -> np.ndarray:
    """Solve A x = b for a symmetric positive definite A given as `apply(v) = A v`."""
    x = np.zeros_like(b)
    r = b.copy()
    d = r.copy()
    rr = r @ r
    limit = tol * tol * max(rr, 1e-300)
    for _ in range(10 * len(b)):
        if rr <= limit:
            break
        ad = apply(d)
        alpha = rr / (d @ ad)
        x += alpha * d
        r -= alpha * ad
        new = r @ r
        d = r + (new / rr) * d
        rr = new
    return x
