"""Find the `resources` folder (translations, icons, the sample vlog): `<repo>/resources` in a checkout,
`vlogkit/_resources` in an installed wheel or a desktop bundle. Qt-free, so services can use it too."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    pkg = Path(__file__).resolve().parent  # .../vlogkit
    for candidate in (pkg / "_resources", pkg.parents[1] / "resources"):
        if candidate.is_dir():
            return candidate
    return pkg.parents[1] / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
