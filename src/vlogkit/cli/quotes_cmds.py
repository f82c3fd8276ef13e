"""quotes: rank the quotable lines of a vlog."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from vlogkit.cli.output import add_json_flag, print_json, run_job
from vlogkit.config import app_language
from vlogkit.domain.quote import quoted
from vlogkit.domain.times import format_seconds, format_span
from vlogkit.quotes.reasons import reason_in

if TYPE_CHECKING:
    from vlogkit.domain import Candidate
    from vlogkit.services import App


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "quotes", help="list a vlog's quotable lines, best first (transcribes first when needed)",
        description="Rank the lines a communications editor would quote, with the reasons. Ranks are stable for the "
                    "same transcript: `vlogkit bank add ID --candidate N` saves rank N.",
    )
    p.add_argument("id", help="vlog id (`vlogkit list` shows them)")
    p.add_argument("--top", type=int, default=5, metavar="N", help="how many to show (default 5)")
    add_json_flag(p)
    p.set_defaults(func=cmd_quotes)


def candidate_json(c: Candidate) -> dict[str, Any]:
    return {
        "rank": c.rank,
        "text": c.text,
        "verbatim": c.verbatim,
        "start": round(c.start / 1000, 3),
        "end": round(c.end / 1000, 3),
        "start_ms": c.start,
        "end_ms": c.end,
        "score": c.score,
        "reasons": [r.to_dict() for r in c.reasons],
        "language": c.language,
    }


def cmd_quotes(args: argparse.Namespace, app: App) -> int:
    from vlogkit.errors import UsageError
    from vlogkit.services.wordcheck import words_to_check

    if args.top < 1:
        raise UsageError("--top must be 1 or more.")
    every = run_job(lambda ctx: app.quotes.candidates(args.id, ctx=ctx), label="Quotes")
    cands = every[: args.top]
    transcript = app.transcription.get(args.id)
    check = {c.rank: words_to_check(transcript, c.start, c.end) if transcript else () for c in cands}
    # words the model was unsure of: a misheard word on a slide is worse than no quote
    unsure = {c.rank: [w for w in transcript.words_between(c.start, c.end) if w.unsure] if transcript else []
              for c in cands}
    if args.json:
        print_json([{**candidate_json(c),
                     "check": [{"text": w.display, "start": round(w.start / 1000, 3)} for w in check[c.rank]],
                     "unsure": [{"text": w.display, "start": round(w.start / 1000, 3),
                                 "probability": round(w.probability or 0.0, 2)} for w in unsure[c.rank]]}
                    for c in cands])
        return 0
    if not cands:
        print(f"No quotable lines found in {args.id}: it may be too short or all logistics. "
              f"`vlogkit bank add {args.id} --start S --end S` saves any range.")
        return 0
    more = len(every) > len(cands)
    base = next((c.score - sum(r.points for r in c.reasons) for c in cands if 0 < c.score < 100), None)
    start = f"{base} for a line with no reason either way, plus the points below it" if base is not None else \
        "from the points below it"
    count = f"{len(cands)} of {len(every)}" if more else f"{len(cands)}"
    hint = f" (--top {len(every)} lists them all)" if more else ""
    print(f"{count} quotable line(s) in {args.id}, best first{hint}; score 0-100: {start}:")
    said_in = app_language(app.settings.ui_language)  # the reasons in the app's language, as the app shows them
    for c in cands:
        print(f"{c.rank:>2}. [{c.score:>3}] {format_span(c.start, c.end)}  {quoted(c.text, c.language)}")
        for label, reasons in (("for", [r for r in c.reasons if r.points >= 0]),
                               ("against", [r for r in c.reasons if r.points < 0])):
            if reasons:
                said = "; ".join(f"{reason_in(r.code, r.text, r.words, said_in)} {r.points:+d}" for r in reasons)
                print(f"    {label + ':':<8} {said}")
        if check[c.rank]:  # a swear word or slur: an external card or clip needs it confirmed (or fixed) first
            words = ", ".join(f"'{w.display}' ({format_seconds(w.start)} s)" for w in check[c.rank])
            print(f"    check this word: {words} - `vlogkit confirm {args.id} SECONDS` if it was really said")
        if unsure[c.rank]:
            words = ", ".join(f"'{w.display}' ({format_seconds(w.start)} s)" for w in unsure[c.rank])
            print(f"    unsure: {words} - the model may have misheard; `vlogkit fix {args.id} SECONDS WORD` "
                  f"if so")
    return 0
