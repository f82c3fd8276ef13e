"""Decode a media file's first audio track to 16 kHz float32 arrays, and tell apart the two kinds of stereo.

Ordinary stereo (both channels carry the same voice) is mixed down to one channel. Stereo whose channels carry
different speakers (a two-person call recorded one person per channel) is kept as two channels, so each can be
transcribed on its own - mixing it down would lose the quieter speaker where they overlap.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vlogkit.errors import MediaError, NoAudioError

if TYPE_CHECKING:
    import numpy as np

SAMPLE_RATE = 16000
_FRAME = SAMPLE_RATE // 10  # 100 ms frames for the energy comparison

# Split-stereo detection thresholds. Measured: jfk.flac has correlation 1.00 and no frame where one channel is much
# louder; stereo_diarization.wav (one speaker per channel, overlapping) has correlation -0.01, levels 2 dB apart,
# and one channel at least 12 dB louder in 55% of the voiced frames.
SAME_CORRELATION = 0.6  # at or above: the channels carry the same sound
DOMINANCE_DB = 12.0  # a frame is "owned" by a channel when it is this much louder than the other
MIN_OWNED_SHARE = 0.15  # the channels must take turns being louder in at least this share of the voiced frames
MAX_LEVEL_GAP_DB = 25.0  # a channel this much quieter than the other is a dead/leaking channel, not a speaker


@dataclass(frozen=True)
class Audio:
    """Decoded audio: `channels` is a tuple of 1-D float32 arrays at 16 kHz (one, or two for split stereo)."""

    channels: tuple[np.ndarray, ...]
    source_channels: int

    @property
    def duration_ms(self) -> int:
        return int(len(self.channels[0]) * 1000 / SAMPLE_RATE) if self.channels else 0

    @property
    def split(self) -> bool:
        return len(self.channels) > 1


def decode(path: str | os.PathLike[str]) -> tuple[np.ndarray, int]:
    """The first audio stream as a float32 array shaped (channels<=2, samples) at 16 kHz, and its channel count."""
    import av
    import numpy as np

    name = os.fspath(path)
    try:
        container = av.open(name, metadata_errors="ignore")
    except (av.error.FFmpegError, OSError) as exc:
        raise MediaError(f"{name}: cannot be read as media ({exc}).") from exc
    with container:
        if not container.streams.audio:
            raise NoAudioError(f"{name}: has no audio track - there is nothing to transcribe.")
        stream = container.streams.audio[0]
        n_src = int(stream.codec_context.channels or 1)
        layout = "stereo" if n_src >= 2 else "mono"
        resampler = av.AudioResampler(format="fltp", layout=layout, rate=SAMPLE_RATE)
        chunks: list[np.ndarray] = []
        try:
            for frame in container.decode(stream):
                frame.pts = None
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray())
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray())
        except av.error.FFmpegError as exc:
            if not chunks:
                raise MediaError(f"{name}: its audio cannot be decoded ({exc}).") from exc
    n_out = 2 if layout == "stereo" else 1
    data = np.concatenate(chunks, axis=1) if chunks else np.zeros((n_out, 0), dtype=np.float32)
    return data.astype(np.float32, copy=False), n_src


def stereo_stats(left: np.ndarray, right: np.ndarray) -> tuple[float, float, float]:
    """(correlation, share of voiced frames where one channel is much louder, level gap in dB)."""
    import numpy as np

    n = min(len(left), len(right)) // _FRAME * _FRAME
    if n == 0:
        return 1.0, 0.0, 0.0
    lf = left[:n].reshape(-1, _FRAME).astype(np.float64)
    rf = right[:n].reshape(-1, _FRAME).astype(np.float64)
    le = 10 * np.log10(np.mean(lf**2, axis=1) + 1e-10)
    re_ = 10 * np.log10(np.mean(rf**2, axis=1) + 1e-10)
    loudest = max(float(le.max()), float(re_.max()))
    voiced = np.maximum(le, re_) > loudest - 35.0
    if not voiced.any():
        return 1.0, 0.0, 0.0
    a, b = left[:n].astype(np.float64), right[:n].astype(np.float64)
    denom = float(np.sqrt(np.sum(a * a) * np.sum(b * b)))
    corr = float(np.sum(a * b) / denom) if denom > 0 else 1.0
    diff = (le - re_)[voiced]
    owned = float(np.mean(np.abs(diff) > DOMINANCE_DB))
    gap = abs(10 * np.log10((np.mean(a * a) + 1e-12) / (np.mean(b * b) + 1e-12)))
    return corr, owned, float(gap)


def is_split_stereo(left: np.ndarray, right: np.ndarray) -> bool:
    """True when the two channels carry different speakers: unlike waveforms, similar levels, loudest in turn."""
    corr, owned, gap = stereo_stats(left, right)
    return corr < SAME_CORRELATION and owned >= MIN_OWNED_SHARE and gap <= MAX_LEVEL_GAP_DB


def load_audio(path: str | os.PathLike[str]) -> Audio:
    """Decode `path` for transcription: one mixed channel, or two for split stereo."""
    data, n_src = decode(path)
    if data.shape[1] == 0:
        raise NoAudioError(f"{os.fspath(path)}: its audio track is empty - there is nothing to transcribe.")
    if data.shape[0] == 1:
        return Audio((data[0],), n_src)
    left, right = data[0], data[1]
    if is_split_stereo(left, right):
        return Audio((left, right), n_src)
    return Audio((((left + right) * 0.5).astype(left.dtype),), n_src)
