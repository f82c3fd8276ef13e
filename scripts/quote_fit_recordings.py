"""The two real recordings scripts/fit_quote_weights.py fits on besides the written corpus (`--halves=...,real`):
the desk vlog and the sample vlog, as the bundled Whisper model hears them, each with its editor's line."""

from __future__ import annotations

import json
from pathlib import Path

from vlogkit.domain import Transcript

ROOT = Path(__file__).resolve().parents[1]


REAL = ROOT / "tests" / "render" / "data" / "desk_transcript.json"


def real_recording() -> tuple[Transcript, list[tuple[int, int]]]:
    """The one real recording (the desk vlog, transcribed by the bundled Whisper model) with its editor's line: the
    Kennedy sentence, "ask not ... your country." - a line of spoken words, not a written one."""
    transcript = Transcript.from_dict(json.loads(REAL.read_text(encoding="utf-8")))
    keys = [w.display.lower().strip(",.") for w in transcript.words]
    first = next(i for i in range(len(keys) - 1) if keys[i] == "ask" and keys[i + 1] == "not")
    return transcript, [(first, _sentence_end(transcript, first))]


def _sentence_end(transcript: Transcript, first: int) -> int:
    """One past the word that ends the sentence word `first` is in."""
    return next(i for i in range(first, len(transcript.words)) if transcript.words[i].display.endswith(".")) + 1


SAMPLE = ROOT / "tests" / "render" / "data" / "sample_transcript.json"


def sample_recording() -> tuple[Transcript, list[tuple[int, int]]]:
    """The sample vlog as the bundled Whisper model hears it, with its conviction line ("I really believe that small
    teams move faster ...", run on by the recogniser into the next sentence) as the editor's line."""
    transcript = Transcript.from_dict(json.loads(SAMPLE.read_text(encoding="utf-8")))
    keys = [w.display.lower().strip(",.") for w in transcript.words]
    first = keys.index("believe") - 2
    return transcript, [(first, _sentence_end(transcript, first))]


REAL_CASES = {"desk_vlog": real_recording, "sample": sample_recording}
