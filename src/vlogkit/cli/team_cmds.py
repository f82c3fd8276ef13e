"""The team: `library init` (a shared library on PostgreSQL), hand-off packages (`send`, `import X.vlogkit`),
the inbox (`watch`)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from vlogkit.cli.output import add_json_flag, print_json

if TYPE_CHECKING:
    from vlogkit.services import App


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("library", help="the team library on PostgreSQL (VLOGKIT_LIBRARY_URL)")
    lib = p.add_subparsers(dest="library_cmd", metavar="ACTION", required=True)
    q = lib.add_parser("init", help="create or upgrade the team library's tables (safe to run again) and the media folder")
    q.add_argument("--url", help="postgresql://user@host/database (default: VLOGKIT_LIBRARY_URL or the library_url setting)")
    add_json_flag(q)
    q.set_defaults(func=cmd_library_init)
    q = lib.add_parser("status", help="which library this desk uses, and whether it answers")
    add_json_flag(q)
    q.set_defaults(func=cmd_library_status)


def cmd_library_init(args: argparse.Namespace, app: App) -> int:
    report = app.team.init_library(args.url)
    if args.json:
        print_json(report)
        return 0
    applied = report["applied"]
    what = f"applied migration(s) {', '.join(map(str, applied))}" if applied else "already up to date"
    print(f"Team library {report['url']}: schema {report['schema']} ({what}).")
    print(f"Media folder: {report['media_root']}" if report["media_root"] else
          "No media folder: set VLOGKIT_MEDIA_ROOT to the team's shared folder before importing.")
    return 0


def cmd_library_status(args: argparse.Namespace, app: App) -> int:
    state = {"kind": app.store.kind, "location": app.store.location, "state": app.store.check(), "user": app.user}
    if args.json:
        print_json(state)
    else:
        print(f"{state['kind']} library at {state['location']}: {state['state']} - working as {state['user']}")
    return 0
