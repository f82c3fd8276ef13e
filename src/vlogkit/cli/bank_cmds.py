"""bank: the quote bank - add, list/search, review, tag, edit, remove, export, import."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vlogkit.cli.output import add_json_flag, print_json, run_job, seconds, warn, warn_damaged
from vlogkit.config import CSV_SEPARATORS
from vlogkit.domain import AUDIENCES, ConsentScope, QuoteStatus

if TYPE_CHECKING:
    from vlogkit.domain import Quote
    from vlogkit.services import App

STATUSES = [s.value for s in QuoteStatus]


def register(sub: argparse._SubParsersAction) -> None:
    bank = sub.add_parser("bank", help="the quote bank: save, search, review and export quotes",
                          description="Quotes kept with their speaker and consent; share them with `bank export "
                                      "--format json` and `bank import`.")
    bsub = bank.add_subparsers(dest="bank_command", metavar="ACTION", parser_class=type(bank))
    bank.set_defaults(func=lambda args, app: (bank.print_help(), 2)[1])

    p = bsub.add_parser("add", help="save a candidate (rank from `vlogkit quotes`) or a time range")
    p.add_argument("id", help="vlog id")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--candidate", type=int, metavar="RANK", help="rank as printed by `vlogkit quotes`")
    which.add_argument("--start", type=seconds, metavar="S", help="start in seconds (with --end)")
    p.add_argument("--end", type=seconds, metavar="S", help="end in seconds")
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="tag or theme (repeatable)")
    p.add_argument("--status", choices=STATUSES, default="candidate",
                   help="default candidate: external use needs `vlogkit bank approve` later")
    p.add_argument("--note", default="")
    add_json_flag(p)
    p.set_defaults(func=cmd_add)

    for name, hlp in (("list", "list the quotes (newest first)"), ("search", "search quotes (accents and case ignored)")):
        p = bsub.add_parser(name, help=hlp)
        p.add_argument("query", nargs="?", default="", help="words to look for")
        add_filter_flags(p)
        p.add_argument("--sort", choices=["relevance", "date"])
        add_json_flag(p)
        p.set_defaults(func=cmd_search)

    for name, status in (("approve", "approved"), ("reject", "rejected")):
        p = bsub.add_parser(name, help=f"mark quotes {status}" + (" (records who and when)" if name == "approve" else ""))
        p.add_argument("qids", nargs="+", metavar="QID")
        if name == "approve":
            p.add_argument("--by", metavar="NAME", help="who approves (default: the user name in settings, else the "
                                                        "OS user)")
        add_json_flag(p)
        p.set_defaults(func=cmd_status, status=status)

    p = bsub.add_parser("proposals", help="changes shared bank files proposed for quotes held here")
    p.add_argument("qid", nargs="?", metavar="QID", help="only this quote")
    p.add_argument("--accept", action="store_true", help="apply the latest proposal of QID (as your own edit)")
    p.add_argument("--dismiss", action="store_true", help="drop every proposal of QID")
    add_json_flag(p)
    p.set_defaults(func=cmd_proposals)

    p = bsub.add_parser("tag", help="add (or --remove) tags")
    p.add_argument("qid", metavar="QID")
    p.add_argument("tags", nargs="+", metavar="TAG")
    p.add_argument("--remove", action="store_true", help="remove these tags instead")
    add_json_flag(p)
    p.set_defaults(func=cmd_tag)

    p = bsub.add_parser("edit", help="change a quote's text, note, status, consent or speaker snapshot")
    p.add_argument("qid", metavar="QID")
    p.add_argument("--text")
    p.add_argument("--note")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--consent", choices=[c.value for c in ConsentScope], help="narrow (never widen) the consent")
    p.add_argument("--language")
    p.add_argument("--speaker", metavar="NAME")
    p.add_argument("--role")
    p.add_argument("--team")
    p.add_argument("--company", metavar="NAME")
    add_json_flag(p)
    p.set_defaults(func=cmd_edit)

    p = bsub.add_parser("remove", help="remove a quote from the bank")
    p.add_argument("qid", metavar="QID")
    p.set_defaults(func=cmd_remove)

    p = bsub.add_parser("export", help="write quotes as a slide deck, cards, CSV, Markdown or JSON")
    p.add_argument("--format", required=True, choices=["pptx", "cards", "csv", "md", "json"])
    p.add_argument("--out", required=True, metavar="PATH", help="a file (cards: a folder); never overwritten")
    p.add_argument("--audience", choices=AUDIENCES, default="internal",
                   help="internal: not rejected, consent internal or external; external: approved, consent external")
    p.add_argument("--title", default="", help="title slide / heading")
    p.add_argument("--separator", choices=sorted(CSV_SEPARATORS), default=None,
                   help="csv: cells between commas or semicolons (default: the csv_separator setting, else what "
                        "this computer's spreadsheet opens - semicolons in Belgium, the Netherlands, France ...)")
    p.add_argument("--order", choices=["newest", "added", "approved"], default="newest",
                   help="slide/card/row order: newest first (as `bank list`), in the order added, or approved first")
    p.add_argument("query", nargs="?", default="", help="only quotes matching these words")
    add_filter_flags(p, audience=False)
    add_json_flag(p)
    p.set_defaults(func=cmd_export)

    p = bsub.add_parser("import", help="merge a colleague's `bank export --format json` file")
    p.add_argument("file", metavar="FILE")
    add_json_flag(p)
    p.set_defaults(func=cmd_import)


def add_filter_flags(p: argparse.ArgumentParser, audience: bool = True) -> None:
    p.add_argument("--speaker", default="", metavar="NAME")
    p.add_argument("--team", default="")
    p.add_argument("--tag", default="")
    p.add_argument("--language", default="")
    p.add_argument("--status", choices=STATUSES)
    if audience:
        p.add_argument("--audience", choices=AUDIENCES, help="only quotes this audience may receive")
    p.add_argument("--since", default="", metavar="YYYY-MM-DD")
    p.add_argument("--until", default="", metavar="YYYY-MM-DD")
    p.add_argument("--vlog", default="", metavar="ID")


def filters_from(args: argparse.Namespace) -> dict[str, Any]:
    return {"speaker": args.speaker, "team": args.team, "tag": args.tag, "language": args.language,
            "status": args.status or "", "audience": getattr(args, "audience_filter", None) or "",
            "since": args.since, "until": args.until, "vlog_id": args.vlog}


def quote_json(app: App, q: Quote, vlogs: dict[str, Any] | None = None) -> dict[str, Any]:
    vlogs = vlogs if vlogs is not None else {v.id: v for v in app.vlogs.all()}
    d = q.to_dict()
    d["start_s"], d["end_s"] = round(q.start / 1000, 3), round(q.end / 1000, 3)
    d["effective_consent"] = app.bank.effective_scope(q, vlogs).value
    d["unusable_because"] = app.bank.consent_problem(q, vlogs)
    d["usable"] = not d["unusable_because"]
    d["cleared_for"] = [a for a in ("internal", "external") if app.bank.clearance(q, a, vlogs).ok]
    d["copy_text"] = q.copy_text()
    return d


def quote_line(app: App, q: Quote, vlogs: dict[str, Any] | None = None) -> str:
    """One quote; a quote no audience may receive (consent withdrawn, expired or never given) is marked UNUSABLE."""
    vlogs = vlogs if vlogs is not None else {v.id: v for v in app.vlogs.all()}
    tags = f"  [{', '.join(q.tags)}]" if q.tags else ""
    scope = app.bank.effective_scope(q, vlogs).value
    problem = app.bank.consent_problem(q, vlogs)
    mark = f"  UNUSABLE: {problem}" if problem else ""
    who = f"  (approved by {q.approved_by} {q.approved_at[:10]})" if q.approved_by else ""
    props = f"  ({len(q.proposals)} proposed change{'s' if len(q.proposals) != 1 else ''})" if q.proposals else ""
    return f"{q.id}  {q.status.value:<9} {q.language:<3} {scope:<8} {q.copy_text()}{tags}{who}{props}{mark}"


def cmd_add(args: argparse.Namespace, app: App) -> int:
    from vlogkit.errors import UsageError

    before = {q.id for q in app.bank.of_vlog(args.id)}
    if args.candidate is not None:
        q = run_job(lambda ctx: app.bank.add_candidate(args.id, args.candidate, tags=args.tag, status=args.status,
                                                       note=args.note, ctx=ctx), label="Quote")
    else:
        if args.end is None:
            raise UsageError("--start needs --end (both in seconds).")
        q = run_job(lambda ctx: app.bank.add_range(args.id, round(args.start * 1000), round(args.end * 1000),
                                                   tags=args.tag, status=args.status, note=args.note, ctx=ctx),
                    label="Quote")
    if args.json:
        print_json(quote_json(app, q))
    else:
        print(q.id)  # stdout stays the id alone, for scripts; people read stderr
        closed = _not_external(app, q)
        if q.id in before:
            tagged = f", tagged {', '.join(q.tags)}" if args.tag else ""
            print(f"{q.id} was already in the bank, as {q.status.value}{tagged}: nothing new was saved.",
                  file=sys.stderr)
        elif closed:
            print(f"Saved {q.id} as {q.status.value}, for internal use only: {closed}.", file=sys.stderr)
        elif q.status is QuoteStatus.APPROVED:
            print(f"Saved {q.id} as approved.", file=sys.stderr)
        elif q.status is QuoteStatus.CANDIDATE:
            print(f"Saved {q.id} as a candidate: internal use now; external use once approved "
                  f"(`vlogkit bank approve {q.id}`).", file=sys.stderr)
        else:
            print(f"Saved {q.id} as {q.status.value}.", file=sys.stderr)
    return 0


def _not_external(app: App, q: Quote) -> str:
    """Why the consent keeps `q` from an external audience whatever its review says, and what to do ("" when it
    does not): approving a quote never widens its speaker's consent, so saying "once approved" would mislead."""
    c = app.bank.clearance(q, "external", review=False)
    return "" if c.ok else c.reason() + (f" - {c.hint}" if c.hint else "")


def cmd_search(args: argparse.Namespace, app: App) -> int:
    f = filters_from(args)
    f["audience"] = args.audience or ""
    quotes = app.bank.search(args.query, sort=args.sort or "", **f)
    vlogs = {v.id: v for v in app.vlogs.all()}  # read once, not once per quote
    warn_damaged(app.bank.repo, app.vlogs)
    if args.json:
        print_json([quote_json(app, q, vlogs) for q in quotes])
    elif not quotes:
        print("No quotes match." if any(f.values()) or args.query else
              "The bank is empty: `vlogkit quotes ID` finds lines and `vlogkit bank add ID --candidate N` saves one.")
    else:
        for q in quotes:
            print(quote_line(app, q, vlogs))
    return 0


def _print(app: App, q: Quote, as_json: bool) -> None:
    if as_json:
        print_json(quote_json(app, q))
    else:
        print(quote_line(app, q))


def cmd_status(args: argparse.Namespace, app: App) -> int:
    if args.status == "approved":
        quotes = app.bank.approve(args.qids, by=args.by)
    else:
        quotes = [app.bank.update(qid, status=args.status) for qid in args.qids]
    if args.json:
        print_json([quote_json(app, q) for q in quotes])
    else:
        for q in quotes:
            print(quote_line(app, q))
    if args.status == "approved":
        for q in quotes:
            if closed := _not_external(app, q):
                print(f"{q.id} is approved, but for internal use only: {closed}.", file=sys.stderr)
    return 0


def cmd_tag(args: argparse.Namespace, app: App) -> int:
    q = app.bank.tag(args.qid, remove=args.tags) if args.remove else app.bank.tag(args.qid, add=args.tags)
    _print(app, q, args.json)
    return 0


def cmd_edit(args: argparse.Namespace, app: App) -> int:
    from vlogkit.domain import Speaker

    current = app.bank.get(args.qid)
    speaker = None
    parts = {"name": args.speaker, "role": args.role, "team": args.team, "company": args.company}
    if any(v is not None for v in parts.values()):
        d = current.speaker.to_dict()
        d.update({k: v for k, v in parts.items() if v is not None})
        speaker = Speaker.from_dict(d)
    q = app.bank.update(args.qid, text=args.text, note=args.note, status=args.status, consent=args.consent,
                        language=args.language, speaker=speaker)
    _print(app, q, args.json)
    return 0


def cmd_remove(args: argparse.Namespace, app: App) -> int:
    q = app.bank.remove(args.qid)
    print(f"Removed {q.id} from the bank.")
    return 0


def cmd_export(args: argparse.Namespace, app: App) -> int:
    if args.separator and args.format != "csv":
        from vlogkit.errors import UsageError

        raise UsageError(f"--separator is for --format csv; a {args.format} export has no cells to separate.")
    f = filters_from(args)
    quotes = app.bank.search(args.query, sort="date" if not args.query else "", **f)
    if args.order == "added":
        quotes = sorted(quotes, key=lambda q: (q.created, q.id))
    elif args.order == "approved":  # approved first, the earliest approved first; the rest newest first
        quotes = sorted(quotes, key=lambda q: (q.status.value != "approved", q.approved_at or ""))
    if not quotes:
        from vlogkit.errors import VlogkitError

        raise VlogkitError("No quotes match: nothing to export (`vlogkit bank list` shows the bank).")
    report = run_job(lambda ctx: app.bank.export(args.format, Path(args.out), audience=args.audience, quotes=quotes,
                                                 ctx=ctx, title=args.title,
                                                 separator=CSV_SEPARATORS.get(args.separator or "", "")),
                     label="Export")
    if report.skipped:
        n = len(report.skipped)
        warn(f"left out {n} quote{'s' if n != 1 else ''} for the {args.audience} audience: "
             + "; ".join(report.skipped))
    if args.json:
        print_json({"path": str(report.path), "count": report.count, "skipped": report.skipped,
                    "files": [str(p) for p in report.files]})
    else:
        what = f"{report.count} quote{'s' if report.count != 1 else ''}"
        print(f"Exported {what} to {report.path}{_beside_earlier(args.format, report.files)}")
    return 0


def _beside_earlier(fmt: str, files: list[Path]) -> str:
    """Cards written beside earlier cards of the same quotes (never over them) get a number: say so."""
    renamed = [f for f in files if re.search(r"-\d+x\d+-\d+$", f.stem)] if fmt == "cards" else []
    if not renamed:
        return ""
    return (f" ({len(renamed)} of the {len(files)} PNG files are next to earlier cards of the same quotes, which "
            f"are kept: the new ones end in -{renamed[0].stem.rsplit('-', 1)[1]}.png)")


def cmd_import(args: argparse.Namespace, app: App) -> int:
    r = app.bank.import_file(args.file)
    for why in r.refused:
        warn(f"refused {why}")
    if args.json:
        print_json({"path": str(r.path), "added": r.added, "updated": r.updated, "unchanged": r.unchanged,
                    "proposals": r.proposals, "refused": r.refused})
    else:
        extra = (f", {r.proposals} proposed change{'s' if r.proposals != 1 else ''} to review with "
                 f"`vlogkit bank proposals`" if r.proposals else "")
        print(f"Imported {args.file}: {r.added} new, {r.updated} updated, {r.unchanged} unchanged{extra}.")
    return 0


def cmd_proposals(args: argparse.Namespace, app: App) -> int:
    from vlogkit.errors import UsageError

    if (args.accept or args.dismiss) and not args.qid:
        raise UsageError("Say which quote: `vlogkit bank proposals QID --accept` (or --dismiss).")
    if args.accept and args.dismiss:
        raise UsageError("Use --accept or --dismiss, not both.")
    if args.accept:
        _print(app, app.bank.accept_proposal(args.qid), args.json)
        return 0
    if args.dismiss:
        _print(app, app.bank.dismiss_proposals(args.qid), args.json)
        return 0
    quotes = [app.bank.get(args.qid)] if args.qid else [q for q in app.bank.list() if q.proposals]
    if args.json:
        print_json([{"id": q.id, "proposals": [p.to_dict() for p in q.proposals]} for q in quotes])
    elif not any(q.proposals for q in quotes):
        print("No proposed changes.")
    else:
        for q in quotes:
            for i, p in enumerate(q.proposals, 1):
                print(f"{q.id}  #{i}  {p.describe()}")
    return 0
