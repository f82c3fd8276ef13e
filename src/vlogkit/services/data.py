"""Data management: forget a vlog (right to be forgotten), backup/restore, cache clearing, disk usage."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from vlogkit.errors import UsageError
from vlogkit.fileutil import check_output_file, output_file
from vlogkit.services.forget import ForgetReport
from vlogkit.services.restore import allowed_entry

if TYPE_CHECKING:
    from vlogkit.services.app import App

# What a backup holds, relative to VLOGKIT_HOME. The user's videos are referenced, not copied - except the
# copies vlogkit made itself (`import --copy`, recordings), which live in media/ and are included.
BACKUP_FILES = ("library.json", "bank.json", "settings.json", "forgotten.json", "export-log.json")
BACKUP_DIRS = ("transcripts", "media", "thumbnails")


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.exists() else 0


class DataService:
    def __init__(self, app: App) -> None:
        self.app = app

    # -- right to be forgotten -----------------------------------------------------------------

    def forget(self, vlog_id: str, dry_run: bool = False, rebuild_shared: bool = False) -> ForgetReport:
        """Forget a vlog completely (see `vlogkit.services.forget`): a tombstone first, then every exported file
        with the person's content, their quotes, transcript, caches and entry, and their traces under the home.
        Shared exports are rebuilt without them (`rebuild_shared`) or listed. The user's own original file is never
        touched (only a copy vlogkit made itself). `dry_run` lists what would go and changes nothing."""
        from vlogkit.services.forget import Forgetting

        return Forgetting(self.app).run(vlog_id, dry_run=dry_run, rebuild_shared=rebuild_shared)

    def exported_files(self, vlog_id: str) -> list[tuple[str, bool]]:
        """Every file the export log says holds this vlog's content and that still exists: (path, shared with
        colleagues' quotes). Comms takes them down when consent is withdrawn; `forget` deletes or rebuilds them."""
        out: dict[str, bool] = {}
        for entry in self.app.export_log.entries(vlog_id):
            shared = entry.get("vlog_ids") != [vlog_id]
            for o in entry.get("outputs", []):
                if Path(o).is_file():
                    out[o] = out.get(o, False) or shared
        return sorted(out.items())

    # -- backup / restore ----------------------------------------------------------------------

    def backup(self, dest: Path) -> Path:
        home = self.app.paths.home
        dest = Path(dest)
        if dest.is_dir():
            dest = dest / f"vlogkit-backup-{dt.date.today().isoformat()}.zip"
        if dest.suffix.lower() != ".zip":
            dest = dest.with_suffix(".zip")
        check_output_file(dest)  # not behind a file or a dangling link ("File exists" would say nothing)
        if dest.exists():
            raise UsageError(f"{dest} exists already; choose another name.")
        # read the databases under their locks, so a backup never catches half a write
        if self.app.store.kind != "tinydb":
            raise UsageError(f"The library is the team library at {self.app.store.location}: back it up with pg_dump "
                             "and a copy of the media folder (docs/team.md); `vlogkit --local backup` saves this "
                             "computer's own library.")
        from vlogkit.store.db import Database

        with Database(self.app.paths.library_db).transaction():
            lib_bytes = (home / "library.json").read_bytes() if (home / "library.json").exists() else None
        with output_file(dest) as tmp:
            os.chmod(tmp, 0o600)  # the library is private: so is its backup
            self._write_backup(tmp, home, lib_bytes)
        return dest

    @staticmethod
    def _write_backup(tmp: Path, home: Path, lib_bytes: bytes | None) -> None:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("vlogkit-backup.txt", f"vlogkit backup of {home} made {dt.datetime.now().isoformat()}\n")
            if lib_bytes is not None:
                zf.writestr("library.json", lib_bytes)
            for name in BACKUP_FILES[1:]:
                if (home / name).exists():
                    zf.write(home / name, name)
            for d in BACKUP_DIRS:
                for f in sorted((home / d).rglob("*")) if (home / d).exists() else []:
                    if f.is_file() and not f.name.startswith("."):
                        name = f.relative_to(home).as_posix()
                        if allowed_entry(name):  # only what a restore takes back
                            zf.write(f, name)

    def restore(self, src: Path, force: bool = False) -> list[str]:
        """Restore a backup made by `backup`: checked aside first, then swapped in (see `services.restore`)."""
        from vlogkit.services.restore import restore_backup

        if self.app.store.kind != "tinydb":
            raise UsageError(f"The library is the team library at {self.app.store.location}: restore it with "
                             "pg_restore and the media folder's copy (docs/team.md); `vlogkit --local restore` "
                             "restores this computer's own library.")
        return restore_backup(self.app, Path(src), force=force)

    # -- caches and disk -----------------------------------------------------------------------

    def clear_cache(self) -> int:
        cache = self.app.paths.cache_dir
        freed = _size(cache)
        if cache.exists():
            shutil.rmtree(cache)
        cache.mkdir(parents=True, exist_ok=True)
        return freed + self.sweep_leftovers()

    def leftovers(self) -> list[Path]:
        """Half-written files a crash (kill -9, power cut) left under hidden temporary names.

        Only vlogkit's own, recognisable names: `.<name>.part<PID>-<random>.<ext>` (and the older
        `.<name>.part<PID>.<ext>`) whose process is gone, beside outputs and the databases; the databases' temporary
        files of older versions in the vlogkit home; and vlogkit's work folders in the system temp folder older than
        a day. Another program's hidden `*.tmp` files in an export folder are never touched.
        """
        import os
        import re
        import tempfile
        import time

        from vlogkit.fileutil import temp_name_pattern

        home = self.app.paths.home
        folders = {home, self.app.paths.default_export_dir, self.app.paths.media_dir}
        if self.app.settings.export_dir:
            folders.add(Path(self.app.settings.export_dir))
        for entry in self.app.export_log.entries():
            folders.update(Path(o).parent for o in entry.get("outputs", []))
        found: list[Path] = []
        part = temp_name_pattern()
        old_db_tmp = re.compile(r"^\.(library|bank)\.json\.[a-z0-9_]{8}\.tmp$")  # atomic writes of older versions
        for folder in folders:
            if not folder.is_dir():
                continue
            for p in folder.iterdir():
                m = part.match(p.name)
                if m and not _alive(int(m.group(1))) and not p.is_symlink():
                    found.append(p)
                elif folder == home and old_db_tmp.match(p.name) and time.time() - p.stat().st_mtime > 3600:
                    found.append(p)
        tmp = Path(tempfile.gettempdir())
        for p in tmp.glob("vlogkit-*"):
            try:
                if p.is_dir() and time.time() - p.stat().st_mtime > 86400 and p.stat().st_uid == os.getuid():
                    found.append(p)
            except OSError:
                continue
        return sorted(found)

    def sweep_leftovers(self) -> int:
        freed = 0
        for p in self.leftovers():
            freed += _size(p)
            _remove(p)
        return freed

    def disk_usage(self) -> dict[str, int]:
        p = self.app.paths
        return {
            "library": _size(p.library_db) + _size(p.bank_db),
            "transcripts": _size(p.transcripts_dir),
            "media copies": _size(p.media_dir),
            "thumbnails": _size(p.thumbnails_dir),
            "cache": _size(p.cache_dir),
            "logs": _size(p.logs_dir),
        }


def _alive(pid: int) -> bool:
    import os

    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _remove(p: Path) -> None:
    if p.is_dir():
        shutil.rmtree(p)
    else:
        p.unlink(missing_ok=True)
