"""transcribe, subtitles, models."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from vlogkit.cli.output import add_json_flag, print_json, run_job, seconds, warn
from vlogkit.domain import AUDIENCES
from vlogkit.errors import UsageError

if TYPE_CHECKING:
    from vlogkit.domain import Transcript, Word
    from vlogkit.services import App


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("transcribe", help="transcribe a vlog offline with Whisper (word timings), or import subtitles")
    p.add_argument("id")
    p.add_argument("--language", help="nl, fr, en, any Whisper code, or auto (default: the vlog's language); "
                                      "a code forces that one language for the whole vlog")
    p.add_argument("--languages", metavar="CODES",
                   help="with auto: the languages each stretch may be in, e.g. nl,fr,en (the default setting), "
                        "or 'any' for every language Whisper knows")
    p.add_argument("--model", help="base (bundled), small, medium, large-v3, large-v3-turbo, distil-large-v3, "
                                   "or a model folder (default: VLOGKIT_MODEL or the setting)")
    p.add_argument("--no-cache", action="store_true",
                   help="run the model again even when a transcript for these options exists (drops corrections)")
    p.add_argument("--from-subtitles", metavar="PATH", help="use this SRT/VTT file as the transcript instead")
    p.add_argument("--words", action="store_true",
                   help="also list every word with its start time (the time `vlogkit fix` takes)")
    add_json_flag(p)
    p.set_defaults(func=cmd_transcribe)

    p = sub.add_parser("keep", help="keep a segment held back as possibly invented by Whisper (it was really said)")
    p.add_argument("id")
    p.add_argument("at", type=seconds, metavar="SECONDS", help="a time inside the segment (as `transcribe` shows it)")
    p.add_argument("--undo", action="store_true", help="hold the segment back again")
    add_json_flag(p)
    p.set_defaults(func=cmd_keep)

    p = sub.add_parser("confirm", help="confirm a swear word or slur was really said (external exports may show it)")
    p.add_argument("id")
    p.add_argument("at", type=seconds, metavar="SECONDS", help="the word's time (as `vlogkit quotes` lists it)")
    p.add_argument("--undo", action="store_true", help="take the confirmation back")
    p.set_defaults(func=cmd_confirm)

    p = sub.add_parser("fix", help="fix a misheard word (captions, quotes and subtitles use the fix; the recognised "
                                   "word is kept beside it)")
    p.add_argument("id")
    p.add_argument("at", type=seconds, metavar="SECONDS",
                   help="a time inside the word (`vlogkit transcribe ID --words` lists each word's start)")
    p.add_argument("text", metavar="WORD", help="what was really said; the recognised word itself takes the fix back")
    p.set_defaults(func=cmd_fix)

    p = sub.add_parser("subtitles", help="write a vlog's transcript as SRT, WebVTT, text or JSON")
    p.add_argument("id")
    p.add_argument("--format", choices=("srt", "vtt", "txt", "json"), default="srt")
    p.add_argument("--start", type=seconds, metavar="S", help="from this second (times then count from it)")
    p.add_argument("--end", type=seconds, metavar="S", help="up to this second")
    p.add_argument("--max-chars", type=int, default=42, metavar="N", help="characters a subtitle line (default 42)")
    p.add_argument("--out", metavar="PATH", help="write to this file instead of standard output (an export: needs "
                                                 "the speaker's consent, and is logged)")
    p.add_argument("--audience", choices=AUDIENCES, default="internal",
                   help="who the --out file is for: external needs the speaker's external consent")
    p.set_defaults(func=cmd_subtitles)

    p = sub.add_parser("models", help="list the Whisper models: installed, bundled, downloadable")
    add_json_flag(p)
    p.set_defaults(func=cmd_models)


def _clock(ms: int) -> str:
    m, s = divmod(ms / 1000.0, 60)
    return f"{int(m):02d}:{s:04.1f}"


def cmd_transcribe(args: argparse.Namespace, app: App) -> int:
    from vlogkit.transcribe.formats import transcript_json

    svc = app.transcription
    t0 = time.monotonic()
    if args.from_subtitles:
        if args.language or args.languages or args.model or args.no_cache:
            raise UsageError("--from-subtitles takes no --language, --languages, --model or --no-cache.")
        transcript = svc.import_subtitles(args.id, args.from_subtitles)
        how = f"from {args.from_subtitles}"
    else:
        transcript = run_job(
            lambda ctx: svc.transcribe(args.id, language=args.language, model=args.model,
                                       use_cache=not args.no_cache, ctx=ctx, languages=args.languages),
            label=f"Transcribing {args.id}",
        )
        how = "from the cache" if svc.last_from_cache else f"model {transcript.model}"
    elapsed = time.monotonic() - t0
    if args.json:
        print_json(transcript_json(transcript))
    else:
        print_segments(transcript, words=args.words)
    words = len(transcript.words)
    warn(f"{args.id}: {words} words, language {transcript.language_label or '?'}, {how}, {elapsed:.1f} s.")
    if words == 0:
        warn("warning: no speech was found.")
    lost = getattr(svc, "last_edits_lost", ())
    if lost and not args.from_subtitles:
        shown = ", ".join(f"'{w.display}' at {w.start / 1000:.1f} s" for w in lost[:5])
        more = f" and {len(lost) - 5} more" if len(lost) > 5 else ""
        warn(f"warning: {len(lost)} edit(s) of the previous transcript are not in this one (the word was not heard "
             f"again there): {shown}{more} - `vlogkit fix {args.id} SECONDS WORD` makes them again.")
    from vlogkit.services.wordcheck import check_line, words_to_check

    check = check_line(words_to_check(transcript), args.id)
    if check:
        warn(check)
    held = transcript.flagged
    if held:
        warn(f"{len(held)} segment(s) held back as possibly invented by Whisper (left out of subtitles, captions and "
             f"quotes): `vlogkit keep {args.id} SECONDS` keeps one that was really said.")
    return 0


def print_segments(transcript: Transcript, words: bool = False) -> None:
    """One line per segment: times, the language when the vlog switches, speaker, text; held-back segments marked.
    `words`: each word under its segment with its start in seconds (what `vlogkit fix` takes)."""
    mixed = len(transcript.languages) > 1
    for s in transcript.segments:
        who = f"{s.speaker}: " if s.speaker else ""
        lang = f"{s.language or transcript.language} " if mixed else ""
        mark = f"[held back: {s.flag}] " if s.held_back else ""
        print(f"[{_clock(s.start)} - {_clock(s.end)}] {lang}{mark}{who}{s.text}")
        if words:
            for w in s.words:
                fixed = f"  (recognised: {w.text})" if w.corrected is not None else ""
                print(f"    {w.start / 1000:8.2f}  {w.display}{fixed}")


def cmd_keep(args: argparse.Namespace, app: App) -> int:
    """Keep (or, with --undo, hold back again) the flagged segment at a time."""
    from vlogkit.transcribe.formats import transcript_json

    if args.at < 0:
        raise UsageError("Give the time in seconds from the start of the vlog (not negative).")
    transcript = app.transcription.keep(args.id, round(args.at * 1000), keep=not args.undo)
    if args.json:
        print_json(transcript_json(transcript))
    else:
        print_segments(transcript)
    return 0


def cmd_confirm(args: argparse.Namespace, app: App) -> int:
    from vlogkit.domain.sensitive import sensitive_words

    if args.at < 0:
        raise UsageError("Give the time in seconds from the start of the vlog (not negative).")
    transcript = app.transcription.confirm(args.id, round(args.at * 1000), confirmed=not args.undo)
    for w in sensitive_words(transcript.words, transcript.language):
        state = "confirmed" if w.confirmed else "to check"
        print(f"{w.start / 1000:7.1f} s  {w.display:<20} {state}")
    return 0


def cmd_fix(args: argparse.Namespace, app: App) -> int:
    if args.at < 0:
        raise UsageError("Give the time in seconds from the start of the vlog (not negative).")
    from vlogkit.domain.quote import quoted

    fix = app.transcription.fix_word(args.id, round(args.at * 1000), args.text)
    before, after = fix.before, fix.after
    what = f"'{before.text}' -> '{after.display}'" if after.corrected else f"'{after.display}' as recognised again"
    print(f"{after.start / 1000:.2f} s  {what} in “{_in_context(fix.line, after)}”. Quotes are found again from the "
          f"fixed words: `vlogkit quotes {args.id}`.")
    for was, q in zip(fix.bank.was, fix.bank.updated, strict=True):
        again = (f" It was approved: `vlogkit bank approve {q.id}` approves the new text for external use."
                 if was.status is not q.status else "")
        print(f"Bank quote {q.id} now reads {quoted(q.text, q.language)}.{again}")
    for q in fix.bank.kept:
        warn(f"bank quote {q.id} was edited in the bank and keeps its text {quoted(q.text, q.language)}: "
             f"`vlogkit bank edit {q.id} --text ...` changes it there.")
    if fix.bank.problem:
        warn(f"the word is fixed, but the bank quotes holding it were not brought up to date: {fix.bank.problem}")
    return 0


def _in_context(line: tuple[Word, ...], word: Word, around: int = 5) -> str:
    """The fixed word in brackets among up to `around` words either side of it in its segment."""
    i = next((n for n, w in enumerate(line) if w.start == word.start and w.end == word.end), None)
    if i is None:
        return f"[{word.display}]"
    a, b = max(0, i - around), min(len(line), i + around + 1)
    shown = [f"[{w.display}]" if n == i else w.display for n, w in enumerate(line[a:b], a)]
    return ("… " if a else "") + " ".join(shown) + (" …" if b < len(line) else "")


def cmd_subtitles(args: argparse.Namespace, app: App) -> int:
    from dataclasses import replace

    from vlogkit.render.caption_rules import NETFLIX
    from vlogkit.transcribe.formats import render, time_range

    if args.max_chars < 10:
        raise UsageError("--max-chars must be at least 10.")
    transcript = app.transcription.require(args.id)
    start = None if args.start is None else round(args.start * 1000)
    end = None if args.end is None else round(args.end * 1000)
    if (start is not None and start < 0) or (end is not None and end < 0):
        raise UsageError("--start and --end are seconds from the start of the vlog (not negative).")
    part = time_range(transcript, start, end)
    text = render(part, args.format, replace(NETFLIX, max_chars=args.max_chars))
    if args.out:
        out = Path(args.out)
        if out.exists() and out.is_dir():
            raise UsageError(f"{out} is a folder: give a file name for --out.")
        ranges = [(start or 0, end if end is not None else transcript.duration)] if start or end else None
        written = app.transcription.export_text(args.id, out, text, audience=args.audience, ranges=ranges)
        warn(f"wrote {written}" if written == out else f"wrote {written} ({out} is already there and was kept)")
    else:
        sys.stdout.write(text)
    return 0


def cmd_models(args: argparse.Namespace, app: App) -> int:
    from vlogkit.config import model_cache_dir
    from vlogkit.transcribe.models import list_models, model_id

    models = list_models()
    default = model_id(app.settings.model)
    for m in models:
        m["default"] = m["name"] == default
    if args.json:
        print_json(models)
        return 0
    print(f"Models folder: {model_cache_dir()}")
    for m in models:
        star = "*" if m["default"] else " "
        size = f"{m['size_mb']:.0f} MB" if m["size_mb"] else ""
        print(f"{star} {m['name']:<16} {m['status']:<10} {size:>7}  {m['path']}")
    print("* = default (VLOGKIT_MODEL or the model setting). 'bundled' = installed, unpacked on first use; "
          "'available' = downloaded on first use (needs the network once).")
    return 0
