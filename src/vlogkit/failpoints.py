"""Fault injection for reliability tests: `VLOGKIT_FAILPOINT=name=action[,name=action]`.

Actions: `kill` (SIGKILL this process - a crash), `term` (SIGTERM to this process - a polite stop), `raise` (a VlogkitError), `enospc` (an OSError "No space left on
device"). Unset in normal use; checking costs one environment lookup.
"""

from __future__ import annotations

import errno
import os
import signal

from vlogkit.errors import VlogkitError


def failpoint(name: str) -> None:
    spec = os.environ.get("VLOGKIT_FAILPOINT")
    if not spec:
        return
    for entry in spec.split(","):
        key, _, action = entry.partition("=")
        if key.strip() != name:
            continue
        action = action.strip() or "raise"
        if action == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        if action == "term":
            os.kill(os.getpid(), signal.SIGTERM)
            return
        if action == "enospc":
            raise OSError(errno.ENOSPC, "No space left on device")
        raise VlogkitError(f"injected failure at {name}")
