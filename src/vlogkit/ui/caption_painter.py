"""Draws one caption event of the live preview as libass draws it in the export: the same typeface (the bold file
the export's `fontsdir` holds), laid out on the preset's frame in its own pixels with the export's numbers
(`LivePreview.placement`: size, outline, margins; `LivePreview.word_gap`), then scaled onto the preview's box.

libass sizes a font so that its line height (ascent + descent) is the ASS font size; Qt's pixel size is the em, so
the em is scaled by size / line height. The last line's bottom sits `placement.bottom` above the frame's bottom edge
(ASS alignment 2), lines are centred between the margins, and each glyph gets an outline `placement.outline` wide."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QPainterPath, QPen

if TYPE_CHECKING:
    from vlogkit.render.captions import CaptionEvent
    from vlogkit.services.live_preview import LivePreview

_families: dict[str, str] = {}


def caption_family(font_file: str, fallback: str) -> str:
    """The Qt family of the export's caption font file, `fallback` when it cannot be loaded. Every font beside it is
    loaded too (once), as libass gets the whole folder: bold and regular faces of the family, as the export uses."""
    if font_file not in _families:
        family = fallback
        folder = Path(font_file).parent if font_file else None
        for path in sorted(folder.glob("*.[ot]tf")) if folder is not None and folder.is_dir() else ():
            fid = QFontDatabase.addApplicationFont(str(path))
            fams = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
            if fams and path.name == Path(font_file).name:
                family = fams[0]
        _families[font_file] = family
    return _families[font_file]


def libass_font(family: str, size: int, bold: bool = True) -> QFont:
    """A `family` whose line height is `size` pixels, as libass sizes an ASS font."""
    font = QFont(family)
    font.setBold(bold)
    font.setPixelSize(max(1, size))
    fm = QFontMetricsF(font)
    height = fm.ascent() + fm.descent()
    if height > 0:
        font.setPixelSize(max(1, round(size * size / height)))
    return font


def paint_caption(p: QPainter, box: QRectF, pv: LivePreview, event: CaptionEvent) -> None:
    """Draw `event` over the preset's frame shown in `box`."""
    preset = pv.preset
    place = pv.placement(event)
    font = libass_font(caption_family(pv.font_file, pv.font), place.size)
    fm = QFontMetricsF(font)
    line_h = fm.ascent() + fm.descent()
    p.save()
    p.translate(box.topLeft())
    p.scale(box.width() / preset.width, box.height() / preset.height)  # from here on: the export frame's pixels
    y = preset.height - place.bottom - line_h * len(event.lines) + fm.ascent()
    centre = (place.left + preset.width - place.right) / 2
    space = fm.horizontalAdvance(" ") + pv.word_gap
    pen = QPen(QColor("#000000"), place.outline * 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    index = 0
    for line in event.lines:
        widths = [fm.horizontalAdvance(word) for word in line]
        x = centre - (sum(widths) + space * max(0, len(line) - 1)) / 2
        for word, width in zip(line, widths, strict=True):
            path = QPainterPath()
            path.addText(QPointF(x, y), font, word)
            p.strokePath(path, pen)
            lit = event.highlight is not None and index == event.highlight
            p.fillPath(path, QColor(pv.highlight_color if lit else "#ffffff"))
            x += width + space
            index += 1
        y += line_h
    p.restore()


def paint_lower_third(p: QPainter, box: QRectF, pv: LivePreview, clip_ms: int) -> None:
    """Draw the speaker's name and role as the export does at `clip_ms`: each on an opaque black box, left-aligned,
    fading in and out, at 62 % of the frame or (punchy captions on) just under the top platform band."""
    from vlogkit.render.ass import LOWER_THIRD_FADE_MS

    lt = pv.lower_third
    if lt is None or not 0 <= clip_ms < lt.duration_ms:
        return
    place = pv.lower_third_placement()
    family = caption_family(pv.font_file, pv.font)
    p.save()
    p.translate(box.topLeft())
    p.scale(box.width() / pv.preset.width, box.height() / pv.preset.height)
    p.setOpacity(max(0.0, min(1.0, clip_ms / LOWER_THIRD_FADE_MS, (lt.duration_ms - clip_ms) / LOWER_THIRD_FADE_MS)))
    for text, size, top, bold, colour in ((lt.name, place.name_size, place.name_top, True, "#ffffff"),
                                          (lt.role, place.role_size, place.role_top, False, pv.highlight_color)):
        if not text:
            continue
        font = libass_font(family, size, bold)
        fm = QFontMetricsF(font)
        p.fillRect(QRectF(place.left - place.pad, top - place.pad, fm.horizontalAdvance(text) + 2 * place.pad,
                          fm.ascent() + fm.descent() + 2 * place.pad), QColor("#000000"))
        path = QPainterPath()
        path.addText(QPointF(place.left, top + fm.ascent()), font, text)
        p.fillPath(path, QColor(colour))
    p.restore()
