"""Composition root of the GUI: builds the window around the services object it is handed."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vlogkit.services import App


def run_gui(app: App, screenshot: str | None = None, quit_after: float | None = None) -> int:
    import os

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from vlogkit.ui.main_window import MainWindow

    # Qt Multimedia's backend probing (PulseAudio, codecs) is noise for users; warnings still go to the log
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false;qt.multimedia.*=false")
    qapp = QApplication.instance() or QApplication(["vlogkit"])
    set_app_identity(qapp)
    window = MainWindow(app)
    window.show()
    _quit_on_signals(qapp, window)
    if not app.settings.welcome_seen and not (screenshot or quit_after):
        QTimer.singleShot(300, window.show_welcome)
    if screenshot or quit_after:
        def finish() -> None:
            if screenshot:
                window.grab().save(screenshot)
            window.close()
            qapp.quit()

        QTimer.singleShot(int((quit_after or 1.0) * 1000), finish)
    return int(qapp.exec())


def set_app_identity(qapp: object) -> None:
    """Name and icon for the window, the taskbar/dock and the desktop entry (`vlogkit.desktop`)."""
    from PySide6.QtGui import QIcon

    from vlogkit.ui.resources import app_icon_path

    qapp.setApplicationName("vlogkit")  # type: ignore[attr-defined]
    qapp.setDesktopFileName("vlogkit")  # type: ignore[attr-defined]
    icon = app_icon_path()
    if icon.is_file():
        qapp.setWindowIcon(QIcon(str(icon)))  # type: ignore[attr-defined]


def _quit_on_signals(qapp: object, window: object) -> None:
    """Ctrl+C / SIGTERM close the window cleanly (geometry saved, jobs cancelled). Qt's event loop does not run
    Python signal handlers by itself, so a light timer hands control to the interpreter five times a second."""
    import signal

    from PySide6.QtCore import QTimer

    def stop(_signum: int, _frame: object) -> None:
        window.close()  # type: ignore[attr-defined]
        qapp.quit()  # type: ignore[attr-defined]

    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            signal.signal(sig, stop)
        except (ValueError, OSError):  # not the main thread, or a platform without it
            pass
    timer = QTimer(window)  # type: ignore[arg-type]
    timer.setInterval(200)
    timer.timeout.connect(lambda: None)
    timer.start()
