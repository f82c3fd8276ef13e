"""The UI's resources: the app icon and the bundled caption fonts (the folder lookup is `vlogkit.resources`)."""

from __future__ import annotations

from pathlib import Path

from vlogkit.resources import resource, resources_dir

__all__ = ["app_icon_path", "bundled_fonts", "resource", "resources_dir"]


def app_icon_path() -> Path:
    """The window/taskbar icon (PNG; the SVG beside it is the source)."""
    return resource("icons", "vlogkit.png")


def bundled_fonts() -> dict[str, Path]:
    """Caption/card font families from the bundled font packages (never system fonts): name -> a regular TTF."""
    fonts: dict[str, Path] = {}
    for module, family, pattern in (
        ("font_lato", "Lato", "Lato-Regular.ttf"),
        ("font_source_sans_pro", "Source Sans Pro", "*Regular*.[ot]tf"),
    ):
        try:
            mod = __import__(module)
        except ImportError:
            continue
        root = Path(mod.__file__).resolve().parent
        found = sorted(root.rglob(pattern))
        if found:
            fonts[family] = found[0]
    return fonts
