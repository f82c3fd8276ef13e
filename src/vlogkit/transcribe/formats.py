"""A transcript (or a time range of it) as the JSON `vlogkit transcribe --json` prints, plain text, SRT or WebVTT."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from vlogkit.domain import Transcript, Word
from vlogkit.errors import UsageError
from vlogkit.render.caption_rules import NETFLIX, CaptionProfile
from vlogkit.render.captions import build_cues
from vlogkit.render.subtitles import to_srt, to_vtt

FORMATS = ("srt", "vtt", "txt", "json")


def _s(ms: int) -> float:
    return round(ms / 1000.0, 3)


def word_json(w: Word, language: str = "") -> dict[str, Any]:
    d: dict[str, Any] = {"text": w.display.strip(), "start": _s(w.start), "end": _s(w.end),
                         "probability": w.probability}
    if w.language or language:
        d["language"] = w.language or language
    if w.corrected is not None:
        d["original"] = w.text
    if w.speaker:
        d["speaker"] = w.speaker
    if w.filler:
        d["filler"] = True
    if w.confirmed:
        d["confirmed"] = True
    return d


def transcript_json(t: Transcript) -> dict[str, Any]:
    """{"language", "languages", "duration", "model", "segments": [{"start", "end", "language", "text", "words": [...]}]},
    times in seconds. A segment held back as possibly invented carries "flag" ("credit" | "repeat"), a kept one
    "kept": true."""
    segments = []
    for s in t.segments:
        words = [w for w in s.words if w.display.strip()]
        lang = s.language or t.language
        seg: dict[str, Any] = {"start": _s(s.start), "end": _s(s.end), "language": lang,
                               "text": " ".join(w.display.strip() for w in words),
                               "words": [word_json(w, lang) for w in words]}
        if s.speaker:
            seg["speaker"] = s.speaker
        if s.flag:
            seg["flag"] = s.flag
        if s.kept:
            seg["kept"] = True
        segments.append(seg)
    return {"language": t.language, "languages": list(t.languages), "duration": _s(t.duration), "model": t.model,
            "source": t.source, "segments": segments}


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
            segments.append(replace(s, start=words[0].start, end=words[-1].end, words=words))
    return replace(t, segments=tuple(segments), duration=min(end, t.duration) - start,
                   options={**t.options, "range_ms": [start, end]})


def render(t: Transcript, fmt: str, profile: CaptionProfile = NETFLIX) -> str:
    """`t` as subtitles (srt, vtt), text or JSON. Segments held back as possibly invented are left out of every format
    until someone keeps them (`vlogkit transcribe --json` shows them, flagged)."""
    fmt = fmt.lower()
    t = t.without_held_back()
    if fmt == "json":
        return json.dumps(transcript_json(t), ensure_ascii=False, indent=2) + "\n"
    if fmt == "txt":
        return transcript_text(t)
    if fmt in ("srt", "vtt"):
        until = t.duration or None
        if t.source == "subtitles":  # keep the imported file's cue boundaries; re-break only what is too long
            cues = [c for s in t.segments for c in build_cues(s.words, profile, language=s.language or t.language,
                                                              until=until)]
        else:
            cues = build_cues(t.words, profile, language=t.language, until=until)
        return to_srt(cues) if fmt == "srt" else to_vtt(cues)
    raise UsageError(f"Unknown subtitle format '{fmt}': use one of {', '.join(FORMATS)}.")
