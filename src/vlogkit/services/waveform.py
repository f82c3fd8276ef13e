"""The timeline's waveform: computed once per vlog (in a background job), cached beside the library and referenced
from the vlog (`extra["waveform"]`), so opening the vlog again draws it at once."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from vlogkit.fileutil import atomic_write_bytes
from vlogkit.media.waveform import RATE, Waveform, compute_waveform

if TYPE_CHECKING:
    from vlogkit.jobs import JobContext
    from vlogkit.services.app import App

log = logging.getLogger(__name__)

__all__ = ["Waveform", "WaveformService"]


class WaveformService:
    def __init__(self, app: App) -> None:
        self.app = app

    def _file(self, fingerprint: str) -> Path:
        return self.app.paths.cache_dir / "waveforms" / f"{fingerprint}.vkwf"

    def cached(self, vlog_id: str) -> Waveform | None:
        """The stored waveform of the vlog, or None when it was not computed yet (or its file is unreadable)."""
        vlog = self.app.library.get(vlog_id)
        path = self._file(vlog.fingerprint)
        try:
            return Waveform.from_bytes(path.read_bytes())
        except (OSError, ValueError):
            return None

    def compute(self, vlog_id: str, ctx: JobContext | None = None) -> Waveform:
        """Compute (or read back) the vlog's waveform and keep it. The user's file is only read."""
        found = self.cached(vlog_id)
        if found is not None:
            return found
        vlog = self.app.library.get(vlog_id)
        if not vlog.media.has_audio:
            return Waveform(RATE, b"")  # nothing to draw (and nothing to keep)
        source = self.app.library.check_source(vlog)
        wf = compute_waveform(self.app.ffmpeg.exe, source, vlog.media.duration_ms, ctx)
        path = self._file(vlog.fingerprint)
        atomic_write_bytes(path, wf.to_bytes())
        try:
            self.app.vlogs.update_extra(vlog_id, waveform=str(path))
        except Exception as exc:  # noqa: BLE001 - removed meanwhile: the cache file is still right for its content
            log.info("waveform of %s kept, but the vlog is gone: %s", vlog_id, exc)
        return wf
