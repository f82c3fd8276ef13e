"""export (a range, a quote or a candidate to share-sized clips) and process (import -> transcribe -> quotes -> clips)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vlogkit.cli.library_cmds import add_consent_record_flags, with_consent_record
from vlogkit.cli.output import PROGRESS_MODES, add_json_flag, error, print_json, run_job, short_text, warn
from vlogkit.domain import AUDIENCES, ConsentScope, Quote
from vlogkit.domain.export import CaptionStyle, ExportRequest, ExportResult
from vlogkit.errors import UsageError, VlogkitError

if TYPE_CHECKING:
    from vlogkit.services import App

STYLES = tuple(s.value for s in CaptionStyle)
_TIME_RE = re.compile(r"^(?:(\d+):)?(\d+):(\d+(?:\.\d+)?)$|^(\d+(?:\.\d+)?)$")


def parse_time(text: str) -> int:
    """'12.5', '1:02.5' or '0:01:02' -> milliseconds."""
    m = _TIME_RE.match(text.strip())
    if not m:
        raise UsageError(f"'{text}' is not a time: use seconds (12.5) or minutes:seconds (1:02.5).")
    if m.group(4) is not None:
        return int(round(float(m.group(4)) * 1000))
    h, mi, s = int(m.group(1) or 0), int(m.group(2)), float(m.group(3))
    return int(round(((h * 60 + mi) * 60 + s) * 1000))


def parse_range(text: str) -> tuple[int, int]:
    """'12.5:19' (seconds) or '1:02-1:09' (times with minutes) -> (start ms, end ms)."""
    t = text.strip()
    if "-" in t:
        a, _, b = t.partition("-")
    elif t.count(":") == 1:
        a, _, b = t.partition(":")
    else:
        raise UsageError(f"'{text}' is not a range: write START:END in seconds (12.5:19) or 1:02-1:09.")
    return parse_time(a), parse_time(b)


def _add_output_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--preset", default="reel", metavar="NAME[,NAME]",
                   help="reel (9:16), square, portrait (4:5), landscape (16:9), or WxH; several: reel,square")
    p.add_argument("--captions", choices=STYLES, default="karaoke",
                   help="burnt-in captions: karaoke, line, punchy (1-3 big words, for reels) or off (default karaoke)")
    p.add_argument("--audience", choices=AUDIENCES, default="internal",
                   help="who will see it: external needs the speaker's external consent")
    p.add_argument("--out", metavar="DIR", help="folder for the clips (default: the library's export folder)")
    p.add_argument("--tighten", action="store_true", help="shorten long pauses and drop filler words")
    p.add_argument("--logo", metavar="PNG", help="watermark logo (default: the brand logo setting)")
    p.add_argument("--lower-third", action="store_true", help="the speaker's name and role for the first seconds")
    p.add_argument("--loudness", type=float, metavar="LUFS", help="target loudness (default -14; -16 for intranet)")
    p.add_argument("--highlight", metavar="#RRGGBB", help="brand colour of the spoken word (default: the setting)")
    p.add_argument("--no-face", choices=("center", "fit"), default="center",
                   help="when no face is found: a centre crop, or the whole frame over a blurred copy (fit)")
    p.add_argument("--progress", choices=PROGRESS_MODES, default="auto",
                   help="progress on stderr: a bar on a terminal, else lines (auto); lines; json lines; off")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="render a vlog range, quote or candidate as captioned share-sized clips")
    p.add_argument("id", help="vlog id")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--candidate", type=int, metavar="RANK", help="a candidate quote by rank (vlogkit quotes ID)")
    what.add_argument("--quote", metavar="QID", help="a quote from the bank")
    what.add_argument("--range", action="append", metavar="S:E", dest="ranges",
                      help="a range START:END in seconds (12.5:19) or START-END in m:ss (1:02-1:09); repeat for jump cuts")
    p.add_argument("--start", metavar="S", help="start (seconds or m:ss), with --end")
    p.add_argument("--end", metavar="S", help="end (seconds or m:ss), with --start")
    _add_output_flags(p)
    p.add_argument("--dry-run", action="store_true",
                   help="gather what the export needs (transcript, faces, loudness), print its plan, encode nothing")
    add_json_flag(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("process", help="import, transcribe, find quotes and export the top N quote clips")
    p.add_argument("paths", nargs="+", metavar="PATH", help="video/audio files or folders")
    p.add_argument("--top", type=int, default=3, metavar="N", help="clips per vlog (default 3)")
    p.add_argument("--speaker", default="", metavar="NAME")
    p.add_argument("--role", default="")
    p.add_argument("--team", default="")
    p.add_argument("--language", default="auto", help="nl, fr, en, any Whisper code, or auto")
    p.add_argument("--consent", choices=[c.value for c in ConsentScope], default="none",
                   help="consent scope the speakers gave (needed to export anything)")
    add_consent_record_flags(p)
    _add_output_flags(p)
    add_json_flag(p)
    p.set_defaults(func=cmd_process)


def _ranges(args: argparse.Namespace, app: App) -> tuple[list[tuple[int, int]], str | None, Quote | None]:
    """(ranges, title for the file name, the bank quote when the clip is one)."""
    if (args.start is None) != (args.end is None):
        raise UsageError("Give both --start and --end (or use --range S:E).")
    given = sum(x is not None and x != [] for x in (args.candidate, args.quote, args.ranges, args.start))
    if given == 0:
        raise UsageError("Say what to export: --candidate RANK, --quote QID, --start S --end S, or --range S:E.")
    if given > 1:
        raise UsageError("Use one of --candidate, --quote, --range or --start/--end.")
    if args.start is not None:
        return [(parse_time(args.start), parse_time(args.end))], None, None
    if args.ranges:
        return [parse_range(r) for r in args.ranges], None, None
    if args.quote:
        q = app.bank.get(args.quote)
        if q.vlog_id != args.id:
            raise UsageError(f"Quote {q.id} belongs to vlog {q.vlog_id}, not {args.id}: `vlogkit export {q.vlog_id} --quote {q.id}`.")
        if not app.export.quote_says_what_was_said(q):
            warn(f"quote {q.id}'s text was edited in the bank: the clip and its captions say what was said, from the "
                 f"transcript - `vlogkit fix {q.vlog_id} SECONDS WORD` fixes a misheard word there.")
        return [app.export.quote_clip(q)], q.text, q
    c = run_job(lambda ctx: app.quotes.candidate(args.id, args.candidate, ctx=ctx), label="quotes")
    return [(c.start, c.end)], c.text, None


def _request(args: argparse.Namespace, app: App, vlog_id: str, ranges: list[tuple[int, int]],
             title: str | None, quote: Quote | None = None) -> ExportRequest:
    return app.export.request(
        vlog_id, ranges=ranges, presets=[args.preset], captions=args.captions, tighten=args.tighten,
        audience=args.audience, out_dir=Path(args.out) if args.out else None, logo=args.logo,
        lower_third=args.lower_third, title=title, loudness=args.loudness, fallback=args.no_face,
        highlight=args.highlight, quote_id=quote.id if quote is not None else None,
    )


def _warn_plan(notes: list[str] | tuple[str, ...], issues: list[str]) -> None:
    for n in notes:
        warn(f"warning: {n}")
    if issues:
        more = f" (and {len(issues) - 1} more; all in --json)" if len(issues) > 1 else ""
        warn(f"warning: {len(issues)} caption cue(s) break a subtitle rule: {issues[0]}{more}")


def _print_result(result: ExportResult) -> None:
    for o in result.outputs:
        print(f"{o.path}  ({o.preset} {o.width}x{o.height}, {o.duration:.1f} s)")
    for s in result.subtitles:
        print(f"{s}")
    _warn_plan(result.warnings, result.caption_issues)


def _warn_words_to_check(app: App, vlog_id: str, ranges: list[tuple[int, int]]) -> None:
    """List the swear words and slurs in the ranges nobody confirmed (an external export stops on them)."""
    from vlogkit.services.wordcheck import check_line, words_to_check

    transcript = app.transcription.get(vlog_id)
    if transcript is not None:
        line = check_line([w for a, b in ranges for w in words_to_check(transcript, a, b)], vlog_id)
        if line:
            warn(line)


def cmd_export(args: argparse.Namespace, app: App) -> int:
    vlog = app.library.get(args.id)
    app.export.check_consent(vlog, args.audience)
    ranges, title, quote = _ranges(args, app)
    app.consent.require_clip(vlog, ranges, args.audience, quote)  # the rule, with the quote's cap and review
    request = _request(args, app, args.id, ranges, title, quote)
    _warn_words_to_check(app, args.id, ranges)
    if args.dry_run:
        plan = run_job(lambda ctx: app.export.plan(request, ctx), label="plan", progress=args.progress)
        if args.json:
            print_json(plan.to_dict())
        else:
            print(plan.describe())
        _warn_plan(plan.notes, plan.issue_lines())
        return 0
    result = run_job(lambda ctx: app.export.export(request, ctx), label="export", progress=args.progress)
    if args.json:
        print_json(result.to_dict())
        _warn_plan(result.warnings, result.caption_issues)
    else:
        _print_result(result)
    return 0


def cmd_process(args: argparse.Namespace, app: App) -> int:
    from vlogkit.domain import Speaker
    from vlogkit.services.library import ImportOptions, validate_language

    if args.top < 1:
        raise UsageError("--top must be 1 or more.")
    options = with_consent_record(args, app, ImportOptions(
        speaker=Speaker(args.speaker or "", args.role or "", args.team or ""),
        language=validate_language(args.language), consent=ConsentScope(args.consent)))
    files, skipped = app.library.expand(args.paths)
    for s in skipped:
        warn(s.error)
    report: list[dict[str, Any]] = []
    failed = 0
    for f in files:
        entry: dict[str, Any] = {"path": str(f), "outputs": [], "subtitles": []}
        report.append(entry)
        try:
            r = run_job(lambda ctx, f=f: app.library.import_file(f, options, ctx), label=f.name[:30],
                        progress=args.progress)
            if not r.ok:
                raise UsageError(r.error) if not r.error else VlogkitError(r.error)
            vlog = r.vlog
            entry["id"] = vlog.id
            if r.existing:
                warn(f"{f}: already in the library as {vlog.id}; its stored speaker, language and consent are used "
                     f"(change them with `vlogkit edit {vlog.id}`).")
            app.export.check_consent(vlog, args.audience)
            cands = run_job(lambda ctx, v=vlog: app.quotes.candidates(v.id, top=args.top, ctx=ctx), label="quotes",
                            progress=args.progress)
            if not cands:
                warn(f"{f}: no quotable line found; nothing exported.")
            for c in cands:
                req = _request(args, app, vlog.id, [(c.start, c.end)], c.text)
                res = run_job(lambda ctx, req=req: app.export.export(req, ctx), label=f"clip {c.rank}",
                              progress=args.progress)
                entry["outputs"].extend({**o.to_dict(), "rank": c.rank, "text": c.text} for o in res.outputs)
                entry["subtitles"].extend(str(s) for s in res.subtitles)
                entry.setdefault("caption_issues", []).extend(res.caption_issues)
                if not args.json:
                    print(f"{f.name} #{c.rank} \"{short_text(c.text)}\"")
                    _print_result(res)
                else:
                    _warn_plan(res.warnings, res.caption_issues)
        except VlogkitError as exc:
            failed += 1
            entry["error"] = str(exc)
            error(f"{f}: {exc}")
    if args.json:
        print_json(report)
    return 1 if failed or not files else 0
