"""Transcripts of a TinyDB library: one JSON file per vlog in `transcripts/`, named in the vlog's `extra`."""

from __future__ import annotations

import json
from pathlib import Path

from vlogkit.domain import Transcript, Vlog
from vlogkit.errors import N_, LibraryError
from vlogkit.fileutil import atomic_write_text, safe_filename


class DamagedTranscript(LibraryError):
    """A stored transcript that cannot be read; a new transcription replaces it."""


class FileTranscriptRepository:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _file(self, vlog_id: str) -> Path:
        return self.folder / f"{safe_filename(vlog_id, 40, 'vlog')}.json"

    def get(self, vlog: Vlog) -> tuple[str, Transcript] | None:
        name = vlog.extra.get("transcript")
        if not name:
            return None
        p = self.folder / Path(str(name)).name
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
            return str(data.get("cache_key", "")), Transcript.from_dict(data["transcript"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise DamagedTranscript(N_("The stored transcript of vlog {id} is damaged ({path}): run `vlogkit transcribe "
                                  "{id} --no-cache` to make a new one."), id=vlog.id, path=p) from exc

    def put(self, vlog_id: str, transcript: Transcript, key: str) -> None:
        """Write the file; the caller records its name in the vlog (`extra.transcript`)."""
        atomic_write_text(self._file(vlog_id),
                          json.dumps({"cache_key": key, "transcript": transcript.to_dict()}, ensure_ascii=False))

    def remove(self, vlog_id: str) -> bool:
        p = self._file(vlog_id)
        existed = p.exists()
        p.unlink(missing_ok=True)
        return existed
