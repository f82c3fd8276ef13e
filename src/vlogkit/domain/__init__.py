"""Plain values shared by every layer. Standard library only; times are integer milliseconds."""

from __future__ import annotations

from vlogkit.domain.clearance import AUDIENCES, Clearance, ClipUse, QuoteUse, clearance, cleared_scope
from vlogkit.domain.consent import Consent, ConsentScope, allows_less, record_key
from vlogkit.domain.dates import DateFormatError, parse_day
from vlogkit.domain.export import PRESETS, CaptionStyle, ExportPreset, ExportResult, OutputFile
from vlogkit.domain.media import AudioStream, MediaInfo, VideoStream
from vlogkit.domain.quote import Candidate, Proposal, Quote, QuoteStatus, Reason
from vlogkit.domain.transcript import Segment, Transcript, Word
from vlogkit.domain.vlog import Speaker, Vlog, VlogState

__all__ = [
    "AUDIENCES",
    "PRESETS",
    "Clearance",
    "ClipUse",
    "DateFormatError",
    "Proposal",
    "QuoteUse",
    "clearance",
    "cleared_scope",
    "parse_day",
    "CaptionStyle",
    "ExportPreset",
    "ExportResult",
    "OutputFile",
    "AudioStream",
    "Candidate",
    "Consent",
    "ConsentScope",
    "allows_less",
    "record_key",
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
