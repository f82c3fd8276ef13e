"""Use an existing SRT or WebVTT file (e.g. a Teams recording's transcript) as a vlog's transcript.

Each cue becomes a segment; its words get times spread evenly inside the cue (subtitles carry no word timings).
WebVTT voice tags (`<v Anna Peeters>...`) become the words' speaker. Words from subtitles have no probability.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from vlogkit.domain import Segment, Transcript, Word
from vlogkit.domain.times import format_clock
from vlogkit.errors import N_, MediaError, UsageError
from vlogkit.fileutil import read_bounded

_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})"
_CUE_TIMES = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]+)>")
_TAG = re.compile(r"<[^>]*>|\{[^}]*\}")
_LATE_MS = 1000  # a closing cue may run a little past the media's end


@dataclass(frozen=True)
class SubtitleCue:
    start: int
    end: int
    text: str  # plain text, lines joined with spaces
    speaker: str = ""


def _ms(h: str | None, m: str, s: str, frac: str) -> int:
    return ((int(h or 0) * 60 + int(m)) * 60 + int(s)) * 1000 + int(frac.ljust(3, "0")[:3])


def _read_text(path: Path) -> str:
    if not path.exists():
        raise MediaError(f"{path}: file not found.")
    raw = read_bounded(path, 32 << 20, N_("subtitle file"), error=MediaError)  # /dev/zero is not a subtitle file
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode" (UTF-16 with its byte-order mark)
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def parse_subtitles(text: str) -> list[SubtitleCue]:
    """Parse SRT or WebVTT text into cues (times in ms), ignoring headers, NOTE/STYLE blocks and cue settings."""
    cues: list[SubtitleCue] = []
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    for block in blocks:
        lines = [ln for ln in block.split("\n") if ln.strip()]
        for i, line in enumerate(lines):
            m = _CUE_TIMES.match(line)
            if not m:
                continue
            g = m.groups()
            start, end = _ms(*g[:4]), _ms(*g[4:])
            body = " ".join(lines[i + 1:])
            voice = _VOICE.search(body)
            plain = html.unescape(_TAG.sub("", body))
            plain = re.sub(r"\s+", " ", plain).strip()
            if plain and end > start:
                cues.append(SubtitleCue(start, end, plain, voice.group(1).strip() if voice else ""))
            break
    cues.sort(key=lambda c: (c.start, c.end))
    return cues


def cues_to_segments(cues: list[SubtitleCue]) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    for cue in cues:
        tokens = cue.text.split()
        span = cue.end - cue.start
        words = tuple(
            Word(tok, cue.start + span * i // len(tokens), cue.start + span * (i + 1) // len(tokens), None,
                 speaker=cue.speaker)
            for i, tok in enumerate(tokens)
        )
        segments.append(Segment(cue.start, cue.end, words, cue.speaker))
    return tuple(segments)


def load_subtitles(path: str | Path, *, language: str = "", duration_ms: int = 0) -> Transcript:
    """An SRT/VTT file as a `Transcript` (source "subtitles"); a one-line error when it holds no cues."""
    p = Path(path)
    if p.suffix.lower() not in (".srt", ".vtt"):
        raise UsageError(f"{p}: use an .srt or .vtt subtitle file.")
    cues = parse_subtitles(_read_text(p))
    if not cues:
        raise MediaError(f"{p}: holds no subtitle cues (is it an SRT or WebVTT file?).")
    late = [c for c in cues if duration_ms and c.start >= duration_ms + _LATE_MS]
    if late:  # never a transcript of words the media does not hold (a quote there could not be exported)
        raise MediaError(N_("{path}: {count} of its cues start after the vlog ends at {end} (the last at {last}): are "
                            "these the subtitles of another video? Choose the file made for this one."),
                         path=p, count=len(late), end=format_clock(duration_ms), last=format_clock(late[-1].start))
    duration = max(duration_ms, cues[-1].end)
    return Transcript(cues_to_segments(cues), language, duration, f"subtitles:{p.name}", {"file": str(p)}, "subtitles")
