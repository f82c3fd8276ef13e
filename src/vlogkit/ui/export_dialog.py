"""The export dialog: presets (several at once), caption style, tighten, logo / lower third, audience, output folder,
and a live still preview rendered by the export service (a real single-frame render, not a mock-up)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vlogkit.domain import AUDIENCES
from vlogkit.domain.export import PRESETS, CaptionStyle, ExportRequest
from vlogkit.domain.quote import quoted
from vlogkit.domain.times import format_clock, format_seconds
from vlogkit.errors import VlogkitError
from vlogkit.jobs import JobContext
from vlogkit.ui.i18n import current_language, error_text, number_text, tr

if TYPE_CHECKING:
    from vlogkit.services import App
    from vlogkit.ui.jobs import Job, JobManager


def audience_name(audience: str) -> str:
    return {"internal": tr("Internal"), "external": tr("External")}.get(audience, audience)


def preset_label(name: str) -> str:
    labels = {"reel": tr("Reel / Story / Short (9:16)"), "square": tr("Square feed (1:1)"),
              "portrait": tr("Portrait feed (4:5)"), "landscape": tr("LinkedIn / intranet (16:9)")}
    p = PRESETS[name]
    return f"{labels.get(name, p.label or name)}  {p.width}×{p.height}"


def caption_style_items() -> list[tuple[str, str]]:
    """(code, label) of every caption style the export burns in, in the enum's order: the export dialog's and the
    live preview's caption boxes."""
    labels = {"karaoke": tr("Karaoke (word by word)"), "line": tr("Line by line"),
              "punchy": tr("Punchy (1-3 big words, for reels)"), "off": tr("No captions")}
    return [(s.value, labels.get(s.value, s.value)) for s in CaptionStyle]


class ExportDialog(QDialog):
    def __init__(self, app: App, jobs: JobManager, vlog_id: str, ranges: list[tuple[int, int]],
                 parent: QWidget | None = None, quote_id: str | None = None) -> None:
        super().__init__(parent)
        self.app, self.jobs, self.vlog_id, self.ranges = app, jobs, vlog_id, list(ranges)
        self.quote_id = quote_id  # a bank quote's clip: its status and consent cap count too
        self.vlog = app.library.get(vlog_id)
        self.preview_job: Job | None = None
        self.preview_pending = False
        self.setWindowTitle(tr("Export clips"))
        self.setMinimumWidth(820)
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        a, b = self.ranges[0]
        extra = tr(" (+{n} more)", n=len(self.ranges) - 1) if len(self.ranges) > 1 else ""
        left.addWidget(QLabel(tr("Clip {a} – {b} ({s} s){more}", a=format_clock(a), b=format_clock(b),
                                 s=number_text(format_seconds(b - a)), more=extra)))
        if quote_id:
            quote = app.bank.get(quote_id)
            edited = "" if app.export.quote_says_what_was_said(quote) else " " + tr(
                "(edited in the bank: the clip and its captions say what was said)")
            said = QLabel(tr("From the bank: {q}", q=quoted(quote.text, quote.language)) + edited)
            said.setWordWrap(True)
            left.addWidget(said)
        left.addWidget(QLabel("<b>" + tr("Sizes") + "</b>"))
        self.preset_boxes: dict[str, QCheckBox] = {}
        for name in PRESETS:
            box = QCheckBox(preset_label(name))
            box.setChecked(name == "reel")
            box.toggled.connect(self.schedule_preview)
            self.preset_boxes[name] = box
            left.addWidget(box)
        form = QFormLayout()
        self.captions = QComboBox()
        for code, label in caption_style_items():
            self.captions.addItem(label, code)
        self.captions.currentIndexChanged.connect(self.schedule_preview)
        self.tighten = QCheckBox(tr("Cut fillers and long pauses"))
        self.tighten.toggled.connect(self.schedule_preview)
        self.logo = QCheckBox(tr("Add the logo"))
        self.logo.toggled.connect(self.schedule_preview)
        logo_path = app.settings.brand_logo
        self.logo.setEnabled(bool(logo_path) and Path(logo_path).exists())
        if not self.logo.isEnabled():
            self.logo.setToolTip(tr("Choose a logo in Settings → Brand first."))
        self.lower_third = QCheckBox(tr("Name and role as a lower third"))
        self.lower_third.toggled.connect(self.schedule_preview)
        self.audience = QComboBox()
        self.audience.addItem(tr("Internal (intranet, team)"), "internal")
        self.audience.addItem(tr("External (public channels)"), "external")
        self.audience_note = QLabel()
        self.audience_note.setWordWrap(True)
        self.audience_note.setStyleSheet("color: #b26a00;")
        self.refresh_clearance()
        self.out_dir = QLineEdit(app.settings.export_dir or str(app.paths.default_export_dir))
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._on_browse_clicked)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_dir, 1)
        out_row.addWidget(browse)
        form.addRow(tr("Captions"), self.captions)
        form.addRow("", self.tighten)
        form.addRow("", self.logo)
        form.addRow("", self.lower_third)
        form.addRow(tr("Audience"), self.audience)
        form.addRow("", self.audience_note)
        form.addRow(tr("Save to"), out_row)
        left.addLayout(form)
        left.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Export"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self._on_export_clicked)
        self.buttons.rejected.connect(self.reject)
        left.addWidget(self.buttons)
        outer.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel("<b>" + tr("Preview (one frame, as it will render)") + "</b>"))
        self.preview = QLabel(tr("Rendering preview…"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(300, 420)
        self.preview.setStyleSheet("background: #101418; color: #b0bec5;")
        right.addWidget(self.preview)
        right.addStretch(1)
        outer.addLayout(right)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.render_preview)
        self.export_job: Job | None = None
        self.schedule_preview()

    def clearances(self) -> dict[str, Any]:
        """The clearance rule's answer for these ranges of this vlog, per audience, as the library is now."""
        vlog = self.app.library.get(self.vlog_id)
        quote = self.app.bank.get(self.quote_id) if self.quote_id else None
        return {a: self.app.consent.for_clip(vlog, self.ranges, a, quote) for a in AUDIENCES}

    def refresh_clearance(self) -> None:
        """Audiences the rule refuses are disabled, with the rule's own reason; nothing cleared: no Export."""
        cleared = self.clearances()
        notes = []
        for i, audience in enumerate(AUDIENCES):
            c = cleared[audience]
            item = self.audience.model().item(self.audience.findData(audience))
            item.setEnabled(c.ok)
            if not c.ok:
                notes.append(tr("{audience}: not available - {reason}.", audience=audience_name(audience),
                                reason=c.reason(current_language())))
            if not c.ok and self.audience.currentIndex() == i:
                ok = next((j for j, a in enumerate(AUDIENCES) if cleared[a].ok), -1)
                if ok >= 0:
                    self.audience.setCurrentIndex(ok)
        blocked = self.blocked_text(cleared)
        self.audience_note.setText(blocked or "\n".join(dict.fromkeys(notes)))
        if hasattr(self, "buttons"):
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
                bool(self.chosen_presets()) and any(c.ok for c in cleared.values()))

    @staticmethod
    def blocked_text(cleared: dict[str, Any]) -> str:
        """When no audience is cleared: the rule's refusal in the UI language and what to do in the app ('' else).
        The CLI's hint names a `vlogkit edit` command; someone in the app sets consent in the Speaker tab."""
        if any(c.ok for c in cleared.values()):
            return ""
        first = cleared[AUDIENCES[0]]
        return first.text(current_language()) + " " + tr("Record the speaker's consent in the vlog's Speaker tab "
                                                         "first, then export.")

    def chosen_presets(self) -> list[str]:
        return [n for n, b in self.preset_boxes.items() if b.isChecked()]

    def schedule_preview(self) -> None:
        self.refresh_clearance()
        self.timer.start()

    def render_preview(self) -> None:
        if not self.chosen_presets():
            self.preview.setText(tr("Choose at least one size."))
            return
        if self.preview_job is not None and self.preview_job.running:
            self.preview_pending = True
            return
        self.preview_pending = False
        blocked = self.blocked_text(self.clearances())
        if blocked:
            self._on_preview_failed(blocked)
            return
        request = self._request_or_say()
        if request is None:
            return
        self.preview_job = self.jobs.run(tr("Preview"), self._preview_bytes, request, on_result=self._on_preview_ready,
                                         quiet=True)
        self.preview_job.failed.connect(self._on_preview_failed)

    def _preview_bytes(self, request: ExportRequest, ctx: JobContext) -> bytes:
        """A frame rendered from the plan of the very request the Export button would send (first chosen size)."""
        return self.app.export.preview_frame(request, ctx=ctx)

    def _on_preview_ready(self, data: bytes) -> None:
        pix = QPixmap()
        pix.loadFromData(bytes(data))
        if not pix.isNull():
            self.preview.setPixmap(pix.scaled(self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
        if self.preview_pending:
            self.render_preview()

    def _on_preview_failed(self, message: str) -> None:
        self.preview.setText(message)
        self.preview.setWordWrap(True)

    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Save clips to"), self.out_dir.text())
        if folder:
            self.out_dir.setText(folder)

    def request(self) -> ExportRequest:
        """The export as the dialog's controls describe it: the same value the CLI builds."""
        out = self.out_dir.text().strip()
        return self.app.export.request(
            self.vlog_id, ranges=self.ranges, presets=self.chosen_presets(), captions=str(self.captions.currentData()),
            tighten=self.tighten.isChecked(), audience=str(self.audience.currentData()),
            out_dir=Path(out) if out else None, logo=self.app.settings.brand_logo if self.logo.isChecked() else "",
            lower_third=self.lower_third.isChecked(), quote_id=self.quote_id,
        )

    def _request_or_say(self) -> ExportRequest | None:
        """The request, or None after saying in the preview pane why the controls do not make one."""
        try:
            return self.request()
        except VlogkitError as exc:
            self._on_preview_failed(error_text(exc))
            return None

    def _on_export_clicked(self) -> None:
        out = Path(self.out_dir.text().strip()).expanduser()
        if self.out_dir.text().strip() and out.exists() and not out.is_dir():
            self._on_preview_failed(tr("{p} is a file, not a folder: choose a folder for the clips.", p=str(out)))
            return
        request = self._request_or_say()
        if request is None:
            return
        title = tr("Export {t}", t=self.vlog.title or self.vlog_id)
        job = self.jobs.run(title, self.app.export.export, request)
        job.succeeded.connect(lambda result, j=job: setattr(j, "outputs", [str(o.path) for o in result.outputs]))
        self.export_job = job
        self.accept()
