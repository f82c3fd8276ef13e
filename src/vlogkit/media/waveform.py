"""A waveform overview: the audio's peak level per 10 ms, as bytes (0..255), for the editor's timeline.

ffmpeg decodes in its own process (mono, 8 kHz, 16-bit) and this process only folds the samples into peaks, a chunk
at a time with numpy, so a GUI thread waiting beside it keeps its event loop turning.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from vlogkit.errors import N_, Cancelled, MediaError
from vlogkit.jobs import JobContext
from vlogkit.media.ffmpeg import die_with_parent

RATE = 100  # peaks per second
SAMPLE_RATE = 8000
MAGIC = b"VKWF1"


@dataclass(frozen=True, slots=True)
class Waveform:
    rate: int  # peaks per second
    peaks: bytes  # one byte per 1/rate s: the peak |sample| scaled to 0..255

    @property
    def duration_ms(self) -> int:
        return len(self.peaks) * 1000 // self.rate if self.rate else 0

    def to_bytes(self) -> bytes:
        return MAGIC + self.rate.to_bytes(2, "little") + self.peaks

    @classmethod
    def from_bytes(cls, data: bytes) -> Waveform:
        if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 2:
            raise ValueError("not a vlogkit waveform file")
        rate = int.from_bytes(data[len(MAGIC):len(MAGIC) + 2], "little")
        if rate <= 0:
            raise ValueError("a waveform file with no rate")
        return cls(rate, bytes(data[len(MAGIC) + 2:]))


def compute_waveform(exe: str, source: Path, duration_ms: int = 0, ctx: JobContext | None = None) -> Waveform:
    """Peaks of the first audio stream of `source` (which must have one)."""
    import numpy as np

    ctx = ctx or JobContext()
    per_peak = SAMPLE_RATE // RATE
    cmd = [exe, "-hide_banner", "-nostdin", "-loglevel", "error", "-i", str(source), "-map", "0:a:0?", "-vn",
           "-ac", "1", "-ar", str(SAMPLE_RATE), "-f", "s16le", "-acodec", "pcm_s16le", "pipe:1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            preexec_fn=die_with_parent())
    assert proc.stdout is not None and proc.stderr is not None
    chunks: list[bytes] = []
    carry = b""
    done_ms = 0
    chunk_bytes = per_peak * 2 * RATE * 5  # five seconds of samples at a time
    try:
        while True:
            data = proc.stdout.read(chunk_bytes)
            if ctx.cancelled:
                raise Cancelled()
            if not data:
                break
            data = carry + data
            usable = len(data) - len(data) % (per_peak * 2)
            carry = data[usable:]
            if usable:
                samples = np.frombuffer(data[:usable], dtype="<i2").reshape(-1, per_peak)
                peaks = np.abs(samples.astype(np.int32)).max(axis=1)
                chunks.append(np.minimum(255, peaks * 255 // 32767).astype(np.uint8).tobytes())
                done_ms += usable // 2 * 1000 // SAMPLE_RATE
                if duration_ms:
                    ctx.report(min(1.0, done_ms / duration_ms), "Waveform")
        if carry:
            samples = np.frombuffer(carry[: len(carry) - len(carry) % 2], dtype="<i2")
            if samples.size:
                chunks.append(bytes([min(255, int(np.abs(samples.astype(np.int32)).max()) * 255 // 32767)]))
        err = proc.stderr.read().decode("utf-8", "replace").strip()
        rc = proc.wait()
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    finally:
        proc.stdout.close()
        proc.stderr.close()
    if rc != 0:
        raise MediaError(N_("{path}: its audio cannot be read for the waveform ({reason})."), path=source,
                         reason=err.splitlines()[-1] if err else rc)
    return Waveform(RATE, b"".join(chunks))
