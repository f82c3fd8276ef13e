"""Which language each stretch of a recording is in: a Belgian vlog switches between Dutch, French and English.

Whisper decides the language once per 30 s window, so a switch inside a window comes out as gibberish or as a
"translation" into the first language. Here the speech is cut at pauses (Silero VAD, finer than the transcription's),
each piece's language is identified - restricted to the languages the user allows, the probabilities renormalised over
that set - and a Viterbi pass with a cost per switch smooths the labels, so a short, uncertain piece follows its
neighbours. Runs of one language become `Stretch`es that tile the recording; each is then transcribed in its language.

Cost: the encoder normally sees a padded 30 s window (about 1 s of CPU for `base` on 2 cores). A piece is encoded at its
own length, padded to at least 5 s: about 0.08 s. That accuracy holds from about 1.5 s of speech (measured on the shared
media, see benchmarks/bench_languages.py); shorter pieces weigh less in the smoothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from vlogkit.errors import UsageError
from vlogkit.jobs import JobContext

if TYPE_CHECKING:
    import numpy as np

# Every language code Whisper knows (faster_whisper.tokenizer._LANGUAGE_CODES; a test keeps the two equal).
WHISPER_LANGUAGES = (
    "af", "am", "ar", "as", "az", "ba", "be", "bg", "bn", "bo", "br", "bs", "ca", "cs", "cy", "da", "de", "el", "en",
    "es", "et", "eu", "fa", "fi", "fo", "fr", "gl", "gu", "ha", "haw", "he", "hi", "hr", "ht", "hu", "hy", "id", "is",
    "it", "ja", "jw", "ka", "kk", "km", "kn", "ko", "la", "lb", "ln", "lo", "lt", "lv", "mg", "mi", "mk", "ml", "mn",
    "mr", "ms", "mt", "my", "ne", "nl", "nn", "no", "oc", "pa", "pl", "ps", "pt", "ro", "ru", "sa", "sd", "si", "sk",
    "sl", "sn", "so", "sq", "sr", "su", "sv", "sw", "ta", "te", "tg", "th", "tk", "tl", "tr", "tt", "uk", "ur", "uz",
    "vi", "yi", "yo", "zh", "yue",
)
DEFAULT_LANGUAGES = "nl,fr,en"
ANY = "any"

SAMPLE_RATE = 16000
MIN_FRAMES = 500  # a piece is encoded padded to at least 5 s (100 frames a second): short input confuses Whisper
MAX_FRAMES = 3000  # and at most Whisper's 30 s window
# Pieces for identification: cut at pauses of 300 ms (the transcription's VAD waits 2 s), at most 12 s long.
PIECE_VAD = {"min_silence_duration_ms": 300, "speech_pad_ms": 100, "max_speech_duration_s": 12}
FULL_WEIGHT_S = 2.0  # a piece this long (or longer) has its full say in the smoothing; shorter ones less
SWITCH_COST = 2.0  # nats: a switch in the middle costs two; a piece must be about 98% sure on its own to make one
FLOOR = 1e-4  # no language is ever impossible


def parse_languages(text: str | Sequence[str] | None) -> tuple[str, ...]:
    """"nl,fr,en" -> ("nl", "fr", "en"); "any" (or empty) -> () = every language Whisper knows.

    Raises UsageError naming the code that is not one of Whisper's."""
    if text is None:
        text = DEFAULT_LANGUAGES
    items = text.replace(" ", ",").split(",") if isinstance(text, str) else list(text)
    codes: list[str] = []
    for item in items:
        code = item.strip().lower()
        if not code:
            continue
        if code == ANY:
            return ()
        if code not in WHISPER_LANGUAGES:
            raise UsageError(f"'{code}' is not a language Whisper knows: give codes such as nl,fr,en, or 'any'.")
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def format_languages(allowed: Sequence[str]) -> str:
    """The inverse of parse_languages: "nl,fr,en", or "any"."""
    return ",".join(allowed) if allowed else ANY


@dataclass(frozen=True)
class Piece:
    """A stretch of speech between pauses (sample indices) and its language probabilities over the allowed set."""

    start: int
    end: int
    probabilities: dict[str, float]

    @property
    def seconds(self) -> float:
        return (self.end - self.start) / SAMPLE_RATE

    @property
    def best(self) -> str:
        return max(self.probabilities, key=self.probabilities.__getitem__)


@dataclass(frozen=True)
class Stretch:
    """[start, end) in samples, spoken in `language`. A recording's stretches tile it without gaps."""

    start: int
    end: int
    language: str


def speech_pieces(samples: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) sample ranges of speech, cut at pauses of 300 ms."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    return [(int(c["start"]), int(c["end"])) for c in get_speech_timestamps(samples, VadOptions(**PIECE_VAD))]


def restricted(all_probs: Sequence[tuple[str, float]], allowed: Sequence[str]) -> dict[str, float]:
    """Whisper's language probabilities renormalised over `allowed` (every language when empty)."""
    probs = {token.strip("<|>"): float(p) for token, p in all_probs}
    if allowed:
        probs = {code: probs.get(code, 0.0) for code in allowed}
    total = sum(probs.values())
    if total <= 0:
        return {code: 1.0 / len(probs) for code in probs}
    return {code: p / total for code, p in probs.items()}


def identify(model: Any, samples: np.ndarray, allowed: Sequence[str], ctx: JobContext | None = None) -> list[Piece]:
    """Each speech piece with its language probabilities. `model` is a faster_whisper.WhisperModel."""
    import numpy as np
    from faster_whisper.audio import pad_or_trim

    pieces: list[Piece] = []
    spans = speech_pieces(samples)
    for i, (a, b) in enumerate(spans):
        if ctx is not None:
            ctx.raise_if_cancelled()
            ctx.report(0.0, f"Identifying languages ({i + 1}/{len(spans)})")
        features = model.feature_extractor(samples[a:b])
        frames = min(MAX_FRAMES, max(MIN_FRAMES, features.shape[-1]))
        encoded = model.encode(np.ascontiguousarray(pad_or_trim(features, frames)))
        pieces.append(Piece(a, b, restricted(model.model.detect_language(encoded)[0], allowed)))
    return pieces


def label(pieces: Sequence[Piece]) -> list[str]:
    """The most likely language of each piece given a cost per switch (Viterbi over the pieces)."""
    if not pieces:
        return []
    codes = list(pieces[0].probabilities)

    def cost(piece: Piece, code: str) -> float:
        weight = min(1.0, piece.seconds / FULL_WEIGHT_S)
        return -weight * math.log(max(FLOOR, piece.probabilities.get(code, 0.0)))

    totals = {c: cost(pieces[0], c) for c in codes}
    back: list[dict[str, str]] = []
    for piece in pieces[1:]:
        step: dict[str, float] = {}
        came: dict[str, str] = {}
        cheapest = min(codes, key=totals.__getitem__)  # the best place to switch from, whatever the target
        for c in codes:
            prev = c if totals[c] <= totals[cheapest] + SWITCH_COST else cheapest
            step[c] = totals[prev] + (0.0 if prev == c else SWITCH_COST) + cost(piece, c)
            came[c] = prev
        totals, back = step, [*back, came]
    last = min(codes, key=totals.__getitem__)
    path = [last]
    for came in reversed(back):
        path.append(came[path[-1]])
    return path[::-1]


def stretches(pieces: Sequence[Piece], labels: Sequence[str], n_samples: int) -> list[Stretch]:
    """Runs of one language as stretches tiling [0, n_samples): a cut sits in the middle of the pause between runs."""
    runs: list[tuple[int, int, str]] = []
    for piece, lang in zip(pieces, labels, strict=True):
        if runs and runs[-1][2] == lang:
            runs[-1] = (runs[-1][0], piece.end, lang)
        else:
            runs.append((piece.start, piece.end, lang))
    out: list[Stretch] = []
    for i, (_a, b, lang) in enumerate(runs):
        start = out[-1].end if out else 0
        end = n_samples if i == len(runs) - 1 else (b + runs[i + 1][0]) // 2
        out.append(Stretch(start, end, lang))
    return out


def plan(model: Any, samples: np.ndarray, allowed: Sequence[str], ctx: JobContext | None = None) -> list[Stretch]:
    """The recording's stretches, each with its language; [] when no speech was found."""
    pieces = identify(model, samples, allowed, ctx)
    return stretches(pieces, label(pieces), len(samples))
