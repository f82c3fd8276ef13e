"""Transcribe a vlog (or serve it from the cache), store the transcript with it, import subtitles, save corrections."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vlogkit.domain import Transcript, Vlog, VlogState, Word
from vlogkit.errors import N_, LibraryError, NoAudioError, Phrase, UsageError
from vlogkit.failpoints import failpoint
from vlogkit.fileutil import atomic_write_text, check_output_file, export_mode, safe_filename, unique_path
from vlogkit.jobs import JobContext
from vlogkit.services.bank_follow import BankFollow, follow_transcript

if TYPE_CHECKING:
    from vlogkit.services.app import App
    from vlogkit.transcribe.engine import Transcriber

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class WordFix:
    """A fixed word (`vlogkit fix`): the word before and after, and the bank quotes that now read the fix."""

    before: Word
    after: Word
    bank: BankFollow
    line: tuple[Word, ...] = ()  # the fixed word's segment, as it now reads


class TranscriptionService:
    def __init__(self, app: App) -> None:
        self.app = app
        self._engines: dict[str, Transcriber] = {}
        self.last_from_cache = False  # whether the latest `transcribe` was served without running the model

    # -- engine and cache -----------------------------------------------------------------------

    def engine(self, model: str | None = None) -> Transcriber:
        """The injected transcriber (tests), else the real faster-whisper engine for `model` (or the setting)."""
        if self.app._transcriber is not None:
            return self.app._transcriber
        from vlogkit.transcribe.engine import WhisperEngine
        from vlogkit.transcribe.models import model_id

        name = model_id(model or self.app.settings.model)
        if name not in self._engines:
            self._engines[name] = WhisperEngine(name)
        return self._engines[name]

    def _cache(self) -> Any:
        from vlogkit.transcribe.cache import TranscriptCache

        return TranscriptCache(self.app.paths.cache_dir / "transcripts")

    def _key(self, vlog: Vlog, engine: Transcriber, language: str, prompt: str, languages: str) -> str:
        from vlogkit.transcribe.cache import cache_key

        options = getattr(engine, "options", None)
        opts = options.to_dict() if hasattr(options, "to_dict") else {}
        extra = {"languages": languages} if language == "auto" else {}  # a forced language ignores the allowed set
        return cache_key(vlog.fingerprint, engine.name, {**opts, "language": language, "initial_prompt": prompt,
                                                         **extra})

    # -- use cases ------------------------------------------------------------------------------

    @staticmethod
    def allowed_languages(text: str) -> str:
        """The languages setting as stored ("nl,fr,en" or "any"); UsageError naming a code Whisper does not know."""
        from vlogkit.transcribe.languages import format_languages, parse_languages

        return format_languages(parse_languages(text.strip() or None))

    def transcribe(
        self,
        vlog_id: str,
        *,
        language: str | None = None,
        model: str | None = None,
        use_cache: bool = True,
        ctx: JobContext | None = None,
        languages: str | None = None,
    ) -> Transcript:
        """Run Whisper on the vlog (or serve the cached result) and store the transcript with the vlog.

        The vlog's language (set at import) is used unless `language` overrides it; "auto" finds the language of each
        stretch among `languages` ("nl,fr,en", or "any"; default: the setting). Re-running with the same model and
        options returns the stored transcript, with the user's corrections, without the model.
        """
        from vlogkit.services.library import validate_language
        from vlogkit.transcribe.languages import format_languages, parse_languages

        ctx = ctx or JobContext()
        vlog = self.app.vlogs.get(vlog_id)
        lang = validate_language(language if language is not None else vlog.language)
        allowed = format_languages(parse_languages(languages if languages is not None else self.app.settings.languages))
        if not vlog.media.has_audio:
            raise NoAudioError(N_("Vlog {id} ({path}) has no audio track - there is nothing to transcribe."),
                              id=vlog.id, path=vlog.path)
        path = self.app.library.check_source(vlog)
        prompt = (self.app.settings.glossary or "").strip()
        engine = self.engine(model)
        key = self._key(vlog, engine, lang, prompt, allowed)
        self.last_from_cache = False
        self.last_edits_lost: tuple[Word, ...] = ()
        if use_cache:
            stored = self._load_stored(vlog, damaged_ok=True)
            if stored is not None and stored[0] == key:
                self.last_from_cache = True
                self._mark_transcribed(vlog.id, stored[1])
                ctx.report(1.0, "From the cache")
                return stored[1]
            cached = self._cache().get(key)
            if cached is not None:
                self.last_from_cache = True
                cached = self._carry(vlog, cached)
                self._store(vlog.id, cached, key)
                ctx.report(1.0, "From the cache")
                return cached
        transcript = engine.transcribe(
            str(path), language=None if lang == "auto" else lang, initial_prompt=prompt or None,
            duration_ms=vlog.media.duration_ms, ctx=ctx, languages=allowed,
        )
        ctx.raise_if_cancelled()
        failpoint("transcribe.before_store")
        # forgotten meanwhile: keep nothing
        self.app.tombstones.check(vlog.id, vlog.fingerprint, what=Phrase(N_("Vlog {id}"), id=vlog.id))
        self._cache().put(key, transcript)
        transcript = self._carry(vlog, transcript)
        self._store(vlog.id, transcript, key)
        ctx.report(1.0, "Transcribed")
        return transcript

    def _carry(self, vlog: Vlog, fresh: Transcript) -> Transcript:
        """A new run replacing the stored transcript keeps the user's fixes, fillers and confirmations on the words
        it hears again; the ones it could not place are kept in `last_edits_lost` (the CLI and the app say so)."""
        from vlogkit.domain.transcript_edits import carry_edits

        stored = self._load_stored(vlog, damaged_ok=True)
        if stored is None:
            return fresh
        fresh, self.last_edits_lost = carry_edits(stored[1], fresh)
        return fresh

    def get(self, vlog_id: str) -> Transcript | None:
        """The stored transcript with the user's corrections, or None when the vlog has not been transcribed."""
        stored = self._load_stored(self.app.vlogs.get(vlog_id))
        return stored[1] if stored else None

    def require(self, vlog_id: str) -> Transcript:
        t = self.get(vlog_id)
        if t is None:
            raise LibraryError(N_("Vlog {id} has no transcript yet: run `vlogkit transcribe {id}` first."), id=vlog_id)
        return t

    def save(self, vlog_id: str, transcript: Transcript) -> BankFollow:
        """Store an edited transcript (word corrections, inserted words, fillers, speaker labels). The bank quotes
        of the vlog that still say what was said follow a word fixed (or a fix taken back): see `bank_follow`."""
        vlog = self.app.vlogs.get(vlog_id)
        stored = self._load_stored(vlog)
        self._store(vlog.id, transcript, stored[0] if stored else "")
        if stored is None:
            return BankFollow()
        return follow_transcript(self.app.bank, vlog.id, stored[1], transcript)

    def adopt(self, vlog_id: str, transcript: Transcript, key: str = "") -> None:
        """Store a transcript made elsewhere (a hand-off package) as the vlog's own."""
        self._store(vlog_id, transcript, key)

    def keep(self, vlog_id: str, at_ms: int, *, keep: bool = True) -> Transcript:
        """Keep the flagged segment at `at_ms` (it was really said: subtitles, captions and quotes use it again), or
        hold it back again with keep=False. Returns the stored transcript."""
        transcript = self.require(vlog_id)
        flagged = [i for i, s in enumerate(transcript.segments) if s.flag and s.start <= at_ms <= s.end]
        if not flagged:
            near = ", ".join(f"{s.start / 1000:.1f}-{s.end / 1000:.1f} s" for s in transcript.segments if s.flag)
            raise UsageError(f"No segment held back as possibly invented at {at_ms / 1000:g} s in vlog {vlog_id}"
                             + (f" (flagged: {near})." if near else " (none is flagged)."))
        for i in flagged:
            transcript = transcript.with_kept(i, keep)
        self.save(vlog_id, transcript)
        return transcript

    def confirm(self, vlog_id: str, at_ms: int, *, confirmed: bool = True) -> Transcript:
        """Confirm that the swear word or slur at `at_ms` was really said (external exports may then show it), or
        take the confirmation back. The word nearest `at_ms` within a second is meant. Returns the stored transcript."""
        from dataclasses import replace

        from vlogkit.domain.sensitive import is_sensitive

        transcript = self.require(vlog_id)
        hits = [(abs(at_ms - max(w.start, min(at_ms, w.end))), si, wi)
                for si, s in enumerate(transcript.segments) for wi, w in enumerate(s.words)
                if is_sensitive(w.display, w.language or s.language or transcript.language)]
        near = [h for h in hits if h[0] <= 1000]
        if not near:
            listed = ", ".join(f"'{transcript.segments[si].words[wi].display}' at "
                               f"{transcript.segments[si].words[wi].start / 1000:.1f} s" for _d, si, wi in hits)
            raise UsageError(f"No word to check at {at_ms / 1000:g} s in vlog {vlog_id}"
                             + (f" (words to check: {listed})." if listed else " (it has none)."))
        _d, si, wi = min(near)
        seg = transcript.segments[si]
        words = list(seg.words)
        words[wi] = replace(words[wi], confirmed=confirmed)
        segments = list(transcript.segments)
        segments[si] = replace(seg, words=tuple(words))
        transcript = transcript.with_segments(tuple(segments))
        self.save(vlog_id, transcript)
        return transcript

    def fix_word(self, vlog_id: str, at_ms: int, text: str) -> WordFix:
        """Fix the word nearest `at_ms` (within a second) to `text`, as the editor does: the recognised word is kept
        beside the fix, and the recognised word itself (or "") takes the fix back. The bank quotes holding the word
        follow (unless edited in the bank)."""
        from vlogkit.domain.transcript_edits import correct_word

        transcript = self.require(vlog_id)
        i = word_at(transcript.words, at_ms)
        if i is None:
            raise UsageError(f"No word within a second of {at_ms / 1000:g} s in vlog {vlog_id}: "
                             f"`vlogkit transcribe {vlog_id} --words` shows the words and their times.")
        before = transcript.words[i]
        fixed = correct_word(transcript, i, text.strip() or before.text)
        bank = self.save(vlog_id, fixed)
        line = next((s.words for s in fixed.segments if fixed.words[i] in s.words), ())
        return WordFix(before, fixed.words[i], bank, line)

    def export_text(self, vlog_id: str, out: Path, text: str, *, audience: str = "internal",
                    ranges: list[tuple[int, int]] | None = None) -> Path:
        """Write (part of) the transcript to a file for `audience` - an export like any other: the clearance rule
        decides (before and again once written), the file gets the export mode, and the log records it."""
        consent = self.app.consent
        consent.check_audience(audience)
        consent.require_current(vlog_id, ranges, audience)
        check_output_file(out)  # never into /dev/null (replaced by a file) nor behind a file or a dangling link
        out = unique_path(out)  # a file already there (the user's own subtitles) is kept: `name-2.srt`
        with consent.gate([out]):
            atomic_write_text(out, text, mode=export_mode(), replace=False)
            consent.require_current(vlog_id, ranges, audience)
            self.app.export_log.record("subtitles", vlog_ids=[vlog_id], outputs=[str(out)], audience=audience,
                                       detail=f"transcript text, {len(text)} characters")
        return out

    def import_subtitles(self, vlog_id: str, path: str | Path) -> Transcript:
        """Use an SRT/VTT file as the vlog's transcript (word times spread evenly inside each cue)."""
        from vlogkit.transcribe.subtitles_import import load_subtitles

        vlog = self.app.vlogs.get(vlog_id)
        lang = vlog.language if vlog.language != "auto" else ""
        transcript = load_subtitles(path, language=lang, duration_ms=vlog.media.duration_ms)
        self._store(vlog.id, transcript, "")
        return transcript

    # -- storage: the library's transcript repository (files beside a TinyDB library, rows in a team library) --

    def _load_stored(self, vlog: Vlog, damaged_ok: bool = False) -> tuple[str, Transcript] | None:
        """The stored (cache key, transcript). `damaged_ok`: a damaged one counts as none - a new run replaces it
        (what the damage message tells the user to do); elsewhere it is an error."""
        from vlogkit.store.transcripts import DamagedTranscript

        try:
            return self.app.store.transcripts.get(vlog)
        except DamagedTranscript:
            if damaged_ok:
                log.warning("the stored transcript of vlog %s is damaged; a new run replaces it", vlog.id)
                return None
            raise

    def _store(self, vlog_id: str, transcript: Transcript, key: str) -> None:
        self.app.store.transcripts.put(vlog_id, transcript, key)
        self.app.vlogs.update_extra(vlog_id, transcript=f"{safe_filename(vlog_id, 40, 'vlog')}.json")
        self._mark_transcribed(vlog_id, transcript)

    def _mark_transcribed(self, vlog_id: str, transcript: Transcript) -> None:
        def change(vlog: Vlog) -> Vlog:  # under the library's lock: edits made meanwhile are kept
            state = vlog.state if vlog.state is VlogState.HAS_QUOTES else VlogState.TRANSCRIBED
            return vlog.with_(state=state, detected_language=transcript.language or vlog.detected_language,
                              spoken_languages=transcript.languages)

        self.app.vlogs.modify(vlog_id, change)


def word_at(words: tuple[Word, ...] | list[Word], at_ms: int, within_ms: int = 1000) -> int | None:
    """The index of the word spoken at `at_ms`: the word whose [start, end) holds it - so the time where one word ends
    and the next begins (the start `vlogkit fix` prints) is the next word's - else the nearest one within `within_ms`."""
    def key(i: int) -> tuple[int, int, int]:
        w = words[i]
        gap = abs(at_ms - max(w.start, min(at_ms, w.end)))
        return gap, 0 if w.start <= at_ms < w.end else 1, abs(at_ms - w.start)

    best = min(range(len(words)), key=key, default=None)
    return best if best is not None and key(best)[0] <= within_ms else None
