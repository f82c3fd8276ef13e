"""Record at the desk, then keep: the use case behind the Record tab and `vlogkit record`.

Keeping a take remuxes its Matroska file to MP4 in the library's media folder (vlogkit's own copy), imports it with
the speaker and a dated consent, forgets the take, remembers the speaker for this computer, and - when asked or
when the `auto_transcribe` setting is on - transcribes it.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from filelock import FileLock, Timeout

from vlogkit.capture.backend import CaptureBackend, CaptureConfig, DeviceInfo
from vlogkit.capture.recovery import InterruptedTake, discard, find_interrupted, recover
from vlogkit.capture.session import CaptureSession, Take, remove_take_files
from vlogkit.domain import ConsentScope, Speaker, Vlog
from vlogkit.errors import N_, DeviceError, Phrase, UsageError, VlogkitError
from vlogkit.fileutil import output_file, safe_filename, unique_path
from vlogkit.jobs import JobContext

if TYPE_CHECKING:
    from vlogkit.services.app import App

log = logging.getLogger(__name__)

KEEPABLE_CONSENTS = (ConsentScope.INTERNAL, ConsentScope.EXTERNAL)


class CaptureService:
    def __init__(self, app: App) -> None:
        self.app = app
        self._held: dict[Path, FileLock] = {}  # recovered takes this process owns until kept or discarded

    # -- devices and sessions -----------------------------------------------------------------------

    def devices(self) -> dict[str, list[DeviceInfo]]:
        from vlogkit.capture.devices import list_devices

        return list_devices()

    def check_devices(self, config: CaptureConfig, devices: dict[str, list[DeviceInfo]] | None = None) -> None:
        """Raise `DeviceError` naming what is missing (the camera only matters without audio-only)."""
        from vlogkit.capture.devices import permission_help

        devices = devices if devices is not None else self.devices()
        missing = []
        cams, mics = devices.get("cameras", []), devices.get("microphones", [])
        if not config.audio_only and not cams:
            missing.append("camera")
        if not mics:
            missing.append("microphone")
        if missing:
            template = {("camera",): N_("No camera found. Use --audio-only to record sound only. {help}"),
                        ("microphone",): N_("No microphone found. {help}"),
                        ("camera", "microphone"): N_("No camera and no microphone found. {help}")}[tuple(missing)]
            raise DeviceError(template, help=Phrase(permission_help(missing[0])))
        if config.camera_id and not config.audio_only and config.camera_id not in {d.id for d in cams}:
            raise DeviceError(N_("No camera with id '{id}': `vlogkit devices` lists them."), id=config.camera_id)
        if config.microphone_id and config.microphone_id not in {d.id for d in mics}:
            raise DeviceError(N_("No microphone with id '{id}': `vlogkit devices` lists them."), id=config.microphone_id)

    def qt_backend(self, *, pump_events: bool = False) -> CaptureBackend:
        from vlogkit.capture.qt_backend import QtBackend

        return QtBackend(pump_events=pump_events)

    def file_backend(self, source: Path, *, lose_after_s: float | None = None) -> CaptureBackend:
        from vlogkit.capture.file_backend import FileBackend

        return FileBackend(source, ffmpeg_exe=self.app.ffmpeg.exe, lose_after_s=lose_after_s)

    def file_devices(self, source: Path) -> dict[str, list[DeviceInfo]]:
        """The camera and microphone a media file stands in for (`--from-file`): a camera only when it has video.
        A file that cannot be read, or has no sound, is refused in one line."""
        from vlogkit.capture.file_backend import file_devices
        from vlogkit.media.probe import probe

        source = Path(source)
        if not source.is_file():
            raise UsageError(N_("No such file: {path}. Give a video or audio file to play as the camera."), path=source)
        info = probe(source)
        if not info.has_audio:
            raise DeviceError(N_("No microphone: {name} has no audio to record."), name=source.name)
        return file_devices(source, info.has_video)

    def new_session(self, backend: CaptureBackend, *, config: CaptureConfig | None = None,
                    limit_s: float | None = None, countdown_s: int = 3) -> CaptureSession:
        limit = limit_s if limit_s is not None else self.app.settings.record_limit_s
        return CaptureSession(backend, self.app.paths.captures_dir, config=config, limit_s=limit,
                              countdown_s=countdown_s)

    # -- the speaker, remembered per computer -------------------------------------------------------

    def last_speaker(self) -> Speaker:
        return Speaker.from_dict(self.app.settings.last_speaker)

    def remember_speaker(self, speaker: Speaker) -> None:
        self.app.settings.last_speaker = speaker.to_dict()
        self.app.save_settings()

    # -- keeping ------------------------------------------------------------------------------------

    @staticmethod
    def check_keep(speaker: Speaker, consent: ConsentScope) -> None:
        if not speaker.name.strip():
            raise UsageError(N_("Enter the speaker's name before keeping the take."))
        if ConsentScope(consent) not in KEEPABLE_CONSENTS:
            raise UsageError(N_("Choose the speaker's consent (internal only, or may be shared externally) before "
                                "keeping."))

    def keep(
        self,
        take: Take,
        *,
        speaker: Speaker,
        consent: ConsentScope,
        title: str = "",
        language: str = "auto",
        recorded_by: str = "",
        transcribe: bool | None = None,
        session: CaptureSession | None = None,
        ctx: JobContext | None = None,
    ) -> Vlog:
        """Import the take into the library; returns the new vlog. The take's files are removed once imported.
        `recorded_by` is who records the consent ("" = the settings user name, else the login name)."""
        from vlogkit.services.library import ImportOptions

        ctx = ctx or JobContext()
        consent = ConsentScope(consent)
        self.check_keep(speaker, consent)
        if not take.path.exists():
            raise VlogkitError(N_("The take {name} is gone; record it again."), name=take.path.name)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        name = safe_filename(f"recording-{stamp}-{speaker.name}", 80, "recording")
        dest = unique_path(self.app.paths.media_dir / f"{name}.mp4")
        ctx.report(0.0, "Saving the take")
        self._remux(take, dest, ctx.sub(0.0, 0.3))
        title = title or (f"{speaker.name}: {take.prompt}" if take.prompt else f"Recording by {speaker.name}")
        result = self.app.library.import_file(
            dest, ImportOptions(speaker=speaker, language=language, consent=consent, copy=False, title=title[:120],
                                recorded_by=recorded_by.strip()),
            ctx.sub(0.3, 0.5),
        )
        if result.vlog is None:
            dest.unlink(missing_ok=True)
            raise VlogkitError(N_("The take could not be added to the library: {reason}"),
                               reason=result.failure or result.error)
        vlog = result.vlog
        if Path(vlog.path) != dest:  # a team library keeps its own copy in the shared media folder
            dest.unlink(missing_ok=True)
        recording = {"prompt": take.prompt, "started": take.started, "stop_reason": take.stop_reason,
                     "audio_only": take.audio_only, "duration_ms": take.duration_ms}
        vlog = self.app.vlogs.save(vlog.with_(copied=True, extra={**vlog.extra, "recording": recording}))
        remove_take_files(take.path)
        self._release(take.path)
        if session is not None:
            session.kept()
        self.remember_speaker(speaker)
        log.info("kept take %s as vlog %s (%s)", take.path.name, vlog.id, dest)
        if transcribe if transcribe is not None else self.app.settings.auto_transcribe:
            self._transcribe(vlog.id, ctx.sub(0.5, 1.0))
            vlog = self.app.vlogs.get(vlog.id)
        ctx.report(1.0, "Kept")
        return vlog

    def _remux(self, take: Take, dest: Path, ctx: JobContext) -> None:
        """MKV -> MP4 without re-encoding when the codecs allow it; otherwise H.264/AAC."""
        copy = ["-i", str(take.path), "-map", "0:v:0?", "-map", "0:a:0", "-c", "copy", "-movflags", "+faststart"]
        encode = ["-i", str(take.path), "-map", "0:v:0?", "-map", "0:a:0", "-c:v", "libx264", "-preset", "veryfast",
                  "-crf", "20", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "160k", "-movflags", "+faststart"]
        with output_file(dest) as tmp:
            try:
                self.app.ffmpeg.run([*copy, "-f", "mp4", str(tmp)], ctx=ctx, duration_ms=take.duration_ms,
                                    outputs=[tmp])
            except VlogkitError as exc:
                if isinstance(exc, DeviceError) or ctx.cancelled:
                    raise
                log.info("remux by copy failed (%s); re-encoding", exc)
                self.app.ffmpeg.run([*encode, "-f", "mp4", str(tmp)], ctx=ctx, duration_ms=take.duration_ms,
                                    outputs=[tmp])

    def _transcribe(self, vlog_id: str, ctx: JobContext) -> None:
        try:
            service = self.app.transcription
        except ImportError:
            log.warning("transcription is not available in this build; %s stays untranscribed", vlog_id)
            return
        service.transcribe(vlog_id, ctx=ctx)

    def retake(self, session: CaptureSession) -> None:
        session.retake()

    # -- crash recovery -----------------------------------------------------------------------------

    def interrupted(self) -> list[InterruptedTake]:
        return find_interrupted(self.app.paths.captures_dir)

    def recover(self, take: InterruptedTake) -> Take:
        """Make an interrupted take keepable; this process owns it (locked) until it is kept or discarded."""
        lock = FileLock(str(take.path.with_suffix(".lock")), timeout=0)
        try:
            lock.acquire()
        except Timeout as exc:
            raise VlogkitError(N_("The take {name} is being recovered by another vlogkit window."),
                               name=take.path.name) from exc
        try:
            recovered = recover(take, self.app.ffmpeg.exe)
        except BaseException:
            lock.release()
            raise
        self._held[recovered.path] = lock
        return recovered

    def discard(self, take: InterruptedTake | Take) -> None:
        self._release(take.path)
        discard(take)

    def _release(self, path: Path) -> None:
        lock = self._held.pop(path, None)
        if lock is not None:
            lock.release()
            path.with_suffix(".lock").unlink(missing_ok=True)
