"""The services object: built once by the CLI or the GUI's composition root and handed down (no globals)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from vlogkit.config import Paths, Settings
from vlogkit.logs import setup_logging

if TYPE_CHECKING:
    from vlogkit.media.ffmpeg import Ffmpeg
    from vlogkit.services.data import DataService
    from vlogkit.services.library import LibraryService
    from vlogkit.store.export_log import ExportLog
    from vlogkit.store.library import LibraryRepository


class App:
    """Holds paths, settings and the repositories; exposes one service object per use case.

    `transcriber` may be injected (tests pass a scripted one); otherwise the real faster-whisper engine is made
    on first use.
    """

    def __init__(self, paths: Paths | None = None, *, transcriber: Any = None) -> None:
        self.paths = paths or Paths.from_env()
        self.paths.ensure()
        self.log_file = setup_logging(self.paths.logs_dir)
        self.settings = Settings.load(self.paths.settings_file)
        self._transcriber = transcriber

    def save_settings(self) -> None:
        self.settings.save(self.paths.settings_file)

    @cached_property
    def ffmpeg(self) -> Ffmpeg:
        from vlogkit.media.ffmpeg import Ffmpeg

        return Ffmpeg()

    @cached_property
    def vlogs(self) -> LibraryRepository:
        from vlogkit.store.library import LibraryRepository

        return LibraryRepository(self.paths.library_db)

    @cached_property
    def export_log(self) -> ExportLog:
        from vlogkit.store.export_log import ExportLog

        return ExportLog(self.paths.library_db)

    @cached_property
    def data(self) -> DataService:
        from vlogkit.services.data import DataService

        return DataService(self)

    @cached_property
    def library(self) -> LibraryService:
        from vlogkit.services.library import LibraryService

        return LibraryService(self)

    # The services below live in their own modules; each is created on first use.

    @cached_property
    def transcription(self) -> Any:
        from vlogkit.services.transcription import TranscriptionService

        return TranscriptionService(self)

    @cached_property
    def quotes(self) -> Any:
        from vlogkit.services.quotes import QuoteService

        return QuoteService(self)

    @cached_property
    def bank(self) -> Any:
        from vlogkit.services.bank import BankService

        return BankService(self)

    @cached_property
    def export(self) -> Any:
        from vlogkit.services.export import ExportService

        return ExportService(self)

    @cached_property
    def capture(self) -> Any:
        from vlogkit.services.capture import CaptureService

        return CaptureService(self)
