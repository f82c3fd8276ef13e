"""What the timeline shows and where: the visible time window (zoom and scroll) and the marks on it.

Pure geometry, no painting: `TimelineModel` maps milliseconds to pixels and back, snaps to words, and finds what lies
under a point, so the widget and its tests share one answer.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

MIN_MS_PER_PX = 2.0  # the deepest zoom: 2 ms a pixel (a 300 ms word is 150 px wide)
HANDLE_GRAB_PX = 7


@dataclass(frozen=True, slots=True)
class QuoteMark:
    start: int
    end: int
    rank: int
    text: str = ""


@dataclass
class TimelineModel:
    duration_ms: int = 0
    width_px: int = 1
    view_start: float = 0.0  # ms at the left edge
    ms_per_px: float = 1.0
    words: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each word, in order
    sentences: list[int] = field(default_factory=list)  # start ms of each sentence
    quotes: list[QuoteMark] = field(default_factory=list)
    in_out: tuple[int, int] | None = None
    playhead: int = 0

    # -- the window ------------------------------------------------------------------------------------
    def fit(self) -> None:
        """Show the whole vlog."""
        self.view_start = 0.0
        self.ms_per_px = max(MIN_MS_PER_PX, self.duration_ms / max(1, self.width_px)) if self.duration_ms else 1.0

    @property
    def max_ms_per_px(self) -> float:
        return max(MIN_MS_PER_PX, self.duration_ms / max(1, self.width_px))

    @property
    def visible_ms(self) -> float:
        return self.ms_per_px * self.width_px

    def resize(self, width_px: int) -> None:
        fitted = abs(self.ms_per_px - self.max_ms_per_px) < 1e-6 or self.ms_per_px > self.duration_ms / max(1, width_px)
        self.width_px = max(1, width_px)
        if fitted:
            self.fit()
        self._clamp()

    def zoom(self, factor: float, anchor_px: float) -> None:
        """Zoom by `factor` (>1 zooms in) keeping the time under `anchor_px` in place."""
        at = self.ms_at(anchor_px)
        self.ms_per_px = min(self.max_ms_per_px, max(MIN_MS_PER_PX, self.ms_per_px / factor))
        self.view_start = at - anchor_px * self.ms_per_px
        self._clamp()

    def scroll(self, delta_px: float) -> None:
        self.view_start += delta_px * self.ms_per_px
        self._clamp()

    def ensure_visible(self, ms: int, margin_px: int = 40) -> bool:
        """Scroll so `ms` is on screen (a page at a time, like an editor following the playhead)."""
        x = self.x_of(ms)
        if margin_px <= x <= self.width_px - margin_px:
            return False
        self.view_start = ms - margin_px * self.ms_per_px
        self._clamp()
        return True

    def _clamp(self) -> None:
        self.view_start = max(0.0, min(self.view_start, max(0.0, self.duration_ms - self.visible_ms)))

    @property
    def zoomed(self) -> bool:
        return self.ms_per_px < self.max_ms_per_px - 1e-6

    # -- mapping ---------------------------------------------------------------------------------------
    def x_of(self, ms: float) -> float:
        return (ms - self.view_start) / self.ms_per_px

    def ms_at(self, x: float) -> int:
        return int(round(min(max(0.0, self.view_start + x * self.ms_per_px), float(self.duration_ms))))

    # -- words -----------------------------------------------------------------------------------------
    def snap_in(self, ms: int) -> int:
        """The start of the word at or after `ms` (the start of the word it falls in, when inside one)."""
        if not self.words:
            return ms
        starts = [a for a, _ in self.words]
        i = bisect.bisect_right(starts, ms) - 1
        if i >= 0 and ms < self.words[i][1]:
            return self.words[i][0]
        return self.words[min(i + 1, len(self.words) - 1)][0]

    def snap_out(self, ms: int) -> int:
        """The end of the word at or before `ms` (the end of the word it falls in, when inside one)."""
        if not self.words:
            return ms
        starts = [a for a, _ in self.words]
        i = bisect.bisect_right(starts, ms) - 1
        return self.words[max(0, i)][1]

    def word_range(self, a_ms: int, b_ms: int) -> tuple[int, int] | None:
        """First and last word index inside [a_ms, b_ms] (by their middles), or None when no word is."""
        idx = [i for i, (s, e) in enumerate(self.words) if a_ms <= (s + e) // 2 <= b_ms]
        return (idx[0], idx[-1]) if idx else None

    # -- hit testing -----------------------------------------------------------------------------------
    def handle_at(self, x: float) -> str | None:
        """'in' or 'out' when `x` is on a handle (the nearer one wins), else None."""
        if self.in_out is None:
            return None
        dist = {"in": abs(self.x_of(self.in_out[0]) - x), "out": abs(self.x_of(self.in_out[1]) - x)}
        best = min(dist, key=lambda k: dist[k])
        return best if dist[best] <= HANDLE_GRAB_PX else None

    def quote_at(self, x: float) -> QuoteMark | None:
        ms = self.ms_at(x)
        hits = [q for q in self.quotes if q.start <= ms <= q.end]
        return min(hits, key=lambda q: q.rank) if hits else None

    def tick_step_ms(self, min_px: int = 70) -> int:
        """A round time step whose labels stand at least `min_px` apart."""
        for step in (100, 200, 500, 1000, 2000, 5000, 10000, 15000, 30000, 60000, 120000, 300000, 600000):
            if step / self.ms_per_px >= min_px:
                return step
        return 1200000
