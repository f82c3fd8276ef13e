"""The services object: built once by the CLI or the GUI's composition root and handed down (no globals)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from vlogkit.config import Paths, Settings, apply_team_settings, current_user, library_url, media_root
from vlogkit.logs import setup_logging

if TYPE_CHECKING:
    from vlogkit.media.ffmpeg import Ffmpeg
    from vlogkit.services.consent import ConsentService
    from vlogkit.services.data import DataService
    from vlogkit.services.export import ExportService
    from vlogkit.services.handoff import HandoffService
    from vlogkit.services.library import LibraryService
    from vlogkit.services.live_preview import LivePreviewService
    from vlogkit.services.prompts import PromptService
    from vlogkit.services.team import TeamService
    from vlogkit.services.waveform import WaveformService
    from vlogkit.store.protocols import ExportLogRepository, Store, TombstoneRepository, VlogRepository


class App:
    """Holds paths, settings and the repositories; exposes one service object per use case.

    `transcriber` may be injected (tests pass a scripted one); otherwise the real faster-whisper engine is made
    on first use.
    """

    def __init__(self, paths: Paths | None = None, *, transcriber: Any = None, local: bool = False) -> None:
        self.local = local  # use this computer's own library even when a team library is configured
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
    def store(self) -> Store:
        """The library's repositories: TinyDB files in the home folder, or the team's PostgreSQL database when
        `VLOGKIT_LIBRARY_URL` (or the `library_url` setting) names one and `local` was not asked for."""
        from vlogkit.store.tiny import TinyStore

        url = "" if self.local else library_url(self.settings)
        if url:
            from vlogkit.store.postgres import open_store

            store = open_store(url, media_root(self.settings))
            apply_team_settings(self.settings, store.team_settings.all())  # the team's brand kit, glossary...
            return store
        return TinyStore(self.paths.library_db, self.paths.bank_db, self.paths.transcripts_dir,
                         self.paths.export_log_file, self.paths.forgotten_file)

    def store_kind_wanted(self) -> str:
        """The backend this desk is set up for ("postgresql" or "tinydb"), without opening it."""
        return "postgresql" if not self.local and library_url(self.settings) else "tinydb"

    def use_local_library(self) -> None:
        """Switch to this computer's own library (the team library cannot be reached)."""
        self.local = True
        self.__dict__.pop("store", None)

    @property
    def vlogs(self) -> VlogRepository:
        return self.store.vlogs

    @property
    def export_log(self) -> ExportLogRepository:
        """The library's log of exports, consent changes, approvals and imports; entries carry this user."""
        return UserLog(self.store.export_log, self)

    @property
    def user(self) -> str:
        """Who is working: the `user_name` setting, else the operating-system user (recorded with approvals,
        consent changes and exports)."""
        return current_user(self.settings)

    @cached_property
    def prompts(self) -> PromptService:
        from vlogkit.services.prompts import PromptService

        return PromptService(self)

    @property
    def tombstones(self) -> TombstoneRepository:
        """The library's record of forgotten vlogs (a team library shares it: forgotten at one desk, at all)."""
        return self.store.tombstones

    @cached_property
    def data(self) -> DataService:
        from vlogkit.services.data import DataService

        return DataService(self)

    @cached_property
    def consent(self) -> ConsentService:
        from vlogkit.services.consent import ConsentService

        return ConsentService(self)

    @cached_property
    def library(self) -> LibraryService:
        from vlogkit.services.library import LibraryService

        return LibraryService(self)

    @cached_property
    def live_preview(self) -> LivePreviewService:
        from vlogkit.services.live_preview import LivePreviewService

        return LivePreviewService(self)

    @cached_property
    def waveform(self) -> WaveformService:
        from vlogkit.services.waveform import WaveformService

        return WaveformService(self)

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
    def export(self) -> ExportService:
        from vlogkit.services.export import ExportService

        return ExportService(self)

    @cached_property
    def team(self) -> TeamService:
        from vlogkit.services.team import TeamService

        return TeamService(self)

    @cached_property
    def handoff(self) -> HandoffService:
        from vlogkit.services.handoff import HandoffService

        return HandoffService(self)

    @cached_property
    def capture(self) -> Any:
        from vlogkit.services.capture import CaptureService

        return CaptureService(self)


class UserLog:
    """The store's log with the working user filled in, so every entry says who did it."""

    def __init__(self, log: ExportLogRepository, app: App) -> None:
        self._log, self._app = log, app

    def record(self, kind: str, *, vlog_ids: list[str], outputs: list[str], audience: str, detail: str = "",
               user: str = "") -> dict[str, Any]:
        return self._log.record(kind, vlog_ids=vlog_ids, outputs=outputs, audience=audience, detail=detail,
                                user=user or self._app.user)

    def entries(self, vlog_id: str | None = None) -> list[dict[str, Any]]:
        return self._log.entries(vlog_id)
