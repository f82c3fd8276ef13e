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

from vlogkit.errors import N_, UsageError
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
SAMPLE = 6  # pieces identified first, spread over the recording; all of them only when these show a switch
ASSUMED_PROBABILITY = 0.95  # a piece confidently transcribed in the vlog's language, not identified on its own


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
            raise UsageError(N_("'{code}' is not a language Whisper knows: give codes such as nl,fr,en, or 'any'."),
                             code=code)
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


def identify_piece(model: Any, samples: np.ndarray, a: int, b: int, allowed: Sequence[str]) -> Piece:
    """The language probabilities of samples[a:b]. `model` is a faster_whisper.WhisperModel."""
    import numpy as np
    from faster_whisper.audio import pad_or_trim

    features = model.feature_extractor(samples[a:b])
    frames = min(MAX_FRAMES, max(MIN_FRAMES, features.shape[-1]))
    encoded = model.encode(np.ascontiguousarray(pad_or_trim(features, frames)))
    return Piece(a, b, restricted(model.model.detect_language(encoded)[0], allowed))


def spread(spans: Sequence[tuple[int, int]], k: int) -> list[int]:
    """Up to `k` indices of `spans` spread evenly over the recording: the longest piece of each share (the one
    nearest the share's middle among equals)."""
    if len(spans) <= k:
        return list(range(len(spans)))
    picks = []
    for j in range(k):
        lo, hi = j * len(spans) // k, (j + 1) * len(spans) // k
        mid = (lo + hi - 1) / 2
        picks.append(max(range(lo, hi), key=lambda i: (spans[i][1] - spans[i][0], -abs(i - mid))))
    return picks


class LanguageMap:
    """A recording's speech pieces and the languages found so far.

    Identifying every piece costs about a third of the transcription itself, so a single-language vlog (most of them)
    is judged from a sample spread over the recording; `recheck` then looks only where the transcription in that
    language came out doubtful, which is where a sentence in another language ends up."""

    def __init__(self, model: Any, samples: np.ndarray, allowed: Sequence[str], ctx: JobContext | None = None) -> None:
        self.model = model
        self.samples = samples
        self.allowed = tuple(allowed)
        self.ctx = ctx
        self.spans = speech_pieces(samples)
        self.known: dict[int, Piece] = {}

    @property
    def complete(self) -> bool:
        return len(self.known) == len(self.spans)

    def identify(self, indices: Sequence[int]) -> None:
        todo = [i for i in indices if i not in self.known]
        for n, i in enumerate(todo):
            if self.ctx is not None:
                self.ctx.raise_if_cancelled()
                self.ctx.report(0.0, f"Identifying languages ({n + 1}/{len(todo)})")
            a, b = self.spans[i]
            self.known[i] = identify_piece(self.model, self.samples, a, b, self.allowed)

    def first_look(self, sample: int = SAMPLE) -> list[Stretch]:
        """The stretches from a sample of pieces; every piece is identified when the sample shows a switch.
        [] when there is no speech."""
        self.identify(spread(self.spans, sample))
        found = self.stretches()
        if len({s.language for s in found}) > 1 and not self.complete:
            self.identify(range(len(self.spans)))
            found = self.stretches()
        if len({s.language for s in found}) == 1:
            return [Stretch(0, len(self.samples), found[0].language)]
        return found

    def stretches(self, assumed: str = "") -> list[Stretch]:
        """Stretches from the identified pieces; a piece not identified counts as `assumed` (the language it was
        transcribed in with confidence), or is left out when there is none."""
        pieces = []
        for i, (a, b) in enumerate(self.spans):
            if i in self.known:
                pieces.append(self.known[i])
            elif assumed:
                pieces.append(Piece(a, b, _assume(assumed, self.known_codes())))
        return stretches(pieces, label(pieces), len(self.samples))

    def known_codes(self) -> tuple[str, ...]:
        return tuple(next(iter(self.known.values())).probabilities) if self.known else self.allowed

    def recheck(self, doubtful: Sequence[tuple[int, int]], language: str) -> list[Stretch]:
        """After transcribing everything in `language`: identify the pieces under the `doubtful` sample ranges (words
        said with low confidence) and return the stretches that are another language ([] when none is)."""
        near = [i for i, (a, b) in enumerate(self.spans) if any(a < d1 and d0 < b for d0, d1 in doubtful)]
        self.identify(near)
        if all(self.known[i].best == language for i in near):
            return []
        return [s for s in self.stretches(assumed=language) if s.language != language]


def _assume(language: str, codes: Sequence[str]) -> dict[str, float]:
    """Probabilities for a piece transcribed in `language` with confidence: ASSUMED_PROBABILITY for it."""
    others = [c for c in codes if c != language]
    rest = (1.0 - ASSUMED_PROBABILITY) / max(1, len(others))
    return {language: ASSUMED_PROBABILITY, **{c: rest for c in others}}


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
