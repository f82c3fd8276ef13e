"""The quote finder: pure functions of a `Transcript` (sentences, scoring with reasons, ranking). No Qt, no I/O."""

from __future__ import annotations

from vlogkit.quotes.finder import FINDER_VERSION, clip_range, find_candidates

__all__ = ["FINDER_VERSION", "clip_range", "find_candidates"]
