"""The `Transcriber` protocol and the faster-whisper engine behind it.

The engine decodes the audio itself (PyAV, 16 kHz), splits stereo whose channels carry different speakers, finds the
language of each stretch of speech (restricted to the languages the user allows, `transcribe.languages`), runs
faster-whisper with word timestamps and the VAD filter on each stretch in its language, flags segments Whisper may have
invented (`transcribe.invented`), reports progress per segment (fraction of the media duration reached) and stops
between segments when the job is cancelled. `language=X` forces one language for the whole recording.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from vlogkit.domain import Segment, Transcript, Word
from vlogkit.errors import N_, ModelError
from vlogkit.failpoints import failpoint
from vlogkit.jobs import JobContext
from vlogkit.transcribe import languages as langid
from vlogkit.transcribe.audio import SAMPLE_RATE, load_audio, windows
from vlogkit.transcribe.invented import flag_invented, mean_probability
from vlogkit.transcribe.languages import DEFAULT_LANGUAGES, LanguageMap, Stretch
from vlogkit.transcribe.models import model_id, pick_device, resolve_model

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

CHANNEL_SPEAKERS = ("left", "right")


class Transcriber(Protocol):
    name: str

    def transcribe(
        self, audio_path: str, *, language: str | None, initial_prompt: str | None, duration_ms: int, ctx: JobContext,
        languages: str = DEFAULT_LANGUAGES,
    ) -> Transcript: ...


@dataclass(frozen=True)
class Options:
    """The decoding options vlogkit uses (kept in one place; they are part of the transcript cache key)."""

    beam_size: int = 5
    vad_filter: bool = True
    word_timestamps: bool = True
    condition_on_previous_text: bool = True

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_MODELS: dict[tuple[str, str, str], Any] = {}
_MODELS_LOCK = threading.Lock()


def load_whisper(path: str, device: str, compute_type: str) -> Any:
    """A `faster_whisper.WhisperModel`, loaded once per process per (path, device, compute type)."""
    key = (path, device, compute_type)
    with _MODELS_LOCK:
        model = _MODELS.get(key)
        if model is None:
            from faster_whisper import WhisperModel

            try:
                model = WhisperModel(path, device=device, compute_type=compute_type,
                                     cpu_threads=os.cpu_count() or 0, local_files_only=True)
            except (RuntimeError, ValueError, OSError) as exc:
                raise ModelError(N_("The Whisper model in {path} could not be loaded ({reason}); `vlogkit models` "
                                    "lists the installed ones."), path=path, reason=exc) from exc
            _MODELS[key] = model
        return model


class WhisperEngine:
    """The real transcriber: faster-whisper on CPU int8 (or CUDA float16 when a GPU is present)."""

    def __init__(self, model: str | None = None, options: Options | None = None) -> None:
        self.name = model_id(model)
        self.options = options or Options()
        self._model: Any = None
        self.device = ""
        self.compute_type = ""

    def load(self, ctx: JobContext | None = None) -> Any:
        if self._model is None:
            if ctx is not None:
                ctx.report(0.0, "Loading the Whisper model")
            resolved = resolve_model(self.name, verify=True)
            self.device, self.compute_type = pick_device()
            self._model = load_whisper(str(resolved.path), self.device, self.compute_type)
        return self._model

    def transcribe(
        self, audio_path: str, *, language: str | None, initial_prompt: str | None, duration_ms: int, ctx: JobContext,
        languages: str = DEFAULT_LANGUAGES,
    ) -> Transcript:
        allowed = langid.parse_languages(languages)
        ctx.report(0.0, "Reading the audio")
        audio = load_audio(audio_path)
        ctx.raise_if_cancelled()
        model = self.load(ctx)
        duration = duration_ms or audio.duration_ms
        parts: list[list[Segment]] = []
        plans: list[list[Stretch]] = []
        heard: list[str] = []
        n = len(audio.channels)
        for i, samples in enumerate(audio.channels):
            speaker = CHANNEL_SPEAKERS[i] if audio.split else ""
            sub = ctx.sub(i / n, (i + 1) / n) if n > 1 else ctx
            plan, lmap = self.plan(model, samples, language, allowed, sub)
            segs, first = self._run(model, samples, plan, initial_prompt, duration, speaker, sub)
            if lmap is not None and not lmap.complete and len(plan) == 1 and plan[0].language:
                segs = self._recheck(model, samples, lmap, plan[0].language, flag_invented(segs), initial_prompt,
                                     duration, speaker, sub)
                plan = lmap.stretches(assumed=plan[0].language)
            plans.append(plan)
            parts.append(segs)
            heard.append(first)
        segments = flag_invented(merge_by_time(parts))
        lang = main_language(segments) or next((h for h in heard if h), "")
        options: dict[str, Any] = {
            **self.options.to_dict(),
            "language": language or "auto",
            "languages": langid.format_languages(allowed),
            "initial_prompt": initial_prompt or "",
            "device": self.device,
            "compute_type": self.compute_type,
            "split_stereo": audio.split,
            "stretches": [[s.start * 1000 // SAMPLE_RATE, s.end * 1000 // SAMPLE_RATE, s.language]
                          for p in plans for s in p],
        }
        ctx.report(1.0, "Transcribed")
        return Transcript(tuple(segments), lang, duration, self.name, options, "whisper")

    def plan(
        self, model: Any, samples: np.ndarray, language: str | None, allowed: tuple[str, ...], ctx: JobContext
    ) -> tuple[list[Stretch], LanguageMap | None]:
        """The stretches to transcribe and their languages, and what was learnt about the languages (None when the
        language is forced). The whole recording is one stretch when `language` is forced or the speech is all in one
        language (the one-call path, as fast as before); one stretch per run of a language otherwise; the whole
        recording with Whisper's own detection when no speech was found."""
        n = len(samples)
        if language:
            return [Stretch(0, n, language)], None
        ctx.report(0.0, "Identifying languages")
        lmap = LanguageMap(model, samples, allowed, ctx)
        return lmap.first_look() or [Stretch(0, n, "")], lmap

    def _recheck(
        self, model: Any, samples: np.ndarray, lmap: LanguageMap, language: str, segments: list[Segment],
        initial_prompt: str | None, duration_ms: int, speaker: str, ctx: JobContext,
    ) -> list[Segment]:
        """A vlog judged single-language from a sample: where its transcript is doubtful (low confidence, or a loop),
        look at the language there; a stretch in another language is transcribed again in it and replaces those
        words."""
        doubtful = [(s.start * SAMPLE_RATE // 1000, s.end * SAMPLE_RATE // 1000) for s in segments
                    if s.flag or (mean_probability(s) or 1.0) < DOUBTFUL]
        if not doubtful:
            return segments
        foreign = lmap.recheck(doubtful, language)
        if not foreign:
            return segments
        redo, _ = self._run(model, samples, foreign, initial_prompt, duration_ms, speaker, ctx)
        cuts = [(st.start * 1000 // SAMPLE_RATE, st.end * 1000 // SAMPLE_RATE) for st in foreign]
        kept = [s for s in (_without(seg, cuts) for seg in segments) if s is not None]
        return sorted(kept + redo, key=lambda s: (s.start, s.end))

    def _run(
        self,
        model: Any,
        samples: np.ndarray,
        plan: list[Stretch],
        initial_prompt: str | None,
        duration_ms: int,
        speaker: str,
        ctx: JobContext,
    ) -> tuple[list[Segment], str]:
        """Transcribe each stretch of `plan` in its language: segments and words on the recording's clock, and the
        first language used (Whisper's detection when the plan left it open)."""
        o = self.options
        ctx.raise_if_cancelled()
        ctx.report(0.0, "Detecting speech")
        total = max(duration_ms, int(len(samples) * 1000 / SAMPLE_RATE), 1)
        segments: list[Segment] = []
        detected = ""
        # A long recording goes in windows cut at quiet moments: faster-whisper holds features for all the audio it
        # is given (6.7 GB for 2 hours), a window costs what a 10-minute vlog costs. Without a known language the
        # first window's holds for the rest, as Whisper itself would detect it once from the first 30 s.
        spans = [(st.start + a, st.start + b, st.language) for st in plan
                 for a, b in windows(samples[st.start : st.end])]
        for a, b, language in spans:
            offset = a * 1000 // SAMPLE_RATE
            seg_iter, info = model.transcribe(
                samples[a:b],
                language=language or detected or None,
                initial_prompt=initial_prompt or None,
                beam_size=o.beam_size,
                vad_filter=o.vad_filter,
                word_timestamps=o.word_timestamps,
                condition_on_previous_text=o.condition_on_previous_text,
            )
            detected = detected or str(info.language or "")
            lang = language or detected
            try:
                for seg in seg_iter:
                    segment = to_segment(seg, speaker, lang)
                    if segment is not None:
                        segments.append(_shifted(segment, offset) if offset else segment)
                    ctx.report(min(1.0, (offset + seg.end * 1000) / total), f"Transcribing ({lang})")
                    failpoint("transcribe.after_segment")
                    ctx.raise_if_cancelled()
            finally:
                close = getattr(seg_iter, "close", None)
                if close is not None:
                    close()
        return segments, next((lang for _a, _b, lang in spans if lang), detected)


DOUBTFUL = 0.6  # a segment whose mean word probability is under this may be in another language than it was read in


def _without(segment: Segment, cuts: list[tuple[int, int]]) -> Segment | None:
    """`segment` without the words whose middle lies in one of the `cuts` (ms); None when none is left."""
    words = tuple(w for w in segment.words if not any(a <= (w.start + w.end) // 2 < b for a, b in cuts))
    if len(words) == len(segment.words):
        return segment
    return replace(segment, start=words[0].start, end=words[-1].end, words=words) if words else None


def _shifted(segment: Segment, ms: int) -> Segment:
    """`segment` moved `ms` later (a window's times on the recording's clock)."""
    words = tuple(replace(w, start=w.start + ms, end=w.end + ms) for w in segment.words)
    return replace(segment, start=segment.start + ms, end=segment.end + ms, words=words)


def to_segment(seg: Any, speaker: str = "", language: str = "") -> Segment | None:
    """A faster-whisper segment as a domain `Segment` (words stripped of spaces, times in integer ms), with its words
    in `language`."""
    words: list[Word] = []
    for w in seg.words or ():
        text = w.word.strip()
        if not text:
            continue
        start = round(w.start * 1000)
        end = max(start, round(w.end * 1000))
        prob = round(float(w.probability), 4)
        if words and _continues(w.word, words[-1].text, text):
            # Whisper splits elisions and hyphenated words ("d" + "'accord", "États" + "-Unis"): one word for
            # people, so captions and subtitles read "d'accord", never "d 'accord".
            prev = words[-1]
            words[-1] = Word(prev.text + text, prev.start, max(prev.end, end), min(prev.probability or prob, prob),
                             speaker=speaker, language=language)
            continue
        words.append(Word(text, start, end, prob, speaker=speaker, language=language))
    if not words:
        text = (seg.text or "").strip()
        if not text:
            return None
        words = [Word(t, round(seg.start * 1000), round(seg.end * 1000), None, speaker=speaker, language=language)
                 for t in text.split()]
    return Segment(words[0].start, words[-1].end, tuple(words), speaker, language)


_JOINERS = "'’-"


def _continues(raw: str, prev: str, text: str) -> bool:
    """A Whisper word with no leading space that starts (or follows) an apostrophe or hyphen belongs to the last."""
    return not raw[:1].isspace() and (text[0] in _JOINERS or prev[-1] in _JOINERS)


def merge_by_time(channels: list[list[Segment]]) -> list[Segment]:
    """Segments of several channels interleaved by start time (each keeps its channel's speaker)."""
    merged = [s for segs in channels for s in segs]
    merged.sort(key=lambda s: (s.start, s.end, s.speaker))
    return merged


def main_language(segments: list[Segment]) -> str:
    """The language most words were said in (held-back segments do not count); the first one on a tie."""
    counts: dict[str, int] = {}
    for s in segments:
        if s.language and not s.held_back:
            counts[s.language] = counts.get(s.language, 0) + len(s.words)
    return max(counts, key=counts.__getitem__) if counts else ""
