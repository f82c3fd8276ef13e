"""A transcriber that returns a transcript given in advance: the seam for fast tests of everything above."""

from __future__ import annotations

from vlogkit.domain import Transcript
from vlogkit.jobs import JobContext


class ScriptedTranscriber:
    """Returns `transcript` as is; counts `.calls`, reports progress per segment and honours cancel."""

    def __init__(self, transcript: Transcript, name: str = "scripted") -> None:
        self.transcript = transcript
        self.name = name
        self.calls = 0
        self.last_call: dict[str, object] = {}

    def transcribe(
        self, audio_path: str, *, language: str | None, initial_prompt: str | None, duration_ms: int, ctx: JobContext,
        languages: str = "nl,fr,en",
    ) -> Transcript:
        self.calls += 1
        self.last_call = {"audio_path": audio_path, "language": language, "initial_prompt": initial_prompt,
                          "duration_ms": duration_ms, "languages": languages}
        total = max(duration_ms or self.transcript.duration, 1)
        ctx.raise_if_cancelled()
        for seg in self.transcript.segments:
            ctx.report(min(1.0, seg.end / total), "Transcribing (scripted)")
            ctx.raise_if_cancelled()
        ctx.report(1.0, "Transcribed")
        return self.transcript
