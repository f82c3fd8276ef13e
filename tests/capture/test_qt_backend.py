"""The Qt Multimedia backend's recording path with Qt's own frame/buffer inputs standing in for the camera and
microphone (this machine has neither): the real QMediaRecorder writes the Matroska take that is then kept."""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import pytest

from vlogkit.capture.backend import CaptureConfig
from vlogkit.capture.session import State
from vlogkit.domain import ConsentScope, Speaker
from vlogkit.errors import DeviceError
from vlogkit.media.probe import probe

pytest.importorskip("PySide6.QtMultimedia")


def _pushed_frames_backend() -> Any:
    from PySide6.QtMultimedia import QAudioBufferInput, QVideoFrameInput

    from vlogkit.capture.qt_backend import QtBackend

    class PushedFramesBackend(QtBackend):
        """QtBackend with generated frames (a moving bar) and a 440 Hz tone instead of devices."""

        def _attach_inputs(self, config: CaptureConfig) -> None:
            self._vin, self._ain = QVideoFrameInput(), QAudioBufferInput()
            self._q["session"].setVideoFrameInput(self._vin)
            self._q["session"].setAudioBufferInput(self._ain)
            self._t0 = 0.0
            self._frames = self._samples = 0

        def start(self, path):  # type: ignore[no-untyped-def]
            self._t0 = time.monotonic()
            super().start(path)

        def _push(self) -> None:
            from PySide6.QtGui import QColor, QImage
            from PySide6.QtMultimedia import QAudioBuffer, QAudioFormat, QVideoFrame

            if not self._t0:
                return
            elapsed = time.monotonic() - self._t0
            while self._frames < elapsed * 25:
                img = QImage(320, 240, QImage.Format.Format_RGB32)
                img.fill(QColor("white") if self._frames % 25 == 0 else QColor(30, 60, 90))
                if not self._vin.sendVideoFrame(QVideoFrame(img)):
                    break
                self._frames += 1
            fmt = QAudioFormat()
            fmt.setSampleRate(48000)
            fmt.setChannelCount(1)
            fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
            while self._samples < elapsed * 48000:
                n = np.arange(self._samples, self._samples + 960)
                tone = (np.sin(n * 2 * np.pi * 440 / 48000) * 8000).astype(np.int16).tobytes()
                if not self._ain.sendAudioBuffer(QAudioBuffer(tone, fmt)):
                    break
                self._samples += 960

        def poll(self) -> None:
            self._push()
            super().poll()

        def _wait(self, done, timeout_s):  # type: ignore[no-untyped-def]
            def pushing() -> bool:
                self._push()
                return bool(done())

            return super()._wait(pushing, timeout_s)

    return PushedFramesBackend(pump_events=True)


def test_qt_recorder_writes_a_matroska_capture_that_is_kept(qapp, app) -> None:
    from PySide6.QtMultimedia import QMediaCaptureSession

    if not hasattr(QMediaCaptureSession, "setVideoFrameInput"):
        pytest.skip("this Qt has no QVideoFrameInput (Qt 6.8+)")
    backend = _pushed_frames_backend()
    session = app.capture.new_session(backend, config=CaptureConfig(resolution="720p"), limit_s=2, countdown_s=0)
    session.open()
    session.start(prompt="Qt path")
    while session.tick().state is State.RECORDING:
        time.sleep(0.03)
    take = session.take
    assert take is not None and take.stop_reason == "limit"
    assert 1200 <= take.duration_ms <= 3500
    info = probe(take.path) if take.duration_ms else None
    assert info is not None and info.container.startswith("matroska") and info.has_video and info.has_audio
    vlog = app.capture.keep(take, speaker=Speaker("Qt"), consent=ConsentScope.INTERNAL, transcribe=False,
                            session=session)
    kept = probe(vlog.path)
    assert kept.container.startswith("mov") and kept.has_video and kept.has_audio and kept.duration_ms > 1000
    session.close()


def test_qt_backend_without_devices_names_the_missing_camera(qapp) -> None:
    from vlogkit.capture.devices import list_devices
    from vlogkit.capture.qt_backend import QtBackend

    if list_devices()["cameras"]:
        pytest.skip("this machine has a camera")
    with pytest.raises(DeviceError, match="No camera found"):
        QtBackend().open(CaptureConfig())
    if not list_devices()["microphones"]:
        with pytest.raises(DeviceError, match="No microphone found"):
            QtBackend().open(CaptureConfig(audio_only=True))
