"""Argument parsing and error mapping. Command modules register their sub-commands here."""

from __future__ import annotations

import argparse
import errno
import importlib
import logging
import os
import signal
import sys
from collections.abc import Sequence

from vlogkit import __version__
from vlogkit.errors import Cancelled, VlogkitError

log = logging.getLogger("vlogkit.cli")
logging.getLogger("vlogkit").addHandler(logging.NullHandler())  # before the log file is set up: never a traceback

# Each module defines `register(subparsers)`, adding parsers whose `func(args, app) -> int` runs the command.
COMMAND_MODULES = (
    "library_cmds",
    "transcribe_cmds",
    "quotes_cmds",
    "bank_cmds",
    "export_cmds",
    "record_cmds",
    "prompts_cmds",
    "data_cmds",
    "doctor_cmds",
    "gui_cmds",
    "team_cmds",
)


_dash_files: list[str] = []  # arguments of this run that start with '-' and name a file that is there


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        from vlogkit.cli.output import one_line

        if _dash_files:  # `vlogkit import -clip.mp4`: argparse took the name for an option
            message += f" ({_dash_files[0]} is a file: put -- before a name that starts with '-': {self.prog} -- {_dash_files[0]})"
        self.print_usage(sys.stderr)
        self.exit(2, f"vlogkit: error: {one_line(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="vlogkit",
        description="Employee vlogs to transcripts, quotes and captioned clips - offline. No arguments starts the app.",
    )
    parser.add_argument("--version", action="version", version=f"vlogkit {__version__}")
    parser.add_argument("--local", action="store_true",
                        help="use this computer's own library even when a team library (VLOGKIT_LIBRARY_URL) is set")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"vlogkit.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"vlogkit.cli.{name}":
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    before_dashes = args_list[:args_list.index("--")] if "--" in args_list else args_list
    _dash_files[:] = [a for a in before_dashes if a.startswith("-") and len(a) > 1 and os.path.isfile(a)]
    if not args_list:
        args_list = ["gui"]
    args, extra = parser.parse_known_args(args_list)
    if extra:
        _unknown_arguments(parser, args, extra)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    from vlogkit.cli.output import SafeTerminal

    real_out, real_err = sys.stdout, sys.stderr
    sys.stdout = SafeTerminal(real_out)  # type: ignore[assignment]
    sys.stderr = SafeTerminal(real_err, keep_cr=True, after=sys.stdout)  # type: ignore[assignment]
    try:
        return _run(args)
    finally:
        sys.stdout, sys.stderr = real_out, real_err


def _run(args: argparse.Namespace) -> int:
    from vlogkit.cli.output import error, one_line
    from vlogkit.services import App

    try:
        app = App(local=args.local)
        return int(args.func(args, app) or 0)
    except Cancelled:
        print("vlogkit: cancelled.", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print("vlogkit: cancelled.", file=sys.stderr)
        return 130
    except VlogkitError as exc:
        log.info("error: %s", exc, exc_info=True)
        error(exc)
        return exc.exit_code
    except BrokenPipeError:
        return 1
    except Exception as exc:  # noqa: BLE001 - last line of defence: one line, traceback in the log
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            where = f" while writing {exc.filename}" if exc.filename else ""
            print(f"vlogkit: error: The disk is full{where}: free some space and try again.", file=sys.stderr)
            return 1
        log.exception("unexpected error")
        print(f"vlogkit: unexpected error: {exc.__class__.__name__}: {one_line(exc)}. Details are in the log "
              "(vlogkit doctor shows where).", file=sys.stderr)
        return 1


def _unknown_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace, extra: list[str]) -> None:
    """Report unknown arguments with the sub-command's own usage and a 'did you mean' for mistyped flags."""
    import difflib

    sub = parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and args.command in action.choices:
            sub = action.choices[args.command]
            for inner in sub._actions:  # nested commands such as `bank export`
                if isinstance(inner, argparse._SubParsersAction):
                    name = next((v for k, v in vars(args).items() if k != "command" and k.endswith(("_cmd", "_command")) and v in inner.choices), None)
                    if name:
                        sub = inner.choices[name]
    flags = [o for a in sub._actions for o in a.option_strings]
    hints = []
    for e in extra:
        if e.startswith("-"):
            close = difflib.get_close_matches(e.split("=")[0], flags, n=1)
            if close:
                hints.append(f"did you mean {close[0]}?")
    sub.error(f"unrecognized arguments: {' '.join(extra)}" + (f" ({'; '.join(hints)})" if hints else ""))


def _raise_keyboard_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
