"""gui: start the desktop app (also what `vlogkit` with no arguments does)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vlogkit.services import App


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="start the desktop app")
    p.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    p.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    p.add_argument("--from-file", metavar="PATH", type=Path,
                   help="play a media file as if it were the camera and microphone in the Record tab (demos, "
                        "testing a kiosk), as `vlogkit record --from-file` does")
    p.set_defaults(func=cmd_gui)


def display_problem() -> str | None:
    """A one-line explanation when no window can be shown, else None."""
    if not sys.platform.startswith("linux"):
        return None
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    display = os.environ.get("DISPLAY", "")
    if display:
        # a local display ":N" has a socket; without it Qt would abort with a core dump instead of a message
        host, _, number = display.partition(":")
        number = number.split(".")[0]
        if host or not number.isdigit() or os.path.exists(f"/tmp/.X11-unix/X{number}"):
            return None
        return (f"the display {display} is not running: start your desktop session (or an X server), or use "
                "QT_QPA_PLATFORM=offscreen for a headless run; every feature is also in the CLI (vlogkit --help).")
    return ("no display found: run vlogkit from a desktop session (or set DISPLAY), or use "
            "QT_QPA_PLATFORM=offscreen for a headless run; every feature is also in the CLI (vlogkit --help).")


def cmd_gui(args: argparse.Namespace, app: App) -> int:
    problem = display_problem()
    if problem:
        print(f"vlogkit: {problem}", file=sys.stderr)
        return 1
    if args.from_file is not None:
        app.capture.file_devices(args.from_file)  # a missing or silent file: one line, before any window
    from vlogkit.ui.main import run_gui

    return run_gui(app, screenshot=args.screenshot, quit_after=args.quit_after, record_source=args.from_file)
