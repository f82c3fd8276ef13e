"""Check (and with --write, update) the UI catalogues in resources/i18n: every tr()/N_() string of src/vlogkit/ui,
plus the N_()-marked texts of the Qt-free modules the UI shows (the core's error templates, `vlogkit.errors`; the
device help of `capture/devices.py`).

    python scripts/i18n_catalogue.py            # list strings missing from nl.json / fr.json (exit 1 if any)
    python scripts/i18n_catalogue.py --write    # add missing keys with an empty value, drop unused ones
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "src" / "vlogkit" / "ui"
I18N = ROOT / "resources" / "i18n"
LANGS = ("nl", "fr")
PACKAGE = ROOT / "src" / "vlogkit"


def marked_modules() -> list[Path]:
    """The Qt-free modules holding N_() texts the UI shows (error templates, device help), translated there."""
    return [p for p in sorted(PACKAGE.rglob("*.py")) if UI not in p.parents and "N_(" in p.read_text(encoding="utf-8")]


def ui_strings() -> list[str]:
    found: list[str] = []
    for path in [*sorted(UI.glob("*.py")), *marked_modules()]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node.func, "id", None) if isinstance(node, ast.Call) else None
            if name in ("tr", "N_", "trn") and node.args:
                for arg in node.args[:2 if name == "trn" else 1]:  # trn: the singular and the plural form
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value not in found:
                        found.append(arg.value)
    return found


def main(argv: list[str]) -> int:
    strings = ui_strings()
    missing_any = False
    for lang in LANGS:
        path = I18N / f"{lang}.json"
        cat = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        missing = [s for s in strings if not cat.get(s)]
        if missing:
            missing_any = True
            print(f"{lang}: {len(missing)} untranslated", *missing, sep="\n  ")
        if "--write" in argv:
            new = {s: cat.get(s, "") for s in strings}
            path.write_text(json.dumps(new, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 1 if missing_any else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
