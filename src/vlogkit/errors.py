"""One exception tree. Every message says what happened and what to do.

    VlogkitError                    anything vlogkit reports to a person (CLI: one line, exit 1; GUI: a dialog)
    +-- UsageError                  the command was asked for something that makes no sense (CLI exit 2)
    +-- MediaError                  a file is missing, unreadable, not media, or lacks what the task needs
    |   +-- NoAudioError            nothing to transcribe
    +-- LibraryError                the library or bank database cannot be used (damaged, locked, schema too new)
    |   +-- NotFoundError           no vlog / quote with that id
    +-- ModelError                  a Whisper model cannot be found, assembled or downloaded
    +-- FfmpegError                 ffmpeg failed; the message carries the last meaningful line of its log
    +-- ConsentError                the material's consent does not allow what was asked
    +-- UnconfirmedWordError        an external output would burn in a swear word or slur nobody confirmed
    +-- DiskFullError               the disk filled up while writing an output
    +-- DeviceError                 a camera or microphone is missing or was lost
    +-- Cancelled                   the user cancelled a job (not an error to show as such)
"""

from __future__ import annotations


class VlogkitError(Exception):
    """Base of all errors vlogkit reports to people."""

    exit_code = 1


class UsageError(VlogkitError):
    exit_code = 2


class MediaError(VlogkitError):
    pass


class NoAudioError(MediaError):
    pass


class LibraryError(VlogkitError):
    pass


class NotFoundError(LibraryError):
    pass


class ModelError(VlogkitError):
    pass


class FfmpegError(VlogkitError):
    pass


class ConsentError(VlogkitError):
    pass


class UnconfirmedWordError(VlogkitError):
    pass


class DiskFullError(VlogkitError):
    pass


class DeviceError(VlogkitError):
    pass


class Cancelled(VlogkitError):
    """Raised inside a job when the user cancelled it."""

    exit_code = 130

    def __init__(self, message: str = "Cancelled.") -> None:
        super().__init__(message)
