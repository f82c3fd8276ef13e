"""The main window: Library, Vlog (editor), Record and Quote bank tabs, the jobs area, menus and shortcuts.
It wires the views to the services and to background jobs; the views themselves stay thin."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from vlogkit.ui.bank_view import BankView
from vlogkit.ui.i18n import error_text, set_language, tr, trn
from vlogkit.ui.import_actions import ImportActions
from vlogkit.ui.jobs import Job, JobManager
from vlogkit.ui.jobs_panel import JobsPanel
from vlogkit.ui.library_view import LibraryView
from vlogkit.ui.open_actions import OpenActions
from vlogkit.ui.store_watcher import StoreWatcher
from vlogkit.ui.team_link import TeamLink
from vlogkit.ui.theme import install_theme
from vlogkit.ui.vlog_editor import VlogEditor

if TYPE_CHECKING:
    from vlogkit.services import App
    from vlogkit.ui.import_dialog import ImportDialog


def record_tab(app: App, source: Path | None = None) -> QWidget:
    """The Record tab: the system's camera and microphone, or a media file played as both (`vlogkit gui
    --from-file`, for demos and kiosks)."""
    try:
        from vlogkit.ui.record_tab import RecordTab
    except ImportError:
        label = QLabel(tr("Recording is coming: a webcam/phone recorder with a take limit will live here.\n"
                          "Until then, record with any camera app and import the file (Ctrl+O)."))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        return label
    if source is None:
        return RecordTab(app)
    return RecordTab(app, devices=app.capture.file_devices(source),
                     backend_factory=lambda: app.capture.file_backend(source))


class MainWindow(ImportActions, OpenActions, QMainWindow):
    def __init__(self, app: App, parent: QWidget | None = None, *, record_source: Path | None = None) -> None:
        set_language(app.settings.ui_language)  # strings are built with the language chosen at start-up
        super().__init__(parent)
        self.theme = install_theme(app.settings.theme)
        self.app = app
        self.jobs = JobManager(str(app.paths.home), self)
        self.last_error = ""
        self.import_dialog: ImportDialog | None = None
        self.export_dialog: Any = None
        self.settings_dialog: Any = None
        self.transcribing: dict[str, Job] = {}
        self.setWindowTitle(tr("vlogkit — vlogs to transcripts, quotes and clips"))
        self.tabs = QTabWidget()
        self.library = LibraryView(app)
        self.editor = VlogEditor(app, self.jobs)
        self.record = record_tab(app, record_source)
        self.bank = BankView(app, self.jobs)
        self.tabs.addTab(self.library, tr("Library"))
        self.tabs.addTab(self.editor, tr("Vlog"))
        self.record_page = QScrollArea()  # fits 1280x720; scrolls only on smaller screens or with help unfolded
        self.record_page.setWidgetResizable(True)
        self.record_page.setFrameShape(QScrollArea.Shape.NoFrame)
        self.record_page.setWidget(self.record)
        self.tabs.addTab(self.record_page, tr("Record"))
        self.tabs.addTab(self.bank, tr("Quote bank"))
        from vlogkit.ui.review_queue import ReviewQueue

        self.review = ReviewQueue(app)
        self.tabs.addTab(self.review, tr("Review"))
        self.setCentralWidget(self.tabs)
        self.jobs_panel = JobsPanel(self.jobs)
        dock = QDockWidget(tr("Jobs"), self)
        dock.setObjectName("jobs")
        dock.setWidget(self.jobs_panel)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.jobs_dock = dock
        self._build_menus()
        self._wire()
        self.store_watcher = StoreWatcher(app.paths.library_db, app.paths.bank_db, self)  # other processes' writes
        self.store_watcher.library_changed.connect(self._on_store_watcher_library_changed)
        self.store_watcher.bank_changed.connect(self._on_store_watcher_bank_changed)
        self.team_link = TeamLink(app, self)  # other desks' changes (team library) and the inbox folder
        self.team_link.library_changed.connect(self._on_store_watcher_library_changed)
        self.team_link.bank_changed.connect(self._on_store_watcher_bank_changed)
        self.team_link.inbox_event.connect(lambda m: self.statusBar().showMessage(m, 15000))
        if hasattr(self.record, "prompt_card"):  # a question added elsewhere (`vlogkit prompts`, another desk)
            self.store_watcher.library_changed.connect(self.record.prompt_card.refresh)
            self.team_link.prompts_changed.connect(self.record.prompt_card.refresh)
        self.team_link.start()
        self.show_library_count()
        self.resize(1360, 860)
        self.restore_window_state()

    # -- set-up ----------------------------------------------------------------------------------------
    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        menu.addAction(act)
        return act

    def _build_menus(self) -> None:
        mb = self.menuBar()
        f = mb.addMenu(tr("&File"))
        self._action(f, tr("Import videos…"), self.choose_files, QKeySequence.StandardKey.Open)
        self._action(f, tr("Import a folder…"), self.choose_folder)
        self._action(f, tr("Export clip…"), self.editor.request_export, "Ctrl+E")
        self._action(f, tr("Activity (who did what)…"), self.show_activity)
        f.addSeparator()
        self._action(f, tr("Settings…"), self.open_settings, "Ctrl+,")
        f.addSeparator()
        self._action(f, tr("Quit"), self.close, QKeySequence.StandardKey.Quit)
        e = mb.addMenu(tr("&Edit"))
        self.undo_group = QUndoGroup(self)  # the editor's transcript edits, or the review's decisions on its tab
        self.undo_group.addStack(self.editor.undo_stack)
        self.undo_group.addStack(self.review.undo_stack)
        self.undo_group.setActiveStack(self.editor.undo_stack)
        self.undo_action = self.undo_group.createUndoAction(self, tr("Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_group.createRedoAction(self, tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        e.addAction(self.undo_action)
        e.addAction(self.redo_action)
        e.addSeparator()
        self._action(e, tr("Find"), self.focus_search, QKeySequence.StandardKey.Find)
        h = mb.addMenu(tr("&Help"))
        self._action(h, tr("Help"), self.show_help, QKeySequence.StandardKey.HelpContents)
        self._action(h, tr("Welcome"), self.show_welcome)
        self._action(h, tr("Try the sample vlog"), self.import_sample)

    def _wire(self) -> None:
        lib = self.library
        lib.files_dropped.connect(self.import_paths)
        lib.import_clicked.connect(self.choose_files)
        lib.folder_clicked.connect(self.choose_folder)
        lib.record_clicked.connect(lambda: self.tabs.setCurrentWidget(self.record_page))
        lib.sample_clicked.connect(self.import_sample)
        lib.transcribe_requested.connect(self.transcribe)
        lib.remove_requested.connect(self.remove)
        lib.send_requested.connect(lambda ids: self.team_link.send_to_comms(self, self.jobs, ids))
        lib.vlog_opened.connect(self.open_vlog)
        self.editor.transcribe_requested.connect(self.transcribe)
        self.editor.export_requested.connect(self.open_export)
        self.editor.vlog_opened.connect(self._on_editor_vlog_opened)
        self.editor.error_raised.connect(self.show_error)
        self.editor.bank_changed.connect(self.bank.refresh)
        self.editor.status_message.connect(lambda m: self.statusBar().showMessage(m, 15000))
        self.editor.vlog_changed.connect(lambda _v: (self.library.refresh(), self.bank.refresh()))  # name, consent
        self.bank.jump_requested.connect(self.show_quote)
        self.bank.clip_requested.connect(self.export_quote_clip)
        self.review.vlog_opened.connect(self.open_vlog)
        self.review.error_raised.connect(self.show_error)
        self.review.status_message.connect(lambda m: self.statusBar().showMessage(m, 15000))
        self.review.bank_changed.connect(self.bank.refresh)
        self.bank.error_raised.connect(self._on_bank_error)
        self._bank_stale = False
        self.bank.table.itemDelegate().closeEditor.connect(self._on_bank_editor_closed)
        self.jobs_panel.error_raised.connect(lambda t, m: self.show_error(tr("{what}: {why}", what=t, why=m), modal=False))
        self.tabs.currentChanged.connect(self._on_tabs_changed)
        if hasattr(self.record, "take_kept"):
            self.record.take_kept.connect(self._on_record_take_kept)
            self.record.take_kept.connect(lambda _vid: self.show_library_count())

    def show_library_count(self) -> None:
        n = len(self.app.library.list())
        self.statusBar().showMessage(trn("{n} vlog in the library", "{n} vlogs in the library", n))

    # -- window state ---------------------------------------------------------------------------------
    def _qsettings(self) -> QSettings:
        return QSettings(str(self.app.paths.window_state_file), QSettings.Format.IniFormat)

    def restore_window_state(self) -> None:
        qs = self._qsettings()
        geo = qs.value("geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        state = qs.value("state")
        if state is not None:
            self.restoreState(state)
        self.editor.restore_state(qs)

    def save_window_state(self) -> None:
        qs = self._qsettings()
        qs.setValue("geometry", self.saveGeometry())
        qs.setValue("state", self.saveState())
        self.editor.save_state(qs)
        qs.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_window_state()
        self.editor.player.stop()
        self.jobs.cancel_all()
        self.team_link.close()
        if hasattr(self.record, "shutdown"):  # a take being recorded is finished and offered at the next start
            self.record.shutdown()
        super().closeEvent(event)

    # -- errors and help ------------------------------------------------------------------------------
    def show_status(self, message: str) -> None:
        """An error already shown in a box a moment ago, again: the status bar only."""
        self.last_error = message
        self.statusBar().showMessage(message, 15000)

    def show_error(self, message: str, modal: bool = False) -> None:
        self.last_error = message
        self.statusBar().showMessage(message, 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, "vlogkit", message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.exec() if modal else box.open()

    def show_help(self) -> None:
        from vlogkit.ui.welcome import WelcomeDialog

        WelcomeDialog(self, help_mode=True).open()

    def show_welcome(self) -> None:
        from vlogkit.ui.welcome import WelcomeDialog

        dlg = WelcomeDialog(self)
        dlg.finished.connect(self._on_welcome_finished)
        dlg.open()
        return dlg

    def _on_welcome_finished(self, _code: int) -> None:
        self.app.settings.welcome_seen = True
        self.app.save_settings()

    def focus_search(self) -> None:
        w = self.tabs.currentWidget()
        target = getattr(w, "search", None) or self.library.search
        if target is self.library.search:
            self.tabs.setCurrentWidget(self.library)
        target.setFocus()
        target.selectAll()

    def _on_store_watcher_library_changed(self) -> None:
        self.library.refresh()
        self.editor.library_changed()
        self._follow_export_dialog()
        if self.tabs.currentWidget() is self.review:
            self.review.refresh()

    def _on_store_watcher_bank_changed(self) -> None:
        """Refresh the bank now when it is shown and not being edited; an edit in progress is finished first (the
        refresh follows when its editor closes); a hidden bank refreshes when it is shown."""
        from PySide6.QtWidgets import QAbstractItemView

        if self.tabs.currentWidget() is self.review:
            self.review.refresh()
        self.editor.show_bank_marks()  # a quote added or removed elsewhere: the open vlog's cards follow
        if self.tabs.currentWidget() is not self.bank:
            return
        if self.bank.table.state() is QAbstractItemView.State.EditingState:
            self._bank_stale = True
            return
        self.bank.refresh()

    def _on_bank_editor_closed(self, *_args: object) -> None:
        if self._bank_stale:
            self._bank_stale = False
            QTimer.singleShot(0, self.bank, self.bank.refresh)  # after the edit is written (or refused for a removed quote)

    def _on_bank_error(self, message: str) -> None:
        self.show_error(message)
        QTimer.singleShot(0, self.bank, self.bank.refresh)  # e.g. the quote was removed elsewhere: it leaves the table

    def _on_tabs_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.bank:
            self.bank.refresh()
        elif self.tabs.currentWidget() is self.review:
            self.review.refresh()
            self.review.list.setFocus()  # A / R / P work at once
        self.undo_group.setActiveStack(self.review.undo_stack if self.tabs.currentWidget() is self.review
                                       else self.editor.undo_stack)

    # -- other actions --------------------------------------------------------------------------------
    def remove(self, ids: list[str]) -> None:
        """Remove from the library; the user's own files stay where they are."""
        for vid in ids:
            try:
                self.app.library.remove(vid)
            except Exception as exc:  # noqa: BLE001
                self.show_error(error_text(exc))
        if self.editor.vlog is not None and self.editor.vlog.id in ids:
            self.editor.close_vlog(self.editor.vlog.id, tr("The vlog was removed from the library, so it was closed. "
                                                           "Your video file is where it was."))
        self.library.refresh()
        self.statusBar().showMessage(trn("Removed {n} vlog from the library; your file was not touched.", "Removed {n} vlogs from the library; your files were not touched.", len(ids)), 10000)

    def show_activity(self) -> None:
        from vlogkit.ui.team_link import ActivityDialog

        dlg = ActivityDialog(self.app, self)
        self.team_link.log_changed.connect(dlg.refresh)
        self.activity_dialog = dlg
        dlg.open()

    def open_settings(self) -> None:
        from vlogkit.ui.settings_dialog import SettingsDialog

        dlg = SettingsDialog(self.app, self.jobs, self)
        self.settings_dialog = dlg
        dlg.open()
