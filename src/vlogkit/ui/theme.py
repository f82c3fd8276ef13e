"""The visual system: one light and one dark palette, spacing, and the few styles widgets share.

The theme follows the system's colour scheme (Qt's style hints; `colorSchemeChanged` switches it live) unless the
user picked light or dark in Settings. Widgets never hard-code colours: they take them from `colors()` or mark a label
with a role (`set_role(label, "muted")`), which the application style sheet colours for the theme in use.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

SPACE = 8  # the base unit: gaps between controls
MARGIN = 12  # around a page's content
RADIUS = 6
# one colour per quote candidate rank, on the timeline and on its card (white text reads on each)
QUOTE_COLORS = ("#6a3de8", "#00796b", "#d84315", "#3949ab", "#827717", "#8e24aa", "#0277bd", "#6d4c41")


@dataclass(frozen=True)
class Colors:
    dark: bool
    window: str
    base: str
    alt: str
    text: str
    muted: str
    border: str
    accent: str
    accent_text: str
    success: str
    warning: str
    danger: str
    info: str
    video: str  # behind a picture: dark in both themes
    word: str  # the spoken word in the transcript
    range_fill: str  # the clip's in/out range (with alpha)
    banner: str  # a warning banner's background
    card: str  # a card on the window (a line edit inside it stays distinct)
    selection: str  # selected text and rows (white text on it)


LIGHT = Colors(False, window="#f4f5f7", base="#ffffff", alt="#eceff3", text="#1d232a", muted="#56606b",
               border="#c9d0d8", accent="#2458d3", accent_text="#ffffff", success="#1b7a3a", warning="#8a5300",
               danger="#b3261e", info="#1f5fa8", video="#101418", word="#ffd54f", range_fill="#59ffc400",
               banner="#fff6dc", card="#ffffff", selection="#2458d3")
DARK = Colors(True, window="#1c2025", base="#14171b", alt="#252a31", text="#e7eaee", muted="#a3adb8",
              border="#3a414a", accent="#6d9bff", accent_text="#0b1020", success="#5fd08a", warning="#f2b84b",
              danger="#ff8a80", info="#8ab8ff", video="#0b0d10", word="#8a6d00", range_fill="#66ffc400",
              banner="#3a3120", card="#22272e", selection="#3763d0")

_current = LIGHT


def colors() -> Colors:
    return _current


def qcolor(name: str) -> QColor:
    """A theme colour by field name; '#aarrggbb' strings keep their alpha."""
    return QColor(getattr(_current, name))


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark


def resolve(mode: str) -> Colors:
    """`mode`: '' (follow the system), 'light' or 'dark'."""
    if mode == "dark":
        return DARK
    if mode == "light":
        return LIGHT
    return DARK if system_is_dark() else LIGHT


def palette(c: Colors) -> QPalette:
    p = QPalette()
    R, G = QPalette.ColorRole, QPalette.ColorGroup  # noqa: N806
    for role, value in ((R.Window, c.window), (R.WindowText, c.text), (R.Base, c.base), (R.AlternateBase, c.alt),
                        (R.Text, c.text), (R.Button, c.alt), (R.ButtonText, c.text), (R.ToolTipBase, c.base),
                        (R.ToolTipText, c.text), (R.PlaceholderText, c.muted), (R.Highlight, c.selection),
                        (R.HighlightedText, "#ffffff"), (R.Link, c.info), (R.BrightText, c.danger),
                        (R.Mid, c.border), (R.Midlight, c.alt), (R.Dark, c.border), (R.Light, c.base),
                        (R.Shadow, "#000000")):
        p.setColor(role, QColor(value))
    for role in (R.WindowText, R.Text, R.ButtonText):
        p.setColor(G.Disabled, role, QColor(c.muted))
    p.setColor(G.Disabled, R.Button, QColor(c.window))
    return p


def style_sheet(c: Colors) -> str:
    """Roles a widget opts into with `set_role`, and the spacing the native style leaves too tight."""
    return f"""
QLabel[role="muted"] {{ color: {c.muted}; }}
QLabel[role="warning"] {{ color: {c.warning}; }}
QLabel[role="danger"] {{ color: {c.danger}; }}
QLabel[role="success"] {{ color: {c.success}; }}
QLabel[role="title"] {{ font-size: 16px; font-weight: 600; }}
QLabel[role="heading"] {{ font-size: 14px; font-weight: 600; }}
QLabel[role="hero"] {{ font-size: 20px; font-weight: 600; }}
QFrame[role="card"] {{ background: {c.card}; border: 1px solid {c.border}; border-radius: {RADIUS}px; }}
QFrame[role="banner"] {{ background: {c.banner}; border: 1px solid {c.warning}; border-radius: {RADIUS}px; }}
QPushButton {{ padding: 4px 8px; }}
QPushButton[role="primary"] {{ background: {c.accent}; color: {c.accent_text}; border: 1px solid {c.accent};
    border-radius: 4px; padding: 6px 14px; font-weight: 600; }}
QPushButton[role="primary"]:disabled {{ background: {c.alt}; color: {c.muted}; border-color: {c.border}; }}
QToolButton[role="big"] {{ padding: 12px; border: 1px solid {c.border}; border-radius: {RADIUS}px;
    background: {c.base}; }}
QToolButton[role="big"]:hover {{ border-color: {c.accent}; }}
QToolButton[role="big"]:focus {{ border: 2px solid {c.accent}; }}
"""


def set_role(widget: QWidget, role: str) -> QWidget:
    """Style `widget` by role (muted, warning, danger, success, title, heading, hero, card, banner, primary, big)."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return widget


class ThemeManager(QObject):
    """Applies the theme to the application and re-applies it when the system switches light/dark."""

    theme_changed = Signal(bool)  # dark

    def __init__(self, qapp: QApplication, mode: str = "") -> None:
        super().__init__(qapp)
        self.qapp, self.mode = qapp, mode
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(self._on_hints_color_scheme_changed)
        self.apply()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.apply()

    def apply(self) -> None:
        global _current
        _current = resolve(self.mode)
        self.qapp.setStyle("Fusion")  # the one style that honours a palette on every platform
        self.qapp.setPalette(palette(_current))
        self.qapp.setStyleSheet(style_sheet(_current))
        self.theme_changed.emit(_current.dark)

    def _on_hints_color_scheme_changed(self, _scheme: object) -> None:
        if not self.mode:
            self.apply()


def install_theme(mode: str = "") -> ThemeManager:
    """Theme the running QApplication (one manager per application; a second call re-applies with `mode`)."""
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    existing = qapp.findChild(ThemeManager)
    if existing is not None:
        existing.set_mode(mode)
        return existing
    return ThemeManager(qapp, mode)
