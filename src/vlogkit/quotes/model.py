"""The scoring model: points per feature, fitted on the tuning half of the corpus (scripts/fit_quote_weights.py).

A line's score is the starting points plus each feature's points (its weight times its value, rounded), clamped to
0..100, so the reasons add up to the score. The weights live in `weights.json` beside this module, written by the
fitting script with what it was fitted on and its cross-validated numbers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from vlogkit.domain import Reason
from vlogkit.quotes.features import Features
from vlogkit.quotes.reasons import phrase

# Punctuation alone may move a score by a few points at most: the question mark is the one punctuation feature.
CAPS = {"question_mark": 5.0}
# Said even when worth no points: a candidate of two sentences always says so.
ALWAYS_SAID = frozenset({"merged", "loose_pair"})


def reason_order(points: int, code: str) -> tuple[bool, int, str]:
    """How reasons are listed: points for the line first, then against it, the strongest first."""
    return points < 0, -abs(points), code


@dataclass(frozen=True)
class Model:
    base: float
    points: dict[str, float]  # feature -> points per unit of the feature
    pair_floor: int = 45  # two sentences are a candidate together only when the weaker scores this much alone
    margin: int = 0  # ... and together they score at least this much above the better one
    min_score: int = 20  # candidates below this are not listed
    info: dict[str, Any] = field(default_factory=dict)

    def exact(self, f: Features) -> float:
        """The unrounded score: ranks lines that round to the same score."""
        return self.base + sum(self._points(name, x) for name, x in f.values.items())

    def _points(self, name: str, x: float) -> float:
        p = self.points.get(name, 0.0) * x
        cap = CAPS.get(name)
        return max(-cap, min(cap, p)) if cap is not None else p

    def score(self, f: Features, language: str) -> tuple[int, float, tuple[Reason, ...]]:
        """(score 0..100, exact score, reasons strongest first with their points)."""
        parts: list[tuple[int, str]] = []
        for name, x in f.values.items():
            pts = round(self._points(name, x))
            if pts or name in ALWAYS_SAID:
                parts.append((pts, name))
        total = round(self.base) + sum(p for p, _ in parts)
        parts.sort(key=lambda pn: reason_order(*pn))
        reasons = tuple(Reason(name, phrase(name, language, f.evidence.get(name, "")), pts, f.evidence.get(name, ""))
                        for pts, name in parts)
        return max(0, min(100, total)), self.exact(f), reasons

    def to_json(self) -> dict[str, Any]:
        return {"base": round(self.base, 3), "points": {k: round(v, 3) for k, v in sorted(self.points.items())},
                "pair_floor": self.pair_floor, "margin": self.margin, "min_score": self.min_score, "info": self.info}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Model:
        return cls(float(d["base"]), {str(k): float(v) for k, v in d["points"].items()}, int(d.get("pair_floor", 45)),
                   int(d.get("margin", 0)), int(d.get("min_score", 20)), dict(d.get("info", {})))


@lru_cache(maxsize=1)
def default_model() -> Model:
    text = resources.files("vlogkit.quotes").joinpath("weights.json").read_text(encoding="utf-8")
    return Model.from_json(json.loads(text))
