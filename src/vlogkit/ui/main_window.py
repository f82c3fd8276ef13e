"""The main window. (The full library/editor/bank UI is built on top of this shell.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget

if TYPE_CHECKING:
    from vlogkit.services import App


class MainWindow(QMainWindow):
    def __init__(self, app: App) -> None:
        super().__init__()
        self.app = app
        self.setWindowTitle("vlogkit")
        self.resize(1200, 800)
        tabs = QTabWidget()
        n = len(app.library.list())
        tabs.addTab(QLabel(f"{n} vlog(s) in the library. Import with `vlogkit import PATH`."), "Library")
        self.setCentralWidget(tabs)
