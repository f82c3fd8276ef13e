"""doctor: the first thing support asks a user to run."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from vlogkit.cli.output import add_json_flag, print_json

if TYPE_CHECKING:
    from vlogkit.services import App


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("doctor", help="check ffmpeg, the model, Qt's libraries, disk space and the library")
    add_json_flag(p)
    p.set_defaults(func=cmd_doctor)


def run_checks(app: App) -> list[dict[str, str]]:
    from vlogkit.services.doctor import checks

    return checks(app)


def cmd_doctor(args: argparse.Namespace, app: App) -> int:
    results = run_checks(app)
    if args.json:
        print_json(results)
    else:
        width = max(len(r["check"]) for r in results)
        for r in results:
            mark = {"ok": "ok  ", "warn": "WARN", "fail": "FAIL"}[r["status"]]
            print(f"[{mark}] {r['check']:<{width}}  {r['detail']}")
            if r.get("fix"):
                print(f"       {'':<{width}}  fix: {r['fix']}")
    return 1 if any(r["status"] == "fail" for r in results) else 0


