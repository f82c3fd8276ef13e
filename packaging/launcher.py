"""Entry point of the frozen app (PyInstaller): the same `vlogkit` command as the pip-installed one.

With no arguments it starts the desktop app, as a double-click does.
"""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen child process must not start another vlogkit
    sys.argv[1:] = [a for a in sys.argv[1:] if not a.startswith("-psn_")]  # old macOS Finder adds a process id
    from vlogkit.cli import main

    raise SystemExit(main())
