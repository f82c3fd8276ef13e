"""Where the crop window sits: follow the main speaker's face with a dead zone and easing, or fall back.

Modes:
    scale   source and preset have the same shape: the whole frame, scaled
    face    a crop window that follows the main speaker (face in the upper-middle third when the crop is shorter
            than the frame)
    center  a fixed centre crop (no face found)
    fit     the whole frame over a blurred, enlarged copy of itself (portrait source to a landscape preset, or asked for)
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from vlogkit.media.faces import FaceBox, FaceTrack

MIN_HIT_RATE = 0.2  # below this share of sampled frames with a face, the track is not trusted
DEAD_ZONE = 0.10  # fraction of the crop width/height the face may drift before the window moves
EASING = 0.35  # share of the remaining distance covered per sample once the window moves
FACE_LINE = 0.38  # face centre at this fraction of the crop height from its top (upper-middle third)


@dataclass(frozen=True, slots=True)
class CropPlan:
    mode: str  # scale | face | center | fit
    src_w: int  # display size of the source
    src_h: int
    crop_w: int
    crop_h: int
    points: tuple[tuple[int, int, int], ...] = ()  # (source ms, x, y) of the crop window's top-left corner

    def at(self, t_ms: int) -> tuple[int, int]:
        """Top-left of the crop window at source time `t_ms` (linear between points)."""
        if not self.points:
            return (self.src_w - self.crop_w) // 2, (self.src_h - self.crop_h) // 2
        pts = self.points
        if t_ms <= pts[0][0]:
            return pts[0][1], pts[0][2]
        for (t0, x0, y0), (t1, x1, y1) in zip(pts, pts[1:], strict=False):
            if t_ms <= t1:
                f = (t_ms - t0) / (t1 - t0) if t1 > t0 else 1.0
                return round(x0 + (x1 - x0) * f), round(y0 + (y1 - y0) * f)
        return pts[-1][1], pts[-1][2]

    def describe(self) -> str:
        if self.mode in ("scale", "fit"):
            return self.mode
        xs = [p[1] for p in self.points] or [self.at(0)[0]]
        return f"{self.mode} {self.crop_w}x{self.crop_h} x={min(xs)}..{max(xs)}"


def _even(v: float) -> int:
    return max(2, int(round(v / 2)) * 2)


def crop_size(src_w: int, src_h: int, out_w: int, out_h: int) -> tuple[int, int]:
    """The largest window of the preset's shape inside the source frame."""
    target = out_w / out_h
    if src_w / src_h > target:
        return min(src_w, _even(src_h * target)), src_h
    return src_w, min(src_h, _even(src_w / target))


def main_speaker(track: FaceTrack, start_ms: int = 0, end_ms: int | None = None) -> list[tuple[int, FaceBox | None]]:
    """Per sample in the window, the main speaker's face: the biggest face near where faces usually are."""
    end = track.duration_ms if end_ms is None else end_ms
    samples = [s for s in track.samples if start_ms - 1000 <= s.t <= end + 1000]
    largest = [s.faces[0] for s in samples if s.faces]
    if not largest:
        return [(s.t, None) for s in samples]
    mx = statistics.median(f.cx for f in largest)
    my = statistics.median(f.cy for f in largest)
    out: list[tuple[int, FaceBox | None]] = []
    for s in samples:
        if not s.faces:
            out.append((s.t, None))
            continue
        best = max(s.faces, key=lambda f: f.area - 0.05 * ((f.cx - mx) ** 2 + (f.cy - my) ** 2) ** 0.5)
        # a lone detection far from the usual place is more likely a false positive than a jump
        if abs(best.cx - mx) > 0.3 and len(largest) > 3:
            out.append((s.t, None))
        else:
            out.append((s.t, best))
    return out


def _smooth(targets: Sequence[float], dead: float, lo: float, hi: float) -> list[float]:
    """Dead zone + easing: hold still while the target stays within `dead`; then ease towards it."""
    if not targets:
        return []
    cur = min(hi, max(lo, targets[0]))
    out = []
    moving = False
    for t in targets:
        t = min(hi, max(lo, t))
        d = t - cur
        if abs(d) > dead:
            moving = True
        if moving:
            cur += d * EASING
            if abs(t - cur) < dead * 0.25:
                moving = False
        out.append(cur)
    return out


def plan_crop(
    track: FaceTrack | None,
    src_w: int,
    src_h: int,
    out_w: int,
    out_h: int,
    *,
    start_ms: int = 0,
    end_ms: int | None = None,
    fallback: str = "center",
    portrait_to_landscape: str = "fit",
) -> CropPlan:
    """The crop for one preset over the source window [start_ms, end_ms]."""
    src_aspect, out_aspect = src_w / src_h, out_w / out_h
    if abs(src_aspect - out_aspect) / out_aspect < 0.02:
        return CropPlan("scale", src_w, src_h, src_w, src_h)
    if src_h > src_w and out_w > out_h and portrait_to_landscape == "fit":
        return CropPlan("fit", src_w, src_h, src_w, src_h)
    cw, ch = crop_size(src_w, src_h, out_w, out_h)
    faces = main_speaker(track, start_ms, end_ms) if track is not None and track.samples else []
    hits = [f for _, f in faces if f is not None]
    if not faces or len(hits) / len(faces) < MIN_HIT_RATE:
        if fallback == "fit":
            return CropPlan("fit", src_w, src_h, src_w, src_h)
        return CropPlan("center", src_w, src_h, cw, ch, ())
    # hold the last known position through samples without a face (and the first known one before it)
    filled: list[FaceBox] = []
    last: FaceBox | None = next(f for f in (f for _, f in faces) if f is not None)
    for _, f in faces:
        last = f or last
        assert last is not None
        filled.append(last)
    times = [t for t, _ in faces]
    tx = [f.cx * src_w - cw / 2 for f in filled]
    ty = [f.cy * src_h - FACE_LINE * ch for f in filled]
    xs = _smooth(tx, DEAD_ZONE * cw, 0, src_w - cw)
    ys = _smooth(ty, DEAD_ZONE * ch, 0, src_h - ch)
    points: list[tuple[int, int, int]] = []
    for t, x, y in zip(times, xs, ys, strict=True):
        p = (t, int(round(x)), int(round(y)))
        if len(points) >= 2 and points[-1][1:] == p[1:] and points[-2][1:] == p[1:]:
            points[-1] = p  # a still stretch: move its end instead of adding a point
        else:
            points.append(p)
    return CropPlan("face", src_w, src_h, cw, ch, tuple(points))


def face_inside(plan: CropPlan, face: FaceBox, t_ms: int, margin: float = 0.0) -> bool:
    """Whether `face` (fractions of the source) lies inside the crop window at `t_ms`."""
    x, y = plan.at(t_ms)
    fx0, fx1 = face.x * plan.src_w, (face.x + face.w) * plan.src_w
    fy0, fy1 = face.y * plan.src_h, (face.y + face.h) * plan.src_h
    m = margin * plan.crop_w
    return x - m <= fx0 and fx1 <= x + plan.crop_w + m and y - m <= fy0 and fy1 <= y + plan.crop_h + m
