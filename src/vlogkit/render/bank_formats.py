"""Bank exports as text: CSV (UTF-8 with BOM, formula-safe), Markdown (escaped) and the JSON a colleague imports."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from vlogkit.catalogue import VALUE_WORDS, say
from vlogkit.domain import Consent, ConsentScope, Quote
from vlogkit.domain.quote import quoted
from vlogkit.domain.times import format_seconds, format_span
from vlogkit.errors import N_
from vlogkit.store.bank_file import BANK_FORMAT, BANK_FORMAT_VERSION

CSV_COLUMNS = [
    "id", "text", "copy_text", "speaker", "role", "team", "company", "language", "tags", "status", "approved_by",
    "approved_at", "consent", "vlog_id", "start_s", "end_s", "created", "updated", "note", "verbatim",
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


PRIVATE_FIELDS = ("note", "verbatim")  # internal working material: never in a file for an external audience


def to_csv(rows: Sequence[Row], audience: str = "internal", separator: str = ",") -> bytes:
    """UTF-8 with a BOM (Excel then reads accents right), cells between `separator`s: "," or ";" (what Excel opens
    where a comma is the decimal mark)."""
    columns = [c for c in CSV_COLUMNS if audience == "internal" or c not in PRIVATE_FIELDS]
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=separator, lineterminator="\r\n")
    writer.writerow(columns)
    for r in rows:
        q = r.quote
        values = {
            "id": q.id, "text": q.text, "copy_text": q.copy_text(), "speaker": q.speaker.name, "role": q.speaker.role,
            "team": q.speaker.team, "company": q.speaker.company, "language": q.language, "tags": "; ".join(q.tags),
            "status": q.status.value, "approved_by": q.approved_by, "approved_at": q.approved_at,
            "consent": r.scope.value, "vlog_id": q.vlog_id, "start_s": format_seconds(q.start, 2),
            "end_s": format_seconds(q.end, 2), "created": q.created, "updated": q.updated, "note": q.note,
            "verbatim": q.verbatim,
        }
        writer.writerow([safe_cell(values.get(c, "")) for c in columns])
    return buf.getvalue().encode("utf-8-sig")


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+!|~])")


def md_escape(text: str) -> str:
    """Escape Markdown and inline HTML so what people said shows as typed."""
    text = _MD_SPECIAL.sub(r"\\\1", text.replace("\r", " ").replace("\n", " "))
    return re.sub(r"^(\s*)([-=]|\d+\.)", r"\1\\\2", text)


def to_markdown(rows: Sequence[Row], title: str, audience: str = "internal", language: str = "en") -> str:
    """The quotes as Markdown, each line under it (status, consent, where in the vlog) in `language`, the app's."""
    out = [f"# {md_escape(title)}", ""]
    for r in rows:
        q = r.quote
        who = q.speaker.credit()
        out.append(f"> {md_escape(quoted(q.text, q.language))}")
        if who.strip():
            out.append(">")
            out.append(f"> — {md_escape(who.strip())}")
        status = say(VALUE_WORDS.get(q.status.value, q.status.value), language)
        if q.approved_by:
            status = say(N_("{status} by {who}"), language, status=status, who=q.approved_by)
        scope = say(VALUE_WORDS.get(r.scope.value, r.scope.value), language)
        meta = [md_escape(q.id), md_escape(q.language), md_escape(status),
                md_escape(say(N_("consent: {scope}"), language, scope=scope)),
                md_escape(say(N_("vlog {vlog} {span}"), language, vlog=q.vlog_id, span=format_span(q.start, q.end)))]
        if q.tags:
            meta.append(md_escape(say(N_("tags: {tags}"), language, tags=", ".join(q.tags))))
        out += ["", " · ".join(meta), ""]
        if q.note and audience == "internal":
            out += [f"*{say(N_('Note:'), language)}* {md_escape(q.note)}", ""]
    return "\n".join(out).rstrip() + "\n"


def to_json(rows: Sequence[Row], *, audience: str, exported: str) -> str:
    quotes = []
    for r in rows:
        d = r.quote.to_dict()
        d.pop("proposals", None)  # this library's review work, not part of what it shares
        if audience != "internal":
            for k in PRIVATE_FIELDS:
                d.pop(k, None)
        if r.vlog_consent is not None:
            d["source_consent"] = r.vlog_consent.to_dict()
        d["effective_consent"] = r.scope.value
        d["copy_text"] = r.quote.copy_text()
        quotes.append(d)
    doc = {"format": BANK_FORMAT, "version": BANK_FORMAT_VERSION, "exported": exported, "audience": audience,
           "count": len(quotes), "quotes": quotes}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def parse_json(text: str, name: str = "the file") -> list[Quote]:
    """Quotes from a vlogkit bank JSON export, checked field by field (see `store.bank_file`)."""
    from vlogkit.store.bank_file import parse_bank

    return parse_bank(text, name)
