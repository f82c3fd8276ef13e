"""import, list, show, edit, remove."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from vlogkit.cli.output import add_json_flag, error, print_json, run_job, warn, warn_damaged
from vlogkit.domain import Consent, ConsentScope, Speaker, Vlog

if TYPE_CHECKING:
    from vlogkit.services import App
    from vlogkit.services.library import ImportOptions

CONSENTS = [c.value for c in ConsentScope]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="add video or audio files (or folders of them) to the library")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (folders are searched recursively)")
    p.add_argument("--sample", action="store_true",
                   help="import the bundled 30 s sample vlog (English, consent external) to try every step on")
    add_speaker_flags(p)
    p.add_argument("--language", default="auto", help="spoken language: nl, fr, en, any Whisper code, or auto")
    p.add_argument("--consent", choices=CONSENTS, default="none", help="consent given by the speaker: internal (colleagues), external (public channels) or none "
                        "(the default: nothing may be exported until it is recorded)")
    add_consent_record_flags(p)
    p.add_argument("--copy", action="store_true", help="copy the file into the library folder instead of referencing it")
    add_json_flag(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", help="list the vlogs in the library")
    add_json_flag(p)
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="show one vlog")
    p.add_argument("id")
    add_json_flag(p)
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("edit", help="change a vlog's speaker, language or consent (consent changes are dated)")
    p.add_argument("id")
    add_speaker_flags(p, default=None)
    p.add_argument("--language", help="spoken language: nl, fr, en, any Whisper code, or auto")
    p.add_argument("--consent", choices=CONSENTS,
                   help="internal (colleagues), external (public channels) or none = withdrawn: nothing may be "
                        "exported from then on; the change is dated and kept in the history")
    add_consent_record_flags(p)
    p.add_argument("--title")
    p.add_argument("--confirm-consent", action="store_true",
                   help="accept the consent an unsigned hand-off package claimed (recorded as your change)")
    add_json_flag(p)
    p.set_defaults(func=cmd_edit)

    p = sub.add_parser("remove", help="remove a vlog from the library (never deletes your file)")
    p.add_argument("id")
    p.set_defaults(func=cmd_remove)


def add_consent_record_flags(p: argparse.ArgumentParser) -> None:
    """The dated consent record's flags, the same on import and edit."""
    p.add_argument("--consent-expires", metavar="YYYY-MM-DD",
                   help="last day the consent holds, in your zone (any ISO 8601 date; empty string: never)")
    p.add_argument("--consent-date", metavar="YYYY-MM-DD",
                   help="the day the person gave (or withdrew) consent, e.g. the date on the signed form; default "
                        "today; never in the future nor after the expiry (when it was recorded is kept apart)")
    p.add_argument("--by", metavar="NAME", dest="recorded_by",
                   help="who records the consent (default: the user_name setting, else your login name)")


def with_consent_record(args: argparse.Namespace, app: App, options: ImportOptions) -> ImportOptions:
    """`options` with the consent record's day, expiry and recorder from the flags, checked once (by the one rule in
    `app.consent`) before any file is read."""
    import dataclasses

    from vlogkit.errors import UsageError
    from vlogkit.services.consent import parse_expiry

    if options.consent is ConsentScope.NONE:
        if args.consent_date or args.consent_expires or args.recorded_by:
            raise UsageError("--consent-date, --consent-expires and --by describe a consent: give --consent internal "
                             "or external with them.")
        return options
    options = dataclasses.replace(options, consent_date=parse_expiry(args.consent_date),
                                  consent_expires=parse_expiry(args.consent_expires),
                                  recorded_by=(args.recorded_by or "").strip())
    app.consent.check_given_on(options.consent, options.consent_date, options.consent_expires)
    return options


def add_speaker_flags(p: argparse.ArgumentParser, default: str | None = "") -> None:
    p.add_argument("--speaker", default=default, metavar="NAME", help="speaker's name")
    p.add_argument("--role", default=default, help="job title, shown under the name (lower third, cards)")
    p.add_argument("--team", default=default, help="team or department")
    p.add_argument("--company", default=default, metavar="NAME", help="company, for attributions outside it")


def speaker_from_args(args: argparse.Namespace, base: Speaker | None = None) -> Speaker | None:
    vals = {k: getattr(args, a) for k, a in (("name", "speaker"), ("role", "role"), ("team", "team"), ("company", "company"))}
    if base is None:
        return Speaker(**{k: v or "" for k, v in vals.items()})
    if all(v is None for v in vals.values()):
        return None
    cur = base.to_dict()
    cur.update({k: v for k, v in vals.items() if v is not None})
    return Speaker(**cur)


def format_vlog_line(v: Vlog, speaker_width: int = 0) -> str:
    w, h = v.media.display_size
    kind = f"{w}x{h}" if v.media.has_video else "audio"
    who = v.speaker.name or "-"
    return (f"{v.id}  {v.duration_s:7.1f}s  {kind:>9}  {v.language:<4}  {v.consent.scope.value:<8}  "
            f"{v.state.value:<11}  {who:<{speaker_width}}  {v.path}")


def format_vlog_list(vlogs: list[Vlog]) -> list[str]:
    """`format_vlog_line` for each vlog, in columns under their names."""
    id_width = max(len(v.id) for v in vlogs)
    speaker_width = max(len("speaker"), *(len(v.speaker.name or "-") for v in vlogs))
    header = (f"{'id':<{id_width}}  {'length':>8}  {'picture':>9}  {'lang':<4}  {'consent':<8}  {'state':<11}  "
              f"{'speaker':<{speaker_width}}  file")
    return [header, *(format_vlog_line(v, speaker_width) for v in vlogs)]


def cmd_import(args: argparse.Namespace, app: App) -> int:
    if args.sample:
        return _import_sample(args, app)
    if not args.paths:
        from vlogkit.errors import UsageError

        raise UsageError("Name the files or folders to import (`vlogkit import PATH ...`), or try the bundled sample "
                         "vlog: `vlogkit import --sample`.")
    packages = [p for p in args.paths if p.lower().endswith(".vlogkit")]
    if packages:
        from vlogkit.cli.team_cmds import import_packages

        if len(packages) != len(args.paths):
            from vlogkit.errors import UsageError

            raise UsageError("Import hand-off packages (.vlogkit) on their own, not mixed with video files.")
        return import_packages(args, app, packages)
    from vlogkit.services.library import ImportOptions, validate_language

    options = with_consent_record(args, app, ImportOptions(
        speaker=speaker_from_args(args) or Speaker(),
        language=validate_language(args.language),
        consent=ConsentScope(args.consent),
        copy=args.copy,
    ))
    files, skipped = app.library.expand(args.paths)
    results = []
    for f in files:
        r = run_job(lambda ctx, f=f: app.library.import_file(f, options, ctx), label=f.name[:30])
        results.append(r)
        if r.ok:
            for w in r.warnings:
                warn(f"warning: {w}")
            if not args.json:
                state = "already in the library as" if r.existing else "imported as"
                print(f"{f}: {state} {r.vlog.id} ({r.vlog.duration_s:.1f} s)")
        else:
            error(r.error)
    for s in skipped:
        warn(s.error)
    if args.json:
        print_json([r.to_dict() for r in results] + [s.to_dict() for s in skipped if "folder holds no" in s.error])
    failed = [r for r in results if not r.ok] + [s for s in skipped if "folder holds no" in s.error]
    return 1 if failed or not results else 0


def _import_sample(args: argparse.Namespace, app: App) -> int:
    from vlogkit.errors import UsageError
    from vlogkit.services.sample import import_sample

    if args.paths:
        raise UsageError("Import the sample on its own (`vlogkit import --sample`), not with other files.")
    r = run_job(lambda ctx: import_sample(app, ctx), label="sample")
    if args.json:
        print_json([r.to_dict()])
    elif r.ok:
        state = "already in the library as" if r.existing else "imported as"
        print(f"sample vlog: {state} {r.vlog.id} ({r.vlog.duration_s:.1f} s) - next: `vlogkit quotes {r.vlog.id}`")
    else:
        error(r.error)
    return 0 if r.ok else 1


def cmd_list(args: argparse.Namespace, app: App) -> int:
    vlogs = app.library.list()
    warn_damaged(app.vlogs)
    if args.json:
        print_json([v.to_dict() for v in vlogs])
    elif not vlogs:
        print("The library is empty: `vlogkit import PATH` adds a video.")
    else:
        print("\n".join(format_vlog_list(vlogs)))
    return 0


def cmd_show(args: argparse.Namespace, app: App) -> int:
    v = app.library.get(args.id)
    if args.json:
        print_json(v.to_dict())
        return 0
    d = v.to_dict()
    print(f"id:        {v.id}\ntitle:     {v.title}\nfile:      {v.path}\nduration:  {v.duration_s:.1f} s")
    print(f"video:     {d['width']}x{d['height']}" if v.media.has_video else "video:     none (audio vlog)")
    print(f"audio:     {'yes' if v.media.has_audio else 'none'}")
    print(f"speaker:   {v.speaker.credit() or '-'}")
    how = (f" (detected {v.language_label})" if v.language_label else "") if v.language == "auto" else " (set by hand)"
    print(f"language:  {v.language}{how}")
    for line in consent_lines(app, v):
        print(line)
    claimed = v.extra.get("consent_claimed")
    if claimed:
        scope = (claimed.get("consent") or {}).get("scope", "?")
        print(f"           (the package claimed {scope}: `vlogkit edit {v.id} --confirm-consent` accepts it)")
    print(f"state:     {v.state.value}\ncreated:   {v.created}")
    prov = v.extra.get("provenance")
    if prov:
        print(f"from:      {prov.get('package')} sent by {prov.get('sender') or 'unknown'} on {prov.get('sent')} "
              f"({prov.get('trust')}), imported by {prov.get('imported_by')} on {prov.get('imported')}")
    return 0


def consent_lines(app: App, v: Vlog) -> list[str]:
    """The consent now (with what the rule says about it), the timezone rule, and the dated history."""
    c = v.consent
    since = f", {_given_word(c)} on {c.date.isoformat()}" if c.date else ""
    exp = f", expires {c.expires.isoformat()}" if c.expires else ""
    who = f" (recorded by {c.recorded_by}" + (f" on {c.recorded_at})" if c.recorded_at else ")") if c.recorded_by else ""
    lines = [f"consent:   {c.scope.value}{since}{exp}{who}"]
    verdict = [a for a in ("internal", "external") if app.consent.for_vlog(v, a).ok]
    lines.append("cleared:   " + (", ".join(verdict) if verdict else
                                  "nothing - " + app.consent.for_vlog(v, "internal").reason()))
    lines.append(f"dates:     {app.consent.rule_text(c)}")
    if c.release_version:
        lines.append(f"release:   version {c.release_version}: {c.release}")
    for h in v.consent_history:
        when = h.recorded_at or "?"
        given = f" {_given_word(h)} on {h.date.isoformat()}" if h.date else ""
        until = f" until {h.expires.isoformat()}" if h.expires else ""
        by = f" recorded by {h.recorded_by}" if h.recorded_by else ""
        rel = f" (release v{h.release_version})" if h.release_version else ""
        lines.append(f"  history: {when}  {h.scope.value}{given}{until}{by}{rel}")
    return lines


def _given_word(c: Consent) -> str:
    return "withdrawn" if c.scope is ConsentScope.NONE else "given"


def cmd_edit(args: argparse.Namespace, app: App) -> int:
    parts = {k: getattr(args, a) for k, a in (("name", "speaker"), ("role", "role"), ("team", "team"),
                                                ("company", "company"))}
    if args.confirm_consent:
        app.handoff.confirm_consent(args.id, by=args.recorded_by or "")
    v = app.library.edit(
        args.id,
        speaker_changes={k: v for k, v in parts.items() if v is not None},  # applied under the library's lock
        language=args.language,
        consent=ConsentScope(args.consent) if args.consent else None,
        consent_expires=args.consent_expires,
        consent_date=args.consent_date,
        recorded_by=args.recorded_by,
        title=args.title,
    )
    if args.json:
        print_json(v.to_dict())
    else:
        print(format_vlog_line(v))
    return 0


def cmd_remove(args: argparse.Namespace, app: App) -> int:
    v = app.library.remove(args.id)
    print(f"Removed {v.id} from the library; the file {v.path} was not touched." if not v.copied
          else f"Removed {v.id} and the library's copy of it.")
    return 0
