"""forget, log, backup, restore, cache."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from vlogkit.cli.output import add_json_flag, print_json

if TYPE_CHECKING:
    from vlogkit.services import App


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("forget", help="remove everything vlogkit holds about a vlog (transcript, quotes, exports...)")
    p.add_argument("id")
    p.add_argument("--dry-run", action="store_true", help="list what would be removed; change nothing")
    p.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation (on a terminal it asks)")
    p.add_argument("--rebuild-shared", action="store_true",
                   help="write decks/CSV/Markdown/JSON that also hold colleagues' quotes again without this person's "
                        "(otherwise they are listed)")
    add_json_flag(p)
    p.set_defaults(func=cmd_forget)

    p = sub.add_parser("log", help="show the export log: what was exported, when, for which audience, by whom")
    p.add_argument("id", nargs="?", help="only entries for this vlog, and every file still out there with its content")
    add_json_flag(p)
    p.set_defaults(func=cmd_log)

    p = sub.add_parser("backup", help="write the library, bank, transcripts and settings to a zip file")
    p.add_argument("path", help="zip file or folder to write into")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="restore a backup made by `vlogkit backup`")
    p.add_argument("path")
    p.add_argument("--force", action="store_true", help="restore over a non-empty library (keeps *.before-restore)")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("cache", help="manage vlogkit's caches")
    csub = p.add_subparsers(dest="cache_cmd", metavar="ACTION", required=True)
    c = csub.add_parser("clear", help="delete cached transcripts and face tracks (they are rebuilt when needed)")
    c.set_defaults(func=cmd_cache_clear)
    c = csub.add_parser("usage", help="show disk usage of vlogkit's data")
    c.set_defaults(func=cmd_cache_usage)


def cmd_forget(args: argparse.Namespace, app: App) -> int:
    import sys

    if not args.dry_run and not args.yes and sys.stdin.isatty():
        preview = app.data.forget(args.id, dry_run=True, rebuild_shared=args.rebuild_shared)
        print(f"This removes, for vlog {args.id}:")
        for r in preview.removed:
            print(f"  - {r}")
        for r in preview.rebuilt:
            print(f"  ~ {r}")
        if input("Continue? [y/N] ").strip().lower() not in ("y", "yes", "j", "ja", "o", "oui"):
            print("Nothing was removed.")
            return 1
    report = app.data.forget(args.id, dry_run=args.dry_run, rebuild_shared=args.rebuild_shared)
    if args.json:
        print_json(report.to_dict())
        return 0
    print(f"{'Would remove' if report.dry_run else 'Forgot vlog ' + report.vlog_id + '. Removed'}:")
    for r in report.removed:
        print(f"  - {r}")
    for r in report.rebuilt:
        print(f"  ~ rebuilt {r}" if not report.dry_run else f"  ~ {r}")
    for k in report.kept:
        print(f"  ! needs a rebuild: {k}")
    for k in report.leftovers:
        print(f"  ! still mentions this person: {k} (check and clean it by hand)")
    print("The original video file (if it was yours, not a copy) was not touched.")
    return 0


def cmd_log(args: argparse.Namespace, app: App) -> int:
    entries = app.export_log.entries(args.id)
    if args.json:
        print_json(entries)
        return 0
    if not entries:
        print("Nothing exported yet.")
    for e in entries:
        outs = ", ".join(e["outputs"]) or e.get("detail", "")
        print(f"{e['when']}  {e['kind']:<8} {e['audience']:<9} {e['user']:<10} {','.join(e['vlog_ids']):<12} {outs}")
    if args.id:
        out_there = app.data.exported_files(args.id)
        print(f"\nFiles exported with the content of vlog {args.id} that still exist ({len(out_there)}):" if out_there
              else f"\nNo exported file with the content of vlog {args.id} exists any more.")
        for path, shared in out_there:
            print(f"  {path}{'  (shared: also holds colleagues quotes)' if shared else ''}")
    return 0


def cmd_backup(args: argparse.Namespace, app: App) -> int:
    from pathlib import Path

    dest = app.data.backup(Path(args.path))
    print(f"Backup written to {dest} (your videos are referenced, not included).")
    return 0


def cmd_restore(args: argparse.Namespace, app: App) -> int:
    from pathlib import Path

    restored = app.data.restore(Path(args.path), force=args.force)
    print(f"Restored {len(restored)} file(s) into {app.paths.home}.")
    return 0


def cmd_cache_clear(args: argparse.Namespace, app: App) -> int:
    freed = app.data.clear_cache()
    print(f"Cache cleared: {freed / 1e6:.1f} MB freed.")
    return 0


def cmd_cache_usage(args: argparse.Namespace, app: App) -> int:
    for k, v in app.data.disk_usage().items():
        print(f"{k:<13} {v / 1e6:8.1f} MB")
    return 0
