"""The layering rule from ARCHITECTURE.md, enforced on the source tree.

ui, cli -> services -> feature packages -> domain. Only `ui` and `capture` import PySide6; `domain` imports only the
standard library; feature packages never import `ui`, `cli` or `services`.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "vlogkit"
FEATURES = {"domain", "media", "transcribe", "quotes", "render", "store", "capture"}
QT_ALLOWED = {"ui", "capture"}


def imports_of(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def violations(src: Path) -> list[str]:
    found: list[str] = []
    for path in sorted(src.rglob("*.py")):
        rel = path.relative_to(src)
        layer = rel.parts[0] if len(rel.parts) > 1 else rel.stem
        for name in imports_of(path):
            top = name.split(".")[0]
            if top == "PySide6" and layer not in QT_ALLOWED:
                found.append(f"{rel}: imports {name} (only ui/ and capture/ may import PySide6)")
            if layer == "domain" and top != "vlogkit" and top not in sys.stdlib_module_names and top != "__future__":
                found.append(f"{rel}: domain imports {name} (standard library only)")
            if layer == "domain" and top == "vlogkit" and not name.startswith("vlogkit.domain"):
                found.append(f"{rel}: domain imports {name}")
            if layer in FEATURES and top == "vlogkit":
                sub = name.split(".")[1] if "." in name else ""
                if sub in {"ui", "cli", "services"}:
                    found.append(f"{rel}: feature package {layer} imports {name}")
            if layer == "services" and name.startswith(("vlogkit.ui", "vlogkit.cli")):
                found.append(f"{rel}: services import {name}")
    return found


def test_source_tree_follows_the_dependency_rule() -> None:
    assert SRC.is_dir()
    assert violations(SRC) == []


def test_the_rule_fails_when_domain_imports_pyside6(tmp_path: Path) -> None:
    bad = tmp_path / "domain"
    bad.mkdir()
    (bad / "thing.py").write_text("from PySide6.QtCore import QObject\nimport numpy\n")
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "x.py").write_text("from vlogkit.ui.main_window import MainWindow\n")
    found = violations(tmp_path)
    assert any("domain/thing.py: imports PySide6.QtCore" in v for v in found)
    assert any("domain imports numpy" in v for v in found)
    assert any("feature package store imports vlogkit.ui" in v for v in found)
