"""prompts: the questions shown while people record (the app's Record tab > Prompts…), managed from a script."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from vlogkit.cli.output import add_json_flag, print_json
from vlogkit.config import APP_LANGUAGES, app_language

if TYPE_CHECKING:
    from vlogkit.domain.prompt import Prompt
    from vlogkit.services import App

REF_HELP = ("the prompt's number as `vlogkit prompts list` shows it, or its exact text (a question that is all "
            "digits, such as 2026: --text)")


def register(sub: argparse._SubParsersAction) -> None:
    prompts = sub.add_parser("prompts", help="the questions shown while recording: list, add, edit, move, remove, examples",
                             description="Prompt cards: questions the Record tab (and `vlogkit record "
                                         "--prompt-number N`) shows while someone records. The app and these commands "
                                         "share one list, kept in the library.")
    psub = prompts.add_subparsers(dest="prompts_command", metavar="ACTION", parser_class=type(prompts))
    prompts.set_defaults(func=lambda args, app: (prompts.print_help(), 2)[1])

    p = psub.add_parser("list", help="the questions, numbered, in the order the app offers them")
    add_json_flag(p)
    p.set_defaults(func=cmd_list)

    p = psub.add_parser("add", help="add a question at the end of the list (refused when it is there already)")
    p.add_argument("text", metavar="TEXT", help="the question, one line")
    add_json_flag(p)
    p.set_defaults(func=cmd_add)

    p = psub.add_parser("edit", help="reword a question (it keeps its place in the list)")
    add_prompt_ref(p)
    p.add_argument("text", metavar="TEXT", help="the new wording")
    add_json_flag(p)
    p.set_defaults(func=cmd_edit)

    p = psub.add_parser("move", help="put a question at another place in the list (the others keep their order)")
    add_prompt_ref(p)
    p.add_argument("to", type=int, metavar="N", help="its new number (1 = first; past the end = last)")
    add_json_flag(p)
    p.set_defaults(func=cmd_move)

    p = psub.add_parser("remove", help="remove a question from the list (vlogs recorded with it keep it)")
    add_prompt_ref(p)
    add_json_flag(p)
    p.set_defaults(func=cmd_remove)

    p = psub.add_parser("examples", help="add the app's five example questions (never twice)")
    p.add_argument("--language", choices=APP_LANGUAGES,
                   help="their language (default: the app's language - Settings, else the system's)")
    add_json_flag(p)
    p.set_defaults(func=cmd_examples)

    p = psub.add_parser("import", help="add the questions in a UTF-8 text file, one a line ('#' lines skipped)")
    p.add_argument("path", type=Path, metavar="FILE")
    add_json_flag(p)
    p.set_defaults(func=cmd_import)

    p = psub.add_parser("export", help="write the questions to a text file, one a line")
    p.add_argument("path", type=Path, metavar="FILE")
    add_json_flag(p)
    p.set_defaults(func=cmd_export)


def add_prompt_ref(p: argparse.ArgumentParser) -> None:
    """Which prompt: PROMPT (a number is its place, other text the question), or one way only with --number N or
    --text TEXT (an all-digit question such as "2026")."""
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("ref", metavar="PROMPT", nargs="?", help=REF_HELP)
    which.add_argument("--number", metavar="N", dest="ref_number", help="the prompt at place N of the list")
    which.add_argument("--text", metavar="TEXT", dest="ref_text",
                       help="the prompt reading exactly TEXT, even when it is all digits")


def _resolve(args: argparse.Namespace, app: App) -> Prompt:
    if args.ref_number is not None:
        return app.prompts.resolve(args.ref_number, by="number")
    if args.ref_text is not None:
        return app.prompts.resolve(args.ref_text, by="text")
    return app.prompts.resolve(args.ref)


def prompt_json(n: int, p: Prompt) -> dict[str, object]:
    return {"number": n, "id": p.id, "text": p.text}


def _listed(app: App) -> list[dict[str, object]]:
    return [prompt_json(n, p) for n, p in enumerate(app.prompts.all(), start=1)]


def _print_one(app: App, p: Prompt, as_json: bool, said: str) -> None:
    n = app.prompts.number(p.id)
    if as_json:
        print_json(prompt_json(n, p))
    else:
        print(f"{said} prompt {n}: {p.text}")


def cmd_list(args: argparse.Namespace, app: App) -> int:
    listed = _listed(app)
    if args.json:
        print_json(listed)
        return 0
    if not listed:
        print("No prompts yet: `vlogkit prompts add TEXT` or `vlogkit prompts examples` adds some.", file=sys.stderr)
    _print_list(listed)
    return 0


def _print_list(listed: list[dict[str, object]]) -> None:
    for d in listed:
        print(f"{d['number']:>3}  {d['text']}")


def cmd_add(args: argparse.Namespace, app: App) -> int:
    _print_one(app, app.prompts.add_new(args.text), args.json, "Added as")
    return 0


def cmd_edit(args: argparse.Namespace, app: App) -> int:
    p = _resolve(args, app)
    _print_one(app, app.prompts.update(p.id, args.text), args.json, "Changed")
    return 0


def cmd_move(args: argparse.Namespace, app: App) -> int:
    p = _resolve(args, app)
    app.prompts.move(p.id, args.to)
    if args.json:
        print_json(_listed(app))
    else:
        _print_list(_listed(app))
    return 0


def cmd_remove(args: argparse.Namespace, app: App) -> int:
    p = _resolve(args, app)
    n = app.prompts.number(p.id)
    app.prompts.remove(p.id)
    if args.json:
        print_json({"removed": prompt_json(n, p), "prompts": _listed(app)})
    else:
        print(f"Removed prompt {n}: {p.text}")
    return 0


def cmd_examples(args: argparse.Namespace, app: App) -> int:
    language = args.language or app_language(app.settings.ui_language)
    before = {p.id for p in app.prompts.all()}
    examples = app.prompts.add_examples(language)
    new = [p for p in examples if p.id not in before]
    if args.json:
        print_json({"language": language, "added": len(new), "prompts": _listed(app)})
        return 0
    if new:
        print(f"Added {len(new)} example question{'s' if len(new) != 1 else ''} ({language}):", file=sys.stderr)
    else:
        print(f"The example questions ({language}) are all in the list already; nothing was added.", file=sys.stderr)
    _print_list(_listed(app))
    return 0


def cmd_import(args: argparse.Namespace, app: App) -> int:
    added = app.prompts.import_text(args.path)
    if args.json:
        print_json({"added": added, "prompts": _listed(app)})
    else:
        print(f"Added {added} new prompt{'s' if added != 1 else ''} from {args.path}.")
    return 0


def cmd_export(args: argparse.Namespace, app: App) -> int:
    count = app.prompts.export_text(args.path)
    if args.json:
        print_json({"path": str(args.path), "count": count})
    else:
        print(f"Wrote {count} prompt{'s' if count != 1 else ''} to {args.path}.")
    return 0
