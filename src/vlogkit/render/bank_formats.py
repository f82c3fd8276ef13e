"""Bank exports as text: CSV (UTF-8 with BOM, formula-safe), Markdown (escaped) and the JSON a colleague imports."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from vlogkit.domain import Consent, ConsentScope, Quote
from vlogkit.errors import UsageError

BANK_FORMAT = "vlogkit-bank"
BANK_FORMAT_VERSION = 1

CSV_COLUMNS = [
    "id", "text", "copy_text", "speaker", "role", "team", "company", "language", "tags", "status", "consent",
    "vlog_id", "start_s", "end_s", "created", "updated", "note", "verbatim",
]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Row:
    quote: Quote
    scope: ConsentScope  # effective consent scope
    vlog_consent: Consent | None = None  # the vlog's consent, carried in shared files


def safe_cell(value: Any) -> str:
    """Neutralise spreadsheet formulas: a cell starting with = + - @ tab or CR gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(rows: Sequence[Row]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        q = r.quote
        values = [
            q.id, q.text, q.copy_text(), q.speaker.name, q.speaker.role, q.speaker.team, q.speaker.company, q.language,
            "; ".join(q.tags), q.status.value, r.scope.value, q.vlog_id, f"{q.start / 1000:.2f}", f"{q.end / 1000:.2f}",
            q.created, q.updated, q.note, q.verbatim,
        ]
        writer.writerow([safe_cell(v) for v in values])
    return buf.getvalue().encode("utf-8-sig")


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+!|~])")


def md_escape(text: str) -> str:
    """Escape Markdown and inline HTML so what people said shows as typed."""
    text = _MD_SPECIAL.sub(r"\\\1", text.replace("\r", " ").replace("\n", " "))
    return re.sub(r"^(\s*)([-=]|\d+\.)", r"\1\\\2", text)


def to_markdown(rows: Sequence[Row], title: str) -> str:
    out = [f"# {md_escape(title)}", ""]
    for r in rows:
        q = r.quote
        who = q.speaker.attribution() + (f" ({q.speaker.company})" if q.speaker.company else "")
        out.append(f"> “{md_escape(q.text.strip())}”")
        if who.strip():
            out.append(">")
            out.append(f"> — {md_escape(who.strip())}")
        meta = [f"`{q.id}`", q.language, q.status.value, f"consent: {r.scope.value}",
                f"vlog {md_escape(q.vlog_id)} {q.start / 1000:.1f}-{q.end / 1000:.1f} s"]
        if q.tags:
            meta.append("tags: " + ", ".join(md_escape(t) for t in q.tags))
        out += ["", " · ".join(meta), ""]
        if q.note:
            out += [f"*Note:* {md_escape(q.note)}", ""]
    return "\n".join(out).rstrip() + "\n"


def to_json(rows: Sequence[Row], *, audience: str, exported: str) -> str:
    quotes = []
    for r in rows:
        d = r.quote.to_dict()
        if r.vlog_consent is not None:
            d["source_consent"] = r.vlog_consent.to_dict()
        d["effective_consent"] = r.scope.value
        d["copy_text"] = r.quote.copy_text()
        quotes.append(d)
    doc = {"format": BANK_FORMAT, "version": BANK_FORMAT_VERSION, "exported": exported, "audience": audience,
           "count": len(quotes), "quotes": quotes}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def parse_json(text: str, name: str = "the file") -> list[Quote]:
    """Quotes from a vlogkit bank JSON export; a clear error for anything else."""
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise UsageError(f"{name} is not JSON ({exc.__class__.__name__}): give a file made by "
                         f"`vlogkit bank export --format json`.") from exc
    if not isinstance(doc, dict) or doc.get("format") != BANK_FORMAT or not isinstance(doc.get("quotes"), list):
        raise UsageError(f"{name} is not a vlogkit bank export: make one with `vlogkit bank export --format json`.")
    if int(doc.get("version", 0)) > BANK_FORMAT_VERSION:
        raise UsageError(f"{name} was made by a newer vlogkit (bank format {doc['version']}); update vlogkit.")
    quotes = []
    for i, d in enumerate(doc["quotes"], 1):
        try:
            quotes.append(Quote.from_dict(d))
        except (KeyError, ValueError, TypeError) as exc:
            raise UsageError(f"{name}: quote {i} is incomplete or damaged ({exc}); nothing was imported.") from exc
    return quotes
