"""Transcripts cached by media fingerprint + model + options, so running again is instant."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from vlogkit.domain import Transcript
from vlogkit.fileutil import atomic_write_text, safe_filename

log = logging.getLogger(__name__)

CACHE_VERSION = 3  # bump when the engine's output for the same inputs changes


def cache_key(fingerprint: str, model: str, options: dict[str, Any]) -> str:
    """`<fingerprint>-<hash of model and options>`: the media's fingerprint leads, so every cached transcript of
    one vlog can be found (and purged by `forget`) by name."""
    blob = json.dumps({"v": CACHE_VERSION, "fp": fingerprint, "model": model, "options": options},
                      sort_keys=True, ensure_ascii=True)
    return f"{safe_filename(fingerprint, 64, 'media')}-{hashlib.sha256(blob.encode()).hexdigest()[:32]}"


def is_legacy_key(name: str) -> bool:
    """A cache entry of an older vlogkit (a bare hash): it cannot be tied to a vlog, so forget drops them all."""
    return len(name) == 32 and all(c in "0123456789abcdef" for c in name)


class TranscriptCache:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str) -> Transcript | None:
        p = self._path(key)
        try:
            return Transcript.from_dict(json.loads(p.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:  # a damaged entry is a miss, not an error
            log.warning("ignoring damaged transcript cache entry %s: %s", p, exc)
            return None

    def put(self, key: str, transcript: Transcript) -> None:
        atomic_write_text(self._path(key), json.dumps(transcript.to_dict(), ensure_ascii=False))
