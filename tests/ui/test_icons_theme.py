"""The icon set and the themes: every named icon draws, sharp at a device-pixel ratio of 2 and in the theme's
colour; the theme follows the system's light/dark switch unless the user chose one."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QPalette


def opaque_pixels(icon, scale: float) -> tuple[int, int]:  # noqa: ANN001
    pix = icon.pixmap(QSize(16, 16), scale)
    img = pix.toImage()
    return img.width(), sum(1 for x in range(img.width()) for y in range(img.height())
                            if img.pixelColor(x, y).alpha() > 128)


def test_every_icon_draws_sharp_at_twice_the_pixels(qapp) -> None:
    from vlogkit.ui.icons import ICONS, icon

    for name in ICONS:
        width, ink = opaque_pixels(icon(name), 2.0)
        assert width == 32 and ink > 12, name  # drawn at 32 device pixels, not a scaled-up 16 px bitmap


def test_icons_take_the_themes_colour(qapp) -> None:
    from vlogkit.ui.icons import icon
    from vlogkit.ui.theme import install_theme

    def ink_colour() -> tuple[int, int, int]:
        img = icon("play").pixmap(QSize(32, 32)).toImage()
        c = max((img.pixelColor(x, y) for x in range(32) for y in range(32)), key=lambda c: c.alpha())
        return c.red(), c.green(), c.blue()

    try:
        install_theme("light")
        dark_ink = ink_colour()
        install_theme("dark")
        light_ink = ink_colour()
        assert sum(dark_ink) < 200 and sum(light_ink) > 500  # dark glyphs on light, light glyphs on dark
        assert QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 60
    finally:
        install_theme("light")


def test_the_theme_follows_the_system(qapp, monkeypatch) -> None:
    """The offscreen platform has no colour scheme of its own: the system's switch is played by the style hints'
    colorSchemeChanged signal, with the scheme it reports."""
    from vlogkit.ui import theme

    hints = QGuiApplication.styleHints()
    try:
        theme.install_theme("")
        monkeypatch.setattr(theme, "system_is_dark", lambda: True)
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert theme.colors().dark
        assert QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 60
        monkeypatch.setattr(theme, "system_is_dark", lambda: False)
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert not theme.colors().dark
        theme.install_theme("dark")  # the user's choice wins over the system
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert theme.colors().dark
    finally:
        theme.install_theme("light")
