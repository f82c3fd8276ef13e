"""The one-laptop library: TinyDB files in VLOGKIT_HOME (library.json, bank.json) and transcript files."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

from vlogkit.store.bank import BankRepository
from vlogkit.store.db import Database
from vlogkit.store.export_log import ExportLog
from vlogkit.store.library import LibraryRepository
from vlogkit.store.prompts import TinyPromptRepository
from vlogkit.store.tombstones import Tombstones
from vlogkit.store.transcripts import FileTranscriptRepository


class TinyStore:
    kind = "tinydb"

    def __init__(self, library_db: Path, bank_db: Path, transcripts_dir: Path, export_log_db: Path | None = None,
                 forgotten_file: Path | None = None) -> None:
        self.location = str(Path(library_db).parent)
        self.library_db, self.bank_db = Path(library_db), Path(bank_db)
        self.vlogs = LibraryRepository(self.library_db)
        self.quotes = BankRepository(self.bank_db)
        self.prompts = TinyPromptRepository(self.library_db)
        self.transcripts = FileTranscriptRepository(transcripts_dir)
        # the log lives in its own file, so a restored library.json never replaces it (entries kept there by older
        # vlogkits are moved over on first use)
        self.export_log = ExportLog(export_log_db or self.library_db.with_name("export-log.json"), legacy=self.library_db)
        self.team_settings = None  # one laptop: its own settings.json is all there is
        self.tombstones = Tombstones(forgotten_file or self.library_db.with_name("forgotten.json"))

    def exclusive(self, name: str, timeout_s: float = 120) -> AbstractContextManager[object]:
        """A lock every vlogkit process on this computer respects (a file lock in the home folder)."""
        from filelock import FileLock

        return FileLock(str(self.library_db.with_name(f"{name}.lock")), timeout=timeout_s)

    def check(self) -> str:
        """One line per database file (for `vlogkit doctor`)."""
        return (f"{self.library_db}: {Database(self.library_db).check()}; "
                f"{self.bank_db}: {Database(self.bank_db).check()}")

    def close(self) -> None:
        pass
