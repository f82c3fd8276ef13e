"""The video player: QMediaPlayer frames through a QVideoSink into a painted widget (so screenshots show frames),
play/pause (Space), J/K/L, frame step, and a scrubber that shows the clip's in/out. Audio-only vlogs show the poster and
a level bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSlider, QVBoxLayout, QWidget

from vlogkit.domain.times import format_clock
from vlogkit.ui import theme
from vlogkit.ui.i18n import tr
from vlogkit.ui.icons import icon
from vlogkit.ui.library_card import format_duration


def attach_player(owner: QWidget) -> None:
    """Give `owner` a QMediaPlayer (`.player`) with audio out (`.audio`) and a video sink (`.sink`), wired to its
    `_on_sink_frame`, `_on_player_position` and `_on_player_media_status` slots."""
    from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer, QVideoSink

    owner.player = QMediaPlayer(owner)
    owner.audio = QAudioOutput(owner)
    if getattr(owner, "_media_devices", None) is None:  # one watcher per widget, however many files it plays
        owner._media_devices = QMediaDevices(owner)
        owner._media_devices.audioOutputsChanged.connect(lambda: _connect_audio(owner))
    _connect_audio(owner)
    owner.sink = QVideoSink(owner)
    owner.player.setVideoSink(owner.sink)
    owner.sink.videoFrameChanged.connect(owner._on_sink_frame)
    owner.player.positionChanged.connect(owner._on_player_position)
    owner.player.mediaStatusChanged.connect(owner._on_player_media_status)


def _connect_audio(owner: QWidget) -> None:
    """Route the player's sound to the audio output once there is a sound device. With none (a server, a CI
    machine) the player runs without an audio sink: Qt's sink on a sound system that is not there may stall it."""
    from PySide6.QtMultimedia import QMediaDevices

    player = getattr(owner, "player", None)
    if player is not None and player.audioOutput() is None and QMediaDevices.audioOutputs():
        player.setAudioOutput(owner.audio)


class FrameView(QWidget):
    """Paints the latest video frame (or a poster), letterboxed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.poster: QPixmap | None = None
        self.caption = ""  # shown on the generated poster of an audio-only vlog
        self.setMinimumSize(320, 180)

    def set_frame(self, image: QImage) -> None:
        self.image = image
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, 270)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(theme.colors().video))
        src = self.image if self.image is not None and not self.image.isNull() else None
        if src is None and self.poster is not None:
            src = self.poster.toImage()
        if src is None:
            p.setPen(QColor("#b0bec5"))
            font = p.font()
            font.setPointSize(max(10, font.pointSize() + 4))
            p.setFont(font)
            text = f"♪\n{self.caption}" if self.caption else tr("No picture")
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)
            return
        size = src.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        r = QRect(0, 0, size.width(), size.height())
        r.moveCenter(self.rect().center())
        p.drawImage(r, src)


class InOutSlider(QSlider):
    """A scrubber that draws the clip's in/out range under the handle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.range_ms: tuple[int, int] | None = None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self.range_ms and self.maximum() > 0:
            p = QPainter(self)
            w = self.width()
            a = int(self.range_ms[0] / self.maximum() * w)
            b = int(self.range_ms[1] / self.maximum() * w)
            p.fillRect(a, self.height() // 2 - 5, max(2, b - a), 10, QColor(255, 196, 0, 170))
            p.end()
        super().paintEvent(event)


class PlayerWidget(QWidget):
    position_changed = Signal(int)  # ms

    def __init__(self, parent: QWidget | None = None, show_scrubber: bool = True) -> None:
        super().__init__(parent)
        self.player = None
        self.sink = None
        self.audio = None
        self.duration_ms = 0
        self.fps = 25.0
        self.rate_step = 0
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.frame = FrameView()
        lay.addWidget(self.frame, 1)
        self.level = QProgressBar()
        self.level.setRange(0, 100)
        self.level.setTextVisible(False)
        self.level.setMaximumHeight(8)
        self.level.hide()
        lay.addWidget(self.level)
        self.slider = InOutSlider()
        self.slider.setRange(0, 0)
        self.slider.setAccessibleName(tr("Position"))
        self.slider.setVisible(show_scrubber)  # the editor's timeline is its scrubber
        lay.addWidget(self.slider)
        row = QHBoxLayout()
        self.play_button = QPushButton(icon("play"), tr("Play"))
        self.play_button.setToolTip(tr("Play/pause (Space). J/K/L: back, pause, forward. ,/. : one frame"))
        self.back_button = QPushButton(icon("frame-back"), "")
        self.back_button.setToolTip(tr("One frame back (,)"))
        self.back_button.setAccessibleName(tr("One frame back"))
        self.fwd_button = QPushButton(icon("frame-fwd"), "")
        self.fwd_button.setToolTip(tr("One frame forward (.)"))
        self.fwd_button.setAccessibleName(tr("One frame forward"))
        self.time = QLabel("0:00 / 0:00")
        self.time.setAccessibleName(tr("Position and duration"))
        self.inout = QLabel("")
        for w in (self.back_button, self.play_button, self.fwd_button, self.time):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.inout)
        lay.addLayout(row)
        self.play_button.clicked.connect(self.toggle)
        self.back_button.clicked.connect(lambda: self.step(-1))
        self.fwd_button.clicked.connect(lambda: self.step(1))
        self.slider.sliderMoved.connect(self.seek)
        self._pos = 0
        self._stop_at: int | None = None

    def load(self, path: str, duration_ms: int, has_video: bool, fps: float, poster: str | None,
             caption: str = "") -> None:
        from PySide6.QtMultimedia import QAudioBufferOutput

        self.unload()
        self.duration_ms, self.fps = duration_ms, fps or 25.0
        self.slider.setRange(0, duration_ms)
        self.frame.poster = QPixmap(poster) if poster and Path(poster).exists() else None
        self.frame.image = None
        self.frame.caption = "" if has_video else caption
        self.level.setVisible(not has_video)
        attach_player(self)
        self.player.playbackStateChanged.connect(self._on_player_state)
        if not has_video:  # a real level meter from the decoded audio
            self.levels = QAudioBufferOutput(self)
            self.player.setAudioBufferOutput(self.levels)
            self.levels.audioBufferReceived.connect(self._on_audio_buffer)
        self.player.setSource(QUrl.fromLocalFile(path))
        self._update_time()

    def _on_player_media_status(self, status: object) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if status == QMediaPlayer.MediaStatus.LoadedMedia and self.player is not None and self._pos:
            self.player.setPosition(self._pos)  # a seek made while the file was still opening is not lost

    def _on_sink_frame(self, frame: object) -> None:
        img = frame.toImage()  # type: ignore[attr-defined]
        if not img.isNull():
            self.frame.set_frame(img)

    def _on_player_position(self, ms: int) -> None:
        self._pos = int(ms)
        if self._stop_at is not None and self._pos >= self._stop_at:
            self._stop_at = None
            self.player.pause()
        if not self.slider.isSliderDown():
            self.slider.setValue(self._pos)
        self._update_time()
        self.position_changed.emit(self._pos)

    def _on_audio_buffer(self, buf: object) -> None:
        self.level.setValue(int(round(audio_level(buf) * 100)))

    def _on_player_state(self, _state: object) -> None:
        self.play_button.setText(tr("Pause") if self.playing else tr("Play"))
        self.play_button.setIcon(icon("pause" if self.playing else "play"))
        if not self.playing:
            self.level.setValue(0)

    @property
    def playing(self) -> bool:
        from PySide6.QtMultimedia import QMediaPlayer

        return self.player is not None and self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def position(self) -> int:
        return self._pos

    def _update_time(self) -> None:
        self.time.setText(f"{format_duration(self._pos)} / {format_duration(self.duration_ms)}")

    def seek(self, ms: int) -> None:
        ms = max(0, min(int(ms), self.duration_ms))
        self._pos = ms
        if self.player is not None:
            self.player.setPosition(ms)
        self.slider.setValue(ms)
        self._update_time()
        self.position_changed.emit(ms)

    def toggle(self) -> None:
        if self.player is None:
            return
        if self.playing:
            self.player.pause()
        else:
            self.player.setPlaybackRate(1.0)
            self.player.play()

    def play_range(self, start: int, end: int) -> None:
        self.seek(start)
        self._stop_at = end
        if self.player is not None:
            self.player.play()

    def step(self, frames: int) -> None:
        if self.player is not None and self.playing:
            self.player.pause()
        self.seek(self._pos + int(round(frames * 1000 / self.fps)))

    def jkl(self, key: str) -> None:
        """J: back (or slower), K: pause, L: forward (faster each press)."""
        if self.player is None:
            return
        if key == "k":
            self.player.pause()
            self.rate_step = 0
        elif key == "l":
            self.rate_step = max(1, self.rate_step + 1)
            self.player.setPlaybackRate(float(min(4, self.rate_step)))
            self.player.play()
        elif key == "j":
            self.player.pause()
            self.seek(self._pos - 5000)

    def set_in_out(self, rng: tuple[int, int] | None) -> None:
        self.slider.range_ms = rng
        self.slider.update()
        self.inout.setText(tr("In {a}  Out {b}", a=format_clock(rng[0]), b=format_clock(rng[1])) if rng else "")

    def stop(self) -> None:
        if self.player is not None:
            self.player.stop()

    def unload(self) -> None:
        """Stop and let go of the file (a closed or removed vlog): the frame goes blank."""
        if self.player is not None:
            self.player.stop()
            for obj in (self.player, self.sink, self.audio, getattr(self, "levels", None)):
                if obj is not None:
                    obj.deleteLater()
        self.player = self.sink = self.audio = None
        self.levels = None
        self.duration_ms, self._pos, self._stop_at = 0, 0, None
        self.frame.image, self.frame.poster, self.frame.caption = None, None, ""
        self.frame.update()
        self.slider.setRange(0, 0)
        self.set_in_out(None)
        self.level.hide()
        self._update_time()


def audio_level(buf: object) -> float:
    """Peak level of a QAudioBuffer on a 60 dB scale, 0..1."""
    import numpy as np
    from PySide6.QtMultimedia import QAudioFormat

    fmt = buf.format()  # type: ignore[attr-defined]
    kinds = {QAudioFormat.SampleFormat.UInt8: (np.uint8, 128.0, 128.0),
             QAudioFormat.SampleFormat.Int16: (np.int16, 0.0, 32768.0),
             QAudioFormat.SampleFormat.Int32: (np.int32, 0.0, 2147483648.0),
             QAudioFormat.SampleFormat.Float: (np.float32, 0.0, 1.0)}
    kind = kinds.get(fmt.sampleFormat())
    if kind is None:
        return 0.0
    data = np.frombuffer(bytes(buf.constData()), dtype=kind[0])  # type: ignore[attr-defined]
    if data.size == 0:
        return 0.0
    peak = float(np.max(np.abs(data.astype(np.float64) - kind[1]))) / kind[2]
    if peak <= 1e-6:
        return 0.0
    return max(0.0, min(1.0, 1.0 + 20.0 * np.log10(peak) / 60.0))
