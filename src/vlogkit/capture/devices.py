"""Cameras and microphones as Qt Multimedia sees them, plus what to tell a person when there are none.

`list_devices()` works without widgets (it makes a QCoreApplication when none exists), so `vlogkit devices` runs
headless. Qt's own warnings go to vlogkit's log, not the terminal.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from vlogkit.capture.backend import DeviceInfo
from vlogkit.errors import N_, DeviceError, Phrase

log = logging.getLogger(__name__)

_handler_installed = False


def qt_core_app() -> Any:
    """The running Q(Core)Application, or a new QCoreApplication for headless use (then Qt's chatter goes to the
    log instead of the terminal)."""
    from PySide6.QtCore import QCoreApplication

    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
    from PySide6.QtCore import qInstallMessageHandler

    global _handler_installed
    if not _handler_installed:
        def to_log(_mode: Any, _context: Any, message: str) -> None:
            log.debug("qt: %s", message)

        qInstallMessageHandler(to_log)
        _handler_installed = True
    return QCoreApplication(["vlogkit"])


def _decode(raw: Any) -> str:
    data = bytes(raw.data()) if hasattr(raw, "data") else bytes(raw)
    return data.decode("utf-8", "replace")


def cameras() -> list[DeviceInfo]:
    qt_core_app()
    from PySide6.QtMultimedia import QMediaDevices

    default = _decode(QMediaDevices.defaultVideoInput().id())
    return [DeviceInfo(_decode(d.id()), d.description(), _decode(d.id()) == default)
            for d in QMediaDevices.videoInputs()]


def microphones() -> list[DeviceInfo]:
    qt_core_app()
    from PySide6.QtMultimedia import QMediaDevices

    default = _decode(QMediaDevices.defaultAudioInput().id())
    return [DeviceInfo(_decode(d.id()), d.description(), _decode(d.id()) == default)
            for d in QMediaDevices.audioInputs()]


def list_devices() -> dict[str, list[DeviceInfo]]:
    return {"cameras": cameras(), "microphones": microphones()}


def find_camera(device_id: str | None) -> Any:
    """The QCameraDevice with that id (None: the default), or None."""
    qt_core_app()
    from PySide6.QtMultimedia import QMediaDevices

    devices = QMediaDevices.videoInputs()
    if not device_id:
        d = QMediaDevices.defaultVideoInput()
        return d if not d.isNull() else (devices[0] if devices else None)
    return next((d for d in devices if _decode(d.id()) == device_id), None)


def find_microphone(device_id: str | None) -> Any:
    qt_core_app()
    from PySide6.QtMultimedia import QMediaDevices

    devices = QMediaDevices.audioInputs()
    if not device_id:
        d = QMediaDevices.defaultAudioInput()
        return d if not d.isNull() else (devices[0] if devices else None)
    return next((d for d in devices if _decode(d.id()) == device_id), None)


# How to let vlogkit use a device, per system and device: whole sentences, so translations need not glue words.
PERMISSION_HELP = {
    ("linux", "camera"): N_("Linux: plug the camera in, and make sure your user may use it "
                            "(/dev/video* - join the video group)."),
    ("linux", "microphone"): N_("Linux: plug the microphone in, and make sure your user may use it "
                                "(PulseAudio/PipeWire is running)."),
    ("darwin", "camera"): N_("macOS: System Settings > Privacy & Security > Camera: allow vlogkit "
                             "(or the terminal that starts it), then restart vlogkit."),
    ("darwin", "microphone"): N_("macOS: System Settings > Privacy & Security > Microphone: allow vlogkit "
                                 "(or the terminal that starts it), then restart vlogkit."),
    ("win32", "camera"): N_("Windows: Settings > Privacy & security > Camera: turn on "
                            "'Let desktop apps access your camera'."),
    ("win32", "microphone"): N_("Windows: Settings > Privacy & security > Microphone: turn on "
                                "'Let desktop apps access your microphone'."),
}


def platform_key(platform: str | None = None) -> str:
    """"linux", "darwin" or "win32" for `platform` (default: this computer)."""
    platform = platform or sys.platform
    return "darwin" if platform == "darwin" else "win32" if platform.startswith("win") else "linux"


def permission_help(kind: str, platform: str | None = None) -> str:
    """How to let vlogkit use the camera or microphone, for this OS (or all three when `platform` is "all").
    English; the UI translates `PERMISSION_HELP` entries itself."""
    thing = "camera" if kind == "camera" else "microphone"
    if platform == "all":
        return " ".join(PERMISSION_HELP[(p, thing)] for p in ("linux", "darwin", "win32"))
    return PERMISSION_HELP[(platform_key(platform), thing)]


def missing_error(kind: str, platform: str | None = None) -> DeviceError:
    """"No camera found." (or microphone) with how to allow it on this OS; the app words both in its language."""
    template = N_("No camera found. {help}") if kind == "camera" else N_("No microphone found. {help}")
    return DeviceError(template, help=Phrase(permission_help(kind, platform)))
