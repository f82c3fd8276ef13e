"""vlogkit - employee vlogs to transcripts, quotes and captioned clips, offline."""

__version__ = "0.1.0"
