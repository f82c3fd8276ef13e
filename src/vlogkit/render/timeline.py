"""Which stretches of the source end up in the clip: ranges, jump cuts, and `--tighten` (long pauses shortened,
filler words removed). Words are re-timed onto the clip's own clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from vlogkit.domain import Word
from vlogkit.errors import N_, Number, UsageError
from vlogkit.quotes.text import is_filler  # one filler lexicon: what --tighten cuts is what quotes leave out


@dataclass(frozen=True, slots=True)
class Tighten:
    max_pause_ms: int = 600  # pauses longer than this are shortened...
    keep_pause_ms: int = 300  # ...to this
    fillers: bool = True  # remove filler words
    min_piece_ms: int = 120  # never keep slivers shorter than this


@dataclass(frozen=True, slots=True)
class Piece:
    start: int  # source ms
    end: int

    @property
    def duration(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Timeline:
    pieces: tuple[Piece, ...]

    @property
    def duration(self) -> int:
        return sum(p.duration for p in self.pieces)

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end

    @property
    def cuts(self) -> int:
        return len(self.pieces) - 1

    def offsets(self) -> list[int]:
        out, acc = [], 0
        for p in self.pieces:
            out.append(acc)
            acc += p.duration
        return out

    def to_output(self, t: int) -> int | None:
        """Clip time of source time `t`, or None when `t` was cut out."""
        for off, p in zip(self.offsets(), self.pieces, strict=True):
            if p.start <= t < p.end:
                return off + t - p.start
        if self.pieces and t == self.pieces[-1].end:
            return self.duration
        return None

    def retime(self, words: Sequence[Word]) -> list[Word]:
        """Words whose middle survives, moved onto the clip clock and clipped to their piece."""
        out: list[Word] = []
        for off, p in zip(self.offsets(), self.pieces, strict=True):
            for w in words:
                mid = (w.start + w.end) // 2
                if p.start <= mid < p.end:
                    s = max(w.start, p.start) - p.start + off
                    e = min(w.end, p.end) - p.start + off
                    out.append(replace(w, start=s, end=max(e, s + 1)))
        return out

    def describe(self) -> str:
        parts = ", ".join(f"{p.start / 1000:.2f}-{p.end / 1000:.2f}" for p in self.pieces)
        return f"{len(self.pieces)} piece(s), {self.duration / 1000:.2f} s: {parts}"


def validate_ranges(ranges: Sequence[tuple[int, int]], media_ms: int) -> list[tuple[int, int]]:
    """Sorted, merged ranges inside the media; UsageError for nonsense."""
    if not ranges:
        raise UsageError("No range to export: give --start/--end, --range S:E, --candidate or --quote.")
    out: list[tuple[int, int]] = []
    for s, e in sorted((int(a), int(b)) for a, b in ranges):
        if s < 0 or e <= s:
            raise UsageError(N_("The range {start}-{end} s is empty or backwards: the end must come after the start."),
                             start=Number(s / 1000, 2), end=Number(e / 1000, 2))
        if media_ms and s >= media_ms:
            raise UsageError(N_("The range starts at {start} s but the vlog is only {length} s long."),
                             start=Number(s / 1000, 2), length=Number(media_ms / 1000, 2))
        e = min(e, media_ms) if media_ms else e
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


EDGE_PAD_MS = 120  # silence kept before a word the range now starts on (and after one it now ends on)


def fit_ranges(ranges: Sequence[tuple[int, int]], words: Sequence[Word], media_ms: int) -> tuple[list[tuple[int, int]], list[str]]:
    """The asked ranges made whole: inside the media (a range running past the end is shortened, one starting
    after it is refused) and never cutting a word (an edge inside a word moves out to take the whole word, with a
    little of the silence around it). Returns (ranges, one note per change, for the user)."""
    notes: list[str] = []
    for s, e in ranges:
        if media_ms and s < media_ms < e:
            notes.append(f"The range {s / 1000:.2f}-{e / 1000:.2f} s runs past the end of the vlog: it now ends at "
                         f"{media_ms / 1000:.2f} s.")
    spoken = sorted((w for w in words if w.end > w.start), key=lambda w: w.start)
    out: list[tuple[int, int]] = []
    for s, e in validate_ranges(ranges, media_ms):
        s2, e2 = s, e
        for i, w in enumerate(spoken):
            if w.start < s < w.end:
                before = spoken[i - 1].end if i > 0 else 0
                s2 = max(0, w.start - EDGE_PAD_MS, (before + w.start) // 2) if before <= w.start else w.start
                notes.append(f"{s / 1000:.2f} s falls inside \"{w.display.strip()}\": the clip now starts at "
                             f"{s2 / 1000:.2f} s, before that word.")
            if w.start < e < w.end:
                after = spoken[i + 1].start if i + 1 < len(spoken) else (media_ms or w.end + EDGE_PAD_MS)
                e2 = min(w.end + EDGE_PAD_MS, (w.end + after) // 2) if after >= w.end else w.end
                e2 = min(e2, media_ms) if media_ms else e2
                notes.append(f"{e / 1000:.2f} s falls inside \"{w.display.strip()}\": the clip now ends at "
                             f"{e2 / 1000:.2f} s, after that word.")
        if out and s2 <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e2))
        else:
            out.append((s2, e2))
    return out, notes


def _snap(t: int, fps: float) -> int:
    """`t` on the video's frame grid (the nearest frame)."""
    if fps <= 0:
        return t
    return int(round(round(t * fps / 1000.0) * 1000.0 / fps))


def build_timeline(
    ranges: Sequence[tuple[int, int]],
    words: Sequence[Word] = (),
    *,
    tighten: Tighten | None = None,
    media_ms: int = 0,
    fps: float = 0.0,
) -> Timeline:
    """Pieces of source to keep, in order. With `tighten`, long pauses inside each range shrink and fillers go.

    The cuts inside the clip are snapped to the video's frame grid so the audio and video cuts coincide; the clip's
    own start and end stay where they were asked for (the clip is never longer than its range).
    """
    raw: list[tuple[int, int]] = []
    for rs, re_ in validate_ranges(ranges, media_ms):
        raw.extend(_tightened(rs, re_, words, tighten) if tighten is not None else [(rs, re_)])
    pieces: list[Piece] = []
    for i, (s, e) in enumerate(raw):
        s = s if i == 0 else _snap(s, fps)
        e = e if i == len(raw) - 1 else _snap(e, fps)
        if e - s >= (tighten.min_piece_ms if tighten else 1):
            if pieces and s <= pieces[-1].end:
                pieces[-1] = Piece(pieces[-1].start, max(e, pieces[-1].end))
            else:
                pieces.append(Piece(s, e))
    if not pieces:
        raise UsageError(N_("Nothing is left of the range after tightening: choose a longer range."))
    return Timeline(tuple(pieces))


def _tightened(rs: int, re_: int, words: Sequence[Word], opts: Tighten) -> list[tuple[int, int]]:
    """Cut list for one range: [rs, re_) minus the middles of long gaps and the filler words."""
    inside = [w for w in words if rs <= (w.start + w.end) // 2 < re_]
    spoken = [w for w in inside if not (opts.fillers and is_filler(w))]
    cuts: list[tuple[int, int]] = []
    half = opts.keep_pause_ms // 2
    # gaps between kept words (a removed filler makes its stretch part of a gap)
    edges = [(rs, rs)] + [(w.start, w.end) for w in spoken] + [(re_, re_)]
    for (_, prev_end), (next_start, _) in zip(edges, edges[1:], strict=False):
        gap_start, gap_end = max(prev_end, rs), min(next_start, re_)
        gap = gap_end - gap_start
        at_edge = gap_start == rs or gap_end == re_
        if gap > opts.max_pause_ms and not at_edge:
            cuts.append((gap_start + half, gap_end - half))
        elif gap > 0 and opts.fillers:
            for f in inside:
                if is_filler(f) and gap_start <= f.start and f.end <= gap_end:
                    cuts.append((f.start, f.end))
    keep: list[tuple[int, int]] = []
    pos = rs
    for cs, ce in sorted(cuts):
        if cs > pos:
            keep.append((pos, cs))
        pos = max(pos, ce)
    if pos < re_:
        keep.append((pos, re_))
    return keep
