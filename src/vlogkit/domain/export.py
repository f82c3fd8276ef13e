"""Export presets, caption styles and what an export produced. Standard library only."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

MIN_SIDE, MAX_SIDE = 16, 4096  # pixels: a 16000x16000 preset once drove ffmpeg to 24 GB


class CaptionStyle(StrEnum):
    KARAOKE = "karaoke"  # the phrase on screen, the spoken word highlighted as it is said
    LINE = "line"  # a phrase at a time
    PUNCHY = "punchy"  # reels: 1-3 words at a time in large type, clear of the platform's buttons
    OFF = "off"


@dataclass(frozen=True, slots=True)
class ExportPreset:
    """A share size. Safe margins are fractions of the frame that captions and logos keep clear of."""

    name: str
    width: int
    height: int
    safe_top: float = 0.05
    safe_bottom: float = 0.08
    safe_left: float = 0.05
    safe_right: float = 0.05
    max_length_s: int = 90  # recommended maximum length: longer exports get a warning, never a refusal
    caption_chars: int = 32  # characters per caption line
    caption_size: float = 0.055  # caption font height as a fraction of the frame width
    label: str = ""

    def __post_init__(self) -> None:
        """Every preset, however made, stays within what an encoder and the machine can take."""
        for side in ("width", "height"):
            v = getattr(self, side)
            if not isinstance(v, int) or isinstance(v, bool) or not MIN_SIDE <= v <= MAX_SIDE or v % 2:
                raise ValueError(f"preset '{self.name}': the {side} must be an even number of pixels from {MIN_SIDE} "
                                 f"to {MAX_SIDE}, not {v!r}")
        for name in ("safe_top", "safe_bottom", "safe_left", "safe_right"):
            v = getattr(self, name)
            if not isinstance(v, int | float) or isinstance(v, bool) or not 0 <= v < 0.5:
                raise ValueError(f"preset '{self.name}': {name} must be a fraction from 0 to 0.5, not {v!r}")
        if not isinstance(self.caption_size, int | float) or not 0.005 <= self.caption_size <= 0.3:
            raise ValueError(f"preset '{self.name}': caption_size must be from 0.005 to 0.3, not {self.caption_size!r}")
        for name, lo, hi in (("caption_chars", 4, 200), ("max_length_s", 1, 36_000)):
            v = getattr(self, name)
            if not isinstance(v, int) or isinstance(v, bool) or not lo <= v <= hi:
                raise ValueError(f"preset '{self.name}': {name} must be a whole number from {lo} to {hi}, not {v!r}")

    @property
    def aspect(self) -> float:
        return self.width / self.height

    @property
    def portrait(self) -> bool:
        return self.height > self.width

    def safe_box(self) -> tuple[int, int, int, int]:
        """(x0, y0, x1, y1) in pixels of the caption safe area."""
        return (
            round(self.width * self.safe_left),
            round(self.height * self.safe_top),
            round(self.width * (1 - self.safe_right)),
            round(self.height * (1 - self.safe_bottom)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "width": self.width, "height": self.height, "safe_top": self.safe_top,
            "safe_bottom": self.safe_bottom, "safe_left": self.safe_left, "safe_right": self.safe_right,
            "max_length_s": self.max_length_s, "caption_chars": self.caption_chars,
            "caption_size": self.caption_size, "label": self.label,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ExportPreset:
        """A preset from a file: a clear `ValueError` for anything out of bounds or of the wrong kind."""
        if not isinstance(d, dict):
            raise ValueError(f"a preset must be an object with a width and a height, not {d!r:.40}")
        known = set(cls.__dataclass_fields__)
        for key in ("width", "height"):
            if key not in d:
                raise ValueError(f"preset '{d.get('name', '?')}' has no {key}")
        if not isinstance(d.get("label", ""), str) or not isinstance(d.get("name", ""), str):
            raise ValueError(f"preset '{d.get('name', '?')}': name and label must be text")
        return cls(**{k: v for k, v in d.items() if k in known})


PRESETS: dict[str, ExportPreset] = {
    # 9:16: Reels/Stories/Shorts put buttons on the right and the caption/description at the bottom.
    "reel": ExportPreset("reel", 1080, 1920, safe_top=0.10, safe_bottom=0.22, safe_left=0.06, safe_right=0.14,
                         max_length_s=90, caption_chars=22, caption_size=0.062, label="Reels / Stories / Shorts (9:16)"),
    "square": ExportPreset("square", 1080, 1080, safe_bottom=0.08, max_length_s=120, caption_chars=28,
                           caption_size=0.052, label="Square feed (1:1)"),
    "portrait": ExportPreset("portrait", 1080, 1350, safe_bottom=0.10, max_length_s=120, caption_chars=28,
                             caption_size=0.054, label="Portrait feed (4:5)"),
    "landscape": ExportPreset("landscape", 1920, 1080, safe_bottom=0.08, max_length_s=600, caption_chars=42,
                              caption_size=0.032, label="LinkedIn / intranet / YouTube (16:9)"),
}

_CUSTOM_RE = re.compile(r"^(?:(?P<name>[a-z][a-z0-9_-]*)=)?(?P<w>\d{2,5})x(?P<h>\d{2,5})$")


def parse_preset(text: str, custom: dict[str, ExportPreset] | None = None) -> ExportPreset:
    """A preset by name (built-in or the user's own), or a custom size written `WxH` / `name=WxH`.

    Raises ValueError with a message naming the valid choices.
    """
    key = text.strip().lower()
    table = {**PRESETS, **(custom or {})}
    if key in table:
        return table[key]
    m = _CUSTOM_RE.match(key)
    if m:
        w, h = int(m["w"]), int(m["h"])
        if w % 2 or h % 2 or not (64 <= w <= 4096 and 64 <= h <= 4096):
            raise ValueError(f"'{text}': custom sizes need even widths and heights between 64 and 4096.")
        portrait = h > w
        return ExportPreset(m["name"] or f"{w}x{h}", w, h, caption_chars=22 if portrait else 36,
                            caption_size=0.062 if portrait else 0.04, label="custom")
    raise ValueError(f"'{text}' is not a preset: use {', '.join(sorted(table))} or a size such as 720x1280.")


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """Everything a user asked of one clip export, resolved (settings filled in, names parsed): the CLI and the
    export dialog both build this value, and the export plan is a pure function of it and the facts gathered."""

    vlog_id: str
    ranges: tuple[tuple[int, int], ...]  # source ms, as asked (the plan snaps them to word boundaries)
    presets: tuple[ExportPreset, ...]
    out_dir: Path
    captions: CaptionStyle = CaptionStyle.KARAOKE
    tighten: bool = False
    audience: str = "internal"
    logo: Path | None = None
    lower_third: bool = False
    title: str = ""  # what the clip says, for its file name and title tag ("" : its own words)
    loudness: float = -14.0  # LUFS
    fallback: str = "center"  # no face found: center | fit
    highlight: str = "#FFC400"  # brand colour of the spoken word
    font: str = "Lato"
    quote_id: str | None = None  # the bank quote the clip is (its cap and review count for consent)

    def to_dict(self) -> dict[str, Any]:
        return {
            "vlog_id": self.vlog_id, "ranges_ms": [list(r) for r in self.ranges],
            "presets": [p.name for p in self.presets], "out_dir": str(self.out_dir), "captions": self.captions.value,
            "tighten": self.tighten, "audience": self.audience, "logo": str(self.logo) if self.logo else None,
            "lower_third": self.lower_third, "title": self.title, "loudness": self.loudness,
            "fallback": self.fallback, "highlight": self.highlight, "font": self.font, "quote_id": self.quote_id,
        }


@dataclass(frozen=True, slots=True)
class OutputFile:
    path: Path
    preset: str
    width: int
    height: int
    duration: float  # seconds

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "preset": self.preset, "width": self.width, "height": self.height,
                "duration": round(self.duration, 3)}


@dataclass(frozen=True, slots=True)
class ExportResult:
    outputs: list[OutputFile]
    subtitles: list[Path] = field(default_factory=list)
    posters: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    caption_issues: list[str] = field(default_factory=list)  # cues that still break a caption rule, one line each
    plan: dict[str, Any] = field(default_factory=dict)  # the plan that was rendered, as `--dry-run --json` prints it

    def to_dict(self) -> dict[str, Any]:
        return {
            "outputs": [o.to_dict() for o in self.outputs],
            "subtitles": [str(p) for p in self.subtitles],
            "posters": [str(p) for p in self.posters],
            "warnings": list(self.warnings),
            "caption_issues": list(self.caption_issues),
            "plan": self.plan,
        }
