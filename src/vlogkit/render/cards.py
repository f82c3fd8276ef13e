"""Quote cards: PNG images with the quote, the attribution and a brand colour. Lato from PyPI, never system fonts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vlogkit.domain.quote import typeset
from vlogkit.errors import N_, VlogkitError
from vlogkit.fileutil import output_file

CARD_SIZES = {"square": (1080, 1080), "wide": (1920, 1080)}
BACKGROUND = "#17171F"
TEXT_COLOR = "#FFFFFF"
MUTED = "#B9B9C6"


def lato(weight: str = "Bold") -> str:
    """Path of a Lato face from the `font_lato` package."""
    import font_lato

    path = Path(font_lato.font_directory) / f"Lato-{weight}.ttf"
    if not path.exists():
        raise VlogkitError(N_("The Lato font {name} is missing: reinstall vlogkit (package font-lato)."), name=path.name)
    return str(path)


def parse_color(value: str, fallback: str = "#FFC400") -> tuple[int, int, int]:
    from PIL import ImageColor

    try:
        return ImageColor.getrgb(value)[:3]
    except (ValueError, AttributeError):
        return ImageColor.getrgb(fallback)[:3]


def wrap(text: str, font: Any, width: float) -> list[str]:
    """Greedy word wrap by measured width; a single word wider than `width` gets a line of its own."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if not line or font.getlength(trial) <= width:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


@dataclass(frozen=True)
class Fitted:
    size: int
    lines: list[str]
    line_height: int


def fit_text(text: str, font_path: str, box_w: int, box_h: int, max_size: int, min_size: int = 18) -> Fitted:
    """The largest font size (down to `min_size`) at which `text` wraps into the box."""
    from PIL import ImageFont

    size = max_size
    while True:
        font = ImageFont.truetype(font_path, size)
        lines = wrap(text, font, box_w)
        lh = int(size * 1.22)
        widest = max((font.getlength(ln) for ln in lines), default=0)
        if (len(lines) * lh <= box_h and widest <= box_w) or size <= min_size:
            return Fitted(size, lines, lh)
        size = max(min_size, int(size * 0.93))


def render_card(
    text: str, attribution: str, out: Path, *, size: tuple[int, int] = (1080, 1080), brand_color: str = "#FFC400",
    company: str = "", language: str = "",
) -> Path:
    """Draw the card and write it to `out` (complete or not at all). Returns `out`. `language`: the quote's, for its
    opening mark (« in French, “ else) and nothing else."""
    from PIL import Image, ImageDraw, ImageFont

    w, h = size
    brand = parse_color(brand_color)
    img = Image.new("RGB", (w, h), BACKGROUND)
    draw = ImageDraw.Draw(img)
    margin = int(min(w, h) * 0.09)
    bar = max(8, h // 90)
    draw.rectangle([0, h - bar, w, h], fill=brand)
    mark_font = ImageFont.truetype(lato("Black"), int(h * 0.22))
    mark = "«" if (language or "").lower().startswith("fr") else "“"
    draw.text((margin - int(h * 0.01), int(margin * 0.35)), mark, font=mark_font, fill=brand)

    attr_size = max(22, int(h * 0.036))
    attr_font = ImageFont.truetype(lato("Bold"), attr_size)
    comp_font = ImageFont.truetype(lato("Regular"), int(attr_size * 0.8))
    attr_lines = wrap(attribution, attr_font, w - 2 * margin) if attribution else []
    comp_lines = wrap(company, comp_font, w - 2 * margin) if company else []
    attr_block = len(attr_lines) * int(attr_size * 1.3) + len(comp_lines) * int(attr_size * 1.05)

    top = int(h * 0.25)
    bottom = h - margin - bar - attr_block - int(h * 0.075)
    body = typeset(text.strip().strip("\"“”„«» \u00a0"))
    fitted = fit_text(body, lato("Bold"), w - 2 * margin, bottom - top, max_size=int(h * 0.075))
    font = ImageFont.truetype(lato("Bold"), fitted.size)
    y = top + max(0, (bottom - top - len(fitted.lines) * fitted.line_height) // 2)
    for ln in fitted.lines:
        draw.text((margin, y), ln, font=font, fill=TEXT_COLOR)
        y += fitted.line_height

    y = h - margin - bar - attr_block
    draw.rectangle([margin, y - int(h * 0.03), margin + int(w * 0.08), y - int(h * 0.03) + max(4, h // 200)], fill=brand)
    for ln in attr_lines:
        draw.text((margin, y), ln, font=attr_font, fill=brand)
        y += int(attr_size * 1.3)
    for ln in comp_lines:
        draw.text((margin, y), ln, font=comp_font, fill=MUTED)
        y += int(attr_size * 1.05)

    with output_file(out, replace=False) as tmp:
        img.save(tmp, format="PNG")
    return out
