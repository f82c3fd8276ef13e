"""Draws one caption event of the live preview as libass draws it in the export: the same typeface (the bold file
the export's `fontsdir` holds), laid out on the preset's frame in its own pixels with the export's numbers
(`LivePreview.placement`: size, outline, margins; `LivePreview.word_gap`), then scaled onto the preview's box.

libass sizes a font so that its line height (ascent + descent) is the ASS font size; Qt's pixel size is the em, so
the em is scaled by size / line height. The last line's bottom sits `placement.bottom` above the frame's bottom edge
(ASS alignment 2), lines are centred between the margins, and each glyph gets an outline `placement.outline` wide."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QPainterPath, QPen

if TYPE_CHECKING:
    from vlogkit.render.captions import CaptionEvent
    from vlogkit.services.live_preview import LivePreview

_families: dict[str, str] = {}


def caption_family(font_file: str, fallback: str) -> str:
    """The Qt family of the export's caption font file (loaded once), `fallback` when it cannot be loaded."""
    if font_file not in _families:
        fid = QFontDatabase.addApplicationFont(font_file) if font_file else -1
        fams = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
        _families[font_file] = fams[0] if fams else fallback
    return _families[font_file]


def libass_font(family: str, size: int) -> QFont:
    """A bold `family` whose line height is `size` pixels, as libass sizes an ASS font."""
    font = QFont(family)
    font.setBold(True)
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
