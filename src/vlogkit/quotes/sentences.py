"""Sentences from word timings.

Whisper segments often hold two sentences and one sentence can straddle two segments, so sentences are built from the
words: split after sentence punctuation, at long pauses, and where the speaker changes. Each sentence keeps the exact
word-level times and its index range in `transcript.words`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vlogkit.domain import Word
from vlogkit.quotes.text import bare, display_text, verbatim_text

PAUSE_MS = 1000  # a silence this long ends a sentence even without punctuation
ABBREVIATION_PAUSE_MS = 250  # "room B." followed by this much silence ends the sentence after all

_ENDERS = (".", "!", "?", "…", "。", "！", "？")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st vs etc e.g i.e bv enz mevr dhr m mme mlle cf approx jr sr no nr".split()
)


@dataclass(frozen=True, slots=True)
class Sentence:
    words: tuple[Word, ...]
    first: int  # index of the first word in the transcript's word list
    last: int  # index one past the last word

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end

    @property
    def verbatim(self) -> str:
        return verbatim_text(self.words)

    @property
    def text(self) -> str:
        return display_text(self.words)

    def __add__(self, other: Sentence) -> Sentence:
        return Sentence(self.words + other.words, min(self.first, other.first), max(self.last, other.last))


def ends_sentence(word: Word, gap_ms: int = 0) -> bool:
    """Whether `word` ends a sentence; a full stop after an abbreviation or initial does not, unless a pause follows."""
    token = word.display.rstrip("\"'”’»)]")
    if not token.endswith(_ENDERS):
        return False
    if token.endswith(".") and gap_ms < ABBREVIATION_PAUSE_MS:
        core = bare(token)
        if core in _ABBREVIATIONS or (len(core) == 1 and core.isalpha()):
            return False
    return True


def build_sentences(words: Sequence[Word], pause_ms: int = PAUSE_MS) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        split = (
            nxt is None
            or (ends_sentence(w, nxt.start - w.end) and not _goes_on(w, nxt))
            or nxt.start - w.end >= pause_ms
            or (bool(w.speaker) and bool(nxt.speaker) and nxt.speaker != w.speaker)
        )
        if split:
            chunk = tuple(words[start : i + 1])
            if any(bare(x.display) for x in chunk):
                sentences.append(Sentence(chunk, start, i + 1))
            start = i + 1
    return sentences


def _goes_on(word: Word, nxt: Word) -> bool:
    """A quoted question or an ellipsis the sentence carries on after: 'is not "is it true?" but "how would I
    know?"', "and then... nothing" - a '?', '!' or '…' followed by a word in lower case."""
    token = word.display.rstrip("\"'”’»)]")
    first = next((c for c in nxt.display if c.isalpha()), "")
    return token.endswith(("?", "!", "…", "...")) and first.islower()
