"""The app's side of working as a team: other desks' changes (PostgreSQL LISTEN/NOTIFY), the inbox folder,
"Send to comms", and the activity log (who did what).

The listening and the inbox run on plain Python threads (they wait on a socket or a folder, never on Qt); they only
emit signals, which Qt delivers on the GUI thread.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vlogkit.ui.activity_text import activity_detail
from vlogkit.ui.i18n import N_, error_text, tr

if TYPE_CHECKING:
    from vlogkit.services import App
    from vlogkit.services.inbox import InboxEvent
    from vlogkit.ui.jobs import Job, JobManager

BANK_TABLES = {"quotes"}
DEBOUNCE_MS = 250


class TeamLink(QObject):
    library_changed = Signal()
    bank_changed = Signal()
    log_changed = Signal()
    prompts_changed = Signal()  # another desk changed the prompt list
    inbox_event = Signal(str)  # a line for the status bar
    _heard = Signal(str)  # from the listening thread

    def __init__(self, app: App, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.stop = threading.Event()
        self.threads: list[threading.Thread] = []
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._flush)
        self._heard.connect(self._on_heard)

    def start(self) -> None:
        """Listen to the team library (when there is one) and watch the inbox folder (when one is set)."""
        from vlogkit.config import library_url

        if self.app.store.kind == "postgresql":
            from vlogkit.store.postgres import listen

            self._thread(listen, library_url(self.app.settings), self._heard.emit, self.stop)
        folder = self.app.settings.inbox_dir
        if folder and Path(folder).is_dir():
            from vlogkit.services.inbox import Inbox

            inbox = Inbox(self.app, Path(folder), on_event=self._on_inbox)
            self._thread(inbox.run, self.stop)

    def _thread(self, fn, *args) -> None:  # noqa: ANN001
        t = threading.Thread(target=fn, args=args, daemon=True, name=f"vlogkit-team-{len(self.threads)}")
        t.start()
        self.threads.append(t)

    def close(self) -> None:
        self.stop.set()

    def _on_inbox(self, event: InboxEvent) -> None:  # on the inbox thread
        self.inbox_event.emit(error_text(event.message))  # in the UI language (the CLI prints the English line)
        self._heard.emit("vlogs" if event.outcome != "rejected" else "activity_log")

    def _on_heard(self, table: str) -> None:
        self._pending.add(table)
        self._timer.start()  # ten changes in a burst cost one refresh

    def _flush(self) -> None:
        tables, self._pending = self._pending, set()
        if "*" in tables or tables - BANK_TABLES - {"activity_log", "prompts", "team_settings"}:
            self.library_changed.emit()
        if "*" in tables or tables & BANK_TABLES:
            self.bank_changed.emit()
        if "*" in tables or "activity_log" in tables:
            self.log_changed.emit()
        if "*" in tables or "prompts" in tables:
            self.prompts_changed.emit()

    # -- send to comms ----------------------------------------------------------------------------

    def send_to_comms(self, parent: QWidget, jobs: JobManager, vlog_ids: list[str]) -> list[Job]:
        """Ask where to put the packages, then pack each vlog in a background job."""
        folder = QFileDialog.getExistingDirectory(parent, tr("Send to comms: choose the folder to put the package in"),
                                                  self.app.settings.inbox_dir or str(Path.home()))
        if not folder:
            return []
        return [self.send(jobs, vid, Path(folder)) for vid in vlog_ids]

    def send(self, jobs: JobManager, vlog_id: str, folder: Path) -> Job:
        job = jobs.run(tr("Send {v} to comms", v=vlog_id), self.app.handoff.send, vlog_id, folder)
        job.succeeded.connect(lambda r: setattr(job, "outputs", [str(r.path)]))
        return job


ACTIVITY_KINDS = {
    "clip": N_("Clip exported"), "subtitles": N_("Subtitles written"), "consent": N_("Consent changed"),
    "consent-confirm": N_("Consent confirmed"), "approved": N_("Quote approved"), "rejected": N_("Quote rejected"),
    "candidate": N_("Quote back to candidate"), "send": N_("Sent to comms"), "import-package": N_("Package imported"),
    "inbox-reject": N_("Package refused"), "team-setting": N_("Team setting changed"), "forget": N_("Forgotten"),
}
AUDIENCE_WORDS = {"internal": N_("Internal"), "external": N_("External"), "team": N_("Team"), "none": N_("No consent")}


def activity_kind(kind: str) -> str:
    """The log's code as words in the UI language ("bank-pptx" -> "Quotes exported (pptx)"); unknown codes as is."""
    if kind.startswith("bank-"):
        return tr("Quotes exported ({f})", f=kind[5:])
    return tr(ACTIVITY_KINDS[kind]) if kind in ACTIVITY_KINDS else kind


class ActivityDialog(QDialog):
    """Who did what: exports, consent changes, approvals, imports, hand-offs - newest first."""


    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.setWindowTitle(tr("Activity"))
        self.resize(900, 420)
        lay = QVBoxLayout(self)
        headers = [tr("When"), tr("Who"), tr("What"), tr("Vlogs"), tr("Audience"), tr("Details")]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.empty = QLabel(tr("Nothing yet. Exports, consent changes, approvals and hand-offs are listed here, with "
                               "who did them and when."))
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)
        lay.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        entries = list(reversed(self.app.export_log.entries()))
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            detail = ", ".join(e.get("outputs", [])) or activity_detail(str(e.get("detail", "")))
            when = str(e["when"])[:16].replace("T", " ")  # 2026-11-29 10:04
            audience = str(e["audience"])
            audience = tr(AUDIENCE_WORDS[audience]) if audience in AUDIENCE_WORDS else audience
            for col, value in enumerate((when, e["user"], activity_kind(str(e["kind"])), ", ".join(e["vlog_ids"]),
                                         audience, detail)):
                self.table.setItem(row, col, QTableWidgetItem(str(value)))
            self.table.item(row, 2).setToolTip(str(e["kind"]))  # the code `vlogkit log` prints
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not entries)
        self.table.setVisible(bool(entries))
