"""devices, record: recording at the desk without the GUI (kiosk setups, support)."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from vlogkit.cli.library_cmds import add_speaker_flags
from vlogkit.cli.output import add_json_flag, print_json, run_job, seconds, warn
from vlogkit.domain import ConsentScope, Speaker
from vlogkit.errors import Cancelled, UsageError, VlogkitError

if TYPE_CHECKING:
    from vlogkit.capture.recovery import InterruptedTake
    from vlogkit.capture.session import CaptureSession, Take
    from vlogkit.services import App


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("devices", help="list cameras and microphones (ids for `vlogkit record`)")
    add_json_flag(p)
    p.set_defaults(func=cmd_devices)

    p = sub.add_parser("record", help="record a take with the camera and microphone, then add it to the library")
    p.add_argument("--duration", type=seconds, metavar="S", help="time limit in seconds (default: the configured limit)")
    p.add_argument("--camera", metavar="ID", help="camera id as `vlogkit devices` prints it (default: the system's)")
    p.add_argument("--microphone", metavar="ID", help="microphone id as `vlogkit devices` prints it")
    p.add_argument("--audio-only", action="store_true", help="record sound only (no camera needed)")
    p.add_argument("--resolution", choices=["720p", "1080p"], default="720p")
    p.add_argument("--countdown", type=int, default=3, metavar="S", help="seconds of countdown before recording")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--prompt", default="", metavar="TEXT",
                       help="the question being answered (stored with the vlog; a new one joins the prompt list, "
                            "so the app offers it too)")
    which.add_argument("--prompt-number", type=int, metavar="N",
                       help="show question N of the prompt list (`vlogkit prompts list`)")
    add_speaker_flags(p, default=None)
    p.add_argument("--consent", choices=["internal", "external"], help="internal only, or may be shared externally")
    p.add_argument("--by", metavar="NAME", dest="recorded_by",
                   help="who records the consent (default: the user_name setting, else your login name); a take "
                        "recovered after a crash keeps the name given here")
    p.add_argument("--language", default="auto", help="spoken language: nl, fr, en, any Whisper code, or auto")
    p.add_argument("--title", default="")
    p.add_argument("--no-transcribe", action="store_true", help="do not transcribe after keeping")
    p.add_argument("--recover", action="store_true", help="keep the takes left behind by a crash, then exit")
    p.add_argument("--from-file", metavar="PATH", type=Path,
                   help="play a media file as if it were the camera and microphone (demos, testing a kiosk)")
    add_json_flag(p)
    p.set_defaults(func=cmd_record)


def cmd_devices(args: argparse.Namespace, app: App) -> int:
    from vlogkit.capture.devices import permission_help

    devices = app.capture.devices()
    if args.json:
        print_json({k: [d.to_dict() for d in v] for k, v in devices.items()})
        return 0
    for kind, label in (("cameras", "camera"), ("microphones", "microphone")):
        print(f"{kind}:")
        for d in devices[kind]:
            print(f"  {'*' if d.default else ' '} {d.id}  {d.name}")
        if not devices[kind]:
            print(f"    none found. {permission_help(label)}")
    return 0


@contextmanager
def _signals_held() -> Iterator[None]:
    """Ignore Ctrl+C / SIGTERM while a take is being finished and imported (the take must not be lost)."""
    old = {s: signal.signal(s, signal.SIG_IGN) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def _speaker(args: argparse.Namespace, app: App) -> Speaker:
    last = app.capture.last_speaker()
    if args.speaker is None and all(getattr(args, a) is None for a in ("role", "team", "company")):
        return last
    d = {"name": args.speaker, "role": args.role, "team": args.team, "company": args.company}
    if args.speaker is None:
        d["name"] = last.name
    return Speaker(**{k: v or "" for k, v in d.items()})


def cmd_record(args: argparse.Namespace, app: App) -> int:
    from vlogkit.capture.backend import CaptureConfig
    from vlogkit.services.library import validate_language

    if args.duration is not None and args.duration <= 0:
        raise UsageError("--duration must be more than 0 seconds.")
    language = validate_language(args.language)
    speaker = _speaker(args, app)
    consent = ConsentScope(args.consent) if args.consent else ConsentScope.NONE
    recorded_by = (args.recorded_by or "").strip()
    if args.recover:
        return _recover(args, app, speaker, consent, language)
    config = CaptureConfig(args.camera, args.microphone, args.audio_only, args.resolution)
    if args.from_file is not None:
        backend = app.capture.file_backend(args.from_file)
    else:
        app.capture.check_devices(config)
        backend = app.capture.qt_backend(pump_events=True)
    if not speaker.name:
        raise UsageError("Who is speaking? Give --speaker NAME (it is remembered on this computer).")
    if consent is ConsentScope.NONE:
        raise UsageError("Give --consent internal (inside the company only) or --consent external (may be shared).")
    prompt = _prompt(args, app)
    left = app.capture.interrupted()
    if left:
        warn(f"{len(left)} take(s) were left behind by a crash: `vlogkit record --recover --consent ...` keeps them.")
    session = app.capture.new_session(backend, config=config, limit_s=args.duration, countdown_s=args.countdown)
    session.open()
    try:
        if prompt and args.prompt_number is None:
            _remember_prompt(app, prompt)
        take = _record(session, prompt, {"speaker": speaker.to_dict(), "consent": consent.value,
                                         "recorded_by": recorded_by or app.user, "language": language,
                                         "title": args.title})
    except BaseException:
        with _signals_held():
            session.close()  # a take already stopped stays in the captures folder, offered for recovery
        raise
    with _signals_held():
        vlog = app.capture.keep(take, speaker=speaker, consent=consent, title=args.title, language=language,
                                recorded_by=recorded_by, transcribe=False, session=session)
        session.close()
    _report(args, vlog, take)
    if not args.no_transcribe and app.settings.auto_transcribe:
        _transcribe(app, vlog.id)
    return 0


def _prompt(args: argparse.Namespace, app: App) -> str:
    """The question to show: number N of the prompt list, or the text given (checked, spaces folded)."""
    if args.prompt_number is not None:
        if args.prompt_number < 1:
            raise UsageError("--prompt-number counts from 1, as `vlogkit prompts list` numbers the questions.")
        return app.prompts.resolve(str(args.prompt_number), by="number").text
    return app.prompts.clean(args.prompt) if args.prompt.strip() else ""


def _remember_prompt(app: App, text: str) -> None:
    """A question given with --prompt joins the prompt list when it is new, so the app (and `--prompt-number`)
    offer it next time."""
    prompt, added = app.prompts.ensure(text)
    if added:
        print(f"Added the question to the prompt list as number {app.prompts.number(prompt.id)}: the app offers it "
              "from now on.", file=sys.stderr)


def _record(session: CaptureSession, prompt: str, details: dict[str, object]) -> Take:
    from vlogkit.capture.session import STOP_REASONS, State

    tty = sys.stderr.isatty()
    if prompt:
        print(f"Prompt: {prompt}", file=sys.stderr)
    last_shown = ""
    try:
        st = session.start(prompt, details)  # in the take's journal: a crash keeps who and which consent
        while True:
            if st.state is State.COUNTDOWN:
                line = f"Recording in {st.countdown}..."
            elif st.state is State.RECORDING:
                line = (f"Recording {st.elapsed_text}, {st.remaining_text} left"
                        f"{' - almost at the limit' if st.warning else ''} (Ctrl+C stops and keeps the take)")
                if not tty:
                    line = "Recording (Ctrl+C stops and keeps the take)"
            else:
                break
            if line != last_shown:
                sys.stderr.write(("\r" + line.ljust(78)) if tty else line + "\n")
                sys.stderr.flush()
                last_shown = line
            time.sleep(0.05)
            st = session.tick()
    except KeyboardInterrupt:
        with _signals_held():
            if session.state is State.COUNTDOWN or session.state is State.IDLE:
                session.close()
                raise Cancelled("Cancelled before recording started.") from None
            if session.state is State.RECORDING:
                session.stop("interrupted")
    if tty:
        sys.stderr.write("\n")
    if session.take is None:
        from vlogkit.errors import DeviceError

        raise DeviceError(st.error or "Nothing was recorded: check the camera and microphone and try again.")
    print(f"{STOP_REASONS.get(session.take.stop_reason, 'Stopped.')} Took {session.take.duration_ms / 1000:.1f} s.",
          file=sys.stderr)
    return session.take


def _report(args: argparse.Namespace, vlog: object, take: Take) -> None:
    if args.json:
        d = vlog.to_dict()  # type: ignore[attr-defined]
        d["take"] = take.to_dict()
        print_json(d)
    else:
        print(vlog.id)  # type: ignore[attr-defined]
    sys.stdout.flush()


def _transcribe(app: App, vlog_id: str) -> None:
    try:
        run_job(lambda ctx: app.capture._transcribe(vlog_id, ctx), label="transcribing")
    except Cancelled:
        warn(f"transcription cancelled; the take is kept as {vlog_id} (`vlogkit transcribe {vlog_id}` later).")


def _recovered_details(args: argparse.Namespace, it: InterruptedTake, speaker: Speaker, consent: ConsentScope,
                       language: str) -> tuple[Speaker, ConsentScope, str, str, str]:
    """Speaker, consent, language, title and who records the consent for a recovered take: what is given now, else
    what the take's own `record` was given (its journal), else the remembered speaker and the user - never another
    person's consent."""
    d = it.details
    if args.speaker is None and isinstance(d.get("speaker"), dict) and d["speaker"].get("name"):
        speaker = Speaker.from_dict(d["speaker"])
    if args.consent is None and d.get("consent") in (ConsentScope.INTERNAL.value, ConsentScope.EXTERNAL.value):
        consent = ConsentScope(str(d["consent"]))
    if args.language == "auto" and d.get("language"):
        language = str(d["language"])
    recorded_by = (args.recorded_by or "").strip() or str(d.get("recorded_by") or "").strip()
    return speaker, consent, language, args.title or str(d.get("title") or ""), recorded_by


def _recover(args: argparse.Namespace, app: App, speaker: Speaker, consent: ConsentScope, language: str) -> int:
    left = app.capture.interrupted()
    if not left:
        print("No interrupted takes to recover.", file=sys.stderr)
        if args.json:
            print_json([])
        return 0
    plans = [(it, *_recovered_details(args, it, speaker, consent, language)) for it in left]
    if any(not s.name or c is ConsentScope.NONE for _it, s, c, _lang, _title, _by in plans):
        raise UsageError("Recovered takes need --speaker NAME and --consent internal|external.")
    kept = []
    failed = 0
    for it, t_speaker, t_consent, t_language, t_title, t_by in plans:
        try:
            take = app.capture.recover(it)
        except VlogkitError as exc:
            warn(f"error: {exc}")
            failed += 1
            continue
        with _signals_held():
            vlog = app.capture.keep(take, speaker=t_speaker, consent=t_consent, title=t_title, language=t_language,
                                    recorded_by=t_by, transcribe=False)
        kept.append((vlog, take))
        print(f"Recovered {it.path.name} ({take.duration_ms / 1000:.1f} s) as {vlog.id}", file=sys.stderr)
    if args.json:
        print_json([dict(v.to_dict(), take=t.to_dict()) for v, t in kept])
    else:
        for v, _ in kept:
            print(v.id)
    if not args.no_transcribe and app.settings.auto_transcribe:
        for v, _ in kept:
            _transcribe(app, v.id)
    return 1 if failed else 0
