"""Caption fonts shipped as PyPI packages (never system fonts): Lato, with Source Sans Pro as the spare."""

from __future__ import annotations

from pathlib import Path

from vlogkit.errors import N_, MediaError

FAMILIES = {"Lato": ("font_lato", "Lato-Bold.ttf"), "Source Sans Pro": ("font_source_sans_pro", "SourceSansPro-Bold.ttf")}


def fonts_dir(family: str = "Lato") -> Path:
    """The folder holding the family's .ttf files, for libass's `fontsdir`."""
    import importlib

    module_name, _ = FAMILIES.get(family, FAMILIES["Lato"])
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise MediaError(N_("The caption font package '{package}' is not installed: reinstall vlogkit."),
                         package=module_name) from exc
    folder = Path(module.__file__).parent / "files"
    if not any(folder.glob("*.ttf")) and not any(folder.glob("*.otf")):
        raise MediaError(N_("No font files in {path}: reinstall the '{package}' package."), path=folder,
                         package=module_name)
    return folder


def font_file(family: str = "Lato", bold: bool = True) -> Path:
    folder = fonts_dir(family)
    _, name = FAMILIES.get(family, FAMILIES["Lato"])
    p = folder / name
    if bold and p.exists():
        return p
    return sorted(folder.glob("*.[to]tf"))[0]
