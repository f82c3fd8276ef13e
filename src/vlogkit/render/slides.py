"""A 16:9 PowerPoint deck: a title slide, then one quote per slide with attribution and, when there is video,
a still of the speaker taken at the quote's time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vlogkit.domain.quote import quoted, typeset
from vlogkit.fileutil import output_file
from vlogkit.media.ffmpeg import Ffmpeg
from vlogkit.media.thumbnail import grab_frame
from vlogkit.render.cards import lato, parse_color

DECK_FONT = "Calibri"  # present wherever PowerPoint is; the quote size is measured with (wider) Lato Bold


@dataclass(frozen=True)
class SlideItem:
    text: str
    attribution: str  # "Name, Role - Team"
    company: str = ""
    image: Path | None = None  # speaker still
    note: str = ""  # speaker notes: source, time, consent
    language: str = ""  # the quote's: its quotation marks


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text a slide can hold: characters XML 1.0 forbids (terminal escapes, NUL, lone surrogates) are dropped."""
    return _NOT_XML.sub("", text)


def grab_still(ffmpeg: Ffmpeg, source: Path, at_ms: int, dest: Path, height: int = 720) -> Path:
    """One frame of `source` at `at_ms` (ffmpeg applies rotation) as a JPEG."""
    return grab_frame(ffmpeg, source, max(0, at_ms) / 1000, dest, scale=f"scale=-2:{height}")


def face_centre_x(image: Path) -> float:
    """Horizontal centre of the largest face in `image` as a fraction of its width; 0.5 when none is found."""
    from vlogkit.errors import VlogkitError
    from vlogkit.media.faces import detect_in_image

    try:
        faces = detect_in_image(image)
    except (VlogkitError, ImportError, OSError):
        return 0.5
    return max(faces, key=lambda f: f.area).cx if faces else 0.5


def quote_font_pt(text: str, box_in: tuple[float, float]) -> int:
    """A font size at which `text` fits a box of (width, height) inches, measured with Lato Bold."""
    from PIL import ImageFont

    from vlogkit.render.cards import wrap

    w_pt, h_pt = (box_in[0] - 0.2) * 72, (box_in[1] - 0.1) * 72  # 1 pt = 1/72 in; less the text box insets
    for pt in range(40, 13, -2):
        font = ImageFont.truetype(lato("Bold"), pt)
        lines = wrap(text, font, w_pt * 0.88)  # room for a wider fallback font than Lato
        if len(lines) * pt * 1.3 <= h_pt:
            return pt
    return 14


def build_deck(items: list[SlideItem], out: Path, *, title: str, subtitle: str = "", brand_color: str = "#FFC400",
               author: str = "") -> Path:
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
    from pptx.util import Inches, Pt

    brand = RGBColor(*parse_color(brand_color))
    dark = RGBColor(0x17, 0x17, 0x1F)
    white = RGBColor(0xFF, 0xFF, 0xFF)
    muted = RGBColor(0xB9, 0xB9, 0xC6)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    blank = prs.slide_layouts[6]

    def background(slide) -> None:  # noqa: ANN001
        fill = slide.background.fill
        fill.solid()
        fill.fore_color.rgb = dark

    def textbox(slide, x, y, w, h, text, size, color, bold=False, anchor=MSO_ANCHOR.TOP):  # noqa: ANN001, ANN202
        box = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
        tf = box.text_frame
        tf.word_wrap = True
        tf.vertical_anchor = anchor
        tf.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE  # PowerPoint shrinks further if a font runs wider
        p = tf.paragraphs[0]
        p.alignment = PP_ALIGN.LEFT
        run = p.add_run()
        run.text = xml_safe(text)
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.name = DECK_FONT
        run.font.color.rgb = color
        return box

    slide = prs.slides.add_slide(blank)
    background(slide)
    bar = slide.shapes.add_shape(1, Inches(0.8), Inches(3.05), Inches(1.2), Inches(0.08))
    bar.fill.solid()
    bar.fill.fore_color.rgb = brand
    bar.line.fill.background()
    textbox(slide, 0.8, 1.4, 11.7, 1.6, title, 44, white, bold=True, anchor=MSO_ANCHOR.BOTTOM)
    if subtitle:
        textbox(slide, 0.8, 3.3, 11.7, 1.2, subtitle, 20, muted)

    for item in items:
        slide = prs.slides.add_slide(blank)
        background(slide)
        text_x, text_w = 0.8, 11.7
        if item.image is not None and item.image.exists():
            pic = slide.shapes.add_picture(str(item.image), Inches(0), Inches(0), height=Inches(7.5))
            max_w = Inches(4.6)
            if pic.width > max_w:  # crop to a portrait strip centred on the speaker's face
                frac = max_w / pic.width
                centre = min(max(face_centre_x(item.image), frac / 2), 1 - frac / 2)
                pic.crop_left = centre - frac / 2
                pic.crop_right = 1 - (centre + frac / 2)
                pic.width = max_w
            text_x, text_w = 5.2, 7.4
        body = quoted(typeset(item.text), item.language)
        size = quote_font_pt(body, (text_w, 4.6))
        textbox(slide, text_x, 0.8, text_w, 4.6, body, size, white, bold=True, anchor=MSO_ANCHOR.MIDDLE)
        line = slide.shapes.add_shape(1, Inches(text_x), Inches(5.75), Inches(0.9), Inches(0.06))
        line.fill.solid()
        line.fill.fore_color.rgb = brand
        line.line.fill.background()
        textbox(slide, text_x, 5.9, text_w, 0.6, item.attribution, 20, brand, bold=True)
        if item.company:
            textbox(slide, text_x, 6.45, text_w, 0.5, item.company, 16, muted)
        if item.note:
            slide.notes_slide.notes_text_frame.text = xml_safe(item.note)

    _own_properties(prs, title, author)
    with output_file(out, replace=False) as tmp:
        prs.save(str(tmp))
    return out


def _own_properties(prs: Any, title: str, author: str) -> None:  # noqa: ANN401 - python-pptx's Presentation
    """The deck's document properties say only what vlogkit means: the template's author and dates are replaced."""
    import datetime as dt

    props = prs.core_properties
    # a document property holds at most 255 characters (python-pptx raises beyond): the slides keep the whole text
    props.author = xml_safe(author)[:255]
    props.last_modified_by = xml_safe(author)[:255]
    props.title = xml_safe(title)[:255]
    for name in ("subject", "keywords", "comments", "category", "content_status", "identifier", "language",
                 "version"):
        setattr(props, name, "")
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
    props.revision = 1
    props.last_printed = now
