"""Composition root of the GUI: builds the window around the services object it is handed."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from vlogkit.services import App


def run_gui(app: App, screenshot: str | None = None, quit_after: float | None = None,
            record_source: Path | None = None) -> int:
    import os

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from vlogkit.failpoints import failpoint
    from vlogkit.ui.error_guard import install_error_guard
    from vlogkit.ui.main_window import MainWindow

    # Qt Multimedia's backend probing (PulseAudio, codecs) is noise for users; warnings still go to the log
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false;qt.multimedia.*=false")
    qapp = QApplication.instance() or QApplication(["vlogkit"])
    set_app_identity(qapp)
    stop = SignalStop(qapp)  # before the window exists: a SIGTERM right after it appears must close it cleanly
    # offscreen, nobody can answer a dialog: take this computer's library / report on stderr only
    if not open_library(app, ask=not (screenshot or quit_after) and qapp.platformName() != "offscreen"):
        return 1
    window = MainWindow(app, record_source=record_source)
    install_error_guard(window)  # an error escaping a slot (the team server went away) is shown, not lost on stderr
    stop.window = window
    failpoint("gui.window_built")
    window.show()
    failpoint("gui.window_shown")
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


def open_library(app: App, ask: bool = True) -> bool:
    """Open the library before the window needs it. When the team library cannot be reached, say so and offer this
    computer's own library instead (`ask=False`: take it without asking). False: the user chose to quit."""
    from PySide6.QtWidgets import QMessageBox

    from vlogkit.errors import LibraryError, UsageError
    from vlogkit.ui.i18n import error_text, set_language, tr

    set_language(app.settings.ui_language)  # this dialog comes before the window: it speaks the UI language too
    try:
        app.library.list()
        return True
    except (LibraryError, UsageError) as exc:  # UsageError: a team library URL mistyped in Settings
        if app.store_kind_wanted() == "tinydb":  # damaged, locked or too new: say it in a window too (a menu
            if ask:                              # start has no terminal for the CLI's line), then stop
                QMessageBox(QMessageBox.Icon.Critical, "vlogkit", error_text(exc)).exec()
            raise
        reason = error_text(exc)
    if ask:
        box = QMessageBox(QMessageBox.Icon.Warning, "vlogkit", reason)
        box.setInformativeText(tr("Work on this computer's own library for now? Nothing was changed in the team "
                                  "library; restart vlogkit when it can be reached again."))
        local = box.addButton(tr("Use this computer's library"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not local:
            return False
    app.use_local_library()
    return True


def set_app_identity(qapp: object) -> None:
    """Name and icon for the window, the taskbar/dock and the desktop entry (`vlogkit.desktop`)."""
    from PySide6.QtGui import QIcon

    from vlogkit.ui.resources import app_icon_path

    qapp.setApplicationName("vlogkit")  # type: ignore[attr-defined]
    qapp.setDesktopFileName("vlogkit")  # type: ignore[attr-defined]
    icon = app_icon_path()
    if icon.is_file():
        qapp.setWindowIcon(QIcon(str(icon)))  # type: ignore[attr-defined]


class SignalStop:
    """Ctrl+C / SIGTERM close the window cleanly (geometry saved, jobs cancelled) and end the event loop with exit 0.

    The handlers are installed before the window is built, so a signal at any moment from then on - while the window
    is being built, before the event loop runs, or inside it - is a clean stop, never a KeyboardInterrupt. The stop
    itself is posted to the event loop (a zero-time timer fires once `exec()` runs), because `quit()` before
    `exec()` does nothing. Qt's event loop does not run Python signal handlers by itself, so a light timer hands
    control to the interpreter five times a second.
    """

    def __init__(self, qapp: object) -> None:
        import signal

        from PySide6.QtCore import QTimer

        self.qapp = qapp
        self.window: object | None = None
        self.requested = False
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                signal.signal(sig, self._on_signal)
            except (ValueError, OSError):  # not the main thread, or a platform without it
                pass
        self.timer = QTimer()
        self.timer.setInterval(200)
        self.timer.timeout.connect(lambda: None)
        self.timer.start()

    def _on_signal(self, _signum: int, _frame: object) -> None:
        from PySide6.QtCore import QTimer

        if not self.requested:
            self.requested = True
            QTimer.singleShot(0, self._stop)

    def _stop(self) -> None:
        if self.window is not None:
            self.window.close()  # type: ignore[attr-defined]
        self.qapp.quit()  # type: ignore[attr-defined]
