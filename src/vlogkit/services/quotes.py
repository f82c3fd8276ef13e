"""Find quotable lines in a vlog: transcribe when needed, rank candidates, cache them by transcript content."""

from __future__ import annotations

import hashlib
import json
import logging
from typing import TYPE_CHECKING

from vlogkit.domain import Candidate, Transcript, VlogState
from vlogkit.errors import UsageError
from vlogkit.fileutil import atomic_write_text, safe_filename
from vlogkit.jobs import JobContext
from vlogkit.quotes import FINDER_VERSION, find_candidates
from vlogkit.quotes.sentences import build_sentences

if TYPE_CHECKING:
    from vlogkit.services.app import App

log = logging.getLogger(__name__)


def transcript_key(transcript: Transcript) -> str:
    """A key for the transcript's content (corrections included) and the finder's version."""
    raw = json.dumps(transcript.to_dict(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{FINDER_VERSION}:{raw}".encode()).hexdigest()[:24]


class QuoteService:
    def __init__(self, app: App) -> None:
        self.app = app

    @staticmethod
    def sentence_starts(transcript: Transcript) -> list[int]:
        """Where each sentence starts (ms), built from the word timings as the finder builds them."""
        return [s.start for s in build_sentences(transcript.words)]

    def transcript(self, vlog_id: str, ctx: JobContext | None = None) -> Transcript:
        """The stored transcript (with corrections); transcribes first when there is none."""
        ctx = ctx or JobContext()
        t = self.app.transcription.get(vlog_id)
        if t is None:
            t = self.app.transcription.transcribe(vlog_id, ctx=ctx)
        return t

    def candidates(self, vlog_id: str, top: int | None = None, ctx: JobContext | None = None) -> list[Candidate]:
        """Candidates ranked best first; rank N is the same line for `bank add --candidate N` and `export`."""
        if top is not None and top < 1:
            raise UsageError("--top must be 1 or more.")
        ctx = ctx or JobContext()
        vlog = self.app.vlogs.get(vlog_id)
        transcript = self.transcript(vlog.id, ctx.sub(0.0, 0.9))
        ctx.raise_if_cancelled()
        ctx.report(0.92, "Finding quotes")
        key = transcript_key(transcript)
        cands = self._cached(vlog.id, key)
        if cands is None:
            cands = find_candidates(transcript.without_held_back())  # never quote what Whisper may have invented
            self._store(vlog.id, key, cands)
        if cands:  # "has quotes" only when there are some
            self.app.vlogs.modify(vlog.id, lambda v: v.with_(state=VlogState.HAS_QUOTES))  # keeps others' edits
        ctx.report(1.0, f"{len(cands)} candidates")
        return cands[:top] if top is not None else cands

    def candidate(self, vlog_id: str, rank: int, ctx: JobContext | None = None) -> Candidate:
        cands = self.candidates(vlog_id, ctx=ctx)
        for c in cands:
            if c.rank == rank:
                return c
        raise UsageError(
            f"Vlog {vlog_id} has {len(cands)} candidate quote{'s' if len(cands) != 1 else ''}, so there is no "
            f"rank {rank}; `vlogkit quotes {vlog_id}` lists them."
        )

    # -- cache: one small JSON file per vlog, keyed by transcript content -----------------------------

    def _path(self, vlog_id: str):  # noqa: ANN202
        return self.app.paths.cache_dir / "quotes" / f"{safe_filename(vlog_id, 40, 'vlog')}.json"

    def _cached(self, vlog_id: str, key: str) -> list[Candidate] | None:
        try:
            data = json.loads(self._path(vlog_id).read_text(encoding="utf-8"))
            if data.get("key") != key:
                return None
            return [Candidate.from_dict(c) for c in data["candidates"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _store(self, vlog_id: str, key: str, cands: list[Candidate]) -> None:
        try:
            atomic_write_text(
                self._path(vlog_id),
                json.dumps({"key": key, "candidates": [c.to_dict() for c in cands]}, ensure_ascii=False),
            )
        except Exception as exc:  # noqa: BLE001 - a cache is a nicety
            log.warning("could not cache quote candidates for %s: %s", vlog_id, exc)
