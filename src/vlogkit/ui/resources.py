"""Find the `resources` folder: `<repo>/resources` in a checkout, `vlogkit/_resources` in an installed wheel."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    pkg = Path(__file__).resolve().parents[1]  # .../vlogkit
    for candidate in (pkg / "_resources", pkg.parents[1] / "resources"):
        if candidate.is_dir():
            return candidate
    return pkg.parents[1] / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


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
