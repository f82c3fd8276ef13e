"""Fault injection for reliability tests: `VLOGKIT_FAILPOINT=name=action[,name=action]`.

Actions: `kill` (SIGKILL this process - a crash), `term` (SIGTERM to this process - a polite stop), `raise` (a
VlogkitError), `enospc` (an OSError "No space left on device"); `action@N` acts on the N-th time the point is reached
in this process only. Unset in normal use; checking costs one environment lookup.
"""

from __future__ import annotations

import errno
import os
import signal

from vlogkit.errors import VlogkitError

_hits: dict[str, int] = {}


def failpoint(name: str) -> None:
    spec = os.environ.get("VLOGKIT_FAILPOINT")
    if not spec:
        return
    for entry in spec.split(","):
        key, _, action = entry.partition("=")
        if key.strip() != name:
            continue
        action, _, nth = (action.strip() or "raise").partition("@")
        if nth:
            _hits[name] = _hits.get(name, 0) + 1
            if _hits[name] != int(nth):
                continue
        if action == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        if action == "term":
            os.kill(os.getpid(), signal.SIGTERM)
            return
        if action == "enospc":
            raise OSError(errno.ENOSPC, "No space left on device")
        raise VlogkitError(f"injected failure at {name}")
