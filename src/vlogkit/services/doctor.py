"""Environment checks for `vlogkit doctor` and the GUI's About/Support dialog."""

from __future__ import annotations

import ctypes.util
import shutil
import sys
from typing import TYPE_CHECKING

from vlogkit.errors import VlogkitError

if TYPE_CHECKING:
    from vlogkit.services.app import App

# Debian/Ubuntu packages Qt and Qt Multimedia need at run time, with a library each provides.
QT_SYSTEM_LIBS = {
    "libpulse0": "pulse",
    "libegl1": "EGL",
    "libgl1": "GL",
    "libxkbcommon0": "xkbcommon",
    "libfontconfig1": "fontconfig",
    "libdbus-1-3": "dbus-1",
    "libglib2.0-0": "glib-2.0",
}


def missing_system_packages() -> list[str]:
    if not sys.platform.startswith("linux"):
        return []
    return [pkg for pkg, lib in QT_SYSTEM_LIBS.items() if ctypes.util.find_library(lib) is None]


def _check(name: str, fn) -> dict[str, str]:  # type: ignore[no-untyped-def]
    try:
        status, detail, fix = fn()
    except VlogkitError as exc:
        status, detail, fix = "fail", str(exc), ""
    except Exception as exc:  # noqa: BLE001 - doctor reports, never crashes
        status, detail, fix = "fail", f"{exc.__class__.__name__}: {exc}", ""
    return {"check": name, "status": status, "detail": detail, "fix": fix}


def checks(app: App) -> list[dict[str, str]]:
    out = []

    def ffmpeg():  # type: ignore[no-untyped-def]
        ff = app.ffmpeg
        return "ok", f"{ff.version()} ({ff.exe})", ""

    def model():  # type: ignore[no-untyped-def]
        try:
            from vlogkit.transcribe.models import model_status
        except ImportError:
            return "warn", "transcription is not installed in this build", ""
        return model_status(app.settings.model)

    def qt_libs():  # type: ignore[no-untyped-def]
        missing = missing_system_packages()
        if missing:
            return "warn", "missing Qt system libraries: " + ", ".join(missing), "sudo apt-get install -y " + " ".join(missing)
        return "ok", "Qt system libraries present", ""

    def disk():  # type: ignore[no-untyped-def]
        usage = shutil.disk_usage(app.paths.home)
        free_gb = usage.free / 1e9
        parts = app.data.disk_usage()
        used = sum(parts.values())
        split = ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in parts.items() if v)
        detail = f"{free_gb:.1f} GB free at {app.paths.home}; vlogkit uses {used / 1e6:.1f} MB ({split or 'nothing yet'})"
        if free_gb < 1:
            return "warn", detail, "free some disk space: exports need room for the rendered clips"
        return "ok", detail, ""

    def library():  # type: ignore[no-untyped-def]
        from vlogkit.store.db import Database

        if app.store.kind != "tinydb":
            return "ok", f"team library {app.store.location}: {app.store.check()}", ""
        state = f"{app.paths.library_db}: {Database(app.paths.library_db).check()}"
        damaged = app.vlogs.damaged() if hasattr(app.vlogs, "damaged") else []
        if damaged:
            return ("warn", f"{state}; {len(damaged)} damaged record(s), skipped by every command: "
                    + "; ".join(damaged), "fix them in library.json by hand, or restore a backup")
        return "ok", state, ""

    def bank():  # type: ignore[no-untyped-def]
        from vlogkit.store.db import Database

        if app.store.kind != "tinydb":
            return "ok", "quote bank: in the team library", ""
        state = f"{app.paths.bank_db}: {Database(app.paths.bank_db).check()}"
        repo = app.store.quotes
        damaged = repo.damaged() if hasattr(repo, "damaged") else []
        if damaged:
            return ("warn", f"{state}; {len(damaged)} damaged quote(s), skipped by every command: "
                    + "; ".join(damaged), "fix them in bank.json by hand, or remove them with `vlogkit bank remove`")
        return "ok", state, ""

    def leftovers():  # type: ignore[no-untyped-def]
        found = app.data.leftovers()
        if found:
            return ("warn", f"{len(found)} half-written file(s) left by an interrupted job, e.g. {found[0]}",
                    "vlogkit cache clear removes them")
        return "ok", "no half-written files left by interrupted jobs", ""

    def settings():  # type: ignore[no-untyped-def]
        from vlogkit.config import settings_problems

        problems = settings_problems(app.paths.settings_file)
        if problems:
            return "warn", "; ".join(problems), f"fix or remove {app.paths.settings_file} (the app rewrites it)"
        return "ok", f"{app.paths.settings_file}: ok", ""

    def logs():  # type: ignore[no-untyped-def]
        return "ok", f"log file: {app.log_file}", ""

    for name, fn in (("ffmpeg", ffmpeg), ("model", model), ("qt", qt_libs), ("disk", disk), ("settings", settings),
                     ("library", library), ("bank", bank), ("leftovers", leftovers), ("log", logs)):
        out.append(_check(name, fn))
    return out
