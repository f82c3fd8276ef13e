"""A capture backend that plays a media file as if it were a camera and microphone (tests, demos, kiosks without
devices): ffmpeg reads the file at its real pace (`-re`) and writes the take to Matroska, exactly as a live source
would arrive; a second output pipes small RGB frames for the preview. The microphone meter follows the file's audio.

`lose_after_s` simulates unplugging the camera: the source stops delivering after that many seconds. The end of the
file counts the same way (a device that stops sending).
"""

from __future__ import annotations

import logging
import subprocess
import threading
import time
from pathlib import Path

from vlogkit.capture.backend import FILE_DEVICE_NAME, CaptureBackend, CaptureConfig, DeviceInfo, Frame
from vlogkit.errors import N_, DeviceError, MediaError

log = logging.getLogger(__name__)

PREVIEW_WIDTH = 320
PREVIEW_FPS = 10
LEVEL_WINDOW_MS = 100


def file_devices(source: Path, has_video: bool) -> dict[str, list[DeviceInfo]]:
    """The camera (only when the file has video) and microphone a media file stands in for."""
    name = Path(source).name
    dev = DeviceInfo("file", FILE_DEVICE_NAME.format(name=name), True, file=name)
    return {"cameras": [dev] if has_video else [], "microphones": [dev]}


class FileBackend(CaptureBackend):
    name = "file"

    def __init__(self, source: Path, *, ffmpeg_exe: str | None = None, lose_after_s: float | None = None) -> None:
        super().__init__()
        self.source = Path(source)
        self.lose_after_s = lose_after_s
        self._exe = ffmpeg_exe
        self._config = CaptureConfig()
        self._proc: subprocess.Popen[bytes] | None = None
        self._reader: threading.Thread | None = None
        self._frame: Frame | None = None
        self._frame_lock = threading.Lock()
        self._levels: list[float] = []
        self._has_video = False
        self._preview_size = (PREVIEW_WIDTH, 180)
        self._t_open = 0.0
        self._t_start = 0.0
        self._stopping = False
        self.ffmpeg_log = ""

    # -- what it pretends to be ---------------------------------------------------------------------

    def devices(self) -> dict[str, list[DeviceInfo]]:
        return file_devices(self.source, self._has_video)

    def open(self, config: CaptureConfig) -> None:
        from vlogkit.media.probe import probe

        try:
            info = probe(self.source)
        except MediaError as exc:
            raise DeviceError(N_("The file used as a camera cannot be read: {reason}"), reason=exc) from exc
        if not info.has_audio:
            raise DeviceError(N_("No microphone: {name} has no audio to record."), name=self.source.name)
        if not info.has_video and not config.audio_only:
            raise DeviceError(N_("No camera: {name} has no video; record sound only (--audio-only, or tick Audio "
                                 "only in the app)."), name=self.source.name)
        self._config = config
        self._has_video = info.has_video and not config.audio_only
        if self._has_video:
            w, h = info.display_size
            self._preview_size = (PREVIEW_WIDTH, max(2, round(PREVIEW_WIDTH * h / w / 2) * 2))
            self._frame = self._first_frame()
        self._levels = self._audio_levels()
        self._t_open = time.monotonic()
        self.lost = ""

    def _ffmpeg(self) -> str:
        if self._exe is None:
            from vlogkit.media.ffmpeg import find_ffmpeg

            self._exe = find_ffmpeg()
        return self._exe

    def _first_frame(self) -> Frame | None:
        w, h = self._preview_size
        out = subprocess.run(
            [self._ffmpeg(), "-hide_banner", "-loglevel", "error", "-nostdin", "-ss", "1", "-i", str(self.source),
             "-frames:v", "1", "-vf", f"scale={w}:{h}", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"],
            capture_output=True, timeout=60,
        )
        return Frame(w, h, out.stdout) if len(out.stdout) == w * h * 3 else None

    def _audio_levels(self) -> list[float]:
        """Loudness of the file's audio per 100 ms, 0..1 (-60 dBFS .. 0 dBFS)."""
        import av
        import numpy as np

        levels: list[float] = []
        per = 16000 * LEVEL_WINDOW_MS // 1000
        buf = np.zeros(0, dtype=np.float32)
        with av.open(str(self.source)) as container:
            stream = container.streams.audio[0]
            resampler = av.AudioResampler(format="flt", layout="mono", rate=16000)
            for frame in container.decode(stream):
                for rf in resampler.resample(frame):
                    buf = np.concatenate([buf, rf.to_ndarray().reshape(-1)])
                while len(buf) >= per:
                    chunk, buf = buf[:per], buf[per:]
                    rms = float(np.sqrt(np.mean(chunk * chunk))) + 1e-9
                    levels.append(max(0.0, min(1.0, (20 * np.log10(rms) + 60) / 60)))
        return levels

    # -- recording ----------------------------------------------------------------------------------

    def start(self, path: Path) -> None:
        if self._proc is not None:
            raise DeviceError("The file backend is already recording.")
        self._stopping = False
        self.lost = ""
        self.ended = False
        if self.lose_after_s is not None and self.lose_after_s <= 0:
            self.lost = "the camera was unplugged before it sent anything"
            return
        args = [self._ffmpeg(), "-hide_banner", "-loglevel", "error", "-nostats", "-y", "-re", "-readrate_initial_burst", "0"]
        if self.lose_after_s is not None:
            args += ["-t", f"{self.lose_after_s:.3f}"]
        args += ["-i", str(self.source)]
        if self._has_video:
            _, height = self._config.size
            args += ["-map", "0:v:0", "-vf", f"scale=-2:{height}", "-c:v", "libx264", "-preset", "ultrafast",
                     "-pix_fmt", "yuv420p", "-g", "15"]
        args += ["-map", "0:a:0", "-c:a", "aac", "-b:a", "128k",
                 "-cluster_time_limit", "500", "-flush_packets", "1", "-f", "matroska", str(path)]
        if self._has_video:
            w, h = self._preview_size
            args += ["-map", "0:v:0", "-vf", f"fps={PREVIEW_FPS},scale={w}:{h}", "-f", "rawvideo",
                     "-pix_fmt", "rgb24", "pipe:1"]
        log.info("file backend: %s", " ".join(args))
        from vlogkit.media.ffmpeg import die_with_parent

        # like every ffmpeg vlogkit starts: it dies with vlogkit instead of writing on as an orphan
        self._proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      preexec_fn=die_with_parent())
        self._t_start = time.monotonic()
        self._reader = threading.Thread(target=self._read_preview, args=(self._proc,), daemon=True)
        self._reader.start()

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def _read_preview(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdout is not None
        w, h = self._preview_size
        size = w * h * 3
        while True:
            data = proc.stdout.read(size)
            if not data or len(data) < size:
                return
            if self._config.audio_only:
                continue
            with self._frame_lock:
                self._frame = Frame(w, h, data)

    def poll(self) -> None:
        proc = self._proc
        if proc is not None and not self._stopping and proc.poll() is not None:
            self.lost = "the camera stopped sending (end of the source file)"
            # a file that ran out is not a lost device (`lose_after_s` simulates a real unplug)
            self.ended = self.lose_after_s is None

    @property
    def recording(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def stop(self) -> None:
        proc = self._proc
        if proc is None:
            return
        self._stopping = True
        if proc.poll() is None:
            try:
                assert proc.stdin is not None
                proc.stdin.write(b"q")
                proc.stdin.flush()
                proc.stdin.close()
            except OSError:
                pass
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.terminate()
                proc.wait(5)
        if self._reader is not None:
            self._reader.join(5)
        assert proc.stderr is not None
        self.ffmpeg_log = proc.stderr.read().decode("utf-8", "replace")[-2000:]
        self._proc = None

    def close(self) -> None:
        if self._proc is not None:
            self.stop()

    # -- preview ------------------------------------------------------------------------------------

    def latest_frame(self) -> Frame | None:
        if not self._has_video:
            return None
        with self._frame_lock:
            return self._frame

    def level(self) -> float:
        if not self._levels:
            return 0.0
        t = time.monotonic() - (self._t_start if self._proc is not None else self._t_open)
        i = int(t * 1000 / LEVEL_WINDOW_MS)
        return self._levels[i % len(self._levels)]
