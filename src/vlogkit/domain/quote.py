"""Quotable lines: candidates the finder suggests, and quotes kept in the bank."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from vlogkit.domain.consent import Consent, ConsentScope
from vlogkit.domain.vlog import Speaker


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a candidate scored as it did: a stable `code` for programs, a plain phrase in the vlog's language for
    people, the points it added to (or took from) the score, and the words it found (as spoken), so an app can say
    the same reason in its own language."""

    code: str
    text: str
    points: int | None = None
    words: str = ""

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"code": self.code, "text": self.text}
        if self.points is not None:
            d["points"] = self.points
        if self.words:
            d["words"] = self.words
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Reason:
        p = d.get("points")
        return cls(str(d["code"]), str(d.get("text", "")), int(p) if p is not None else None, str(d.get("words", "")))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A suggested quote. `start`/`end` are clip-ready ms (padded, never cutting a word)."""

    rank: int  # 1 = best
    start: int
    end: int
    text: str  # display text (light filler removal)
    verbatim: str  # exactly what was said
    score: int  # 0..100
    reasons: tuple[Reason, ...]
    language: str
    word_start: int  # index of the first word in transcript.words
    word_end: int  # index one past the last word

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "verbatim": self.verbatim,
            "score": self.score,
            "reasons": [r.to_dict() for r in self.reasons],
            "language": self.language,
            "word_start": self.word_start,
            "word_end": self.word_end,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Candidate:
        return cls(
            rank=int(d["rank"]),
            start=int(d["start"]),
            end=int(d["end"]),
            text=str(d["text"]),
            verbatim=str(d["verbatim"]),
            score=int(d["score"]),
            reasons=tuple(Reason.from_dict(r) for r in d.get("reasons", [])),
            language=str(d.get("language", "")),
            word_start=int(d.get("word_start", 0)),
            word_end=int(d.get("word_end", 0)),
        )


class QuoteStatus(StrEnum):
    CANDIDATE = "candidate"  # saved, nobody reviewed it: internal use only
    APPROVED = "approved"  # reviewed: external use allowed (with the vlog's external consent)
    REJECTED = "rejected"  # never exported

    @classmethod
    def parse(cls, value: object) -> QuoteStatus:
        try:
            return cls(str(value).strip().lower()) if isinstance(value, str) else cls(value)
        except ValueError:
            raise ValueError(f"status '{value}' is not one of candidate, approved, rejected") from None


@dataclass(frozen=True, slots=True)
class Proposal:
    """A change a shared bank file suggested for a quote this library already holds. It is kept beside the quote
    and applied only when someone here accepts it: a file never overrides what this library reviewed."""

    source: str  # the file it came from
    updated: str  # the edit stamp the file carried
    status: QuoteStatus | None = None
    text: str = ""
    verbatim: str = ""
    speaker: Speaker | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"source": self.source, "updated": self.updated}
        if self.status is not None:
            d["status"] = self.status.value
        if self.text:
            d["text"], d["verbatim"] = self.text, self.verbatim
        if self.speaker is not None:
            d["speaker"] = self.speaker.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Proposal:
        sp = d.get("speaker")
        return cls(
            source=str(d.get("source", "")), updated=str(d.get("updated", "")),
            status=QuoteStatus.parse(d["status"]) if d.get("status") else None,
            text=str(d.get("text", "") or ""), verbatim=str(d.get("verbatim", "") or ""),
            speaker=Speaker.from_dict(sp) if isinstance(sp, dict) else None,
        )

    def describe(self) -> str:
        parts = []
        if self.status is not None:
            parts.append(f"status {self.status.value}")
        if self.text:
            parts.append(f"text “{self.text}”")
        if self.speaker is not None:
            parts.append(f"speaker {self.speaker.attribution() or '-'}")
        return f"{', '.join(parts)} (from {self.source}, {self.updated or 'undated'})"


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote in the bank, with the speaker as they were when it was saved.

    `consent` is the quote's own cap (`external` = no narrowing: it follows the vlog). Whether the quote may go to
    an audience is decided by `vlogkit.domain.clearance` from the vlog's current consent in this library, this cap
    and the review `status`. `source_consent` is the vlog's consent as *claimed* by a shared bank file: at most
    internal use of a colleague's quote rests on it, never external use. `approved_by`/`approved_at` record the
    review; editing the text of an approved quote returns it to candidate. `proposals` are changes shared files
    suggested and nobody here accepted yet.
    """

    id: str
    vlog_id: str
    start: int
    end: int
    text: str
    verbatim: str
    language: str
    speaker: Speaker = Speaker()
    tags: tuple[str, ...] = ()
    status: QuoteStatus = QuoteStatus.CANDIDATE
    consent: ConsentScope = ConsentScope.EXTERNAL
    created: str = ""
    updated: str = ""
    note: str = ""
    source_consent: Consent | None = None
    source_title: str = ""
    approved_by: str = ""
    approved_at: str = ""
    proposals: tuple[Proposal, ...] = ()

    def with_(self, **changes: Any) -> Quote:
        return replace(self, **changes)

    @property
    def duration_s(self) -> float:
        return (self.end - self.start) / 1000.0

    def copy_text(self) -> str:
        """`“Quote.” - Name, Role - Team (Company)` (`Speaker.credit()`), the parts that are unknown left out; a
        French quote in « guillemets »."""
        who = self.speaker.credit()
        return quoted(self.text, self.language) + (f" - {who}" if who else "")

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "vlog_id": self.vlog_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "verbatim": self.verbatim,
            "language": self.language,
            "speaker": self.speaker.to_dict(),
            "tags": list(self.tags),
            "status": self.status.value,
            "consent": self.consent.value,
            "created": self.created,
            "updated": self.updated,
            "note": self.note,
            "approved_by": self.approved_by,
            "approved_at": self.approved_at,
        }
        if self.source_consent is not None:
            d["source_consent"] = self.source_consent.to_dict()
        if self.source_title:
            d["source_title"] = self.source_title
        if self.proposals:
            d["proposals"] = [p.to_dict() for p in self.proposals]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        """Read a stored or shared quote. Unknown status or consent values raise ValueError naming the field;
        missing ones fail closed (candidate; cap none). A claimed `source_consent` that cannot be read keeps its
        `problem` (and allows nothing); `bank import` refuses such a file."""
        sc = d.get("source_consent")
        return cls(
            id=str(d["id"]),
            vlog_id=str(d["vlog_id"]),
            start=int(d["start"]),
            end=int(d["end"]),
            text=str(d["text"]),
            verbatim=str(d.get("verbatim", d["text"])),
            language=str(d.get("language", "")),
            speaker=Speaker.from_dict(d.get("speaker")),
            tags=(d["tags"],) if isinstance(d.get("tags"), str) else tuple(str(t) for t in d.get("tags") or []),
            status=QuoteStatus.parse(d.get("status") or "candidate"),
            consent=ConsentScope.parse(d.get("consent") or "none", "consent"),
            created=str(d.get("created", "")),
            updated=str(d.get("updated", "")),
            note=str(d.get("note", "") or ""),
            source_consent=Consent.from_dict(sc) if isinstance(sc, dict) else None,  # unreadable: `problem` set
            source_title=str(d.get("source_title", "") or ""),
            approved_by=str(d.get("approved_by", "") or ""),
            approved_at=str(d.get("approved_at", "") or ""),
            proposals=tuple(Proposal.from_dict(p) for p in d.get("proposals") or [] if isinstance(p, dict)),
        )


def typeset(text: str) -> str:
    """A quote's text as printed on a card or a slide: a typewriter apostrophe between letters becomes a typographic
    one ("l'équipe" -> "l’équipe", "don't" -> "don’t"); the words stay as said."""
    return re.sub(r"(?<=\w)'(?=\w)", "\u2019", text)


def quoted(text: str, language: str = "") -> str:
    """A quote's text in the quotation marks of its language: « … » in French (with no-break spaces), “…” else."""
    body = text.strip().strip("\"“”„«» \u00a0")
    if (language or "").lower().startswith("fr"):
        return f"«\u00a0{body}\u00a0»"
    return f"“{body}”"
