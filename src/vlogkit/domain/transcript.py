"""Words with their times, grouped in segments. Integer milliseconds throughout.

A segment (and each of its words) carries the language it was transcribed in: a Belgian vlog often switches between
Dutch, French and English, so `Transcript.language` is only the language most of it is in, and `Segment.language`,
`Word.language` and `Transcript.word_language(word)` say what each stretch is. A segment Whisper may have invented (a subtitle
credit, a loop repeating an earlier sentence) carries a `flag` and is held back from subtitles, captions and quotes
until someone keeps it (`Transcript.without_held_back()`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

# Why a segment is held back (Segment.flag): the stable codes the CLI, the editor and the JSON use.
FLAG_CREDIT = "credit"  # a subtitle credit or sign-off Whisper writes into silence ("Ondertiteld door ...")
FLAG_REPEAT = "repeat"  # the words repeat an earlier stretch with low confidence (a decoding loop)
FLAGS = (FLAG_CREDIT, FLAG_REPEAT)


UNSURE_BELOW = 0.5  # a recognised word the model gave less than this probability: a person should check it


@dataclass(frozen=True, slots=True)
class Word:
    text: str  # as the model wrote it, without surrounding spaces
    start: int
    end: int
    probability: float | None = None  # None for words that came from subtitles or were typed in
    corrected: str | None = None  # the user's correction; `text` stays as recognised
    speaker: str = ""  # channel/speaker label when known
    filler: bool = False  # marked by a user (or the cleanup) as a filler to cut
    language: str = ""  # the Whisper code of the stretch it was heard in ("" = the transcript's language)
    confirmed: bool = False  # a person confirmed this word was really said (see domain.sensitive)

    @property
    def display(self) -> str:
        return self.corrected if self.corrected is not None else self.text

    @property
    def unsure(self) -> bool:
        """Recognised with a low probability, and nobody has fixed or confirmed it yet."""
        return (self.probability is not None and self.probability < UNSURE_BELOW and self.corrected is None
                and not self.confirmed)

    def to_dict(self, segment_language: str = "") -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end, "probability": self.probability}
        if self.corrected is not None:
            d["corrected"] = self.corrected
        if self.speaker:
            d["speaker"] = self.speaker
        if self.filler:
            d["filler"] = True
        if self.language and self.language != segment_language:
            d["language"] = self.language
        if self.confirmed:
            d["confirmed"] = True
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any], segment_language: str = "") -> Word:
        _require_object(d, "word")
        p = d.get("probability")
        return cls(
            text=str(d["text"]),
            start=int(d["start"]),
            end=int(d["end"]),
            probability=None if p is None else float(p),
            corrected=d.get("corrected"),
            speaker=str(d.get("speaker", "")),
            filler=bool(d.get("filler", False)),
            language=str(d.get("language", segment_language)),
            confirmed=bool(d.get("confirmed", False)),
        )


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    words: tuple[Word, ...]
    speaker: str = ""
    language: str = ""  # the Whisper code this stretch was transcribed in ("" = the transcript's language)
    flag: str = ""  # "" or one of FLAGS: why these words may be invented
    kept: bool = False  # a person kept a flagged segment: it counts as said

    @property
    def text(self) -> str:
        return " ".join(w.display for w in self.words)

    @property
    def held_back(self) -> bool:
        """Flagged as possibly invented and not (yet) kept: left out of subtitles, captions and quotes."""
        return bool(self.flag) and not self.kept

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "words": [w.to_dict(self.language) for w in self.words],
        }
        if self.language:
            d["language"] = self.language
        if self.flag:
            d["flag"] = self.flag
        if self.kept:
            d["kept"] = True
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Segment:
        _require_object(d, "segment")
        lang = str(d.get("language", ""))
        return cls(int(d["start"]), int(d["end"]), tuple(Word.from_dict(w, lang) for w in _list(d["words"], "words")),
                   str(d.get("speaker", "")), lang, str(d.get("flag", "")), bool(d.get("kept", False)))


@dataclass(frozen=True, slots=True)
class Transcript:
    segments: tuple[Segment, ...]
    language: str  # the language most of it is in (every segment's, for a single-language vlog)
    duration: int  # ms of media covered
    model: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    source: str = "whisper"  # whisper | subtitles

    @property
    def words(self) -> tuple[Word, ...]:
        return tuple(w for s in self.segments for w in s.words)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages spoken, in the order they first come up (just `language` for a single-language vlog)."""
        seen: list[str] = []
        for s in self.segments:
            lang = s.language or self.language
            if lang and lang not in seen and not s.held_back:
                seen.append(lang)
        return tuple(seen) or ((self.language,) if self.language else ())

    @property
    def language_label(self) -> str:
        """"nl", or "nl + fr + en" for a vlog that switches language."""
        return " + ".join(self.languages)

    @property
    def flagged(self) -> tuple[Segment, ...]:
        """The segments held back as possibly invented (not kept yet)."""
        return tuple(s for s in self.segments if s.held_back)

    def word_language(self, word: Word) -> str:
        """A word's language, falling back to the transcript's."""
        return word.language or self.language

    def words_between(self, start: int, end: int) -> tuple[Word, ...]:
        """Words whose middle lies inside [start, end)."""
        return tuple(w for w in self.words if start <= (w.start + w.end) // 2 < end)

    def indices_between(self, start: int, end: int) -> list[int]:
        """Indices in `words` of the words whose middle lies inside [start, end): the words a range quotes."""
        return [i for i, w in enumerate(self.words) if start <= (w.start + w.end) // 2 < end]

    def with_segments(self, segments: tuple[Segment, ...]) -> Transcript:
        return replace(self, segments=segments)

    def without_held_back(self) -> Transcript:
        """The transcript as subtitles, captions and quotes see it: segments flagged as invented and not kept are gone."""
        if not any(s.held_back for s in self.segments):
            return self
        return replace(self, segments=tuple(s for s in self.segments if not s.held_back))

    def with_kept(self, index: int, kept: bool = True) -> Transcript:
        """Segment `index` kept (counted as said) or held back again."""
        segs = list(self.segments)
        segs[index] = replace(segs[index], kept=kept)
        return replace(self, segments=tuple(segs))

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "duration": self.duration,
            "model": self.model,
            "options": dict(self.options),
            "source": self.source,
            "segments": [s.to_dict() for s in self.segments],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Transcript:
        _require_object(d, "transcript")
        return cls(
            segments=tuple(Segment.from_dict(s) for s in _list(d["segments"], "segments")),
            language=str(d.get("language", "")),
            duration=int(d.get("duration", 0)),
            model=str(d.get("model", "")),
            options=dict(d.get("options", {})),
            source=str(d.get("source", "whisper")),
        )


# A stored or received transcript (a hand-edited file, a package from elsewhere) is checked for its shape as it is
# read: a TypeError here is what every reader already reports as a damaged transcript.


def _require_object(d: object, what: str) -> None:
    if not isinstance(d, dict):
        raise TypeError(f"a {what} is {type(d).__name__}, not an object")


def _list(value: object, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"'{what}' is {type(value).__name__}, not a list")
    return value
