"""Notice when another process (a `vlogkit` command, a second window) changed the library or the bank.

The database files are replaced atomically on every write (a new inode), which a file watch does not survive, so
the *folder* is watched and each database file's (inode, mtime, size) signature is compared. Bursts of changes are
coalesced by a short timer, so ten quick `vlogkit import` runs cost one refresh.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DEBOUNCE_MS = 250


def signature(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


class StoreWatcher(QObject):
    library_changed = Signal()
    bank_changed = Signal()

    def __init__(self, library_file: Path, bank_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.files = {"library": Path(library_file), "bank": Path(bank_file)}
        self.seen = {k: signature(p) for k, p in self.files.items()}
        folders = {str(p.parent) for p in self.files.values()}
        for f in folders:
            Path(f).mkdir(parents=True, exist_ok=True)
        self.watcher = QFileSystemWatcher(sorted(folders), self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.watcher.directoryChanged.connect(lambda _p: self.timer.start())
        self.timer.timeout.connect(self.check)

    def check(self) -> None:
        """Emit a signal for each database file that changed since the last check (own writes included)."""
        for key, path in self.files.items():
            sig = signature(path)
            if sig != self.seen[key]:
                self.seen[key] = sig
                (self.library_changed if key == "library" else self.bank_changed).emit()
