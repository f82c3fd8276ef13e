"""The jobs area: one row per background job with a live progress bar, Cancel, and Open folder / Play when done."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vlogkit.ui.i18n import tr
from vlogkit.ui.jobs import CANCELLED, DONE, FAILED, Job, JobManager
from vlogkit.ui.progress_text import progress_text

PLAYABLE = {".mp4", ".mov", ".m4v", ".mkv", ".webm", ".avi", ".mp3", ".m4a", ".wav", ".flac", ".ogg"}  # outputs the Play button plays


class JobRow(QWidget):
    def __init__(self, job: Job, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        self.title = QLabel(job.title)
        self.title.setMinimumWidth(180)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the job reports a fraction
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(14)
        self.status = QLabel(tr("Starting…"))
        self.status.setMinimumWidth(220)
        self.status.setWordWrap(True)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.open_button = QPushButton(tr("Open folder"))
        self.play_button = QPushButton(tr("Play"))
        for b in (self.open_button, self.play_button):
            b.hide()
        for w in (self.title, self.bar, self.status, self.cancel_button, self.open_button, self.play_button):
            lay.addWidget(w)
        lay.setStretch(1, 1)
        self.cancel_button.clicked.connect(job.cancel)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.play_button.clicked.connect(self._on_play_clicked)
        job.progressed.connect(self._on_job_progressed)
        job.ended.connect(self._on_job_ended)

    def _on_job_progressed(self, fraction: float, message: str) -> None:
        if fraction > 0 and self.bar.maximum() == 0:
            self.bar.setRange(0, 1000)
        self.bar.setValue(int(fraction * 1000))
        self.status.setText(progress_text(message))

    def _on_job_ended(self) -> None:
        self.cancel_button.hide()
        self.bar.setRange(0, 1000)
        if self.job.state == DONE:
            self.bar.setValue(1000)
            self.status.setText(self.job.summary or tr("Done"))
            if self.job.problem:
                self.status.setStyleSheet("color: #b00020;")
            if self.job.outputs:
                self.open_button.show()
                first = Path(self.job.outputs[0])  # a clip plays; a slide deck or a spreadsheet opens
                if first.is_file():
                    self.play_button.setText(tr("Play") if first.suffix.lower() in PLAYABLE else tr("Open"))
                    self.play_button.show()
        elif self.job.state == FAILED:
            self.status.setText(self.job.error)
            self.status.setStyleSheet("color: #b00020;")
        elif self.job.state == CANCELLED:
            self.status.setText(tr("Cancelled"))

    def _on_open_clicked(self) -> None:
        if self.job.outputs:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.job.outputs[0]).parent)))

    def _on_play_clicked(self) -> None:
        if self.job.outputs:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.job.outputs[0]))


class JobsPanel(QWidget):
    """Lists the jobs of a `JobManager`, newest first."""

    error_raised = Signal(str, str)  # title, message - the main window shows it

    def __init__(self, manager: JobManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.manager = manager
        self.rows: list[JobRow] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(tr("No background jobs. Imports, transcriptions and exports show their progress here."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.empty)
        inner = QWidget()
        self.list_layout = QVBoxLayout(inner)
        self.list_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer.addWidget(scroll)
        scroll.hide()
        self.scroll = scroll
        manager.job_added.connect(self._on_manager_job_added)

    def _on_manager_job_added(self, job: Job) -> None:
        self.empty.hide()
        self.scroll.show()
        row = JobRow(job)
        self.rows.insert(0, row)
        self.list_layout.insertWidget(0, row)
        job.failed.connect(lambda msg, j=job: self.error_raised.emit(j.title, msg))
