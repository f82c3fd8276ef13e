"""The inbox: a folder (synced by OneDrive/SharePoint, or a network share) where hand-off packages arrive.

`watchdog` reports files as they appear and change; a package is read only once its size and modification time
have stayed the same for `settle_s` seconds AND it is a whole zip with a valid manifest - a file still being
copied is never read half. Imported packages move to `imported/`; a bad one moves to `rejected/` with a `.txt`
beside it saying why. Hidden files (the temporary names sync tools copy under) are ignored.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vlogkit.errors import N_, Phrase, UsageError, VlogkitError
from vlogkit.fileutil import atomic_write_text, unique_path
from vlogkit.store.package import SUFFIX, PackageError, PackageIncomplete, check_complete

if TYPE_CHECKING:
    from vlogkit.services.app import App

log = logging.getLogger(__name__)
REJECTED, IMPORTED = "rejected", "imported"
CONSENT_WORDS = {"internal": {"en": "consent internal", "nl": "toestemming intern", "fr": "consentement interne"},
                 "external": {"en": "consent external", "nl": "toestemming extern", "fr": "consentement externe"},
                 "none": {"en": "consent none", "nl": "geen toestemming", "fr": "aucun consentement"}}
NOTES = {(False, False): "", (True, False): N_(", the package's newer record taken over"),
         (False, True): N_(", waiting for confirmation"),
         (True, True): N_(", the package's newer record taken over, waiting for confirmation")}


@dataclass
class InboxEvent:
    path: Path  # where the package is now (imported/ or rejected/)
    outcome: str  # "imported" | "existing" | "rejected"
    message: str  # a `Phrase`: English as a str (the CLI prints it); the app words it in its language (`error_text`)
    vlog_id: str = ""


@dataclass
class _Seen:
    signature: tuple[int, int]
    since: float


class Inbox:
    def __init__(self, app: App, folder: Path, *, settle_s: float = 2.0, give_up_s: float = 120.0,
                 on_event: Callable[[InboxEvent], None] | None = None) -> None:
        self.app = app
        self.folder = Path(folder).expanduser()
        if not self.folder.is_dir():
            raise UsageError(f"{self.folder} is not a folder: give the inbox folder the packages arrive in.")
        self.settle_s, self.give_up_s = settle_s, give_up_s
        self.on_event = on_event or (lambda e: None)
        self._seen: dict[Path, _Seen] = {}
        self._wake = threading.Event()

    # -- discovery --------------------------------------------------------------------------------

    def _candidate(self, p: Path) -> bool:
        return p.parent == self.folder and p.suffix.lower() == SUFFIX and not p.name.startswith((".", "~"))

    def notice(self, path: Path | str) -> None:
        """A file appeared or changed (called by watchdog's thread): check it soon."""
        if self._candidate(Path(path)):
            self._wake.set()

    def pending(self) -> list[Path]:
        return sorted(p for p in self.folder.iterdir() if self._candidate(p) and p.is_file())

    # -- one pass ---------------------------------------------------------------------------------

    def step(self, now: float | None = None) -> list[InboxEvent]:
        """Look at every package in the folder; import those that are complete and settled."""
        now = time.monotonic() if now is None else now
        events: list[InboxEvent] = []
        present = set(self.pending())
        for gone in set(self._seen) - present:
            del self._seen[gone]
        for p in sorted(present):
            try:
                st = p.stat()
            except OSError:
                continue
            sig = (st.st_size, st.st_mtime_ns)
            seen = self._seen.get(p)
            if seen is None or seen.signature != sig:
                self._seen[p] = _Seen(sig, now)  # new or still growing: wait for it to settle
                continue
            if now - seen.since < self.settle_s:
                continue
            event = self._take(p, now - seen.since)
            if event is not None:
                self._seen.pop(p, None)
                events.append(event)
                self.on_event(event)
        return events

    def _take(self, p: Path, stable_for: float) -> InboxEvent | None:
        try:
            check_complete(p)
        except PackageIncomplete as exc:
            if stable_for < self.give_up_s:
                return None  # a sync tool may still be filling it in
            return self._reject(p, Phrase(N_("{reason} It stayed incomplete for {s} s."), reason=exc,
                                          s=int(stable_for)))
        except PackageError as exc:
            return self._reject(p, exc)
        try:
            r = self.app.handoff.import_package(p)
        except PackageError as exc:
            return self._reject(p, exc)
        except VlogkitError as exc:  # the library is unreachable or locked: leave the package, try again later
            log.warning("inbox: %s stays in the inbox: %s", p.name, exc)
            self._seen.pop(p, None)
            return None
        dest = self._move(p, IMPORTED)
        outcome = "existing" if r.existing else "imported"
        waiting = r.consent_change == "claimed" or (not r.existing and r.trust != "team")
        notes = NOTES[(r.consent_change == "narrowed", waiting)]
        scope = r.vlog.consent.scope.value
        msg = Phrase(N_("{name}: already in the library as {id} ({consent}{notes})") if r.existing else
                     N_("{name}: imported as {id} ({consent}{notes})"), name=p.name, id=r.vlog.id,
                     consent=CONSENT_WORDS.get(scope, {"en": f"consent {scope}"}), notes=Phrase(notes) if notes else "")
        return InboxEvent(dest, outcome, msg, r.vlog.id)

    def _move(self, p: Path, sub: str) -> Path:
        dest = unique_path(self.folder / sub / p.name)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(p), dest)
        return dest

    def _reject(self, p: Path, why: VlogkitError | Phrase) -> InboxEvent:
        dest = self._move(p, REJECTED)
        stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        atomic_write_text(dest.with_name(dest.name + ".txt"),
                          f"{dest.name} was rejected by vlogkit on {stamp} ({self.app.user}).\n\n{why}\n\n"
                          f"Ask the sender to make the package again with `vlogkit send` and drop it in the inbox.\n")
        self.app.export_log.record("inbox-reject", vlog_ids=[], outputs=[str(dest)], audience="-", detail=str(why),
                                   user=self.app.user)
        return InboxEvent(dest, "rejected", Phrase(N_("{name}: rejected - {why}"), name=p.name, why=why))

    # -- the loop ---------------------------------------------------------------------------------

    def run(self, stop: threading.Event, *, once: bool = False, tick_s: float = 0.5) -> list[InboxEvent]:
        """Watch until `stop` is set (or, with `once`, until the packages there now are handled)."""
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers import Observer

        inbox = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                for attr in ("src_path", "dest_path"):
                    path = getattr(event, attr, "")
                    if path:
                        inbox.notice(os.fsdecode(path))

        observer = Observer()
        observer.schedule(Handler(), str(self.folder), recursive=False)
        observer.start()
        done: list[InboxEvent] = []
        try:
            while not stop.is_set():
                done.extend(self.step())
                if once and not self.pending():
                    break
                # watchdog wakes us as soon as a package appears; while one settles, look again every tick
                self._wake.wait(tick_s if self._seen else 5.0)
                self._wake.clear()
        finally:
            observer.stop()
            observer.join(5)
        return done
