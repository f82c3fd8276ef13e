"""The app's last line of defence for errors: a `VlogkitError` that escapes a Qt slot (the team library's server went
away while the app was open, and a click, a tab or a search read from it) is shown to the user - in the UI language,
in the status bar and once in a message box - instead of only reaching stderr, which a desktop user never sees.

Slots catch the errors they expect; this guard is for the reads nobody thought could fail. The same message again
within `REPEAT_S` (a search typed letter by letter while the server is down) goes to the status bar only.
"""

from __future__ import annotations

import logging
import sys
import time
from types import TracebackType
from typing import Protocol

from vlogkit.errors import VlogkitError
from vlogkit.ui.i18n import error_text

log = logging.getLogger(__name__)
REPEAT_S = 10.0


class ShowsErrors(Protocol):
    def show_error(self, message: str, modal: bool = False) -> None: ...

    def show_status(self, message: str) -> None: ...


class ErrorGuard:
    def __init__(self, window: ShowsErrors) -> None:
        self.window = window
        self.previous = sys.excepthook
        self.last = ("", 0.0)

    def __call__(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not isinstance(exc, VlogkitError):
            self.previous(kind, exc, tb)
            return
        log.error("not handled where it happened: %s", exc, exc_info=(kind, exc, tb))
        message = error_text(exc)
        now = time.monotonic()
        if message == self.last[0] and now - self.last[1] < REPEAT_S:
            self.window.show_status(message)
        else:
            self.window.show_error(message)
        self.last = (message, now)

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self.previous


def install_error_guard(window: ShowsErrors) -> ErrorGuard:
    guard = ErrorGuard(window)
    sys.excepthook = guard
    return guard
