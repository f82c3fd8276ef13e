"""Composition root of the GUI: builds the window around the services object it is handed."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vlogkit.services import App


def run_gui(app: App, screenshot: str | None = None, quit_after: float | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from vlogkit.ui.main_window import MainWindow

    qapp = QApplication.instance() or QApplication(["vlogkit"])
    qapp.setApplicationName("vlogkit")
    window = MainWindow(app)
    window.show()
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
