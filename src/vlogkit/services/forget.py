"""The right to be forgotten: `vlogkit forget ID`.

What happens, in order:

1. A tombstone (the vlog's id and content fingerprint only - no name, no words) is written under the consent lock.
   From that instant every export of the vlog, in this process or another, stops before its outputs become final
   and removes them (`ConsentService.watch` / `require_current` / `gate`); imports of the same file, bank imports of
   its quotes and restores of a backup holding it are refused.
2. Every file exported with the person's content is found through the export log: the person's own clips,
   sidecars, posters and cards, and decks/CSV/Markdown/JSON holding only their quotes, are deleted; a shared file
   that also holds colleagues' quotes is rebuilt without theirs (`rebuild_shared`) or listed as needing it.
3. The quotes, transcript, thumbnails, caches (face track, waveform, transcripts, quote candidates - all keyed by
   vlog id or fingerprint), the library's own copy of the media and the library entry go.
4. What is left under the home is cleaned: the export log keeps no path of a removed file, `.bak` and
   `.before-restore` copies of the databases are rewritten, log lines mentioning the person are dropped, the
   remembered speaker in the settings is cleared. A last sweep lists any file that still mentions them.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vlogkit.errors import NotFoundError, VlogkitError
from vlogkit.fileutil import atomic_write_bytes, safe_filename
from vlogkit.services.restore import FROM_BACKUP  # restored log entries: never proof vlogkit wrote a file

if TYPE_CHECKING:
    from vlogkit.domain import Quote, Vlog
    from vlogkit.services.app import App

TEXT_SUFFIXES = {".json", ".log", ".txt", ".ini", ".srt", ".vtt", ".md", ".csv", ".bak", ""}
MIN_PHRASE = 12  # characters: shorter snippets of what was said are too common to tell the person apart


@dataclass
class ForgetReport:
    vlog_id: str
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # shared files still holding the person's quotes: need a rebuild
    rebuilt: list[str] = field(default_factory=list)  # shared files written again without the person's quotes
    leftovers: list[str] = field(default_factory=list)  # files under the home that still mention the person
    dry_run: bool = False

    def add(self, what: str) -> None:
        self.removed.append(what)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.vlog_id, "removed": self.removed, "kept": self.kept, "rebuilt": self.rebuilt,
                "leftovers": self.leftovers, "dry_run": self.dry_run}


@dataclass
class Traces:
    """What identifies the person in a file: their name, their vlog's id, fingerprint and file, and what they said."""

    vlog_id: str
    fingerprint: str
    name: str
    path: str
    phrases: list[str]

    @classmethod
    def of(cls, vlog: Vlog, quotes: list[Quote], transcript_texts: list[str]) -> Traces:
        said = {" ".join(t.split()) for t in [*transcript_texts, *(q.text for q in quotes),
                                             *(q.verbatim for q in quotes)]}
        return cls(vlog.id, vlog.fingerprint, vlog.speaker.name.strip(), vlog.path,
                   sorted((p for p in said if len(p) >= MIN_PHRASE), key=len))

    def in_text(self, text: str, *, by_id: bool = False) -> bool:
        """Whether `text` names the person or repeats what they said. The vlog's id alone is no personal data (the
        export log keeps it, so `vlogkit log ID` still answers); `by_id` counts it too (for log lines)."""
        folded = " ".join(text.split()).casefold()
        if self.fingerprint and self.fingerprint.casefold() in folded:
            return True
        if self.path and self.path.casefold() in folded:
            return True
        if len(self.name) >= 3 and (self.name.casefold() in folded
                                    or safe_filename(self.name, 40, "").casefold() in folded):  # as in file names
            return True
        if by_id and re.search(rf"(?<![a-z0-9]){re.escape(self.vlog_id)}(?![a-z0-9])", folded):
            return True
        return any(p.casefold() in folded for p in self.phrases)


class Forgetting:
    def __init__(self, app: App) -> None:
        self.app = app

    # -- the whole thing -----------------------------------------------------------------------------------

    def run(self, vlog_id: str, *, dry_run: bool = False, rebuild_shared: bool = False) -> ForgetReport:
        app = self.app
        try:
            vlog = app.vlogs.get(vlog_id)
        except NotFoundError:
            if app.tombstones.is_forgotten(vlog_id):
                return self._after(vlog_id, dry_run, rebuild_shared)
            raise
        report = ForgetReport(vlog_id, dry_run=dry_run)
        quotes = [q for q in app.bank.repo.all() if q.vlog_id == vlog_id]
        try:
            transcript = app.transcription.get(vlog_id)
        except VlogkitError:
            transcript = None
        traces = Traces.of(vlog, quotes, [s.text for s in transcript.segments] if transcript else [])
        if not dry_run:
            with app.consent.gate():  # from here on, no export of this vlog becomes final anywhere
                app.tombstones.add(vlog.id, vlog.fingerprint)
        removed = self._exports(vlog_id, {q.id for q in quotes}, report, dry_run, rebuild_shared)
        self._library(vlog, quotes, report, dry_run)
        if dry_run:
            return report
        self._clean_log(vlog_id, {q.id for q in quotes}, removed, report)
        app.export_log.record("forget", vlog_ids=[vlog_id], outputs=[], audience="-",
                              detail=f"removed {len(report.removed)} item(s), rebuilt {len(report.rebuilt)}, "
                                     f"{len(report.kept)} shared file(s) to rebuild")
        self._clean_home(traces, report)
        return report

    def _after(self, vlog_id: str, dry_run: bool, rebuild_shared: bool) -> ForgetReport:
        """`forget ID` again, after the fact: rebuild (or list) the shared files still waiting for it."""
        report = ForgetReport(vlog_id, dry_run=dry_run)
        self._exports(vlog_id, set(), report, dry_run, rebuild_shared)
        if not dry_run and report.rebuilt:
            self._clean_log(vlog_id, set(), set(), report)
        if not report.kept and not report.rebuilt:
            report.add(f"nothing: vlog {vlog_id} was forgotten already")
        return report

    # -- exported files --------------------------------------------------------------------------------------

    def _exports(self, vlog_id: str, qids: set[str], report: ForgetReport, dry_run: bool,
                 rebuild_shared: bool) -> set[str]:
        """Delete the person's own exported files; rebuild or list shared ones. Returns the paths removed."""
        removed: set[str] = set()
        card_prefixes = tuple(f"{safe_filename(q, 40, 'quote')}-" for q in qids)
        for entry in self.app.export_log.entries(vlog_id):
            kind = str(entry.get("kind", ""))
            alone = entry.get("vlog_ids") == [vlog_id]
            for out in entry.get("outputs", []):
                p = Path(out)
                if not p.is_file() or str(p) in removed:
                    continue
                if entry.get(FROM_BACKUP) or p.is_symlink():
                    report.kept.append(f"{p} (logged in the restored backup {entry.get(FROM_BACKUP)}: check it and "
                                       "delete it by hand if it is this speaker's export)")
                    continue
                if alone or (kind == "bank-cards" and p.name.startswith(card_prefixes)):
                    if not dry_run:
                        p.unlink(missing_ok=True)
                    removed.add(str(p))
                    report.add(f"export {p}")
                elif kind.startswith("bank-") and kind != "bank-cards":
                    self._shared(p, kind[5:], entry, qids, report, dry_run, rebuild_shared, removed)
        return removed

    def _shared(self, path: Path, fmt: str, entry: dict[str, Any], qids: set[str], report: ForgetReport,
                dry_run: bool, rebuild: bool, removed: set[str]) -> None:
        from vlogkit.services.bank import QUOTES_MARK

        listed = _quote_ids(str(entry.get("detail", "")), QUOTES_MARK)
        others = [q for q in listed if q not in qids]
        if not rebuild:
            report.kept.append(f"{path} (also holds colleagues' quotes: rebuild it without this person with "
                               f"`vlogkit forget {report.vlog_id} --rebuild-shared`)")
            return
        if dry_run:
            report.rebuilt.append(f"{path} (would be rebuilt without this person's quotes)")
            return
        keep: list[Quote] = []
        for qid in others:
            with contextlib.suppress(NotFoundError):
                q = self.app.bank.get(qid)
                if q.vlog_id not in self.app.tombstones.forgotten_ids() and q.id not in qids:
                    keep.append(q)
        audience = str(entry.get("audience", "internal"))
        cleared = [q for q in keep if self.app.bank.clearance(q, audience).ok] if audience in ("internal",
                                                                                                "external") else []
        if not cleared:
            path.unlink(missing_ok=True)
            removed.add(str(path))
            report.add(f"export {path} (no colleague's quote left that may go to the {audience} audience)")
            return
        work = path.with_name(f".{safe_filename(path.stem, 40, 'rebuild')}.rebuild{os.getpid()}")
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        try:
            rep = self.app.bank.export(fmt, work / path.name, audience=audience, quotes=cleared, log=False,
                                       separator=_csv_separator_of(path) if fmt == "csv" else "")
            os.replace(rep.path, path)  # the rebuilt file takes the old one's place (and name)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        self.app.export_log.record(f"bank-{fmt}", vlog_ids=sorted({q.vlog_id for q in cleared}), outputs=[str(path)],
                                   audience=audience, detail=f"rebuilt without a forgotten vlog; {len(cleared)} "
                                   f"quote(s); {QUOTES_MARK} " + " ".join(q.id for q in cleared))
        removed.add(str(path))  # the old entry no longer describes this file
        report.rebuilt.append(str(path))

    # -- the library's own data ------------------------------------------------------------------------------

    def _library(self, vlog: Vlog, quotes: list[Quote], report: ForgetReport, dry_run: bool) -> None:
        app = self.app

        def drop(p: Path, what: str) -> None:
            if not dry_run:
                if p.is_dir():
                    shutil.rmtree(p, ignore_errors=True)
                else:
                    p.unlink(missing_ok=True)
            report.add(what)

        if quotes:
            if not dry_run:
                app.bank.remove_for_vlog(vlog.id)
            report.add(f"{len(quotes)} quote(s) from the quote bank")
        if not dry_run:
            with contextlib.suppress(VlogkitError, OSError):
                if app.store.transcripts.remove(vlog.id):
                    report.add("transcript")
        else:
            report.add("transcript (if any)")
        stem = safe_filename(vlog.id, 40, "vlog")
        for folder in (app.paths.transcripts_dir, app.paths.thumbnails_dir):
            for p in sorted(folder.glob("*")) if folder.exists() else []:
                if p.stem == stem or p.name.startswith(f"{stem}."):
                    drop(p, f"{folder.name[:-1]} {p.name}")
        fp = safe_filename(vlog.fingerprint, 64, "media")
        if app.paths.cache_dir.exists():
            from vlogkit.transcribe.cache import is_legacy_key

            for p in sorted(app.paths.cache_dir.rglob("*")):
                if not p.is_file():
                    continue
                legacy = p.parent.name == "transcripts" and is_legacy_key(p.stem)
                if p.stem == stem or p.name.startswith(fp) or legacy:  # by vlog id, or content fingerprint first
                    drop(p, f"cache {p.relative_to(app.paths.cache_dir)}")
        media = Path(vlog.path)
        if vlog.copied and media.is_relative_to(app.paths.media_dir) and media.exists():
            drop(media, f"library copy {vlog.path}")
        elif vlog.copied and app.store.kind != "tinydb" and media.is_file():
            drop(media, f"team media copy {vlog.path}")  # the shared folder's copy (content-addressed)
        report.add("library entry")
        if not dry_run:
            app.vlogs.remove(vlog.id)

    # -- what is left under the home ---------------------------------------------------------------------------

    def _clean_log(self, vlog_id: str, qids: set[str], removed: set[str], report: ForgetReport) -> None:
        """Entries keep the vlog's id (so `vlogkit log ID` still answers) but no path of a removed file and no id of
        a removed quote; shared files still holding the person's quotes are marked for a rebuild."""
        from vlogkit.services.bank import QUOTES_MARK

        rewrite = getattr(self.app.store.export_log, "rewrite", None)
        if rewrite is None:  # a team library's log lives in its database, not under this home
            return
        waiting = {k.split(" (")[0] for k in report.kept}

        def change(e: dict[str, Any]) -> dict[str, Any]:
            if vlog_id not in e.get("vlog_ids", []):
                return e
            outs = [o for o in e.get("outputs", []) if o not in removed]
            gone = len(e.get("outputs", [])) - len(outs)
            e = {**e, "outputs": outs}
            detail = str(e.get("detail", ""))
            if QUOTES_MARK in detail and qids:
                head, _, ids = detail.partition(QUOTES_MARK)
                e["detail"] = f"{head}{QUOTES_MARK} " + " ".join(i for i in ids.split() if i not in qids)
            if gone:
                e["forgotten"] = int(e.get("forgotten", 0)) + gone
            if any(o in waiting for o in outs):
                e["needs_rebuild"] = True
            else:
                e.pop("needs_rebuild", None)
                if e.get("vlog_ids") != [vlog_id] and outs:  # what is left of a shared export holds none of theirs
                    e["vlog_ids"] = [v for v in e.get("vlog_ids", []) if v != vlog_id]
            return e

        rewrite(change)

    def _clean_home(self, traces: Traces, report: ForgetReport) -> None:
        home = self.app.paths.home
        self._settings(traces)
        self._logs(traces)
        for db in sorted(home.glob("*.json")):  # the databases' .bak copies: the current (clean) state
            bak = db.with_name(db.name + ".bak")
            if bak.exists():
                atomic_write_bytes(bak, db.read_bytes())
        for copy in sorted(home.glob("*.before-restore*")):
            self._scrub_json_file(copy, traces)
        for p in sorted(home.rglob("*")):
            if not p.is_file() or p.is_symlink() or p.suffix.lower() not in TEXT_SUFFIXES:
                continue
            if p.name.startswith(".") or p.stat().st_size > 64 << 20 or p.name in ("forgotten.json",):
                continue
            try:
                text = p.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if traces.in_text(text):
                report.leftovers.append(str(p))

    def _settings(self, traces: Traces) -> None:
        s = self.app.settings
        last = dict(s.last_speaker or {})
        if traces.name and last.get("name", "").strip().casefold() == traces.name.casefold():
            s.last_speaker = {}
            with contextlib.suppress(VlogkitError, OSError):
                self.app.save_settings()

    def _logs(self, traces: Traces) -> None:
        """Drop every log line that mentions the person (their name, vlog id, file or what they said)."""
        logs = self.app.paths.logs_dir
        for p in sorted(logs.glob("*")) if logs.exists() else []:
            if not p.is_file() or p.is_symlink():
                continue
            try:
                lines = p.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
            except OSError:
                continue
            kept = [ln for ln in lines if not traces.in_text(ln, by_id=True)]
            if len(kept) != len(lines):
                _rewrite_in_place(p, "".join(kept).encode("utf-8"))

    @staticmethod
    def _scrub_json_file(path: Path, traces: Traces) -> None:
        """A database copy (`*.before-restore`): the person's records removed; a copy that cannot be read but
        mentions them is deleted (it cannot be cleaned, and it must not keep them)."""
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            with contextlib.suppress(OSError):
                if traces.in_text(path.read_text(encoding="utf-8", errors="replace")):
                    path.unlink()
            return
        if not isinstance(doc, dict):
            return
        changed = False
        for table in doc.values():
            if not isinstance(table, dict):
                continue
            for key in [k for k, row in table.items() if isinstance(row, dict) and (
                    row.get("id") == traces.vlog_id or row.get("vlog_id") == traces.vlog_id
                    or row.get("fingerprint") == traces.fingerprint)]:
                del table[key]
                changed = True
        if changed:
            atomic_write_bytes(path, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))


def _rewrite_in_place(p: Path, data: bytes) -> None:
    """Rewrite a file that another process may hold open for appending (the log): same inode, truncated."""
    with open(p, "r+b") as fh:
        fh.write(data)
        fh.truncate()


def _quote_ids(detail: str, mark: str) -> list[str]:
    if mark not in detail:
        return []
    return [i for i in detail.partition(mark)[2].split() if re.fullmatch(r"q[a-z2-9]{4,32}", i)]


def _csv_separator_of(path: Path) -> str:
    """The separator a CSV export was written with (its header starts with the first column and the separator), so a
    rebuild keeps it."""
    from vlogkit.render.bank_formats import CSV_COLUMNS

    first = CSV_COLUMNS[0]
    try:
        with open(path, encoding="utf-8-sig") as fh:
            head = fh.read(len(first) + 1)
    except (OSError, UnicodeDecodeError):
        return ""
    return head[-1] if head[:-1] == first and head[-1:] in (",", ";") else ""


__all__ = ["ForgetReport", "Forgetting", "Traces"]
