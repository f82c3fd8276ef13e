"""Output file names: speaker, date, a slug of the quote and the preset - safe on every OS, never overwriting."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from vlogkit.fileutil import safe_filename

SIDE_SUFFIXES = (".mp4", ".srt", ".vtt", ".jpg")


def slug(text: str, words: int = 6, max_len: int = 40) -> str:
    picked = " ".join(re.sub(r"[^\w\s'-]+", " ", text).replace("'", "").split()[:words])
    return safe_filename(picked.lower(), max_len=max_len, fallback="clip")


def base_name(speaker: str, date: str, quote_text: str) -> str:
    who = re.sub(r"[^\w\s-]+", " ", speaker).strip()
    parts = [safe_filename(who, 30, fallback="speaker") if who else "",
             safe_filename(date, 10, fallback="") if date else "",
             slug(quote_text) if quote_text.strip() else "clip"]
    return "_".join(p for p in parts if p)


def reserve_stems(taken: Collection[str], base: str, presets: Iterable[str]) -> tuple[str, dict[str, str]]:
    """A common stem and one stem per preset such that no output or sidecar name is in `taken` (the names already
    in the output folder).

    Returns (common stem for the subtitles, {preset: stem of its video and poster}).
    """
    presets = list(presets)
    i = 1
    while True:
        stem = base if i == 1 else f"{base}-{i}"
        per = {p: f"{stem}_{safe_filename(p, 20, fallback='preset')}" for p in presets}
        names = [stem + s for s in (".srt", ".vtt")] + [v + s for v in per.values() for s in SIDE_SUFFIXES]
        if not any(n in taken for n in names):
            return stem, per
        i += 1
