"""Decode a media file's first audio track to 16 kHz float32 arrays, and tell apart the two kinds of stereo.

Ordinary stereo (both channels carry the same voice) is mixed down to one channel. Stereo whose channels carry
different speakers (a two-person call recorded one person per channel) is kept as two channels, so each can be
transcribed on its own - mixing it down would lose the quieter speaker where they overlap.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vlogkit.errors import N_, MediaError, NoAudioError

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


def decode_channels(path: str | os.PathLike[str]) -> tuple[list[np.ndarray], int]:
    """The first audio stream as one or two float32 arrays at 16 kHz (one per channel), and its channel count.

    Samples go straight into buffers sized from the stream's duration (grown if it was wrong), so a 2-hour file
    costs its samples once - not a list of frames plus a concatenated copy."""
    import av
    import numpy as np

    name = os.fspath(path)
    try:
        container = av.open(name, metadata_errors="ignore")
    except (av.error.FFmpegError, OSError) as exc:
        raise MediaError(N_("{path}: cannot be read as media ({reason})."), path=name, reason=exc) from exc
    with container:
        if not container.streams.audio:
            raise NoAudioError(N_("{path}: has no audio track - there is nothing to transcribe."), path=name)
        stream = container.streams.audio[0]
        n_src = int(stream.codec_context.channels or 1)
        layout = "stereo" if n_src >= 2 else "mono"
        n_out = 2 if layout == "stereo" else 1
        seconds = float(stream.duration * stream.time_base) if stream.duration and stream.time_base else (
            container.duration / 1_000_000 if container.duration else 60.0)
        seconds = min(max(seconds, 1.0), 4 * 3600.0)  # a header claiming days is not trusted: the buffers grow
        bufs = [np.empty(int(seconds * SAMPLE_RATE) + SAMPLE_RATE, dtype=np.float32) for _ in range(n_out)]
        filled = 0

        def put(block: np.ndarray) -> None:
            nonlocal bufs, filled
            n = block.shape[1]
            if filled + n > len(bufs[0]):
                grown = max(len(bufs[0]) * 3 // 2, filled + n)
                bufs = [np.concatenate([b[:filled], np.empty(grown - filled, dtype=np.float32)]) for b in bufs]
            for c in range(n_out):
                bufs[c][filled : filled + n] = block[c]
                # a 32-bit float file can hold NaN or infinite samples (a broken plug-in or converter): one would
                # turn Whisper's whole 30 s window to NaN and lose every word in it - silence them instead
                np.nan_to_num(bufs[c][filled : filled + n], copy=False, nan=0.0, posinf=0.0, neginf=0.0)
            filled += n

        resampler = av.AudioResampler(format="fltp", layout=layout, rate=SAMPLE_RATE)
        try:
            for frame in container.decode(stream):
                frame.pts = None
                for out in resampler.resample(frame):
                    put(out.to_ndarray())
            for out in resampler.resample(None):
                put(out.to_ndarray())
        except av.error.FFmpegError as exc:
            if not filled:
                raise MediaError(N_("{path}: its audio cannot be decoded ({reason})."), path=name, reason=exc) from exc
    channels = []
    for b in bufs:
        if len(b) - filled > SAMPLE_RATE * 10:  # a duration that was far off: give the spare memory back
            channels.append(b[:filled].copy())
        else:
            channels.append(b[:filled])
    return channels, n_src


def decode(path: str | os.PathLike[str]) -> tuple[np.ndarray, int]:
    """The first audio stream as a float32 array shaped (channels<=2, samples) at 16 kHz, and its channel count."""
    import numpy as np

    channels, n_src = decode_channels(path)
    return np.stack(channels), n_src


_BLOCK = _FRAME * 600  # statistics are summed a minute at a time: no float64 copy of a whole long recording


def stereo_stats(left: np.ndarray, right: np.ndarray) -> tuple[float, float, float]:
    """(correlation, share of voiced frames where one channel is much louder, level gap in dB)."""
    import numpy as np

    n = min(len(left), len(right)) // _FRAME * _FRAME
    if n == 0:
        return 1.0, 0.0, 0.0
    le_parts, re_parts = [], []
    saa = sbb = sab = 0.0
    for i in range(0, n, _BLOCK):
        a = left[i : min(n, i + _BLOCK)].astype(np.float64)
        b = right[i : min(n, i + _BLOCK)].astype(np.float64)
        le_parts.append(10 * np.log10(np.mean(a.reshape(-1, _FRAME) ** 2, axis=1) + 1e-10))
        re_parts.append(10 * np.log10(np.mean(b.reshape(-1, _FRAME) ** 2, axis=1) + 1e-10))
        saa += float(np.dot(a, a))
        sbb += float(np.dot(b, b))
        sab += float(np.dot(a, b))
    le, re_ = np.concatenate(le_parts), np.concatenate(re_parts)
    loudest = max(float(le.max()), float(re_.max()))
    voiced = np.maximum(le, re_) > loudest - 35.0
    if not voiced.any():
        return 1.0, 0.0, 0.0
    denom = float(np.sqrt(saa * sbb))
    corr = sab / denom if denom > 0 else 1.0
    diff = (le - re_)[voiced]
    owned = float(np.mean(np.abs(diff) > DOMINANCE_DB))
    gap = abs(10 * np.log10((saa / n + 1e-12) / (sbb / n + 1e-12)))
    return corr, owned, float(gap)


def is_split_stereo(left: np.ndarray, right: np.ndarray) -> bool:
    """True when the two channels carry different speakers: unlike waveforms, similar levels, loudest in turn."""
    corr, owned, gap = stereo_stats(left, right)
    return corr < SAME_CORRELATION and owned >= MIN_OWNED_SHARE and gap <= MAX_LEVEL_GAP_DB


def load_audio(path: str | os.PathLike[str]) -> Audio:
    """Decode `path` for transcription: one mixed channel, or two for split stereo."""
    channels, n_src = decode_channels(path)
    if len(channels[0]) == 0:
        raise NoAudioError(N_("{path}: its audio track is empty - there is nothing to transcribe."),
                          path=os.fspath(path))
    if len(channels) == 1:
        return Audio((channels[0],), n_src)
    left, right = channels
    if is_split_stereo(left, right):
        return Audio((left, right), n_src)
    left += right  # mixed in place: no third copy of a long recording
    del channels, right
    left *= 0.5
    return Audio((left,), n_src)


WINDOW_S = 600  # long recordings are transcribed ten minutes at a time: memory stays flat however long the file
_SEARCH_S = 30  # each cut is put in the quietest 100 ms within this many seconds before the nominal boundary


def windows(samples: np.ndarray, window_s: int = WINDOW_S) -> list[tuple[int, int]]:
    """(start, end) sample ranges covering `samples`: one for a recording up to 1.5 windows long, else cuts near every
    `window_s` seconds placed in the quietest 100 ms frame of the half minute before, so no word is cut in two."""
    import numpy as np

    n, size = len(samples), window_s * SAMPLE_RATE
    if n <= size * 3 // 2:
        return [(0, n)]
    cuts, pos = [0], 0
    while n - pos > size * 3 // 2:
        hi = pos + size
        lo = max(pos + size // 2, hi - _SEARCH_S * SAMPLE_RATE)
        frames = samples[lo:hi][: (hi - lo) // _FRAME * _FRAME].reshape(-1, _FRAME)
        quietest = int(np.argmin(np.mean(frames.astype(np.float64) ** 2, axis=1)))
        pos = lo + quietest * _FRAME + _FRAME // 2
        cuts.append(pos)
    cuts.append(n)
    return list(zip(cuts, cuts[1:], strict=False))
