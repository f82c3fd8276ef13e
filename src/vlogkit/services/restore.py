"""Restoring a backup: nothing in the zip is trusted.

1. Check the zip's directory: the marker, an allow-list of entry names (no links, no duplicates, no `..`), each
   entry's size and compression ratio and the total against the free disk (a zip bomb is refused unopened).
2. Extract every entry into a hidden staging folder in the home, CRC-checked as it streams, and check the schema of
   `library.json` and `bank.json` record by record (ids, fingerprints, a schema no newer than this vlogkit's).
3. Only then, holding the library's and the bank's locks, keep the current databases as numbered
   `*.before-restore[.N]` copies (never overwritten), rebase media paths onto this home, merge the export log
   (entries from the backup are marked and never used to delete files), and move the staged files into place.

A failure in 1-2 leaves the home exactly as it was.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vlogkit.domain import Quote, Vlog
from vlogkit.domain.ids import is_vlog_id
from vlogkit.errors import LibraryError, UsageError, VlogkitError
from vlogkit.fileutil import safe_filename

if TYPE_CHECKING:
    from vlogkit.services.app import App

MARKER = "vlogkit-backup.txt"
DATABASES = ("library.json", "bank.json")
MERGED = ("forgotten.json", "export-log.json")  # never put in place: their entries are added to this home's own
SKIPPED = ("settings.json",)  # in backups for reference; never restored (it can point the model or exports anywhere)
# folder -> largest entry (bytes) and what a name in it looks like
FOLDERS = {
    "transcripts": (64 << 20, re.compile(r"[a-z2-9]{4,32}\.json")),
    "thumbnails": (16 << 20, re.compile(r"[a-z2-9]{4,32}\.jpg")),
    "media": (64 << 30, re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.(mp4|mov|m4v|mkv|webm|avi|m4a|mp3|wav|flac|ogg|opus|aac)")),
}
MAX_DATABASE = 512 << 20
MAX_RATIO = 200  # uncompressed / compressed for entries over 1 MiB: JSON compresses ~10x, media not at all
MAX_ENTRIES = 100_000
LOG_TABLE = "export_log"
LIBRARY_TABLES = ("_meta", "vlogs", "prompts", LOG_TABLE)  # what a restore takes from a backup's library.json
KEPT_TABLES = ("team_settings",)  # this machine's own: always kept from the current library, never taken from a backup
FROM_BACKUP = "restored_from"  # marks export-log entries that came from a backup: listed, never deleted by forget


def restore_backup(app: App, src: Path, force: bool = False) -> list[str]:
    home = app.paths.home
    src = Path(src)
    if not src.is_file():
        raise UsageError(f"{src}: no such backup file.")
    try:
        zf = zipfile.ZipFile(src)
    except (zipfile.BadZipFile, OSError) as exc:
        raise VlogkitError(f"{src}: not a vlogkit backup (not a zip file).") from exc
    with zf:
        entries = _checked_entries(src, zf, home)
        _check_current(app, force)
        home.mkdir(parents=True, exist_ok=True)
        current_log = app.export_log.entries() if app.paths.export_log_file.exists() else []
        staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=home))
        try:
            staged = _extract(src, zf, entries, staging)
            docs = {name: _checked_database(src, name, staging / name) for name in DATABASES if name in staged}
            tombstones = _checked_tombstones(src, staging / "forgotten.json") if "forgotten.json" in staged else []
            log = _checked_log(src, staging / "export-log.json") if "export-log.json" in staged else []
            if log and "library.json" in docs:
                docs["library.json"].setdefault(LOG_TABLE, {}).update(
                    {f"b{i}": e for i, e in enumerate(log)})  # merged below, marked as restored
            placed = [n for n in staged if n not in MERGED]
            return _swap(app, src, staging, placed, docs, tombstones, current_log)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


# -- 1. the zip's directory ----------------------------------------------------------------------------------


def _checked_entries(src: Path, zf: zipfile.ZipFile, home: Path) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    names = [i.filename for i in infos]
    if MARKER not in names:
        raise VlogkitError(f"{src}: not a vlogkit backup (no {MARKER} inside).")
    if len(infos) > MAX_ENTRIES:
        raise VlogkitError(f"{src}: holds {len(infos)} entries, more than a vlogkit backup ever does; not restored.")
    seen: set[str] = set()
    keep: list[zipfile.ZipInfo] = []
    total = 0
    for info in infos:
        name = info.filename
        if name in seen:
            raise VlogkitError(f"{src}: the entry {name!r} appears twice; a vlogkit backup never does that. "
                               "Nothing was restored.")
        seen.add(name)
        if name.endswith("/") or name == MARKER:
            continue
        limit = allowed_entry(name)
        if limit is None:
            raise VlogkitError(f"{src}: holds {name!r}, which vlogkit never writes into a backup; nothing was "
                               "restored. Use a backup made by `vlogkit backup`.")
        if limit == 0:
            continue  # settings.json: kept in backups for reference, not restored
        mode = info.external_attr >> 16
        if stat.S_IFMT(mode) and not stat.S_ISREG(mode):
            raise VlogkitError(f"{src}: the entry {name!r} is a link or a special file; nothing was restored.")
        if info.flag_bits & 0x1:
            raise VlogkitError(f"{src}: the entry {name!r} is encrypted; vlogkit backups never are.")
        if info.file_size > limit:
            raise VlogkitError(f"{src}: the entry {name!r} would expand to {info.file_size / 1e6:.0f} MB, more than "
                               f"vlogkit ever stores there; nothing was restored.")
        if info.file_size > (1 << 20) and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise VlogkitError(f"{src}: the entry {name!r} would expand {info.file_size // max(info.compress_size, 1)}"
                               f" times (a zip bomb?); nothing was restored.")
        total += info.file_size
        keep.append(info)
    free = _free_space(home)
    if free is not None and total > free:
        raise VlogkitError(f"{src}: would expand to {total / 1e6:.0f} MB but only {free / 1e6:.0f} MB are free at "
                           f"{home}; free some space first. Nothing was restored.")
    return keep


def _free_space(home: Path) -> int | None:
    for p in (home, *home.parents):
        if p.exists():
            return shutil.disk_usage(p).free
    return None


def allowed_entry(name: str) -> int | None:
    """The largest size allowed for an entry name, 0 for a name that is skipped, None for one never allowed."""
    if name in DATABASES or name in MERGED:
        return MAX_DATABASE
    if name in SKIPPED:
        return 0
    if "\\" in name or "\x00" in name:
        return None
    parts = name.split("/")
    if len(parts) != 2 or parts[0] not in FOLDERS:
        return None
    limit, pattern = FOLDERS[parts[0]]
    leaf = parts[1]
    if not pattern.fullmatch(leaf) or safe_filename(leaf, 240) != leaf:
        return None
    return limit


# -- 2. extract aside and check ---------------------------------------------------------------------------------


def _extract(src: Path, zf: zipfile.ZipFile, entries: list[zipfile.ZipInfo], staging: Path) -> list[str]:
    staged: list[str] = []
    for info in entries:
        target = staging / info.filename
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with zf.open(info) as fh, open(target, "xb") as out:
                written = 0
                while chunk := fh.read(1 << 20):
                    written += len(chunk)
                    if written > info.file_size:  # never more than the directory promised
                        raise zipfile.BadZipFile("longer than its header says")
                    out.write(chunk)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError) as exc:
            raise VlogkitError(f"{src} is damaged: the entry {info.filename!r} fails its check ({exc}). Nothing was "
                               "restored; use another backup.") from exc
        except OSError as exc:
            from vlogkit.fileutil import disk_error

            raise disk_error(exc, target) from exc
        staged.append(info.filename)
    return staged


def _checked_database(src: Path, name: str, path: Path) -> dict[str, Any]:
    from vlogkit.store.db import META_TABLE, SCHEMA_VERSION, without_lone_surrogates

    def bad(why: str) -> VlogkitError:
        return VlogkitError(f"{src}: its {name} {why}; nothing was restored.")

    try:
        doc = without_lone_surrogates(json.loads(path.read_bytes().decode("utf-8")))
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise bad(f"is not a vlogkit database ({exc.__class__.__name__})") from exc
    if not isinstance(doc, dict) or not all(isinstance(t, dict) for t in doc.values()):
        raise bad("is not a vlogkit database (not a set of tables)")
    meta = list(doc.get(META_TABLE, {}).values())
    version = meta[0].get("schema_version", 0) if meta and isinstance(meta[0], dict) else 0
    if not isinstance(version, int) or isinstance(version, bool):
        raise bad(f"has a schema version that is not a number ({version!r})")
    if version > SCHEMA_VERSION:
        raise bad(f"was written by a newer vlogkit (schema {version}); update vlogkit to restore it")
    if name == "library.json":
        for key, row in doc.get("vlogs", {}).items():
            try:
                vlog = Vlog.from_dict(row)
            except Exception as exc:  # noqa: BLE001 - any shape of damage
                raise bad(f"holds a damaged vlog record ({key}: {exc.__class__.__name__})") from exc
            if not is_vlog_id(vlog.id) or not re.fullmatch(r"[0-9a-f]{16,64}", vlog.fingerprint):
                raise bad(f"holds a vlog record with an invalid id or fingerprint ({key})")
    else:
        from vlogkit.store.bank_file import parse_bank

        rows = list(doc.get("quotes", {}).values())
        for row in rows:
            if isinstance(row, dict):
                row.setdefault("status", "candidate")
        try:
            parse_bank(json.dumps({"format": "vlogkit-bank", "version": 1, "quotes": rows}), name)
        except UsageError as exc:
            raise bad(f"holds a damaged quote ({exc})") from exc
        for row in rows:
            Quote.from_dict(row)
    return doc


# -- 3. swap in, under the locks --------------------------------------------------------------------------------


def _check_current(app: App, force: bool) -> None:
    if force or not app.paths.library_db.exists():
        return
    try:
        empty = not app.vlogs.all()
    except LibraryError as exc:
        raise UsageError(f"The current library cannot be read ({exc}); restore with --force to replace it "
                         "(it is kept as library.json.before-restore).") from exc
    if not empty:
        raise UsageError(f"The library at {app.paths.home} is not empty; restore with --force (the current files are "
                         "kept as *.before-restore).")


def _checked_tombstones(src: Path, path: Path) -> list[dict[str, Any]]:
    try:
        doc = json.loads(path.read_bytes().decode("utf-8"))
        rows = doc["entries"]
        if not isinstance(rows, list) or not all(
                isinstance(r, dict) and is_vlog_id(r.get("id")) and isinstance(r.get("fingerprint", ""), str)
                for r in rows):
            raise ValueError("entries are not vlog ids and fingerprints")
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError) as exc:
        raise VlogkitError(f"{src}: its forgotten.json is damaged ({exc.__class__.__name__}); nothing was "
                           "restored.") from exc
    return rows


def _checked_log(src: Path, path: Path) -> list[dict[str, Any]]:
    try:
        doc = json.loads(path.read_bytes().decode("utf-8"))
        rows = list(doc.get(LOG_TABLE, {}).values())
        for e in rows:
            if not isinstance(e, dict) or not isinstance(e.get("outputs", []), list) or not isinstance(
                    e.get("vlog_ids", []), list) or not all(isinstance(o, str) for o in e.get("outputs", [])):
                raise ValueError("an entry is not a log entry")
    except (ValueError, AttributeError, TypeError, UnicodeDecodeError, RecursionError) as exc:
        raise VlogkitError(f"{src}: its export-log.json is damaged ({exc.__class__.__name__}); nothing was "
                           "restored.") from exc
    return rows


def _swap(app: App, src: Path, staging: Path, staged: list[str], docs: dict[str, dict[str, Any]],
          tombstones: list[dict[str, Any]], current_log: list[dict[str, Any]]) -> list[str]:
    from vlogkit.store.db import Database

    home = app.paths.home
    with Database(app.paths.library_db).locked(), Database(app.paths.bank_db).locked():
        _refuse_forgotten(app, docs.get("library.json"), docs.get("bank.json"))
        if tombstones:
            app.tombstones.merge(tombstones)  # the list of forgotten vlogs only grows
        if "library.json" in docs:
            doc = docs["library.json"]
            _rebase(doc, home, set(staged))
            current = _current_tables(app.paths.library_db)
            for table in [t for t in doc if t not in LIBRARY_TABLES]:
                del doc[table]
            for table in KEPT_TABLES:
                if table in current:
                    doc[table] = current[table]
            doc[LOG_TABLE] = _merged_log(current.get(LOG_TABLE, {}), current_log, doc.get(LOG_TABLE, {}), src)
            (staging / "library.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
        for name in DATABASES:
            current = home / name
            if name in staged and (current.exists() or current.is_symlink()):
                _keep_numbered_copy(current)
        for name in staged:
            target = home / name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(staging / name, 0o600)
            os.replace(staging / name, target)  # replaces a planted link itself, never writes through it
    return staged


def _keep_numbered_copy(current: Path) -> Path:
    n = 1
    while True:
        copy = current.with_name(current.name + ".before-restore" + (f".{n}" if n > 1 else ""))
        try:
            os.link(current, copy)  # fails if the name is taken: an earlier copy is never overwritten
            return copy
        except FileExistsError:
            n += 1
        except OSError:  # a file system without hard links
            if copy.exists() or copy.is_symlink():
                n += 1
                continue
            with open(current, "rb") as fh, open(copy, "xb") as out:
                shutil.copyfileobj(fh, out)
            return copy


def _rebase(doc: dict[str, Any], home: Path, staged: set[str]) -> None:
    """Point copies vlogkit made (media/) and thumbnails at this home; drop cache references of another machine."""
    for row in doc.get("vlogs", {}).values():
        path = Path(str(row.get("path", "")))
        if row.get("copied") and f"media/{path.name}" in staged:
            row["path"] = str(home / "media" / path.name)
        extra = row.get("extra")
        if not isinstance(extra, dict):
            continue
        vid = row.get("id")
        thumb = f"thumbnails/{vid}.jpg"
        if thumb in staged or (home / thumb).is_file():
            extra["thumbnail"] = str(home / thumb)
        else:
            extra.pop("thumbnail", None)
        extra.pop("faces", None)  # a cache path of the machine the backup was made on: rebuilt when needed
        if "transcript" in extra and extra["transcript"] != f"{vid}.json":
            extra.pop("transcript")


def _current_tables(library: Path) -> dict[str, Any]:
    try:
        cur = json.loads(library.read_text(encoding="utf-8")) if library.exists() else {}
    except (OSError, ValueError, UnicodeDecodeError):
        return {}  # a damaged current library: nothing can be kept from it (the file itself is kept as before-restore)
    return {k: v for k, v in cur.items() if isinstance(v, dict)} if isinstance(cur, dict) else {}


def _log_key(e: dict[str, Any]) -> str:
    return json.dumps({k: e.get(k) for k in ("when", "kind", "outputs")}, sort_keys=True, default=str)


def _merged_log(legacy: dict[str, Any], current: list[dict[str, Any]], backup: dict[str, Any],
                src: Path) -> dict[str, Any]:
    """The table of log entries the restored library.json carries: the entries an older vlogkit kept in the current
    library.json, plus the backup's entries this home's log does not hold yet, marked as restored. vlogkit moves the
    table into the log's own file on first use; the log is only ever added to, never replaced."""
    kept = [dict(e) for e in legacy.values() if isinstance(e, dict)]
    seen = {_log_key(e) for e in kept} | {_log_key(e) for e in current}
    for e in backup.values() if isinstance(backup, dict) else []:
        if isinstance(e, dict) and _log_key(e) not in seen:
            seen.add(_log_key(e))
            kept.append({**e, FROM_BACKUP: src.name})
    kept.sort(key=lambda e: str(e.get("when", "")))
    return {str(i + 1): e for i, e in enumerate(kept)}


def _refuse_forgotten(app: App, library: dict[str, Any] | None, bank: dict[str, Any] | None) -> None:
    """Vlogs forgotten here (`vlogkit forget` leaves a tombstone: id and fingerprint) never come back with an older
    backup: not as a vlog, not as a quote."""
    tombstones = app.tombstones
    for row in (library or {}).get("vlogs", {}).values():
        if tombstones.is_forgotten(vlog_id=row.get("id"), fingerprint=row.get("fingerprint")):
            raise VlogkitError(
                f"The backup holds vlog {row.get('id')}, which was forgotten on this machine (`vlogkit forget`); "
                "a forgotten person is never brought back. Nothing was restored.")
    for row in (bank or {}).get("quotes", {}).values():
        if isinstance(row, dict) and tombstones.is_forgotten(vlog_id=row.get("vlog_id")):
            raise VlogkitError(
                f"The backup holds quote {row.get('id')} of vlog {row.get('vlog_id')}, which was forgotten on this "
                "machine (`vlogkit forget`); a forgotten person is never brought back. Nothing was restored.")
