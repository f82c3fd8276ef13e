"""Burnt-in captions as an ASS document for libass (ffmpeg's `ass` filter).

Styles: `karaoke` shows the phrase and highlights the word being said (one event per word, the whole phrase in each);
`line` shows the phrase. Phrases come from `render.captions.build_cues` with the preset's shorter lines.
What people said is escaped so that `{`, `}`, `\\` and newlines render as text, never as override tags.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vlogkit.domain import Word
from vlogkit.domain.export import CaptionStyle, ExportPreset
from vlogkit.render.captions import Cue, LineRules, build_cues

_ZWSP = "\u200b"  # after a backslash it stops libass reading `\N`, `\h`, `\b1`... as a tag; it draws nothing


def escape_text(text: str) -> str:
    """Text safe inside an ASS Dialogue: backslashes defused, braces escaped, line breaks flattened."""
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    text = text.replace("\\", "\\" + _ZWSP)
    return text.replace("{", "\\{").replace("}", "\\}")


def ass_color(hex_rgb: str, alpha: int = 0) -> str:
    """'#RRGGBB' -> '&HAABBGGRR' (ASS colours are alpha-blue-green-red)."""
    h = hex_rgb.strip().lstrip("#")
    if len(h) != 6 or any(c not in "0123456789abcdefABCDEF" for c in h):
        raise ValueError(f"'{hex_rgb}' is not a colour: use #RRGGBB.")
    r, g, b = h[0:2], h[2:4], h[4:6]
    return f"&H{alpha:02X}{b}{g}{r}".upper()


def _ts(ms: int) -> str:
    cs = max(0, int(round(ms / 10)))
    h, rest = divmod(cs, 360_000)
    m, rest = divmod(rest, 6000)
    s, c = divmod(rest, 100)
    return f"{h}:{m:02d}:{s:02d}.{c:02d}"


@dataclass(frozen=True, slots=True)
class LowerThird:
    name: str
    role: str = ""
    duration_ms: int = 4000


@dataclass(frozen=True, slots=True)
class CaptionLook:
    font: str = "Lato"
    highlight: str = "#FFC400"  # brand colour of the word being said
    text_color: str = "#FFFFFF"
    outline_color: str = "#000000"
    box: bool = False  # an opaque box behind the text instead of an outline


def burnt_rules(preset: ExportPreset) -> LineRules:
    return LineRules(max_chars=preset.caption_chars, max_lines=2, min_ms=700, max_ms=5000, pause_ms=600)


def caption_cues(words: Sequence[Word], preset: ExportPreset) -> list[Cue]:
    return build_cues(words, burnt_rules(preset))


def _header(preset: ExportPreset, look: CaptionLook) -> str:
    size = round(preset.caption_size * preset.width)
    outline = max(2, round(size * 0.09))
    x0, _, x1, y1 = preset.safe_box()
    margin_l, margin_r, margin_v = x0, preset.width - x1, preset.height - y1
    border = 3 if look.box else 1
    back = ass_color(look.outline_color, 0x60)
    primary, outline_c = ass_color(look.text_color), ass_color(look.outline_color)
    small = round(size * 0.8)
    return "\n".join([
        "[Script Info]",
        "ScriptType: v4.00+",
        f"PlayResX: {preset.width}",
        f"PlayResY: {preset.height}",
        "WrapStyle: 2",
        "ScaledBorderAndShadow: yes",
        "YCbCr Matrix: TV.709",
        "",
        "[V4+ Styles]",
        "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, "
        "Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, "
        "MarginR, MarginV, Encoding",
        f"Style: Caption,{look.font},{size},{primary},{primary},{outline_c},{back},-1,0,0,0,100,100,0,0,{border},"
        f"{outline},0,2,{margin_l},{margin_r},{margin_v},1",
        f"Style: LowerName,{look.font},{small},{primary},{primary},{outline_c},{ass_color('#000000', 0x50)},-1,0,0,0,"
        f"100,100,0,0,3,{max(4, small // 4)},0,7,{margin_l},{margin_r},{round(preset.height * 0.62)},1",
        f"Style: LowerRole,{look.font},{round(small * 0.7)},{ass_color(look.highlight)},{primary},{outline_c},"
        f"{ass_color('#000000', 0x50)},0,0,0,0,100,100,0,0,3,{max(4, small // 4)},0,7,{margin_l},{margin_r},"
        f"{round(preset.height * 0.62 + small * 1.5)},1",
        "",
        "[Events]",
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
    ])


def _lines_text(cue: Cue, highlight_index: int | None, hl: str, normal: str) -> str:
    parts: list[str] = []
    i = 0
    for line in cue.lines:
        words = []
        for w in line:
            t = escape_text(w.display.strip())
            if i == highlight_index:
                t = f"{{\\1c{hl}}}{t}{{\\1c{normal}}}"
            words.append(t)
            i += 1
        parts.append(" ".join(words))
    return "\\N".join(parts)


def build_ass(
    words: Sequence[Word],
    preset: ExportPreset,
    style: CaptionStyle,
    *,
    look: CaptionLook = CaptionLook(),  # noqa: B008 - frozen value
    lower_third: LowerThird | None = None,
    duration_ms: int | None = None,
) -> str:
    """The ASS document for one preset. `words` are already on the clip's clock."""
    lines = [_header(preset, look)]
    hl = ass_color(look.highlight)[:2] + ass_color(look.highlight)[4:] + "&"
    normal = ass_color(look.text_color)[:2] + ass_color(look.text_color)[4:] + "&"
    if style is not CaptionStyle.OFF:
        cues = caption_cues(words, preset)
        for cue in cues:
            end = cue.end if duration_ms is None else min(cue.end, duration_ms)
            if style is CaptionStyle.LINE:
                lines.append(f"Dialogue: 0,{_ts(cue.start)},{_ts(end)},Caption,,0,0,0,,{_lines_text(cue, None, hl, normal)}")
                continue
            cw = cue.words
            for i, w in enumerate(cw):
                s = cue.start if i == 0 else w.start
                e = cw[i + 1].start if i + 1 < len(cw) else end
                if e <= s:
                    continue
                lines.append(f"Dialogue: 0,{_ts(s)},{_ts(e)},Caption,,0,0,0,,{_lines_text(cue, i, hl, normal)}")
    if lower_third and lower_third.name:
        end = _ts(lower_third.duration_ms)
        lines.append(f"Dialogue: 1,{_ts(0)},{end},LowerName,,0,0,0,,{{\\fad(250,250)}}{escape_text(lower_third.name)}")
        if lower_third.role:
            lines.append(f"Dialogue: 1,{_ts(0)},{end},LowerRole,,0,0,0,,{{\\fad(250,250)}}{escape_text(lower_third.role)}")
    return "\n".join(lines) + "\n"
