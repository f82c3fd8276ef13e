"""A vlog in the library: who spoke, what they consented to, and where the file is."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from vlogkit.domain.consent import Consent, ConsentScope
from vlogkit.domain.media import MediaInfo


class VlogState(StrEnum):
    NEW = "new"
    TRANSCRIBING = "transcribing"
    TRANSCRIBED = "transcribed"
    HAS_QUOTES = "has_quotes"


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str = ""
    role: str = ""
    team: str = ""
    company: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "role": self.role, "team": self.team, "company": self.company}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Speaker:
        d = d or {}
        return cls(**{k: str(d.get(k) or "") for k in ("name", "role", "team", "company")})

    def attribution(self) -> str:
        """"Name, Role - Team" with the empty parts left out."""
        head = ", ".join(p for p in (self.name, self.role) if p)
        return " - ".join(p for p in (head, self.team) if p)

    def credit(self) -> str:
        """The attribution on one line, the company after it in brackets: "Name, Role - Team (Company)". Copy text,
        CSV, Markdown, the bank list and the CLI all write this; slides and cards put the company on a line of its
        own under `attribution()`."""
        who = self.attribution()
        if self.company:
            return f"{who} ({self.company})" if who else self.company
        return who


@dataclass(frozen=True, slots=True)
class Vlog:
    id: str
    path: str
    fingerprint: str
    media: MediaInfo
    speaker: Speaker = Speaker()
    language: str = "auto"
    consent: Consent = Consent()
    consent_history: tuple[Consent, ...] = ()
    created: str = ""
    state: VlogState = VlogState.NEW
    copied: bool = False
    title: str = ""
    detected_language: str = ""
    spoken_languages: tuple[str, ...] = ()  # every language the transcript switches between, in order ("nl", "fr")
    extra: dict[str, Any] = field(default_factory=dict)  # references: transcript, quotes, clips, thumbnail...

    @property
    def language_label(self) -> str:
        """What was heard: "nl + fr + en" for a vlog that switches language, "nl" otherwise ("" before transcription)."""
        return " + ".join(self.spoken_languages) if len(self.spoken_languages) > 1 else self.detected_language

    @property
    def duration_s(self) -> float:
        return self.media.duration_ms / 1000.0

    def with_(self, **changes: Any) -> Vlog:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        w, h = self.media.display_size
        return {
            "id": self.id,
            "path": self.path,
            "fingerprint": self.fingerprint,
            "duration": round(self.duration_s, 3),
            "has_video": self.media.has_video,
            "has_audio": self.media.has_audio,
            "width": w,
            "height": h,
            "media": self.media.to_dict(),
            "speaker": self.speaker.to_dict(),
            "language": self.language,
            "detected_language": self.detected_language,
            "spoken_languages": list(self.spoken_languages),
            "consent": self.consent.to_dict(),
            "consent_history": [c.to_dict() for c in self.consent_history],
            "created": self.created,
            "state": self.state.value,
            "copied": self.copied,
            "title": self.title,
            "extra": dict(self.extra),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Vlog:
        return cls(
            id=str(d["id"]),
            path=str(d["path"]),
            fingerprint=str(d["fingerprint"]),
            media=MediaInfo.from_dict(d["media"]),
            speaker=Speaker.from_dict(d.get("speaker")),
            language=str(d.get("language", "auto")),
            consent=Consent.from_dict(d.get("consent")),
            consent_history=tuple(Consent.from_dict(c) for c in d.get("consent_history") or []),
            created=str(d.get("created", "")),
            state=VlogState(d.get("state", "new")),
            copied=bool(d.get("copied", False)),
            title=str(d.get("title", "")),
            detected_language=str(d.get("detected_language", "")),
            spoken_languages=tuple(str(x) for x in d.get("spoken_languages", ())),
            extra=dict(d.get("extra", {})),
        )


__all__ = ["Consent", "ConsentScope", "Speaker", "Vlog", "VlogState"]
