"""The icon set: Material Design Icons from the QtAwesome package, coloured by the theme when they are drawn.

Why QtAwesome and not SVG files of our own: it is a maintained package (the Spyder project's) that ships the fonts
inside its wheel (offline), one consistent icon family (MDI: 7,000 icons, transport controls included); glyphs are
vectors, so icons are sharp at any device-pixel ratio; and the colour is chosen at paint time, so one icon serves the
light and the dark theme (an SVG would need re-colouring). Every icon vlogkit uses is named once, in `ICONS`.
"""

from __future__ import annotations

import os
from functools import lru_cache

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPixmap

from vlogkit.ui import theme

os.environ.setdefault("QT_API", "pyside6")  # qtawesome speaks Qt through QtPy: make it pick our binding

ICONS: dict[str, str] = {
    # transport and timeline
    "play": "mdi6.play", "pause": "mdi6.pause", "frame-back": "mdi6.step-backward", "frame-fwd": "mdi6.step-forward",
    "mark-in": "mdi6.contain-start", "mark-out": "mdi6.contain-end", "zoom-in": "mdi6.magnify-plus-outline",
    "zoom-out": "mdi6.magnify-minus-outline", "play-range": "mdi6.play-box-outline",
    # library and import
    "import": "mdi6.file-import-outline", "folder": "mdi6.folder-open-outline", "record": "mdi6.record-circle-outline",
    "drop": "mdi6.tray-arrow-down", "sample": "mdi6.play-circle-outline", "remove": "mdi6.trash-can-outline",
    "transcribe": "mdi6.text-recognition", "search": "mdi6.magnify", "refresh": "mdi6.refresh",
    # states
    "state-new": "mdi6.creation-outline", "state-transcribing": "mdi6.progress-clock", "state-transcribed": "mdi6.text-box-check-outline",
    "state-has_quotes": "mdi6.format-quote-close", "audio": "mdi6.music-note", "no-picture": "mdi6.image-off-outline",
    # consent
    "consent-external": "mdi6.earth", "consent-internal": "mdi6.office-building-outline",
    "consent-none": "mdi6.cancel",
    # quotes, review and export
    "quote": "mdi6.format-quote-open", "bank": "mdi6.bookmark-multiple-outline", "export": "mdi6.export-variant",
    "approve": "mdi6.check-circle-outline", "reject": "mdi6.close-circle-outline", "edit": "mdi6.pencil-outline",
    "review": "mdi6.clipboard-check-outline", "candidate": "mdi6.help-circle-outline", "copy": "mdi6.content-copy",
    "jump": "mdi6.arrow-right-bold-box-outline", "preview": "mdi6.eye-outline", "settings": "mdi6.cog-outline",
    "help": "mdi6.help-circle-outline", "warning": "mdi6.alert-outline", "info": "mdi6.information-outline",
    "check": "mdi6.check", "add": "mdi6.plus", "undo": "mdi6.undo", "redo": "mdi6.redo",
}

STATE_COLORS = {"success": "success", "danger": "danger", "warning": "warning", "accent": "accent", "info": "info",
                "muted": "muted"}


@lru_cache(maxsize=512)
def _glyph(name: str, color: str) -> QIcon:
    import qtawesome

    return qtawesome.icon(ICONS[name], color=QColor(color))


class ThemedIconEngine(QIconEngine):
    """Draws an icon-font glyph in the theme's colour at the moment it is painted (text colour, or a role colour
    such as 'success'); disabled icons use the muted colour."""

    def __init__(self, name: str, role: str = "text") -> None:
        super().__init__()
        if name not in ICONS:
            raise KeyError(f"no icon named {name!r}")
        self.name, self.role = name, role

    def _color(self, mode: QIcon.Mode) -> str:
        c = theme.colors()
        if mode == QIcon.Mode.Disabled:
            return c.muted
        if mode == QIcon.Mode.Selected and self.role == "text":
            return "#ffffff"  # on the selection colour
        return str(getattr(c, self.role))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        _glyph(self.name, self._color(mode)).paint(painter, rect, Qt.AlignmentFlag.AlignCenter, mode, state)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:  # noqa: N802
        """Drawn at the device pixel ratio, so icons stay sharp on high-DPI screens."""
        pix = QPixmap(QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale))))
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        self.paint(p, QRect(QPoint(0, 0), pix.size()), mode, state)
        p.end()
        pix.setDevicePixelRatio(scale)
        return pix

    def clone(self) -> QIconEngine:
        return ThemedIconEngine(self.name, self.role)

    def key(self) -> str:
        return "vlogkit-themed"


def icon(name: str, role: str = "text") -> QIcon:
    """The icon called `name` (a key of `ICONS`), in the theme's text colour or a role colour."""
    return QIcon(ThemedIconEngine(name, role))
