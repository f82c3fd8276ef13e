"""Words with their times, grouped in segments. Integer milliseconds throughout."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class Word:
    text: str  # as the model wrote it, without surrounding spaces
    start: int
    end: int
    probability: float | None = None  # None for words that came from subtitles or were typed in
    corrected: str | None = None  # the user's correction; `text` stays as recognised
    speaker: str = ""  # channel/speaker label when known
    filler: bool = False  # marked by a user (or the cleanup) as a filler to cut

    @property
    def display(self) -> str:
        return self.corrected if self.corrected is not None else self.text

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end, "probability": self.probability}
        if self.corrected is not None:
            d["corrected"] = self.corrected
        if self.speaker:
            d["speaker"] = self.speaker
        if self.filler:
            d["filler"] = True
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Word:
        p = d.get("probability")
        return cls(
            text=str(d["text"]),
            start=int(d["start"]),
            end=int(d["end"]),
            probability=None if p is None else float(p),
            corrected=d.get("corrected"),
            speaker=str(d.get("speaker", "")),
            filler=bool(d.get("filler", False)),
        )


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    words: tuple[Word, ...]
    speaker: str = ""

    @property
    def text(self) -> str:
        return " ".join(w.display for w in self.words)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "words": [w.to_dict() for w in self.words],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Segment:
        return cls(int(d["start"]), int(d["end"]), tuple(Word.from_dict(w) for w in d["words"]), str(d.get("speaker", "")))


@dataclass(frozen=True, slots=True)
class Transcript:
    segments: tuple[Segment, ...]
    language: str
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

    def words_between(self, start: int, end: int) -> tuple[Word, ...]:
        """Words whose middle lies inside [start, end)."""
        return tuple(w for w in self.words if start <= (w.start + w.end) // 2 < end)

    def with_segments(self, segments: tuple[Segment, ...]) -> Transcript:
        return replace(self, segments=segments)

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
        return cls(
            segments=tuple(Segment.from_dict(s) for s in d["segments"]),
            language=str(d.get("language", "")),
            duration=int(d.get("duration", 0)),
            model=str(d.get("model", "")),
            options=dict(d.get("options", {})),
            source=str(d.get("source", "whisper")),
        )
