"""Burnt-in captions as an ASS document for libass (ffmpeg's `ass` filter), drawn from caption events
(`render.captions.events_for`: karaoke, line or punchy) plus the lower third.

Words stay whole: the outline around each word is as wide as a normal space, so the space between words is widened
by twice the outline (`\\fsp` on the space only) and a visible gap stays between the words, highlighted ones included.
What people said is escaped so that `{`, `}`, `\\` and newlines render as text, never as override tags.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vlogkit.domain.export import ExportPreset
from vlogkit.render.captions import CaptionEvent

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


PUNCHY_TOP = 0.14  # 9:16 platforms put their header in the top 14 % of the frame...
PUNCHY_BOTTOM = 0.35  # ...and the description, buttons and progress bar in the bottom 35 %


def _sizes(preset: ExportPreset) -> tuple[int, int, int]:
    """(caption size, punchy size, outline width) in the frame's pixels."""
    size = round(preset.caption_size * preset.width)
    return size, round(size * 1.55), max(2, round(size * 0.09))


def word_gap(preset: ExportPreset) -> int:
    """Extra pixels added to each space between words: the outline on both sides of it."""
    return 2 * _sizes(preset)[2]


def punchy_margins(preset: ExportPreset) -> tuple[int, int]:
    """(top, bottom) pixels the punchy style keeps clear of: the platform bands of a tall frame, else the safe box."""
    _, y0, _, y1 = preset.safe_box()
    top, bottom = y0, preset.height - y1
    if preset.portrait:
        top, bottom = max(top, round(preset.height * PUNCHY_TOP)), max(bottom, round(preset.height * PUNCHY_BOTTOM))
    return top, bottom


@dataclass(frozen=True, slots=True)
class CaptionPlacement:
    """Where one kind of burnt-in caption sits on a preset's frame, in the frame's pixels, as libass draws it: `size`
    is the ASS font size (libass scales the font so that its line height is `size`), `outline` the border drawn
    around each glyph, the text is centred between `left` and `right` margins, and the bottom of its last line sits
    `bottom` pixels above the frame's bottom edge. The export's ASS styles and the GUI's live preview read this."""

    size: int
    outline: int
    left: int
    right: int
    bottom: int


def caption_placement(preset: ExportPreset, punchy: bool = False) -> CaptionPlacement:
    """The placement of line/karaoke captions, or (`punchy`) of the punchy reel style: larger type, its outline kept
    clear of the platform bands (`punchy_margins`)."""
    size, big, outline = _sizes(preset)
    x0, _, x1, y1 = preset.safe_box()
    if punchy:
        return CaptionPlacement(big, round(outline * 1.3), x0, preset.width - x1,
                                punchy_margins(preset)[1] + 2 * outline)  # the outline stays clear too
    return CaptionPlacement(size, outline, x0, preset.width - x1, preset.height - y1)


LOWER_THIRD_FADE_MS = 250  # the lower third fades in and out


@dataclass(frozen=True, slots=True)
class LowerThirdPlacement:
    """The lower third on a preset's frame, in its pixels: the name (bold, `name_size`) and the role (regular,
    `role_size`, in the highlight colour), each on an opaque box reaching `pad` pixels past its text (ASS border
    style 3), left-aligned at `left`, the tops of their lines at `name_top` and `role_top`."""

    name_size: int
    role_size: int
    pad: int
    left: int
    name_top: int
    role_top: int


def has_punchy(events: Sequence[CaptionEvent]) -> bool:
    """Punchy captions are on: the lower third then moves to the top, clear of them."""
    return any(e.style == "punchy" for e in events)


def lower_third_placement(preset: ExportPreset, punchy: bool = False) -> LowerThirdPlacement:
    """Where the lower third sits: at 62 % of the frame, or (`punchy`) just under the top platform band."""
    small = round(_sizes(preset)[0] * 0.8)
    top = punchy_margins(preset)[0] if punchy else round(preset.height * 0.62)
    return LowerThirdPlacement(small, round(small * 0.7), max(4, small // 4), preset.safe_box()[0], top,
                               round(top + small * 1.5))


MIN_SQUEEZE = 60  # a lower third line is scaled down to 60 % at most; a name still too long is cut with "…"


def fit_line(text: str, family: str, size: int, room: int) -> tuple[int, str]:
    """(scale in %, text) that keep one line of the lower third inside `room` pixels (libass does not wrap it): a
    long name is set smaller, then cut with an ellipsis - never run off the frame."""
    from PIL import ImageFont

    from vlogkit.render.fonts import font_file

    try:
        font = ImageFont.truetype(str(font_file(family, bold=True)), size)
    except Exception:  # noqa: BLE001 - no font file to measure with: libass draws it as before
        return 100, text
    ascent, descent = font.getmetrics()
    k = size / max(1, ascent + descent)  # libass sizes a font by its ascent + descent, PIL by its em

    def length(t: str) -> float:
        return font.getlength(t) * k

    width = length(text)
    if width <= room:
        return 100, text
    scale = max(MIN_SQUEEZE, int(100 * room / width))
    limit = room * 100 / scale
    if width <= limit:
        return scale, text
    lo, hi = 0, len(text)  # the longest head that fits with its ellipsis
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if length(text[:mid].rstrip() + "…") <= limit:
            lo = mid
        else:
            hi = mid - 1
    return scale, text[:lo].rstrip() + "…"


def _header(preset: ExportPreset, look: CaptionLook, punchy: bool) -> str:
    line, big = caption_placement(preset), caption_placement(preset, punchy=True)
    border = 3 if look.box else 1
    back = ass_color(look.outline_color, 0x60)
    primary, outline_c = ass_color(look.text_color), ass_color(look.outline_color)
    lt = lower_third_placement(preset, punchy)  # the lower third moves to the top when punchy captions are on
    margin_r = line.right
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
        f"Style: Caption,{look.font},{line.size},{primary},{primary},{outline_c},{back},-1,0,0,0,100,100,0,0,"
        f"{border},{line.outline},0,2,{line.left},{line.right},{line.bottom},1",
        f"Style: Punchy,{look.font},{big.size},{primary},{primary},{outline_c},{back},-1,0,0,0,100,100,0,0,"
        f"{border},{big.outline},0,2,{big.left},{big.right},{big.bottom},1",
        f"Style: LowerName,{look.font},{lt.name_size},{primary},{primary},{outline_c},{ass_color('#000000', 0x50)},"
        f"-1,0,0,0,100,100,0,0,3,{lt.pad},0,7,{lt.left},{margin_r},{lt.name_top},1",
        f"Style: LowerRole,{look.font},{lt.role_size},{ass_color(look.highlight)},{primary},{outline_c},"
        f"{ass_color('#000000', 0x50)},0,0,0,0,100,100,0,0,3,{lt.pad},0,7,{lt.left},{margin_r},{lt.role_top},1",
        "",
        "[Events]",
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
    ])


def _bgr(hex_rgb: str) -> str:
    c = ass_color(hex_rgb)
    return c[:2] + c[4:] + "&"


def event_text(event: CaptionEvent, look: CaptionLook, gap: int) -> str:
    """The Dialogue text of one event: escaped words, the spoken one in the highlight colour, wide spaces."""
    space = f"{{\\fsp{gap}}} {{\\fsp0}}" if gap else " "
    hl, normal = _bgr(look.highlight), _bgr(look.text_color)
    parts: list[str] = []
    i = 0
    for line in event.lines:
        words = []
        for w in line:
            t = escape_text(w)
            if i == event.highlight:
                t = f"{{\\1c{hl}}}{t}{{\\1c{normal}}}"
            words.append(t)
            i += 1
        parts.append(space.join(words))
    return "\\N".join(parts)


def build_ass(
    events: Sequence[CaptionEvent],
    preset: ExportPreset,
    *,
    look: CaptionLook = CaptionLook(),  # noqa: B008 - frozen value
    lower_third: LowerThird | None = None,
) -> str:
    """The ASS document for one preset: `events` (on the clip's clock) and the lower third."""
    lines = [_header(preset, look, has_punchy(events))]
    gap = word_gap(preset)
    for e in events:
        style = "Punchy" if e.style == "punchy" else "Caption"
        lines.append(f"Dialogue: 0,{_ts(e.start)},{_ts(e.end)},{style},,0,0,0,,{event_text(e, look, gap)}")
    if lower_third and lower_third.name:
        end, fade = _ts(lower_third.duration_ms), f"{{\\fad({LOWER_THIRD_FADE_MS},{LOWER_THIRD_FADE_MS})}}"
        lt = lower_third_placement(preset, has_punchy(events))
        room = preset.width - lt.left - caption_placement(preset).right - 2 * lt.pad
        name_scale = 100
        for style, text, size in (("LowerName", lower_third.name, lt.name_size),
                                  ("LowerRole", lower_third.role, lt.role_size)):
            if text:
                scale, shown = fit_line(text, look.font, size, room)
                if style == "LowerName":
                    name_scale = scale
                else:  # the role never comes out larger than a name set smaller to fit
                    scale = min(scale, name_scale)
                squeeze = f"{{\\fscx{scale}\\fscy{scale}}}" if scale < 100 else ""
                lines.append(f"Dialogue: 1,{_ts(0)},{end},{style},,0,0,0,,{fade}{squeeze}{escape_text(shown)}")
    return "\n".join(lines) + "\n"
