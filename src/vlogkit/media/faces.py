"""Face tracking: OpenCV's Haar frontal-face cascade on frames sampled about twice a second, downscaled, each face
looked for again near where it was (the whole frame searched every few seconds and whenever a face is lost).

A track covers the whole file (the GUI analyses it in the background after an import) or one window of it (an
export analyses only the stretch it exports). Tracks are cached as JSON by content fingerprint (and window), so
a second export of the same stretch never decodes the source to know where the speaker sits. Coordinates are
fractions of the upright (display) frame.
"""

from __future__ import annotations

import glob
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vlogkit.errors import N_, MediaError
from vlogkit.fileutil import atomic_write_text, safe_filename
from vlogkit.jobs import JobContext

log = logging.getLogger(__name__)

TRACK_VERSION = 1
DETECTOR = "opencv-haar-frontalface-default"


@dataclass(frozen=True, slots=True)
class FaceBox:
    x: float  # left edge, fraction of frame width
    y: float  # top edge, fraction of frame height
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    @property
    def area(self) -> float:
        return self.w * self.h


@dataclass(frozen=True, slots=True)
class FaceSample:
    t: int  # ms from the start of the file
    faces: tuple[FaceBox, ...]


@dataclass(frozen=True, slots=True)
class FaceTrack:
    width: int  # display (upright) size of the analysed video
    height: int
    duration_ms: int
    samples: tuple[FaceSample, ...]
    analysis_s: float = 0.0  # wall-clock seconds the analysis took
    detector: str = DETECTOR
    window: tuple[int, int] | None = None  # (start ms, end ms) analysed; None: the whole file

    def covers(self, start_ms: int, end_ms: int) -> bool:
        return self.window is None or (self.window[0] <= start_ms and end_ms <= self.window[1])

    @property
    def cost_fraction(self) -> float:
        """Analysis time as a fraction of the duration analysed."""
        span = self.window[1] - self.window[0] if self.window else self.duration_ms
        return self.analysis_s / (span / 1000.0) if span else 0.0

    @property
    def hit_rate(self) -> float:
        return sum(1 for s in self.samples if s.faces) / len(self.samples) if self.samples else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": TRACK_VERSION,
            "width": self.width,
            "height": self.height,
            "duration_ms": self.duration_ms,
            "analysis_s": round(self.analysis_s, 3),
            "detector": self.detector,
            "window": list(self.window) if self.window else None,
            "samples": [[s.t, [[round(v, 4) for v in (f.x, f.y, f.w, f.h)] for f in s.faces]] for s in self.samples],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FaceTrack:
        if d.get("version") != TRACK_VERSION:
            raise ValueError("face track from another version")
        return cls(
            width=int(d["width"]),
            height=int(d["height"]),
            duration_ms=int(d["duration_ms"]),
            analysis_s=float(d.get("analysis_s", 0.0)),
            detector=str(d.get("detector", DETECTOR)),
            window=(int(d["window"][0]), int(d["window"][1])) if d.get("window") else None,
            samples=tuple(FaceSample(int(t), tuple(FaceBox(*map(float, b)) for b in boxes)) for t, boxes in d["samples"]),
        )


def _cascade() -> Any:
    import cv2

    path = Path(cv2.data.haarcascades) / "haarcascade_frontalface_default.xml"
    if not path.exists():
        raise MediaError(N_("OpenCV's face model is missing ({path}): install opencv-python-headless 4.x (not 5)."),
                         path=path)
    return cv2.CascadeClassifier(str(path))


def _boxes(found: Any, w: int, h: int, dx: int = 0, dy: int = 0) -> list[FaceBox]:
    return [FaceBox(*(round(float(v), 4) for v in ((x + dx) / w, (y + dy) / h, fw / w, fh / h)))
            for (x, y, fw, fh) in (found if len(found) else [])]


def _largest_first(boxes: list[FaceBox]) -> tuple[FaceBox, ...]:
    return tuple(sorted(boxes, key=lambda b: -b.area))


def detect_in_gray(gray: Any, cascade: Any = None, min_face: float = 0.05) -> tuple[FaceBox, ...]:
    """Faces in one grayscale image (numpy array), as fractions of its size, largest first.

    `min_face`: the smallest face looked for, as a fraction of the image's shorter side (small faces cost most).
    """
    import cv2

    return _detect_everywhere(cv2.equalizeHist(gray), cascade if cascade is not None else _cascade(), min_face)


def _detect_everywhere(equalized: Any, cascade: Any, min_face: float) -> tuple[FaceBox, ...]:
    h, w = equalized.shape[:2]
    min_side = max(20, int(min(w, h) * min_face))
    found = cascade.detectMultiScale(equalized, scaleFactor=1.1, minNeighbors=5, minSize=(min_side, min_side))
    return _largest_first(_boxes(found, w, h))


NEAR_MARGIN = 0.6  # a face is looked for again this many of its widths around where it was half a second before,
NEAR_SIZES = (0.8, 1.3)  # at this range of its size,
NEAR_SHIFT = 0.3  # and only where its centre moved less than this many of its widths (else: searched whole)
NEAR_NEIGHBOURS = 3  # confirmed by fewer overlapping hits than a search of the whole frame asks (5): it was confirmed
# there already, and the small region gives the detector fewer windows to agree (with 5, 19 of 88 samples of the desk
# vlog were lost and searched again whole; with 3, 1 - and never a second box)


def _detect_near(equalized: Any, cascade: Any, min_face: float, faces: tuple[FaceBox, ...]) -> tuple[FaceBox, ...]:
    """The faces of the previous sample looked for again, each only in a small region around where it was (a few
    per cent of the frame's pixels, at a few scales: ~10x cheaper than looking everywhere). Detections that two
    regions share are kept once."""
    h, w = equalized.shape[:2]
    floor = max(20, int(min(w, h) * min_face))
    found: list[FaceBox] = []
    for f in faces:
        fw, fh = f.w * w, f.h * h
        m = NEAR_MARGIN * fw
        x0, y0 = max(0, int(f.x * w - m)), max(0, int(f.y * h - m))
        x1, y1 = min(w, int((f.x + f.w) * w + m) + 1), min(h, int((f.y + f.h) * h + m) + 1)
        lo = max(floor, int(min(fw, fh) * NEAR_SIZES[0]))
        hi = int(max(fw, fh) * NEAR_SIZES[1]) + 1
        if min(x1 - x0, y1 - y0) < lo:
            continue
        hits = cascade.detectMultiScale(equalized[y0:y1, x0:x1], scaleFactor=1.1, minNeighbors=NEAR_NEIGHBOURS,
                                        minSize=(lo, lo), maxSize=(hi, hi))
        for box in _boxes(hits, w, h, x0, y0):
            if abs(box.cx - f.cx) * w > NEAR_SHIFT * fw or abs(box.cy - f.cy) * h > NEAR_SHIFT * fh:
                continue  # not the face that was there: a face does not jump in half a second, a false hit may
            if not any(_overlap(box, kept) > 0.5 for kept in found):
                found.append(box)
    return _largest_first(found)


def _overlap(a: FaceBox, b: FaceBox) -> float:
    """Intersection over the smaller box."""
    ix = max(0.0, min(a.x + a.w, b.x + b.w) - max(a.x, b.x))
    iy = max(0.0, min(a.y + a.h, b.y + b.h) - max(a.y, b.y))
    return ix * iy / min(a.area, b.area) if min(a.area, b.area) > 0 else 0.0


class _Tracker:
    """Faces per sampled frame: every face of the previous sample is looked for near where it was; the whole frame
    is searched when one of them is not found there (it moved far, turned away or left), when the previous sample
    had none, and every `full_every` samples anyway (someone may have come in)."""

    def __init__(self, min_face: float, full_every: int) -> None:
        self.cascade = _cascade()
        self.min_face = min_face
        self.full_every = max(1, full_every)
        self.previous: tuple[FaceBox, ...] = ()
        self.since_full = 0
        self.full_searches = 0

    def __call__(self, gray: Any) -> tuple[FaceBox, ...]:
        import cv2

        equalized = cv2.equalizeHist(gray)
        faces: tuple[FaceBox, ...] = ()
        if self.previous and self.since_full + 1 < self.full_every:
            faces = _detect_near(equalized, self.cascade, self.min_face, self.previous)
            if len(faces) < len(self.previous):
                faces = ()
        if faces:
            self.since_full += 1
        else:
            faces = _detect_everywhere(equalized, self.cascade, self.min_face)
            self.since_full = 0
            self.full_searches += 1
        self.previous = faces
        return faces


def detect_in_image(path: Path, max_side: int = 640) -> tuple[FaceBox, ...]:
    """Faces in a still image (for tests and speaker photos)."""
    import cv2

    img = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    if img is None:
        raise MediaError(N_("{path}: not an image OpenCV can read."), path=path)
    scale = min(1.0, max_side / max(img.shape[:2]))
    if scale < 1.0:
        img = cv2.resize(img, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return detect_in_gray(img)


def _upright(arr: Any, rotation: int) -> Any:
    """Turn a decoded frame upright. `rotation` is PyAV's frame rotation (counter-clockwise degrees)."""
    import numpy as np

    r = rotation % 360
    if r == 90:
        return np.rot90(arr, 1)
    if r == 180:
        return np.rot90(arr, 2)
    if r == 270:
        return np.rot90(arr, 3)
    return arr


def analyse_faces(
    path: Path, *, every_ms: int = 500, max_side: int = 480, min_face: float = 0.12, ctx: JobContext | None = None,
    window: tuple[int, int] | None = None, full_every: int = 8,
) -> FaceTrack:
    """Decode the video (PyAV) - the whole file, or only `window` (start, end ms) after a seek - and run the
    detector on a downscaled gray frame every `every_ms`.

    A vlog's speaker fills a good part of the frame, so faces under `min_face` of the frame height are not looked for.
    Faces are followed from sample to sample (`_Tracker`: looked for near where they were, the whole frame searched
    every `full_every` samples and whenever a face is lost).
    """
    import av
    import numpy as np

    ctx = ctx or JobContext()
    began = time.perf_counter()
    tracker = _Tracker(min_face, full_every)
    try:
        container = av.open(str(path))
    except (av.error.FFmpegError, OSError) as exc:
        raise MediaError(N_("{path}: cannot be opened for face tracking ({reason})."), path=path, reason=exc) from exc
    samples: list[FaceSample] = []
    try:
        if not container.streams.video:
            raise MediaError(N_("{path}: has no video, so there are no faces to track."), path=path)
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        # only frames other frames refer to are decoded (B-frames skipped): a face is looked for twice a second,
        # and the frames left come several times a second - on a phone or desk recording this halves the decoding
        stream.codec_context.skip_frame = "NONREF"
        stream.codec_context.options = dict(DECODE_OPTIONS)
        duration_ms = int(container.duration / 1000) if container.duration else 0
        width = height = 0
        first, last = window if window else (0, duration_ms or 2**62)
        if first > 0:
            container.seek(first * 1000, backward=True, any_frame=False)  # AV_TIME_BASE: microseconds
        span = max(1, (last - first) if window or duration_ms else 1)
        next_t = first
        for frame in container.decode(stream):
            if frame.time is None:
                continue
            t = int(frame.time * 1000)
            if t > last:
                break
            if t + 1 < next_t:
                continue
            next_t = t + every_ms
            scale = min(1.0, max_side / max(frame.width, frame.height))
            sw, sh = max(2, int(frame.width * scale) // 2 * 2), max(2, int(frame.height * scale) // 2 * 2)
            gray = frame.reformat(width=sw, height=sh, format="gray").to_ndarray()
            gray = np.ascontiguousarray(_upright(gray, int(getattr(frame, "rotation", 0) or 0)))
            if not width:
                rot = int(getattr(frame, "rotation", 0) or 0) % 180 == 90
                width, height = (frame.height, frame.width) if rot else (frame.width, frame.height)
            samples.append(FaceSample(t, tracker(gray)))
            if window or duration_ms:
                ctx.report(min(1.0, (t - first) / span), "Finding faces")
            ctx.raise_if_cancelled()
    except av.error.FFmpegError as exc:
        raise MediaError(N_("{path}: the video could not be decoded for face tracking ({reason})."), path=path,
                         reason=exc) from exc
    finally:
        container.close()
    ctx.report(1.0, "Faces found")
    log.debug("faces in %s: %d samples, %d searched whole", path.name, len(samples), tracker.full_searches)
    return FaceTrack(width, height, duration_ms, tuple(samples), time.perf_counter() - began, window=window)


# frames are decoded without the deblocking filter (~30 % of H.264 decoding): what that leaves differs from the real
# frame by a few levels at most (<= 8 of 255, 0.2 on average, on the desk vlog's 250-frame GOPs), invisible once the
# frame is shrunk to `max_side` for the detector
DECODE_OPTIONS = {"skip_loop_filter": "all"}

WINDOW_GRID_MS = 1000  # windows are widened to whole seconds, so ranges that nearly match share one analysis
WINDOW_MARGIN_MS = 1000  # the crop looks this far either side of the clip


def window_for(start_ms: int, end_ms: int) -> tuple[int, int]:
    """The window analysed for a clip over [start_ms, end_ms] of the source: a margin either side, on a grid."""
    s = max(0, (start_ms - WINDOW_MARGIN_MS) // WINDOW_GRID_MS * WINDOW_GRID_MS)
    e = -(-(end_ms + WINDOW_MARGIN_MS) // WINDOW_GRID_MS) * WINDOW_GRID_MS
    return s, e


class FaceTrackCache:
    """Face tracks by content fingerprint, one JSON file each: `<fingerprint>.json` for the whole file,
    `<fingerprint>.<start>-<end>.json` for a window."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path_for(self, fingerprint: str, window: tuple[int, int] | None = None) -> Path:
        name = safe_filename(fingerprint, 80, "track")  # a fingerprint read from a file never becomes a path
        return self.folder / (f"{name}.json" if window is None else f"{name}.{window[0]}-{window[1]}.json")

    def get(self, fingerprint: str, window: tuple[int, int] | None = None) -> FaceTrack | None:
        """The whole file's track, or - with `window` - any cached track covering it."""
        paths = [self.path_for(fingerprint)]
        if window is not None and self.folder.is_dir():
            paths += sorted(self.folder.glob(f"{glob.escape(safe_filename(fingerprint, 80, 'track'))}.*-*.json"))
        for p in paths:
            try:
                track = FaceTrack.from_dict(json.loads(p.read_text(encoding="utf-8")))
            except (OSError, ValueError, KeyError, TypeError):
                continue
            if window is None or track.covers(*window):
                return track
        return None

    def put(self, fingerprint: str, track: FaceTrack) -> None:
        atomic_write_text(self.path_for(fingerprint, track.window), json.dumps(track.to_dict(), separators=(",", ":")))

    def get_or_analyse(self, fingerprint: str, path: Path, ctx: JobContext | None = None,
                       window: tuple[int, int] | None = None) -> FaceTrack:
        """The cached track (whole file, or one covering `window`), else a new analysis of `window` (or the file)."""
        cached = self.get(fingerprint, window)
        if cached is not None:
            return cached
        track = analyse_faces(path, ctx=ctx, window=window)
        self.put(fingerprint, track)
        log.info("face track for %s %s: %.2fs (%.1f%% of the time analysed)", path, window or "", track.analysis_s,
                 100 * track.cost_fraction)
        return track
