"""Import, list, edit and remove vlogs."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from vlogkit.domain import Consent, ConsentScope, MediaInfo, Speaker, Vlog
from vlogkit.errors import N_, ConsentError, MediaError, UsageError, VlogkitError
from vlogkit.failpoints import failpoint
from vlogkit.fileutil import output_file, safe_filename
from vlogkit.jobs import JobContext
from vlogkit.media.fingerprint import fingerprint, is_legacy, legacy_fingerprint
from vlogkit.media.probe import probe
from vlogkit.media.scan import scan_folder
from vlogkit.store.library import make_id
from vlogkit.store.media_root import ContentStore

if TYPE_CHECKING:
    from vlogkit.services.app import App

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportOptions:
    speaker: Speaker = Speaker()
    language: str = "auto"
    consent: ConsentScope = ConsentScope.NONE
    copy: bool = False
    title: str = ""
    consent_date: dt.date | None = None  # the day the person gave it (None = today); checked by app.consent
    consent_expires: dt.date | None = None
    recorded_by: str = ""  # who records it ("" = the settings user name, else the OS user)


@dataclass
class ImportResult:
    path: str
    vlog: Vlog | None = None
    existing: bool = False
    error: str = ""
    warnings: list[str] = field(default_factory=list)
    failure: VlogkitError | None = None  # what `error` says, for the app to word in its language

    def __post_init__(self) -> None:
        if self.failure is not None and not self.error:
            self.error = str(self.failure)

    @property
    def ok(self) -> bool:
        return self.vlog is not None

    def to_dict(self) -> dict[str, object]:
        if self.vlog is None:
            return {"path": self.path, "error": self.error}
        d: dict[str, object] = dict(self.vlog.to_dict())
        d.update({"path": self.path, "library_path": self.vlog.path, "existing": self.existing, "warnings": self.warnings})
        return d


def _refuse_undecodable_name(path: Path) -> None:
    """A name in another character set (a Latin-1 name from an old zip or camera card) cannot be kept in the library
    (UTF-8 JSON) nor shown: refused before anything is read, with the name shown as far as it can be."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        shown = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        raise MediaError(N_("{path}: the file's name is not valid text (it was written in another character set): "
                            "rename the file and import it again."), path=shown) from None


def now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def validate_language(code: str) -> str:
    code = (code or "auto").strip().lower()
    if code == "auto" or (code.isascii() and code.isalpha() and 2 <= len(code) <= 3):
        return code
    raise UsageError(f"'{code}' is not a language code: use a Whisper code such as nl, fr, en, or 'auto'.")


class LibraryService:
    def __init__(self, app: App) -> None:
        self.app = app

    # -- import ---------------------------------------------------------------------------------

    def expand(self, paths: list[str]) -> tuple[list[Path], list[ImportResult]]:
        """Expand folders into media files; files that cannot be read become failed results."""
        files: list[Path] = []
        skipped: list[ImportResult] = []
        for raw in paths:
            p = Path(raw)
            if p.is_dir():
                found, other = scan_folder(p)
                files.extend(found)
                for s in other:
                    skipped.append(ImportResult(str(s), failure=MediaError(
                        N_("{path}: skipped, not a media file."), path=s)))
                if not found:
                    skipped.append(ImportResult(str(p), failure=MediaError(
                        N_("{path}: the folder holds no media files."), path=p)))
            else:
                files.append(p)
        return files, skipped

    def import_file(self, path: Path, options: ImportOptions, ctx: JobContext | None = None) -> ImportResult:
        ctx = ctx or JobContext()
        result = ImportResult(str(path))
        try:
            vlog, existing, warnings = self._import(Path(path), options, ctx)
        except VlogkitError as exc:
            result.error, result.failure = str(exc), exc
            log.info("import failed: %s", exc)
            return result
        except OSError as exc:
            result.failure = MediaError(N_("{path}: cannot be read ({reason})."), path=path,
                                        reason=exc.strerror or exc)
            result.error = str(result.failure)
            return result
        result.vlog, result.existing, result.warnings = vlog, existing, warnings
        return result

    def _import(self, path: Path, options: ImportOptions, ctx: JobContext) -> tuple[Vlog, bool, list[str]]:
        consent = (self.app.consent.record(options.consent, options.consent_expires, given_on=options.consent_date,
                                           recorded_by=options.recorded_by)
                   if options.consent is not ConsentScope.NONE else Consent())  # a wrong date: refused before work
        _refuse_undecodable_name(path)
        ctx.report(0.05, f"Probing {path.name}")
        info = probe(path)
        failpoint("import.after_probe")
        fp = fingerprint(path)
        self._refuse_forgotten(path, fp)
        known = self.app.vlogs.find_by_fingerprint(fp) or self._legacy_match(path, fp)
        if known is not None:
            if known.copied or Path(known.path).exists() or self.app.store.kind != "tinydb":
                return known, True, []
            # the same recording, and the file it was imported from is gone: it moved here (what the "file is
            # gone" error tells the user to do) - the vlog, its transcript, consent and quotes follow it
            moved = self.app.vlogs.modify(known.id, lambda v: v.with_(path=str(path.resolve())))
            return moved, True, [f"{path}: vlog {known.id} had lost its file ({known.path}); it now uses this one."]
        warnings: list[str] = []
        if not info.has_audio:
            warnings.append(f"{path}: has no audio track - there is nothing to transcribe.")
        source = path.resolve()
        ctx.raise_if_cancelled()
        copied = options.copy
        if self.app.store.kind != "tinydb":  # a team library keeps one shared copy every desk can open
            ctx.report(0.3, f"Copying {path.name} to the team's media folder")
            source, copied = self.team_media().put(path)[1], True
        elif options.copy:
            ctx.report(0.3, f"Copying {path.name}")
            dest = self.app.paths.media_dir / f"{fp[:12]}-{safe_filename(path.stem, 60)}{path.suffix.lower()}"
            if not dest.exists():
                with output_file(dest) as tmp:
                    shutil.copyfile(path, tmp)
            source = dest
        language = validate_language(options.language)
        vlog = Vlog(
            id=make_id(fp),
            path=str(source),
            fingerprint=fp,
            media=info,
            speaker=options.speaker,
            language=language,
            consent=consent,
            consent_history=(consent,) if consent.scope is not ConsentScope.NONE else (),
            created=now(),
            copied=copied,
            title=options.title or path.stem,
        )
        ctx.raise_if_cancelled()
        vlog, existing = self.app.vlogs.add_unique(vlog)
        if not existing:
            ctx.report(0.7, "Thumbnail")
            self._thumbnail(vlog, info)
        ctx.report(1.0, "Imported")
        return self.app.vlogs.get(vlog.id), existing, warnings

    def team_media(self) -> ContentStore:
        """The team library's shared media folder (content-addressed); a clear error when none is set."""
        from vlogkit.config import media_root

        root = media_root(self.app.settings)
        if root is None:
            raise UsageError(N_("A team library keeps its videos in a shared folder: set VLOGKIT_MEDIA_ROOT (or the "
                                "media_root setting) to the team's media share, then import again."))
        return ContentStore(root)

    def _refuse_forgotten(self, path: Path, fp: str) -> None:
        """A file whose person was forgotten (`vlogkit forget`) never comes back into the library."""
        from vlogkit.media.fingerprint import legacy_fingerprint

        tomb = self.app.tombstones
        if tomb.is_forgotten(fingerprint=fp) or (tomb.entries() and tomb.is_forgotten(
                fingerprint=legacy_fingerprint(path))):
            raise ConsentError(N_("{path}: this recording's person was forgotten (`vlogkit forget`); vlogkit does "
                                  "not import it again."), path=path)

    def _thumbnail(self, vlog: Vlog, info: MediaInfo) -> None:
        from vlogkit.media.thumbnail import make_thumbnail

        dest = self.app.paths.thumbnails_dir / f"{safe_filename(vlog.id, 40, 'vlog')}.jpg"
        try:
            made = make_thumbnail(self.app.ffmpeg, Path(vlog.path), info, dest)
        except VlogkitError as exc:  # a thumbnail is a nicety: never fail an import over it
            log.warning("thumbnail failed for %s: %s", vlog.id, exc)
            return
        if made:
            self.app.vlogs.update_extra(vlog.id, thumbnail=str(made))

    # -- queries and edits ----------------------------------------------------------------------

    def list(self) -> list[Vlog]:
        return self.app.vlogs.all()

    def get(self, vlog_id: str) -> Vlog:
        return self.app.vlogs.get(vlog_id)

    def check_source(self, vlog: Vlog) -> Path:
        """The vlog's file, checked: still there and unchanged since import."""
        p = Path(vlog.path)
        if not p.exists():
            raise MediaError(N_("The file of vlog {id} is gone: {path}. Put it back, or import it again from its new "
                                "place."), id=vlog.id, path=p)
        if not self._same_content(vlog, p, fingerprint(p)):
            raise MediaError(N_("The file of vlog {id} changed since import: {path}. Import it again as a new vlog."),
                             id=vlog.id, path=p)
        return p

    # -- fingerprints of older vlogkits ---------------------------------------------------------------------------

    def _same_content(self, vlog: Vlog, path: Path, fp: str) -> bool:
        """Whether `path` (whose fingerprint is `fp`) holds the vlog's content. A record of an older vlogkit stores
        the weak version-1 fingerprint: it must match, and the strong one is remembered the first time it does
        (`extra.content_fingerprint`), so a look-alike put in the file's place later is still caught."""
        if not is_legacy(vlog.fingerprint):
            return fp == vlog.fingerprint
        if legacy_fingerprint(path) != vlog.fingerprint:
            return False
        remembered = vlog.extra.get("content_fingerprint")
        if remembered:
            return remembered == fp
        with contextlib.suppress(VlogkitError):
            self.app.vlogs.update_extra(vlog.id, content_fingerprint=fp)
        return True

    def _legacy_match(self, path: Path, fp: str) -> Vlog | None:
        """An old record whose version-1 fingerprint matches `path`: the same vlog only if its own file (or the
        strong fingerprint remembered for it) shows the same content. Never a look-alike: a different file whose
        samples happen to match becomes a new vlog, not someone else's."""
        old = self.app.vlogs.find_by_fingerprint(legacy_fingerprint(path))
        if old is None:
            return None
        remembered = old.extra.get("content_fingerprint")
        if remembered:
            return old if remembered == fp else None
        own = Path(old.path)
        try:
            if own.resolve() != path.resolve() and fingerprint(own) != fp:
                return None
        except OSError:
            return None  # its file is gone: the content cannot be compared, so it is not assumed to be the same
        return old if self._same_content(old, own, fp) else None

    def edit(
        self,
        vlog_id: str,
        *,
        speaker: Speaker | None = None,
        speaker_changes: dict[str, str] | None = None,
        language: str | None = None,
        consent: ConsentScope | None = None,
        consent_expires: str | dt.date | None = None,
        consent_date: str | dt.date | None = None,
        recorded_by: str | None = None,
        title: str | None = None,
    ) -> Vlog:
        """Change what was given and nothing else. `speaker` replaces the whole speaker; `speaker_changes`
        ({"role": ...}) changes single fields. The change is applied to the stored vlog inside one transaction, so
        other processes' edits of other fields made meanwhile are kept.

        A consent change is a new dated record appended to the history: `consent_date` is the day the person gave
        (or withdrew) it - default today; a different day alone corrects the current record's day with a new record
        - and `recorded_by` who records it; both are checked by `app.consent.record`."""
        if language is not None:
            language = validate_language(language)
        from vlogkit.services.consent import parse_expiry

        expires_day = (consent_expires if isinstance(consent_expires, dt.date)
                       else parse_expiry(consent_expires) if consent_expires is not None else None)
        given_day = (consent_date if isinstance(consent_date, dt.date)
                     else parse_expiry(consent_date) if consent_date is not None else None)
        if consent is not None:
            consent = ConsentScope(consent)
        dated = consent is not None or consent_expires is not None or given_day is not None

        def change(vlog: Vlog) -> Vlog:
            changes: dict[str, object] = {}
            if speaker is not None:
                changes["speaker"] = speaker
            if speaker_changes:
                base = (speaker or vlog.speaker).to_dict()
                base.update({k: v for k, v in speaker_changes.items() if v is not None})
                changes["speaker"] = Speaker.from_dict(base)
            if language is not None:
                changes["language"] = language
            if title is not None:
                changes["title"] = title
            if dated:
                scope = consent if consent is not None else vlog.consent.scope
                expires = expires_day if consent_expires is not None else vlog.consent.expires
                if scope is ConsentScope.NONE:
                    expires = None  # a withdrawal has no end; granting again sets a new expiry
                old = vlog.consent
                redated = given_day is not None and old.date is not None and given_day != old.date
                if given_day is not None and old.date is None and scope is ConsentScope.NONE:
                    raise UsageError(f"Vlog {vlog.id} has no consent to date: give --consent internal or external "
                                     f"with --consent-date.")
                if (scope, expires) != (old.scope, old.expires) or old.problem or redated:
                    new = self.app.consent.record(scope, expires, given_on=given_day, recorded_by=recorded_by or "",
                                                  history=vlog.consent_history)
                    changes["consent"] = new
                    changes["consent_history"] = (*vlog.consent_history, new)
            return vlog.with_(**changes) if changes else vlog

        before = self.app.vlogs.get(vlog_id).consent if dated else None
        after = self.app.vlogs.modify(vlog_id, change)
        if (speaker is not None or speaker_changes) and after.speaker.name:
            self._name_unattributed_quotes(after)
        if before is not None and after.consent != before:
            c = after.consent
            self.app.export_log.record(
                "consent", vlog_ids=[vlog_id], outputs=[], audience=c.scope.value, user=self.app.user,
                detail=f"consent {before.scope.value} -> {c.scope.value}, given {c.date}"
                + (f", expires {c.expires}" if c.expires else "") + f", recorded by {c.recorded_by}")
        return after

    def _name_unattributed_quotes(self, vlog: Vlog) -> None:
        """Quotes saved while the vlog had no speaker name take its speaker now: their empty snapshot recorded that
        nobody had been named yet, not who spoke. A named snapshot keeps the speaker as they were."""
        for q in self.app.bank.search("", vlog_id=vlog.id):
            if not q.speaker.name:
                self.app.bank.update(q.id, speaker=vlog.speaker)

    def remove(self, vlog_id: str) -> Vlog:
        """Remove the library entry (and the copy vlogkit made, if any). Never the user's own file."""
        vlog = self.app.vlogs.remove(vlog_id)
        thumb = self.app.paths.thumbnails_dir / f"{safe_filename(vlog.id, 40, 'vlog')}.jpg"
        thumb.unlink(missing_ok=True)
        if vlog.extra.get("waveform"):
            Path(str(vlog.extra["waveform"])).unlink(missing_ok=True)
        if vlog.copied and Path(vlog.path).is_relative_to(self.app.paths.media_dir):
            Path(vlog.path).unlink(missing_ok=True)
        return vlog

