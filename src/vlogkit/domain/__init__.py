"""Plain values shared by every layer. Standard library only; times are integer milliseconds."""

from __future__ import annotations

from vlogkit.domain.export import PRESETS, CaptionStyle, ExportPreset, ExportResult, OutputFile
from vlogkit.domain.media import AudioStream, MediaInfo, VideoStream
from vlogkit.domain.quote import Candidate, Quote, QuoteStatus, Reason
from vlogkit.domain.transcript import Segment, Transcript, Word
from vlogkit.domain.vlog import Consent, ConsentScope, Speaker, Vlog, VlogState

__all__ = [
    "PRESETS",
    "CaptionStyle",
    "ExportPreset",
    "ExportResult",
    "OutputFile",
    "AudioStream",
    "Candidate",
    "Consent",
    "ConsentScope",
    "MediaInfo",
    "Quote",
    "QuoteStatus",
    "Reason",
    "Segment",
    "Speaker",
    "Transcript",
    "VideoStream",
    "Vlog",
    "VlogState",
    "Word",
]
