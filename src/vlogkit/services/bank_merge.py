"""How a quote from a colleague's bank file is merged into this bank: it never widens consent and never overrides
a review made here; what differs becomes a proposal."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vlogkit.domain import Consent, ConsentScope, Proposal, Quote, QuoteStatus


@dataclass
class ImportReport:
    """What `vlogkit bank import` did with a colleague's file."""

    path: Path
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    proposals: int = 0  # changes to quotes held here, kept as proposals for someone here to accept
    refused: list[str] = field(default_factory=list)  # "qid: why" for quotes not taken in


def as_received(q: Quote, source: str) -> Quote:
    """A quote as it enters from a file: no approval of its own (a claimed approval becomes a proposal), no
    proposals of the sender's."""
    proposals: tuple[Proposal, ...] = ()
    status = q.status
    if status is QuoteStatus.APPROVED:
        status = QuoteStatus.CANDIDATE
        proposals = (Proposal(source=source, updated=q.updated, status=QuoteStatus.APPROVED),)
    return q.with_(status=status, approved_by="", approved_at="", proposals=proposals)


def resolve(existing: Quote, incoming: Quote, source: str = "") -> Quote:
    """What to keep when a file holds a quote this bank has: the quote as reviewed here; the file's different
    status, text or speaker as a proposal; tags added; consent cap and claim narrowed, never widened."""
    claimed = next((p.status for p in incoming.proposals if p.status is not None), incoming.status)
    change = Proposal(
        source=source, updated=incoming.updated,
        status=claimed if claimed is not existing.status else None,
        text=incoming.text if incoming.text != existing.text else "",
        verbatim=incoming.verbatim if incoming.text != existing.text else "",
        speaker=incoming.speaker if incoming.speaker != existing.speaker else None,
    )
    proposals = existing.proposals
    if (change.status, change.text, change.speaker) != (None, "", None) and not any(
            (p.status, p.text, p.speaker) == (change.status, change.text, change.speaker) for p in proposals):
        proposals = (*proposals, change)
    return existing.with_(
        tags=clean_tags((*existing.tags, *incoming.tags)),
        consent=ConsentScope.narrower(existing.consent, incoming.consent),
        source_consent=narrower_claim(existing.source_consent, incoming.source_consent),
        created=min(existing.created, incoming.created) if existing.created and incoming.created else existing.created,
        proposals=proposals,
    )


def narrower_claim(a: Consent | None, b: Consent | None) -> Consent | None:
    """The narrower of two claimed consents; no claim (None) is the narrowest (nothing rests on it)."""
    if a is None or b is None:
        return None
    if a.problem or b.problem:
        return a if a.problem else b
    if a.scope.rank != b.scope.rank:
        return a if a.scope.rank < b.scope.rank else b
    if a.expires is None or b.expires is None:
        return a if b.expires is None else b
    return a if a.expires <= b.expires else b


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for t in tags:
        t = str(t).strip()
        if t and t.casefold() not in seen:
            seen[t.casefold()] = t
    return tuple(seen.values())
