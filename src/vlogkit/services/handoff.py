"""Hand-off packages: an employee's desk sends one vlog to the comms team, which imports it - no server needed.

Consent travels as given, and never wider: a package signed with this desk's team key keeps the consent record it
carries; an unsigned one, or one signed with another key, arrives with consent `none` and the record it claims kept
aside (`extra.consent_claimed`) until a comms person confirms it (`vlogkit edit ID --confirm-consent`).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vlogkit.config import team_key
from vlogkit.domain import (
    Consent,
    ConsentScope,
    MediaInfo,
    Speaker,
    Transcript,
    Vlog,
    allows_less,
    record_key,
)
from vlogkit.errors import N_, Phrase, UsageError
from vlogkit.fileutil import check_output_file, output_file, safe_filename
from vlogkit.jobs import JobContext
from vlogkit.media.fingerprint import fingerprint
from vlogkit.store.library import make_id
from vlogkit.store.package import SUFFIX, Package, PackageError, read_package, write_package

if TYPE_CHECKING:
    from vlogkit.services.app import App

log = logging.getLogger(__name__)


@dataclass
class SendResult:
    path: Path
    signed: bool
    parts: list[str] = field(default_factory=list)


@dataclass
class PackageImport:
    path: Path
    vlog: Vlog
    existing: bool
    trust: str  # team | foreign | unsigned
    consent_kept: bool  # False: consent is `none` until confirmed
    consent_change: str = ""  # a vlog already here: "narrowed" (the package's newer, narrower record taken over),
    #                           "claimed" (a wider one kept aside until confirmed) or "" (nothing changed)

    def to_dict(self) -> dict[str, Any]:
        return {"package": str(self.path), "id": self.vlog.id, "existing": self.existing, "trust": self.trust,
                "consent": self.vlog.consent.scope.value, "consent_kept": self.consent_kept,
                "consent_change": self.consent_change,
                "title": self.vlog.title, "speaker": self.vlog.speaker.to_dict()}


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


class HandoffService:
    def __init__(self, app: App) -> None:
        self.app = app

    # -- send -------------------------------------------------------------------------------------

    def send(self, vlog_id: str, out: Path, ctx: JobContext | None = None, *, sender: str = "") -> SendResult:
        """Write `out` (.vlogkit): the vlog's original file, transcript, speaker, consent record and prompt, sent by
        `sender` ("" = the settings user name, else the login name)."""
        ctx = ctx or JobContext()
        sender = sender.strip() or self.app.user
        vlog = self.app.vlogs.get(vlog_id)
        source = self.app.library.check_source(vlog)
        out = Path(out)
        if out.is_dir():
            out = out / f"{safe_filename(vlog.speaker.name or vlog.title or vlog.id, 40)}-{vlog.id}{SUFFIX}"
        if out.suffix != SUFFIX:
            out = out.with_name(out.name + SUFFIX)
        check_output_file(out)  # not behind a file or a dangling link ("File exists" would say nothing)
        if out.exists():
            raise UsageError(N_("{path} exists already; choose another name."), path=out)
        stored = self.app.store.transcripts.get(vlog)
        d = vlog.to_dict()
        parts: dict[str, Any] = {
            "vlog.json": {k: d[k] for k in ("id", "fingerprint", "title", "language", "detected_language", "media",
                                            "created", "state")},
            "speaker.json": vlog.speaker.to_dict(),
            "consent.json": {"consent": d["consent"], "history": d["consent_history"]},
            "prompt.json": {"prompt": str((vlog.extra.get("recording") or {}).get("prompt", "") or "")},
        }
        if stored is not None:
            parts["transcript.json"] = {"cache_key": stored[0], "transcript": stored[1].to_dict()}
        key = team_key(self.app.settings)
        ctx.report(0.1, "Packing")
        media_name = f"{safe_filename(source.stem, 60, fallback='vlog')}{source.suffix.lower()}"
        with output_file(out) as tmp:
            write_package(tmp, media=source, media_name=media_name, parts=parts, sender=sender, key=key)
        self.app.export_log.record("send", vlog_ids=[vlog.id], outputs=[str(out)], audience="team",
                                   detail="signed with the team key" if key else "unsigned (no team key set)",
                                   user=sender)
        ctx.report(1.0, "Packed")
        return SendResult(out, bool(key), [f"media/{media_name}", *parts])

    # -- import -----------------------------------------------------------------------------------

    def import_package(self, path: Path, ctx: JobContext | None = None) -> PackageImport:
        """Verify and import a package; importing it again changes nothing and returns the same vlog."""
        ctx = ctx or JobContext()
        ctx.report(0.05, "Checking the package")
        pkg = read_package(Path(path), team_key(self.app.settings))
        try:
            ctx.raise_if_cancelled()
            return self._adopt(pkg, ctx)
        finally:
            pkg.cleanup()

    def _adopt(self, pkg: Package, ctx: JobContext) -> PackageImport:
        fp = fingerprint(pkg.media)
        # forgotten stays forgotten
        self.app.tombstones.check(fingerprint=fp, what=Phrase(N_("The vlog in {name}"), name=pkg.path.name))
        meta, parts = pkg.parts["vlog.json"], pkg.parts
        # every part is read before anything is written: a damaged one (a crafted or hand-edited package) is one
        # line and nothing imported - it once left a vlog without its transcript behind an "unexpected error"
        name = "consent.json"
        try:
            given = Consent.from_dict(parts["consent.json"].get("consent"))
            history = tuple(Consent.from_dict(c) for c in parts["consent.json"].get("history", []))
            name = "vlog.json"
            media = MediaInfo.from_dict(meta["media"])
            name = "speaker.json"
            speaker = Speaker.from_dict(parts["speaker.json"])
            name = "transcript.json"
            t = parts.get("transcript.json")
            transcript = (Transcript.from_dict(t["transcript"]), str(t.get("cache_key", ""))) if t is not None else None
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise PackageError(N_("{path}: {name} is damaged ({reason}). Nothing was imported; ask the sender to send "
                                  "it again."), path=pkg.path, name=name, reason=str(exc)) from None
        known = self.app.vlogs.find_by_fingerprint(fp)
        if known is not None:
            known, change = self._newer_consent(known, pkg, given, history)
            return PackageImport(pkg.path, known, True, pkg.trust, known.consent.scope is not ConsentScope.NONE,
                                 change)
        ctx.report(0.4, "Copying the video into the library")
        dest = self._place_media(pkg, fp, str(meta.get("title", "")))
        trusted = pkg.trust == "team"
        provenance = {"package": pkg.path.name, "package_sha256": pkg.package_sha256, "sender": pkg.sender,
                      "sent": str(pkg.manifest.get("created", "")), "trust": pkg.trust, "sender_vlog_id":
                      str(meta.get("id", "")), "imported": _now(), "imported_by": self.app.user}
        extra: dict[str, Any] = {"provenance": provenance}
        prompt = str(parts["prompt.json"].get("prompt", "") or "")
        if prompt:
            extra["recording"] = {"prompt": prompt}
        if not trusted:
            extra["consent_claimed"] = {"consent": given.to_dict(), "history": [c.to_dict() for c in history]}
        vlog = Vlog(
            id=make_id(fp), path=str(dest), fingerprint=fp, media=media,
            speaker=speaker, language=str(meta.get("language", "auto")),
            consent=given if trusted else Consent(), consent_history=history if trusted else (),
            created=_now(), copied=True, title=str(meta.get("title", "")) or pkg.path.stem,
            detected_language=str(meta.get("detected_language", "")), extra=extra,
        )
        vlog, existing = self.app.vlogs.add_unique(vlog)
        if not existing:
            if transcript is not None:
                self.app.transcription.adopt(vlog.id, *transcript)
            self.app.library._thumbnail(vlog, vlog.media)
            self.app.export_log.record(
                "import-package", vlog_ids=[vlog.id], outputs=[], audience="-", user=self.app.user,
                detail=f"{pkg.path.name} from {pkg.sender or 'unknown'} ({pkg.trust}); consent "
                       f"{'as given: ' + given.scope.value if trusted else 'none until confirmed (claimed ' + given.scope.value + ')'}",
            )
        ctx.report(1.0, "Imported")
        return PackageImport(pkg.path, self.app.vlogs.get(vlog.id), existing, pkg.trust,
                             trusted and given.scope is not ConsentScope.NONE)

    def _newer_consent(self, known: Vlog, pkg: Package, given: Consent,
                       history: tuple[Consent, ...]) -> tuple[Vlog, str]:
        """A package of a vlog already here may carry a consent record this library has not seen (the sender
        withdrew or narrowed it, or got a new form). One that allows less is taken over as given, whoever signed
        the package (it can only narrow); one that allows more is kept aside until a comms person confirms it."""
        def unseen(v: Vlog) -> tuple[Consent, ...]:
            seen = {record_key(c) for c in (*v.consent_history, v.consent)}
            if record_key(given) in seen or given.problem:
                return ()
            # `given` is usually the history's last record too: each record once, in the sender's order
            return tuple({record_key(c): c for c in (*history, given) if record_key(c) not in seen}.values())

        new = unseen(known)
        if not new:
            return known, ""
        what = f"{pkg.path.name} from {pkg.sender or 'unknown'} ({pkg.trust})"
        if allows_less(given, known.consent):
            def narrow(v: Vlog) -> Vlog:  # inside the write transaction: against the record stored now
                fresh = unseen(v)
                if not fresh or not allows_less(given, v.consent):
                    return v
                return v.with_(consent=given, consent_history=(*v.consent_history, *fresh))

            vlog = self.app.vlogs.modify(known.id, narrow)
            self.app.export_log.record("consent", vlog_ids=[known.id], outputs=[], audience=given.scope.value,
                                       user=self.app.user, detail=f"taken over from {what}: {given.scope.value}")
            return vlog, "narrowed"
        vlog = self.app.vlogs.update_extra(known.id, consent_claimed={
            "consent": given.to_dict(), "history": [c.to_dict() for c in new], "package": pkg.path.name})
        return vlog, "claimed"

    def _place_media(self, pkg: Package, fp: str, title: str) -> Path:
        if self.app.store.kind != "tinydb":
            return self.app.library.team_media().put(pkg.media)[1]
        dest = self.app.paths.media_dir / f"{fp[:12]}-{safe_filename(pkg.media.stem, 60)}{pkg.media.suffix.lower()}"
        if not dest.exists():
            import shutil

            with output_file(dest) as tmp:
                shutil.copyfile(pkg.media, tmp)
        return dest

    # -- consent of an unsigned or foreign package ----------------------------------------------

    def confirm_consent(self, vlog_id: str, by: str = "") -> Vlog:
        """A comms person confirms the consent a package claimed (unsigned, another team's key, or wider than the
        record here): the claimed record becomes the vlog's consent exactly as claimed - the scope, the day the
        person gave it, its end, who recorded it, the release - with the records before it; who confirmed it and
        when is kept beside it (`extra.consent_confirmed`) and in the activity log."""
        vlog = self.app.vlogs.get(vlog_id)
        claimed = vlog.extra.get("consent_claimed")
        if not claimed:
            raise UsageError(N_("Vlog {id} has no consent waiting for confirmation; set its consent with "
                                "`vlogkit edit {id} --consent ...`."), id=vlog.id)
        c = Consent.from_dict(claimed.get("consent"))
        if c.problem:
            raise UsageError(N_("Vlog {id}: the consent the package claimed cannot be read ({why}); set its consent "
                                "with `vlogkit edit {id} --consent ...`."), id=vlog.id, why=c.problem)
        self.app.consent.check_given_on(c.scope, c.date, c.expires, vlog.consent_history)
        earlier = tuple(Consent.from_dict(d) for d in claimed.get("history", []))
        who = by.strip() or self.app.user

        def adopt(v: Vlog) -> Vlog:
            seen = {record_key(x) for x in v.consent_history}
            new = {record_key(x): x for x in (*earlier, c) if record_key(x) not in seen}
            extra = {k: val for k, val in v.extra.items() if k != "consent_claimed"}
            extra["consent_confirmed"] = {"by": who, "when": _now(), **claimed}
            return v.with_(consent=c, consent_history=(*v.consent_history, *new.values()), extra=extra)

        done = self.app.vlogs.modify(vlog.id, adopt)
        self.app.export_log.record("consent-confirm", vlog_ids=[vlog.id], outputs=[], audience=c.scope.value,
                                   detail=f"confirmed the package's consent: {c.scope.value}", user=who)
        return done
