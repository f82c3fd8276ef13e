"""The Qt Multimedia backend: a real camera and microphone through QMediaCaptureSession, recorded by QMediaRecorder
into Matroska (H.264 + AAC where the platform has them), which stays readable if vlogkit dies mid-take.

This is the one module outside `ui/` that imports PySide6 (always inside functions), so `vlogkit record` works
without widgets. The recording itself is never mirrored; mirroring is a preview option in the Record tab.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

from vlogkit.capture.backend import CaptureBackend, CaptureConfig, Frame
from vlogkit.capture.devices import find_camera, find_microphone, missing_error, qt_core_app
from vlogkit.errors import N_, DeviceError

log = logging.getLogger(__name__)

PREVIEW_WIDTH = 640


class QtBackend(CaptureBackend):
    name = "qt"

    def __init__(self, *, pump_events: bool = False) -> None:
        """`pump_events`: process Qt events in `poll()` (the CLI has no running event loop; the GUI has one)."""
        super().__init__()
        self.pump_events = pump_events
        self._q: dict[str, Any] = {}
        self._frame: Frame | None = None
        self._frame_lock = threading.Lock()
        self._level = 0.0
        self._camera_id = ""
        self._mic_id = ""
        self._error = ""
        self._last_frame_t = 0.0

    def open(self, config: CaptureConfig) -> None:
        qt_core_app()
        from PySide6.QtMultimedia import QMediaCaptureSession

        self.lost = ""
        self._q = {"session": QMediaCaptureSession()}
        self._attach_inputs(config)
        self._attach_recorder(config)
        if "camera" in self._q:
            self._q["camera"].start()

    def _attach_inputs(self, config: CaptureConfig) -> None:
        """Camera (with a preview sink), microphone (with a level meter), and a watch for unplugged devices."""
        from PySide6.QtMultimedia import QAudioInput, QCamera, QMediaDevices, QVideoSink

        cam = None
        if not config.audio_only:
            cam = find_camera(config.camera_id)
            if cam is None:
                raise (missing_error("camera") if not config.camera_id else DeviceError(
                    N_("No camera with id '{id}': `vlogkit devices` lists them."), id=config.camera_id))
        mic = find_microphone(config.microphone_id)
        if mic is None:
            raise (missing_error("microphone") if not config.microphone_id else DeviceError(
                N_("No microphone with id '{id}': `vlogkit devices` lists them."), id=config.microphone_id))
        q = self._q
        session = q["session"]
        q["audio"] = QAudioInput(mic)
        session.setAudioInput(q["audio"])
        self._mic_id = bytes(mic.id().data()).decode("utf-8", "replace")
        if cam is not None:
            self._camera_id = bytes(cam.id().data()).decode("utf-8", "replace")
            q["camera"] = QCamera(cam)
            fmt = _closest_format(cam, *config.size)
            if fmt is not None:
                q["camera"].setCameraFormat(fmt)
            q["camera"].errorOccurred.connect(self._on_camera_errorOccurred)
            session.setCamera(q["camera"])
            q["sink"] = QVideoSink()
            q["sink"].videoFrameChanged.connect(self._on_sink_videoFrameChanged)
            session.setVideoSink(q["sink"])
        q["devices"] = QMediaDevices()
        q["devices"].videoInputsChanged.connect(self._on_devices_changed)
        q["devices"].audioInputsChanged.connect(self._on_devices_changed)
        self._start_level_meter(mic)

    def _attach_recorder(self, config: CaptureConfig) -> None:
        """QMediaRecorder writing Matroska: H.264 asked for (Qt falls back to what the platform encodes), AAC."""
        from PySide6.QtCore import QSize
        from PySide6.QtMultimedia import QMediaFormat, QMediaRecorder

        recorder = QMediaRecorder()
        mf = QMediaFormat(QMediaFormat.FileFormat.Matroska)
        if not config.audio_only:
            mf.setVideoCodec(QMediaFormat.VideoCodec.H264)
            recorder.setVideoResolution(QSize(*config.size))
        mf.setAudioCodec(QMediaFormat.AudioCodec.AAC)
        recorder.setMediaFormat(mf)
        recorder.setQuality(QMediaRecorder.Quality.HighQuality)
        recorder.errorOccurred.connect(self._on_recorder_errorOccurred)
        self._q["session"].setRecorder(recorder)
        self._q["recorder"] = recorder

    def _start_level_meter(self, mic: Any) -> None:
        from PySide6.QtMultimedia import QAudioFormat, QAudioSource

        fmt = QAudioFormat()
        fmt.setSampleRate(16000)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        source = QAudioSource(mic, fmt)
        io = source.start()
        if io is None:
            return

        def on_ready() -> None:
            import numpy as np

            data = bytes(io.readAll().data())
            if len(data) >= 2:
                samples = np.frombuffer(data[: len(data) // 2 * 2], dtype=np.int16).astype(np.float32) / 32768
                rms = float(np.sqrt(np.mean(samples * samples))) + 1e-9
                self._level = max(0.0, min(1.0, (20 * np.log10(rms) + 60) / 60))

        io.readyRead.connect(on_ready)
        self._q["level_source"], self._q["level_io"] = source, io

    # -- slots (GUI/main thread) --------------------------------------------------------------------

    def _on_camera_errorOccurred(self, _error: Any, message: str) -> None:
        log.warning("camera error: %s", message)
        self.lost = f"camera error: {message}" if message else "the camera stopped"

    def _on_recorder_errorOccurred(self, _error: Any, message: str) -> None:
        log.warning("recorder error: %s", message)
        self._error = message or "the recorder failed"

    def _on_devices_changed(self) -> None:
        from PySide6.QtMultimedia import QMediaDevices

        ids = {bytes(d.id().data()).decode("utf-8", "replace") for d in QMediaDevices.videoInputs()}
        mics = {bytes(d.id().data()).decode("utf-8", "replace") for d in QMediaDevices.audioInputs()}
        if self._camera_id and self._camera_id not in ids:
            self.lost = "the camera was disconnected"
        elif self._mic_id and self._mic_id not in mics:
            self.lost = "the microphone was disconnected"

    def _on_sink_videoFrameChanged(self, frame: Any) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QImage

        now = time.monotonic()
        if now - self._last_frame_t < 0.05 or not frame.isValid():
            return
        self._last_frame_t = now
        img = frame.toImage()
        if img.isNull():
            return
        img = img.scaledToWidth(PREVIEW_WIDTH, Qt.TransformationMode.FastTransformation)
        img = img.convertToFormat(QImage.Format.Format_RGB888)
        w, h, stride = img.width(), img.height(), img.bytesPerLine()
        raw = bytes(img.constBits())[: stride * h]
        rgb = raw if stride == w * 3 else b"".join(raw[y * stride: y * stride + w * 3] for y in range(h))
        with self._frame_lock:
            self._frame = Frame(w, h, rgb)

    # -- recording ----------------------------------------------------------------------------------

    def start(self, path: Path) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtMultimedia import QMediaRecorder

        recorder = self._q["recorder"]
        self._error = ""
        recorder.setOutputLocation(QUrl.fromLocalFile(str(path)))
        recorder.record()
        if not self._wait(lambda: recorder.recorderState() == QMediaRecorder.RecorderState.RecordingState
                          or bool(self._error), 10):
            raise DeviceError(N_("The recorder did not start within 10 seconds: check the camera and microphone."))
        if self._error:
            raise DeviceError(N_("Recording could not start: {reason}."), reason=self._error)

    def stop(self) -> None:
        from PySide6.QtMultimedia import QMediaRecorder

        recorder = self._q.get("recorder")
        if recorder is None or recorder.recorderState() == QMediaRecorder.RecorderState.StoppedState:
            return
        recorder.stop()
        self._wait(lambda: recorder.recorderState() == QMediaRecorder.RecorderState.StoppedState, 15)

    def _wait(self, done: Any, timeout_s: float) -> bool:
        from PySide6.QtCore import QCoreApplication, QEventLoop

        end = time.monotonic() + timeout_s
        while not done():
            if time.monotonic() > end:
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.01)
        return True

    def poll(self) -> None:
        if self.pump_events:
            from PySide6.QtCore import QCoreApplication

            QCoreApplication.processEvents()

    @property
    def recording(self) -> bool:
        from PySide6.QtMultimedia import QMediaRecorder

        recorder = self._q.get("recorder")
        return recorder is not None and recorder.recorderState() == QMediaRecorder.RecorderState.RecordingState

    def close(self) -> None:
        self.stop()
        if "level_source" in self._q:
            self._q["level_source"].stop()
        if "camera" in self._q:
            self._q["camera"].stop()
        self._q = {}

    def latest_frame(self) -> Frame | None:
        with self._frame_lock:
            return self._frame

    def level(self) -> float:
        return self._level


def _closest_format(device: Any, width: int, height: int) -> Any:
    """The camera format nearest the wanted size, preferring 30 fps."""
    best, best_key = None, None
    for f in device.videoFormats():
        res = f.resolution()
        key = (abs(res.width() * res.height() - width * height), abs(f.maxFrameRate() - 30))
        if best_key is None or key < best_key:
            best, best_key = f, key
    return best
