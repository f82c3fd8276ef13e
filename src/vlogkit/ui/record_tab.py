"""The Record tab: prompt card, live preview with countdown and timer, microphone meter, stop/retake/keep.

The take logic lives in `vlogkit.capture.session` (Qt-free); this widget drives it from a 50 ms timer and shows its
status. Devices come from Qt Multimedia (`QtBackend`) unless a backend factory is handed in (the file-backed camera
for demos, screenshots and tests).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import SIGNAL, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMessageBox,
    QWidget,
)

from vlogkit.capture.backend import CaptureBackend, CaptureConfig, DeviceInfo
from vlogkit.capture.session import CaptureSession, State, Status, Take
from vlogkit.domain import ConsentScope
from vlogkit.errors import VlogkitError
from vlogkit.ui.i18n import error_text, number_text, tr
from vlogkit.ui.record_layout import setup_record_tab
from vlogkit.ui.record_preview import paint_preview
from vlogkit.ui.record_recovery import RecoveryMixin
from vlogkit.ui.record_widgets import device_label, stop_reason_text

if TYPE_CHECKING:
    from vlogkit.capture.recovery import InterruptedTake
    from vlogkit.services import App

log = logging.getLogger(__name__)

class RecordTab(RecoveryMixin, QWidget):
    take_kept = Signal(str)  # the new vlog's id
    import_requested = Signal()  # "Import a video instead…" (the main window opens its import dialog)

    def __init__(
        self,
        app: App,
        parent: QWidget | None = None,
        *,
        backend_factory: Callable[[], CaptureBackend] | None = None,
        devices: dict[str, list[DeviceInfo]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self._fixed_devices = devices
        self._backend_factory = backend_factory or (lambda: app.capture.qt_backend())
        self.session: CaptureSession | None = None
        self.take: Take | None = None  # the take waiting to be kept (recorded or recovered)
        self.take_details: dict[str, object] = {}  # a recovered take's journal: who recorded it, title, language
        self.interrupted: list[InterruptedTake] = []
        self.devices: dict[str, list[DeviceInfo]] = {"cameras": [], "microphones": []}
        self.confirm: Callable[[str], bool] = self._ask  # tests replace this seam
        self._countdown_s = 3
        self.last_status = Status(State.IDLE)
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._watch_devices()
        self.refresh_devices()
        self.check_interrupted()

    # -- layout -------------------------------------------------------------------------------------

    def _build(self) -> None:
        setup_record_tab(self)
        self.record_button.clicked.connect(self.start_recording)
        self.stop_button.clicked.connect(self.stop_recording)
        self.retake_button.clicked.connect(self.retake)
        self.keep_button.clicked.connect(self.keep)
        self.no_device.recheck_clicked.connect(self.refresh_devices)
        self.no_device.import_clicked.connect(self._on_no_device_import_clicked)
        self.recovery.recover_clicked.connect(self.recover_interrupted)
        self.recovery.discard_clicked.connect(self.discard_interrupted)
        self.prompt_card.error_raised.connect(self.show_error)
        self.limit_box.valueChanged.connect(self._on_limit_box_valueChanged)
        for box in (self.camera_box, self.mic_box, self.resolution_box):
            box.currentIndexChanged.connect(self._on_device_choice_changed)
        self.audio_only_check.toggled.connect(self._on_device_choice_changed)

    def _on_script_button_toggled(self, shown: bool) -> None:
        self.script.setVisible(shown)
        self.script_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    @property
    def countdown_s(self) -> int:
        return self._countdown_s

    @countdown_s.setter
    def countdown_s(self, seconds: int) -> None:
        self._countdown_s = max(0, int(seconds))
        if self.session is not None:
            self.session.countdown_s = self._countdown_s

    # -- devices ------------------------------------------------------------------------------------

    def _watch_devices(self) -> None:
        if self._fixed_devices is not None:
            return
        from PySide6.QtMultimedia import QMediaDevices

        self._media_devices = QMediaDevices(self)
        self._media_devices.videoInputsChanged.connect(self.refresh_devices)
        self._media_devices.audioInputsChanged.connect(self.refresh_devices)

    def refresh_devices(self) -> None:
        try:
            self.devices = self._fixed_devices if self._fixed_devices is not None else self.app.capture.devices()
        except Exception as exc:  # noqa: BLE001 - Qt Multimedia missing: say so, never crash the window
            log.warning("cannot list devices: %s", exc)
            self.devices = {"cameras": [], "microphones": []}
        for box, kind in ((self.camera_box, "cameras"), (self.mic_box, "microphones")):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            for d in self.devices[kind]:
                box.addItem(device_label(d), d.id)
            if not self.devices[kind]:
                box.addItem(tr("none found"), None)
            idx = box.findData(current) if current else -1
            if idx < 0:
                idx = next((i for i, d in enumerate(self.devices[kind]) if d.default), 0)
            box.setCurrentIndex(idx)
            box.blockSignals(False)
        has_cam, has_mic = bool(self.devices["cameras"]), bool(self.devices["microphones"])
        self.no_device.set_state(has_cam, has_mic)
        if not (has_cam and has_mic) and self.session is None:
            self.preview.setText(tr("No camera - no preview") if not has_cam else tr("No microphone"))
        self.audio_only_check.setEnabled(has_mic and has_cam)
        if has_mic and not has_cam:
            self.audio_only_check.setChecked(True)
        if self.session is not None and self.session.state is State.IDLE and self.take is None:
            self.close_devices()
        self._update_controls()
        if self.isVisible():
            self.open_devices()

    def can_record(self) -> bool:
        has_cam, has_mic = bool(self.devices["cameras"]), bool(self.devices["microphones"])
        return has_mic and (has_cam or self.audio_only_check.isChecked())

    def config(self) -> CaptureConfig:
        return CaptureConfig(self.camera_box.currentData(), self.mic_box.currentData(),
                             self.audio_only_check.isChecked() or not self.devices["cameras"],
                             self.resolution_box.currentText())

    def open_devices(self) -> None:
        """Start the preview (when devices exist and nothing is open yet)."""
        if self.session is not None or not self.can_record():
            return
        session = self.app.capture.new_session(self._backend_factory(), config=self.config(),
                                               limit_s=self.limit_box.value(), countdown_s=self.countdown_s)
        try:
            session.open()
        except VlogkitError as exc:
            self.show_error(error_text(exc))
            return
        self.session = session
        self._timer.start()
        self._show_status(self.last_status)

    def close_devices(self) -> None:
        self._timer.stop()
        if self.session is not None:
            self.session.close()
            self.session = None

    def _on_device_choice_changed(self, *_: Any) -> None:
        if self.session is not None and self.session.state is State.IDLE and self.take is None:
            self.close_devices()
            self.open_devices()
        self._update_controls()

    def _on_limit_box_valueChanged(self, value: int) -> None:
        self.app.settings.record_limit_s = int(value)
        self.app.save_settings()
        if self.session is not None and self.session.state is State.IDLE:
            self.session.limit_ms = int(value) * 1000

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.open_devices()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        if self.session is not None and self.session.state is State.IDLE and self.take is None:
            self.close_devices()  # the camera light goes off when the tab is not shown

    # -- the take -----------------------------------------------------------------------------------

    def start_recording(self) -> None:
        self.open_devices()
        if self.session is None:
            return
        try:
            self.last_status = self.session.start(prompt=self.prompt_card.current(),
                                                  details=self.keep_form.journal_details())
        except VlogkitError as exc:
            self.show_error(error_text(exc))
        self.status_label.setStyleSheet("")
        self._show_status(self.last_status)

    def stop_recording(self) -> None:
        if self.session is None:
            return
        cancelled = self.session.state is State.COUNTDOWN
        try:
            if cancelled:
                self.session.retake()
            elif self.session.state is State.RECORDING:
                self.take = self.session.stop()
        except VlogkitError as exc:
            self.show_error(error_text(exc))
        self._refresh_status()
        if cancelled and self.session.state is State.IDLE:
            self.status_label.setText(tr("Countdown cancelled: nothing was recorded. Press Record when you are ready."))

    def retake(self) -> None:
        if self.take is None or not self.confirm(tr("Discard this take and record again?")):
            return
        if self.session is not None and self.session.take is self.take:
            self.session.retake()
        else:
            self.app.capture.discard(self.take)
        self.take, self.take_details = None, {}
        self.status_label.setText(tr("Take discarded. Press Record when you are ready."))
        self._refresh_status()

    def keep(self) -> str | None:
        """Import the take with the speaker and consent; returns the new vlog's id."""
        if self.take is None:
            return None
        speaker, consent = self.keep_form.speaker(), self.keep_form.consent()
        if not speaker.name:  # said here in the UI language; the service checks the same in English
            self.show_error(tr("Enter the speaker's name before keeping the take."))
            self.keep_form.name.setFocus()
            return None
        if consent is ConsentScope.NONE:
            self.show_error(tr("Choose the speaker's consent (internal only, or may be shared externally) "
                               "before keeping."))
            self.keep_form.internal.setFocus()
            return None
        try:
            self.app.capture.check_keep(speaker, consent)
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                session = self.session if self.session is not None and self.session.take is self.take else None
                d = self.take_details
                title = str(d.get("title") or "") or ("" if self.take.prompt else tr("Recording by {name}",
                                                                                    name=speaker.name))
                vlog = self.app.capture.keep(self.take, speaker=speaker, consent=consent, title=title,
                                             language=str(d.get("language") or "auto"),
                                             recorded_by=str(d.get("recorded_by") or ""),
                                             transcribe=False, session=session)
            finally:
                QApplication.restoreOverrideCursor()
        except VlogkitError as exc:
            self.show_error(error_text(exc))
            return None
        self.take, self.take_details = None, {}
        self.status_label.setText(tr("Kept as {id}: it is in the library now.", id=vlog.id))
        self.status_label.setStyleSheet("color: #1b7f3b;")
        self._refresh_status()
        self.take_kept.emit(vlog.id)
        return vlog.id

    # -- display ------------------------------------------------------------------------------------

    def _on_timer_timeout(self) -> None:
        if self.session is None:
            return
        st = self.session.tick()
        if self.last_status.state is State.RECORDING and st.state is not State.RECORDING:
            self.take = self.session.take  # stopped by the limit or a lost device
            if st.error:
                self.show_error(error_text(st.failure or st.error))
        changed = st.state is not self.last_status.state
        self.last_status = st
        # the message line changes with the state: a message shown since (an error, "Kept as…") stays until then
        self._show_status(st, message=changed or st.state in (State.COUNTDOWN, State.RECORDING))
        self._show_preview(st)
        self.level_meter.setValue(int(self.session.backend.level() * 100))
        if st.state is State.RECORDING and self.script.toPlainText():
            bar = self.script.verticalScrollBar()
            bar.setValue(int(bar.maximum() * st.elapsed_ms / max(1, self.session.limit_ms)))

    def _refresh_status(self) -> None:
        if self.session is not None:
            self.last_status = self.session.tick()
        self._show_status(self.last_status)
        self._update_controls()

    def _show_status(self, st: Status, *, message: bool = True) -> None:
        color = "#1f2933"
        text = None
        if st.state is State.COUNTDOWN:
            self.timer_label.setText(str(st.countdown))
            text = tr("Get ready…")
        elif st.state is State.RECORDING:
            self.timer_label.setText(st.remaining_text)
            if st.warning:
                color = "#d64545"
                text = tr("{s} seconds left - time to wrap up.", s=st.remaining_ms // 1000 + 1)
            else:
                text = tr("Recording… {t} so far.", t=st.elapsed_text)
        elif self.take is not None:
            self.timer_label.setText(f"{number_text(self.take.duration_ms / 1000)} s")
            text = stop_reason_text(self.take.stop_reason) + " " + tr("Keep it, or retake.")
        elif self.session is not None:
            self.timer_label.setText(Status(State.IDLE, remaining_ms=self.session.limit_ms).remaining_text)
        if message and text is not None:
            self.status_label.setText(text)
        self.timer_label.setStyleSheet(f"color: {color};")
        self._update_controls()

    def _show_preview(self, st: Status) -> None:
        frame = self.session.backend.latest_frame() if self.session is not None else None
        self.preview.setPixmap(paint_preview(frame, st, self.preview.frame_size(), mirror=self.mirror_check.isChecked(),
                                             audio_only=self.config().audio_only, font=self.font()))

    def _update_controls(self) -> None:
        state = self.session.state if self.session is not None else State.IDLE
        busy = state in (State.COUNTDOWN, State.RECORDING)
        self.record_button.setEnabled(self.can_record() and not busy and self.take is None)
        self.stop_button.setEnabled(busy)
        self.retake_button.setEnabled(self.take is not None and not busy)
        self.keep_button.setEnabled(self.take is not None and not busy)
        self.keep_form.setEnabled(not busy)
        for w in (self.camera_box, self.mic_box, self.resolution_box, self.limit_box, self.audio_only_check):
            w.setEnabled(not busy and self.take is None and (w is not self.audio_only_check or
                                                              bool(self.devices["cameras"])))

    def show_error(self, message: str) -> None:
        self.status_label.setText(message)
        self.status_label.setStyleSheet("color: #d64545;")

    def _ask(self, text: str) -> bool:
        return QMessageBox.question(self, tr("Record"), text) == QMessageBox.StandardButton.Yes

    def _on_no_device_import_clicked(self) -> None:
        if self.receivers(SIGNAL("import_requested()")) > 0:  # the main window imports with its own dialog
            self.import_requested.emit()
            return
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Import a video"), "",
                                                tr("Video or audio (*.mp4 *.mov *.mkv *.webm *.m4a *.mp3 *.wav)"))
        from vlogkit.services.library import ImportOptions

        for p in paths:
            result = self.app.library.import_file(p, ImportOptions(speaker=self.keep_form.speaker(),
                                                                   consent=self.keep_form.consent()))
            if result.vlog is None:
                self.show_error(error_text(result.failure or result.error))
            else:
                self.status_label.setText(tr("Imported as {id}.", id=result.vlog.id))
                self.take_kept.emit(result.vlog.id)

    def shutdown(self) -> None:
        """Stop a running take (it stays in the captures folder and is offered for recovery) and free the devices.
        The main window calls this when it closes."""
        if self.session is not None and self.session.state is State.RECORDING:
            try:
                self.take = self.session.stop("interrupted")
            except VlogkitError as exc:
                log.info("stopping on close: %s", exc)
        self.close_devices()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)
