"""A rotating log file under the data folder: the user sees one line, support reads the traceback here."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

_configured: set[Path] = set()


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A log file that cannot be written (full disk, read-only) loses the record; it never prints a traceback on
    the user's terminal ("--- Logging error ---") next to the one-line message."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        pass


def setup_logging(logs_dir: Path) -> Path:
    logs_dir.mkdir(parents=True, exist_ok=True)
    log_file = logs_dir / "vlogkit.log"
    if log_file in _configured:
        return log_file
    handler = _QuietFileHandler(log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("vlogkit")
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    _configured.add(log_file)
    return log_file
