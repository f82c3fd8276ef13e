"""SRT and WebVTT text from caption cues (`render.captions.build_cues`)."""

from __future__ import annotations

from collections.abc import Sequence

from vlogkit.render.captions import Cue


def format_timestamp(ms: int, sep: str = ",") -> str:
    ms = max(0, int(ms))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{milli:03d}"


_SRT_SAFE = str.maketrans({"<": "‹", ">": "›", "{": "(", "}": ")"})


def srt_text(text: str) -> str:
    """SRT has no escapes and players read <...> and {...} as tags: show such characters as look-alikes."""
    return text.replace("-->", "->").translate(_SRT_SAFE)


def to_srt(cues: Sequence[Cue]) -> str:
    blocks = [
        f"{i}\n{format_timestamp(c.start)} --> {format_timestamp(c.end)}\n{srt_text(c.text)}\n"
        for i, c in enumerate(cues, 1)
    ]
    return "\n".join(blocks)


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_vtt(cues: Sequence[Cue]) -> str:
    blocks = [
        f"{format_timestamp(c.start, '.')} --> {format_timestamp(c.end, '.')}\n{_vtt_escape(c.text)}\n" for c in cues
    ]
    return "WEBVTT\n\n" + "\n".join(blocks)
