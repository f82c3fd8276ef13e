"""A transcript (or a time range of it) as the JSON `vlogkit transcribe --json` prints, plain text, SRT or WebVTT."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from vlogkit.domain import Segment, Transcript, Word
from vlogkit.errors import UsageError
from vlogkit.render.captions import LineRules, build_cues, to_srt, to_vtt

FORMATS = ("srt", "vtt", "txt", "json")


def _s(ms: int) -> float:
    return round(ms / 1000.0, 3)


def word_json(w: Word) -> dict[str, Any]:
    d: dict[str, Any] = {"text": w.display.strip(), "start": _s(w.start), "end": _s(w.end),
                         "probability": w.probability}
    if w.corrected is not None:
        d["original"] = w.text
    if w.speaker:
        d["speaker"] = w.speaker
    if w.filler:
        d["filler"] = True
    return d


def transcript_json(t: Transcript) -> dict[str, Any]:
    """{"language", "duration", "model", "segments": [{"start", "end", "text", "words": [...]}]}, times in seconds."""
    segments = []
    for s in t.segments:
        words = [w for w in s.words if w.display.strip()]
        seg: dict[str, Any] = {"start": _s(s.start), "end": _s(s.end), "text": " ".join(w.display.strip() for w in words),
                               "words": [word_json(w) for w in words]}
        if s.speaker:
            seg["speaker"] = s.speaker
        segments.append(seg)
    return {"language": t.language, "duration": _s(t.duration), "model": t.model, "source": t.source,
            "segments": segments}


def transcript_text(t: Transcript) -> str:
    """One line per segment (with "speaker: " in front when the segment has one)."""
    lines = []
    for s in t.segments:
        text = " ".join(w.display.strip() for w in s.words if w.display.strip())
        if text:
            lines.append(f"{s.speaker}: {text}" if s.speaker else text)
    return "\n".join(lines) + ("\n" if lines else "")


def time_range(t: Transcript, start_ms: int | None, end_ms: int | None) -> Transcript:
    """The words whose middle lies in [start, end), re-timed so that `start` is 0 (fits a clip cut there)."""
    if start_ms is None and end_ms is None:
        return t
    start = max(0, start_ms or 0)
    end = t.duration if end_ms is None else end_ms
    if end <= start:
        raise UsageError(f"The range ends ({end / 1000:g} s) before it starts ({start / 1000:g} s).")
    segments = []
    for s in t.segments:
        words = tuple(replace(w, start=max(0, w.start - start), end=max(0, min(w.end, end) - start))
                      for w in s.words if start <= (w.start + w.end) // 2 < end)
        if words:
            segments.append(Segment(words[0].start, words[-1].end, words, s.speaker))
    return replace(t, segments=tuple(segments), duration=min(end, t.duration) - start,
                   options={**t.options, "range_ms": [start, end]})


def render(t: Transcript, fmt: str, rules: LineRules | None = None) -> str:
    fmt = fmt.lower()
    if fmt == "json":
        return json.dumps(transcript_json(t), ensure_ascii=False, indent=2) + "\n"
    if fmt == "txt":
        return transcript_text(t)
    if fmt in ("srt", "vtt"):
        rules = rules or LineRules()
        if t.source == "subtitles":  # keep the imported file's cue boundaries; re-break only what is too long
            cues = [c for s in t.segments for c in build_cues(s.words, rules)]
        else:
            cues = build_cues(t.words, rules)
        return to_srt(cues) if fmt == "srt" else to_vtt(cues)
    raise UsageError(f"Unknown subtitle format '{fmt}': use one of {', '.join(FORMATS)}.")
