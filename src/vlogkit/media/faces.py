"""Face tracking: OpenCV's Haar frontal-face cascade on frames sampled about twice a second, downscaled.

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

from vlogkit.errors import MediaError
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
        raise MediaError(f"OpenCV's face model is missing ({path}): install opencv-python-headless 4.x (not 5).")
    return cv2.CascadeClassifier(str(path))


def detect_in_gray(gray: Any, cascade: Any = None, min_face: float = 0.05) -> tuple[FaceBox, ...]:
    """Faces in one grayscale image (numpy array), as fractions of its size, largest first.

    `min_face`: the smallest face looked for, as a fraction of the image's shorter side (small faces cost most).
    """
    import cv2

    cascade = cascade if cascade is not None else _cascade()
    h, w = gray.shape[:2]
    gray = cv2.equalizeHist(gray)
    min_side = max(20, int(min(w, h) * min_face))
    found = cascade.detectMultiScale(gray, scaleFactor=1.1, minNeighbors=5, minSize=(min_side, min_side))
    boxes = [FaceBox(*(round(float(v), 4) for v in (x / w, y / h, fw / w, fh / h)))
             for (x, y, fw, fh) in (found if len(found) else [])]
    return tuple(sorted(boxes, key=lambda b: -b.area))


def detect_in_image(path: Path, max_side: int = 640) -> tuple[FaceBox, ...]:
    """Faces in a still image (for tests and speaker photos)."""
    import cv2

    img = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    if img is None:
        raise MediaError(f"{path}: not an image OpenCV can read.")
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
    window: tuple[int, int] | None = None,
) -> FaceTrack:
    """Decode the video (PyAV) - the whole file, or only `window` (start, end ms) after a seek - and run the
    detector on a downscaled gray frame every `every_ms`.

    A vlog's speaker fills a good part of the frame, so faces under `min_face` of the frame height are not looked for.
    """
    import av
    import numpy as np

    ctx = ctx or JobContext()
    began = time.perf_counter()
    cascade = _cascade()
    try:
        container = av.open(str(path))
    except (av.error.FFmpegError, OSError) as exc:
        raise MediaError(f"{path}: cannot be opened for face tracking ({exc}).") from exc
    samples: list[FaceSample] = []
    try:
        if not container.streams.video:
            raise MediaError(f"{path}: has no video, so there are no faces to track.")
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        # only frames other frames refer to are decoded (B-frames skipped): a face is looked for twice a second,
        # and the frames left come several times a second - on a phone or desk recording this halves the decoding
        stream.codec_context.skip_frame = "NONREF"
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
            samples.append(FaceSample(t, detect_in_gray(gray, cascade, min_face)))
            if window or duration_ms:
                ctx.report(min(1.0, (t - first) / span), "Finding faces")
            ctx.raise_if_cancelled()
    except av.error.FFmpegError as exc:
        raise MediaError(f"{path}: the video could not be decoded for face tracking ({exc}).") from exc
    finally:
        container.close()
    ctx.report(1.0, "Faces found")
    return FaceTrack(width, height, duration_ms, tuple(samples), time.perf_counter() - began, window=window)


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
