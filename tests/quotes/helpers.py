"""Build `Transcript` values from text (one Whisper segment per line) with plausible word timings."""

from __future__ import annotations

import re
from pathlib import Path

from vlogkit.domain import Segment, Transcript, Word

DATA = Path(__file__).parent / "data"
_TOKEN_RE = re.compile(r"\{\{|\}\}|\[pause\]|[^\s{}]+")


def _word_ms(token: str) -> int:
    return 150 + 38 * len(token.strip(".,!?;:"))


def transcript_from_lines(
    lines: list[str], language: str = "en", start_ms: int = 500
) -> tuple[Transcript, list[tuple[int, int]]]:
    """Lines -> (transcript, gold ranges as word-index [first, last) pairs for text between {{ and }})."""
    segments: list[Segment] = []
    gold: list[tuple[int, int]] = []
    t = start_ms
    index = 0
    open_at: int | None = None
    for line in lines:
        words: list[Word] = []
        for tok in _TOKEN_RE.findall(line):
            if tok == "{{":
                open_at = index
                continue
            if tok == "}}":
                assert open_at is not None, line
                gold.append((open_at, index))
                open_at = None
                continue
            if tok == "[pause]":
                t += 1500
                continue
            prob = 0.93
            if tok.startswith("~"):
                tok, prob = tok[1:], 0.35
            dur = _word_ms(tok)
            words.append(Word(tok, t, t + dur, prob))
            index += 1
            t += dur + 60
            if tok.endswith((".", "!", "?")):
                t += 350
            elif tok.endswith(","):
                t += 150
        if words:
            segments.append(Segment(words[0].start, words[-1].end, tuple(words)))
        t += 450
    return Transcript(tuple(segments), language, t + 500, model="handwritten"), gold


def load_case(name: str) -> tuple[Transcript, list[tuple[int, int]]]:
    text = (DATA / name).read_text(encoding="utf-8")
    language = "en"
    lines = []
    for line in text.splitlines():
        if line.startswith("# language:"):
            language = line.split(":", 1)[1].strip()
        elif line.strip() and not line.startswith("#"):
            lines.append(line)
    return transcript_from_lines(lines, language)


def make_transcript(text: str, language: str = "en") -> Transcript:
    """One segment per line of `text`."""
    return transcript_from_lines([ln for ln in text.splitlines() if ln.strip()], language)[0]
