"""The team: `library init` (a shared library on PostgreSQL), hand-off packages (`send`, `import X.vlogkit`),
the inbox (`watch`)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from vlogkit.cli.output import add_json_flag, error, print_json, seconds

if TYPE_CHECKING:
    from vlogkit.services import App
    from vlogkit.services.handoff import PackageImport


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("send", help="pack one vlog for the comms team: video, transcript, speaker, consent, prompt")
    p.add_argument("id")
    p.add_argument("--out", required=True, metavar="FILE.vlogkit", help="the package to write (or a folder)")
    p.add_argument("--by", metavar="NAME", dest="sender",
                   help="who sends it, as the comms team sees it (default: the user_name setting, else your login name)")
    add_json_flag(p)
    p.set_defaults(func=cmd_send)

    p = sub.add_parser("watch", help="import hand-off packages that arrive in a folder (an inbox); Ctrl+C stops")
    p.add_argument("folder", nargs="?", help="the inbox folder (default: the inbox_dir setting)")
    p.add_argument("--once", action="store_true", help="handle the packages there now, then stop")
    p.add_argument("--settle", type=seconds, default=2.0, metavar="S",
                   help="seconds a package's size must stay the same before it is read (default 2)")
    p.add_argument("--give-up", type=seconds, default=120.0, metavar="S",
                   help="seconds an incomplete package may stay unchanged before it is rejected (default 120)")
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser("library", help="the team library on PostgreSQL (VLOGKIT_LIBRARY_URL)")
    lib = p.add_subparsers(dest="library_cmd", metavar="ACTION", required=True)
    q = lib.add_parser("init", help="create or upgrade the team library's tables (safe to run again) and the media folder")
    q.add_argument("--url", help="postgresql://user@host/database (default: VLOGKIT_LIBRARY_URL or the library_url setting)")
    add_json_flag(q)
    q.set_defaults(func=cmd_library_init)
    q = lib.add_parser("settings", help="show or set the settings the whole team shares (brand colour, glossary...)")
    q.add_argument("pairs", nargs="*", metavar="KEY=VALUE")
    add_json_flag(q)
    q.set_defaults(func=cmd_library_settings)
    q = lib.add_parser("status", help="which library this desk uses, and whether it answers")
    add_json_flag(q)
    q.set_defaults(func=cmd_library_status)


def cmd_send(args: argparse.Namespace, app: App) -> int:
    from pathlib import Path

    from vlogkit.cli.output import run_job, warn

    r = run_job(lambda ctx: app.handoff.send(args.id, Path(args.out), ctx, sender=args.sender or ""),
                label="Packing")
    if not r.signed:
        warn("warning: no team key (VLOGKIT_TEAM_KEY or the team_key setting): the package is unsigned, so the comms "
             "team will have to confirm its consent.")
    if args.json:
        print_json({"path": str(r.path), "signed": r.signed, "parts": r.parts})
    else:
        print(f"Wrote {r.path} ({'signed with the team key' if r.signed else 'unsigned'}): {', '.join(r.parts)}.")
    return 0


def cmd_watch(args: argparse.Namespace, app: App) -> int:
    import threading
    from pathlib import Path

    from vlogkit.errors import UsageError
    from vlogkit.services.inbox import Inbox

    folder = args.folder or app.settings.inbox_dir
    if not folder:
        raise UsageError("Give the inbox folder: `vlogkit watch FOLDER` (or set inbox_dir in the settings).")
    inbox = Inbox(app, Path(folder), settle_s=args.settle, give_up_s=args.give_up,
                  on_event=lambda e: print(e.message, flush=True))
    if not args.once:
        print(f"Watching {inbox.folder} for .vlogkit packages (Ctrl+C stops).", flush=True)
    stop = threading.Event()
    try:
        events = inbox.run(stop, once=args.once)
    except KeyboardInterrupt:
        stop.set()
        return 0
    return 1 if any(e.outcome == "rejected" for e in events) else 0


def import_packages(args: argparse.Namespace, app: App, paths: list[str]) -> int:
    """`vlogkit import X.vlogkit ...`: verify and import hand-off packages."""
    from pathlib import Path

    from vlogkit.cli.output import run_job
    from vlogkit.errors import VlogkitError

    results, failed = [], 0
    for raw in paths:
        try:
            r = run_job(lambda ctx, raw=raw: app.handoff.import_package(Path(raw), ctx), label=Path(raw).name[:30])
        except VlogkitError as exc:
            failed += 1
            error(exc)
            continue
        results.append(r.to_dict())
        if not args.json:
            print(f"{raw}: {package_line(r)}")
    if args.json:
        print_json(results)
    return 1 if failed else 0


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


def cmd_library_settings(args: argparse.Namespace, app: App) -> int:
    from vlogkit.errors import UsageError

    changes = {}
    for pair in args.pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise UsageError(f"'{pair}' is not KEY=VALUE (e.g. brand_color=#00AA88).")
        changes[key.strip()] = value
    shared = app.team.team_settings(changes)
    if args.json:
        print_json(shared)
    elif not shared:
        print("No team settings yet: `vlogkit library settings brand_color=#00AA88` sets one for every desk.")
    else:
        for k, v in sorted(shared.items()):
            print(f"{k} = {v}")
    return 0


def cmd_library_status(args: argparse.Namespace, app: App) -> int:
    state = {"kind": app.store.kind, "location": app.store.location, "state": app.store.check(), "user": app.user}
    if args.json:
        print_json(state)
    else:
        print(f"{state['kind']} library at {state['location']}: {state['state']} - working as {state['user']}")
    return 0


def package_line(r: PackageImport) -> str:
    """What importing a package did, in one line (after the package's name)."""
    vid, scope = r.vlog.id, r.vlog.consent.scope.value
    confirm = f"`vlogkit edit {vid} --confirm-consent`"
    if r.existing:
        if r.consent_change == "narrowed":
            return f"already in the library as {vid} - the package's newer consent record taken over: now {scope}"
        if r.consent_change == "claimed":
            return (f"already in the library as {vid} - consent stays {scope}; the package's wider record waits "
                    f"for confirmation ({confirm})")
        return f"already in the library as {vid} - nothing changed (consent {scope})"
    if r.trust == "team":
        return f"imported as {vid} - consent {scope} as given"
    why = "unsigned" if r.trust == "unsigned" else "another team key"
    return f"imported as {vid} - consent none until confirmed ({why}; {confirm})"
