"""The main window's opening actions: a vlog in the editor, a bank quote in its vlog (its words selected as the
clip), and the export dialog for a range or a bank quote, which follows the library while it is open. A mixin of
`MainWindow`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vlogkit.errors import VlogkitError
from vlogkit.ui.i18n import error_text, tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget

    from vlogkit.services import App
    from vlogkit.ui.export_dialog import ExportDialog
    from vlogkit.ui.jobs import JobManager
    from vlogkit.ui.library_view import LibraryView
    from vlogkit.ui.vlog_editor import VlogEditor


class OpenActions:
    """Needs from the window: `app`, `jobs`, `library`, `editor`, `tabs`, `export_dialog`, `show_error()`."""

    app: App
    jobs: JobManager
    library: LibraryView
    editor: VlogEditor
    tabs: QTabWidget
    export_dialog: ExportDialog | None

    if TYPE_CHECKING:
        def show_error(self, message: str, modal: bool = False) -> None: ...

    def open_vlog(self, vlog_id: str) -> bool:
        """Open the vlog in the editor; a vlog that is no longer in the library is said, not raised."""
        from vlogkit.errors import NotFoundError

        try:
            self.editor.load(vlog_id)
        except NotFoundError:
            self.library.refresh()
            self.show_error(tr("That vlog is no longer in the library (it was removed in another window or by a "
                               "vlogkit command)."))
            return False
        self.tabs.setCurrentWidget(self.editor)
        return True

    def show_quote(self, qid: str) -> tuple[int, int] | None:
        """A bank quote in its vlog: the vlog open (kept open, with its undo history, when it already is), the quote's
        words selected as the clip - so “Export clip…” cuts this quote - and the playhead at its start."""
        try:
            q = self.app.bank.get(qid)
        except VlogkitError as exc:
            self.show_error(error_text(exc))
            return None
        if not self._still_open(q.vlog_id) and not self.open_vlog(q.vlog_id):
            return None  # its vlog is gone: said
        try:
            rng = self.app.export.quote_clip(q)
        except VlogkitError as exc:
            self.show_error(error_text(exc))
            return None
        self.tabs.setCurrentWidget(self.editor)
        self.editor.set_clip(rng)
        self.editor.player.seek(q.start)
        return rng

    def _still_open(self, vlog_id: str) -> bool:
        """The editor shows this vlog and it is still in the library."""
        from vlogkit.errors import NotFoundError

        if self.editor.vlog is None or self.editor.vlog.id != vlog_id:
            return False
        try:
            self.app.library.get(vlog_id)
        except NotFoundError:
            return False
        return True

    def export_quote_clip(self, qid: str) -> None:
        """The export dialog for a bank quote's clip (as `vlogkit export ID --quote QID`): the quote's own status and
        consent cap count."""
        rng = self.show_quote(qid)
        if rng is not None and self.editor.vlog is not None:
            self.open_export(self.editor.vlog.id, [rng], quote_id=qid)

    def _on_editor_vlog_opened(self, vlog_id: str) -> None:
        """Another vlog is open: an export dialog still open for the previous one closes (it could export A's range
        while B is on screen)."""
        dlg = self.export_dialog
        if dlg is not None and dlg.vlog_id != vlog_id and dlg.isVisible():
            dlg.reject()
        if dlg is not None and dlg.vlog_id != vlog_id:
            self.export_dialog = None

    def open_export(self, vlog_id: str, ranges: list[tuple[int, int]], quote_id: str | None = None) -> None:
        from vlogkit.ui.export_dialog import ExportDialog

        open_vlog = self.editor.vlog
        if open_vlog is None or open_vlog.id != vlog_id or any(
                not 0 <= a < b <= open_vlog.media.duration_ms for a, b in ranges):
            self.show_error(tr("That clip is not part of the vlog that is open: nothing was exported. Select the "
                               "words again."))
            return
        try:
            dlg = ExportDialog(self.app, self.jobs, vlog_id, ranges, self, quote_id=quote_id)
        except Exception as exc:  # noqa: BLE001 - e.g. the export service is missing
            self.show_error(error_text(exc))
            return
        self.export_dialog = dlg
        dlg.open()

    def _follow_export_dialog(self) -> None:
        """An open export dialog follows the library: a consent changed elsewhere enables or disables audiences at
        once; a removed vlog can no longer be exported (the export service refuses it too)."""
        from PySide6.QtWidgets import QDialogButtonBox

        from vlogkit.errors import NotFoundError

        dlg = self.export_dialog
        if dlg is None or not dlg.isVisible():
            return
        try:
            dlg.refresh_clearance()
        except NotFoundError:
            dlg.audience_note.setText(tr("This vlog was removed from the library, so nothing can be exported."))
            dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
