"""The live preview of the clip as it will be published: the selected range plays in the chosen preset's frame, the
crop window follows the face track, and the captions are drawn over the video from the caption events the export
burns in (`app.live_preview`). Switching the preset or the caption style rebuilds it at once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRect, QRectF, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from vlogkit.ui import theme
from vlogkit.ui.caption_painter import paint_caption, paint_lower_third
from vlogkit.ui.i18n import tr
from vlogkit.ui.icons import icon

if TYPE_CHECKING:
    from vlogkit.services import App
    from vlogkit.services.live_preview import LivePreview
    from vlogkit.ui.jobs import JobManager

class PreviewCanvas(QWidget):
    """Paints the current frame through the crop window, in the preset's shape, with the caption on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview: LivePreview | None = None
        self.image: QImage | None = None
        self.source_ms = 0
        self.note = ""
        self.setMinimumSize(90, 120)  # a short window: the canvas shrinks, it never covers the buttons below
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, 460)

    def frame_rect(self) -> QRectF:
        p = self.preview
        aspect = p.preset.width / p.preset.height if p is not None else 9 / 16
        w, h = self.width() - 8, self.height() - 8
        if w / h > aspect:
            w = h * aspect
        else:
            h = w / aspect
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        c = theme.colors()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.fillRect(self.rect(), QColor(c.base))
        box = self.frame_rect()
        p.fillRect(box, QColor(c.video))
        pv = self.preview
        if pv is None:
            p.setPen(QColor("#cfd6dd"))
            p.drawText(box.adjusted(10, 10, -10, -10), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       self.note or tr("Select words in the transcript to preview the clip."))
            p.end()
            return
        crop = pv.crop_at(self.source_ms)
        if self.image is not None and crop is not None:
            sx = self.image.width() / max(1, pv.crop.src_w) if pv.crop else 1.0
            sy = self.image.height() / max(1, pv.crop.src_h) if pv.crop else 1.0
            x, y, w, h = crop
            if pv.crop is not None and pv.crop.mode == "fit":  # the whole frame, letterboxed
                scaled = QSize(self.image.width(), self.image.height()).scaled(box.size().toSize(),
                                                                               Qt.AspectRatioMode.KeepAspectRatio)
                r = QRect(0, 0, scaled.width(), scaled.height())
                r.moveCenter(box.center().toPoint())
                p.drawImage(r, self.image)
            else:
                p.drawImage(box, self.image, QRectF(x * sx, y * sy, w * sx, h * sy))
        elif crop is None:
            icon("audio", "muted").paint(p, QRect(int(box.center().x()) - 24, int(box.top() + box.height() * 0.3),
                                                  48, 48))
        cap = pv.caption_at(self.source_ms - pv.start)
        if cap is not None:
            paint_caption(p, box, pv, cap)
        paint_lower_third(p, box, pv, self.source_ms - pv.start)
        p.end()

class LivePreviewPanel(QWidget):
    """Preset and caption style, the canvas, play/pause; it rebuilds when the clip, preset or style changes."""

    error_raised = Signal(str)

    def __init__(self, app: App, jobs: JobManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.jobs = app, jobs
        self.vlog_id = ""
        self.path = ""
        self.range: tuple[int, int] | None = None
        self.player: Any = None
        self.sink: Any = None
        self._build_job: Any = None
        self._pending = False
        self._priming = False
        from vlogkit.ui.export_dialog import caption_style_items, preset_label

        self.preset = QComboBox()
        for name, preset in app.live_preview.presets().items():
            self.preset.addItem(preset_label(name).split("  ")[0], name)  # the pixel size goes in the tooltip
            self.preset.setItemData(self.preset.count() - 1, f"{preset.width}×{preset.height}",
                                    Qt.ItemDataRole.ToolTipRole)
        self.preset.setAccessibleName(tr("Size"))
        self.style_box = QComboBox()
        for code, label in caption_style_items():  # every style the export burns in, punchy included
            self.style_box.addItem(label, code)
        self.style_box.setAccessibleName(tr("Captions"))
        self.lower_third = QCheckBox(tr("Name and role"))
        self.lower_third.setToolTip(tr("Name and role as a lower third"))
        self.canvas = PreviewCanvas()
        self.play_button = QPushButton(icon("play"), tr("Play clip"))
        self.status = theme.set_role(QLabel(), "muted")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow panel: the box under its label
        form.addRow(tr("Size"), self.preset)
        form.addRow(tr("Captions"), self.style_box)
        row = QHBoxLayout()
        row.addWidget(self.play_button)
        row.addWidget(self.lower_third)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.canvas, 1)
        lay.addLayout(row)
        lay.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.rebuild)
        self.preset.currentIndexChanged.connect(self.timer.start)
        self.style_box.currentIndexChanged.connect(self.timer.start)
        self.lower_third.toggled.connect(self.timer.start)
        self.play_button.clicked.connect(self.toggle)

    # -- what to show --------------------------------------------------------------------------------
    def set_clip(self, vlog_id: str, path: str, rng: tuple[int, int] | None) -> None:
        changed = (vlog_id, path) != (self.vlog_id, self.path)
        self.vlog_id, self.path, self.range = vlog_id, path, rng
        if changed:
            self._unload()
        if self.isVisible():
            self.timer.start()

    def clear(self) -> None:
        self.vlog_id, self.path, self.range = "", "", None
        self._unload()
        self.canvas.preview, self.canvas.image, self.canvas.note = None, None, ""
        self.canvas.update()

    def ready(self) -> bool:
        pv = self.canvas.preview
        return pv is not None and (self.canvas.image is not None or pv.crop is None)

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.timer.start()

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        super().hideEvent(event)
        if self.player is not None:
            self.player.pause()

    def rebuild(self) -> None:
        if not self.vlog_id or self.range is None:
            self.canvas.preview, self.canvas.note = None, ""
            self.canvas.update()
            return
        if self._build_job is not None and self._build_job.running:
            self._pending = True
            return
        self._pending = False
        vid, (a, b) = self.vlog_id, self.range
        preset, style = str(self.preset.currentData()), str(self.style_box.currentData())
        self.status.setText(tr("Preparing the preview…"))
        self._build_job = self.jobs.run(tr("Preview"), self.app.live_preview.build, vid, a, b, preset, style,
                                        self.lower_third.isChecked(),
                                        quiet=True, on_result=self._on_built)
        self._build_job.failed.connect(self._on_failed)

    def _on_built(self, pv: LivePreview) -> None:
        if pv.vlog_id != self.vlog_id:
            return  # another vlog was opened meanwhile
        if self.range is not None and (self.range[0], min(self.range[1], pv.end)) != (pv.start, pv.end):
            self._pending = True  # the clip moved meanwhile: show this one, then the newer one
        self.canvas.preview = pv
        self.status.setText(tr("{p}, {s}: as the export will render it.", p=self.preset.currentText(),
                               s=self.style_box.currentText()))
        self._ensure_player()
        if self.player is not None:
            self.canvas.source_ms = pv.start
            self.player.setPosition(pv.start)
        self.canvas.update()
        if self._pending:
            self.rebuild()

    def _on_failed(self, message: str) -> None:
        self.canvas.preview, self.canvas.note = None, message
        self.status.setText(message)
        self.canvas.update()

    # -- playback -------------------------------------------------------------------------------------
    def _ensure_player(self) -> None:
        if self.player is not None or not self.path or not Path(self.path).exists():
            return
        from vlogkit.ui.player import attach_player

        attach_player(self)
        self.player.setSource(QUrl.fromLocalFile(self.path))

    def _on_player_media_status(self, status: Any) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if status == QMediaPlayer.MediaStatus.LoadedMedia and self.player is not None:
            # a paused player that never played shows no frame after a seek: play muted to the first frame
            self._priming = True
            self.audio.setMuted(True)
            self.player.setPosition(self.canvas.source_ms)
            self.player.play()

    def _unload(self) -> None:
        if self.player is not None:
            self.player.stop()
            for obj in (self.player, self.sink, getattr(self, "audio", None)):
                if obj is not None:
                    obj.deleteLater()
        self.player = self.sink = None
        self.canvas.image = None

    def _on_sink_frame(self, frame: Any) -> None:
        img = frame.toImage()
        if not img.isNull():
            self.canvas.image = img
            self.canvas.update()
        if self._priming and self.player is not None:
            self._priming = False
            self.player.pause()
            self.audio.setMuted(False)

    def _on_player_position(self, ms: int) -> None:
        pv = self.canvas.preview
        self.canvas.source_ms = int(ms)
        if pv is not None and ms >= pv.end and self.player is not None:
            self.player.pause()
            self.player.setPosition(pv.start)
        self.canvas.update()

    def toggle(self) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        pv = self.canvas.preview
        if self.player is None or pv is None:
            return
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
            return
        if not pv.start <= self.player.position() < pv.end:
            self.player.setPosition(pv.start)
        self.player.play()

    def show_time(self, source_ms: int) -> None:
        """Show the clip at `source_ms` (tests and screenshots; the player seeks there)."""
        self.canvas.source_ms = source_ms
        if self.player is not None:
            self.player.setPosition(source_ms)
        self.canvas.update()
