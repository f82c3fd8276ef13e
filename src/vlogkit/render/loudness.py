"""Two-pass loudness normalisation (EBU R128 via ffmpeg's `loudnorm`) and an `ebur128` meter.

One pass lands about 2 LU short on speech; measuring first and feeding the measured values into the second pass
(`linear=true`) lands within a few tenths of the target.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from vlogkit.errors import N_, FfmpegError
from vlogkit.jobs import JobContext
from vlogkit.media.ffmpeg import Ffmpeg


@dataclass(frozen=True, slots=True)
class LoudnessTarget:
    integrated: float = -14.0  # LUFS; -16 suits an intranet screen
    true_peak: float = -1.0  # dBTP
    lra: float = 11.0

    def options(self) -> dict[str, float]:
        """The `loudnorm` filter's target options."""
        return {"I": self.integrated, "TP": self.true_peak, "LRA": self.lra}

    def to_dict(self) -> dict[str, float]:
        return {"integrated": self.integrated, "true_peak": self.true_peak, "lra": self.lra}


@dataclass(frozen=True, slots=True)
class Measured:
    input_i: float
    input_tp: float
    input_lra: float
    input_thresh: float
    target_offset: float

    def to_dict(self) -> dict[str, float]:
        return {"input_i": self.input_i, "input_tp": self.input_tp, "input_lra": self.input_lra,
                "input_thresh": self.input_thresh, "target_offset": self.target_offset}


def second_pass(target: LoudnessTarget, measured: Measured | None) -> dict[str, object] | None:
    """The second pass's `loudnorm` options, or None when there is nothing to normalise (silence, or nothing
    measured): the audio is then only resampled."""
    if measured is None or not measured.input_i >= -70:  # also NaN
        return None
    m = measured
    # loudnorm refuses (exit 222, "Numerical result out of range") a measured value beyond its option's range - as a
    # 32-bit float recording pushed past full scale measures (I above 0 LUFS): clamped, it normalises dynamically
    return {**target.options(), "measured_I": _within(m.input_i, -99, 0), "measured_TP": _within(m.input_tp, -99, 99),
            "measured_LRA": _within(m.input_lra, 0, 99), "measured_thresh": _within(m.input_thresh, -99, 0),
            "offset": _within(m.target_offset, -99, 99), "linear": "true"}


def _within(value: float, low: float, high: float) -> float:
    return low if value != value else min(max(value, low), high)  # NaN (value != value) as the bottom


def parse_loudnorm_json(log: str) -> Measured:
    start = log.rfind("{")
    end = log.rfind("}")
    if start < 0 or end < start:
        raise FfmpegError(N_("The loudness measurement printed no result; is there an audio stream?"))
    try:
        d = json.loads(log[start:end + 1])

        def num(key: str) -> float:
            v = str(d[key])
            return -99.0 if "inf" in v else float(v)

        return Measured(num("input_i"), num("input_tp"), num("input_lra"), num("input_thresh"), num("target_offset"))
    except (ValueError, KeyError) as exc:
        raise FfmpegError(N_("Could not read the loudness measurement ({reason})."), reason=exc) from exc


def measure(ffmpeg: Ffmpeg, args: list[str], *, duration_ms: int, ctx: JobContext | None = None) -> Measured:
    """First pass: run `args` (`render.ffmpeg_graph.loudness_args`: the clip's audio into `loudnorm`'s meter)."""
    return parse_loudnorm_json(ffmpeg.run(args, ctx=ctx, duration_ms=duration_ms, capture_stderr=True))


@dataclass(frozen=True, slots=True)
class Meter:
    integrated: float
    true_peak: float
    lra: float


_I_RE = re.compile(r"I:\s+(-?[\d.]+|-inf) LUFS")
_LRA_RE = re.compile(r"LRA:\s+(-?[\d.]+) LU")
_PEAK_RE = re.compile(r"Peak:\s+(-?[\d.]+|-inf) dBFS")


def meter(ffmpeg: Ffmpeg, path: Path) -> Meter:
    """Integrated loudness, true peak and loudness range of a file's audio, with `ebur128`."""
    log = ffmpeg.run(["-i", str(path), "-vn", "-filter_complex", "ebur128=peak=true", "-f", "null", "-"],
                     capture_stderr=True)
    summary = log[log.rfind("Summary:"):]
    mi, ml, mp = _I_RE.search(summary), _LRA_RE.search(summary), _PEAK_RE.search(summary)
    if not mi:
        raise FfmpegError(f"{path}: no loudness summary from ebur128.")

    def f(m: re.Match[str] | None) -> float:
        return -99.0 if m is None or "inf" in m.group(1) else float(m.group(1))

    return Meter(f(mi), f(mp), f(ml))
