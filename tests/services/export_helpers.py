"""Helpers for the export tests: frames and audio of rendered files, a library with a vlog and its transcript."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np

from vlogkit.config import Paths
from vlogkit.domain import ConsentScope, Speaker, Transcript

DESK_TRANSCRIPT = Path(__file__).resolve().parents[1] / "render" / "data" / "desk_transcript.json"


def desk_transcript() -> Transcript:
    """faster-whisper `base` (int8, word timestamps, VAD) on desk_vlog_en_1080p.mp4, stored once."""
    return Transcript.from_dict(json.loads(DESK_TRANSCRIPT.read_text(encoding="utf-8")))


def library_with(home: Path, media: Path, transcript: Transcript | None, consent: str = "internal",
                 speaker: Speaker = Speaker()):  # noqa: B008,ANN201
    from vlogkit.services import App
    from vlogkit.services.library import ImportOptions

    app = App(Paths(home))
    r = app.library.import_file(media, ImportOptions(consent=ConsentScope(consent), speaker=speaker))
    assert r.ok, r.error
    if transcript is not None:
        app.transcription.save(r.vlog.id, transcript)
    return app, r.vlog.id


def frame(ffmpeg_exe: str, path: Path, t: float) -> np.ndarray:
    """RGB frame at `t` seconds (height, width, 3)."""
    import av

    with av.open(str(path)) as c:
        w, h = c.streams.video[0].codec_context.width, c.streams.video[0].codec_context.height
    raw = subprocess.run([ffmpeg_exe, "-hide_banner", "-loglevel", "error", "-ss", f"{t:.3f}", "-i", str(path),
                          "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"], capture_output=True,
                         check=True).stdout
    return np.frombuffer(raw, np.uint8).reshape(h, w, 3)


def streams(path: Path) -> dict[str, dict[str, object]]:
    import av

    out: dict[str, dict[str, object]] = {}
    with av.open(str(path)) as c:
        for s in c.streams:
            cc = s.codec_context
            out[s.type] = {"codec": cc.name, "duration": float(s.duration * s.time_base) if s.duration else 0.0,
                           "width": getattr(cc, "width", 0), "height": getattr(cc, "height", 0),
                           "rate": getattr(cc, "sample_rate", 0), "fps": float(getattr(s, "average_rate", None) or 0) if s.type == "video" else 0.0,
                           "pix_fmt": getattr(cc, "pix_fmt", None)}
    return out


def audio_envelope(path: Path, hop_ms: int = 10) -> np.ndarray:
    """RMS per `hop_ms` of the first audio stream, mono."""
    import av

    chunks = []
    with av.open(str(path)) as c:
        for fr in c.decode(audio=0):
            a = fr.to_ndarray()
            chunks.append(a.mean(axis=0) if a.ndim == 2 and a.shape[0] < a.shape[1] else a.reshape(-1))
        rate = c.streams.audio[0].codec_context.sample_rate
    x = np.concatenate(chunks).astype(np.float64)
    hop = rate * hop_ms // 1000
    n = len(x) // hop
    return np.sqrt((x[: n * hop].reshape(n, hop) ** 2).mean(axis=1))


def srt_times(path: Path) -> list[tuple[int, int, str]]:
    import pysubs2

    subs = pysubs2.load(str(path))
    return [(e.start, e.end, e.plaintext) for e in subs]


def export(app, vid: str, ctx=None, **options):  # noqa: ANN001,ANN201
    """An export as the CLI and the dialog run it: a request from the options, then the export."""
    return app.export.export(app.export.request(vid, **options), ctx)


def plan(app, vid: str, **options):  # noqa: ANN001,ANN201
    return app.export.plan(app.export.request(vid, **options))
