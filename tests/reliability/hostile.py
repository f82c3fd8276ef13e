"""The hostile-file corpus (issue 18): crafted bank files and backups, built in the test's own folder.

`MALFORMED_BANK_FILES` holds bank files a hand edit or an attacker could produce, each with the field the error must
name; `crafted_backup()` writes a zip made to look like a vlogkit backup.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any


def quote_dict(**overrides: Any) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": "qabcdef", "vlog_id": "k3x9qa", "start": 1000, "end": 4000, "text": "We make care personal.",
        "verbatim": "Uh, we make care personal.", "language": "en",
        "speaker": {"name": "An Peeters", "role": "Nurse", "team": "", "company": ""},
        "tags": ["care"], "status": "candidate", "consent": "internal", "created": "2026-01-02T10:00:00+00:00",
        "updated": "2026-01-02T10:00:00+00:00", "note": "",
    }
    d.update(overrides)
    return d


def bank_doc(quotes: list[Any], **overrides: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {"format": "vlogkit-bank", "version": 1, "exported": "2026-01-02T10:00:00+00:00",
                           "audience": "internal", "count": len(quotes), "quotes": quotes}
    doc.update(overrides)
    return doc


def bank_file(path: Path, quotes: list[Any], **overrides: Any) -> Path:
    path.write_text(json.dumps(bank_doc(quotes, **overrides)), encoding="utf-8")
    return path


# (name, document or raw text, what the error must mention)
MALFORMED_BANK_FILES: list[tuple[str, Any, str]] = [
    ("quote is a string", bank_doc(["not a quote"]), "quote 1"),
    ("quote is a list", bank_doc([[1, 2]]), "quote 1"),
    ("speaker is a string", bank_doc([quote_dict(speaker="An")]), "'speaker'"),
    ("tags is a number", bank_doc([quote_dict(tags=5)]), "'tags'"),
    ("tags hold objects", bank_doc([quote_dict(tags=[{"a": 1}])]), "'tags'"),
    ("start is text", bank_doc([quote_dict(start="soon")]), "'start'"),
    ("start is null", bank_doc([quote_dict(start=None)]), "'start'"),
    ("start is a float NaN", '{"format": "vlogkit-bank", "version": 1, "quotes": [' +
     json.dumps(quote_dict())[:-1] + ', "start": NaN}]}', "not JSON"),
    ("end before start", bank_doc([quote_dict(start=5000, end=1000)]), "'end'"),
    ("negative start", bank_doc([quote_dict(start=-5)]), "'start'"),
    ("huge start", bank_doc([quote_dict(start=10**30)]), "'start'"),
    ("text is a list", bank_doc([quote_dict(text=["a"])]), "'text'"),
    ("text is empty", bank_doc([quote_dict(text="  ")]), "'text'"),
    ("unknown status", bank_doc([quote_dict(status="published")]), "'status'"),
    ("unknown consent", bank_doc([quote_dict(consent="everyone")]), "'consent'"),
    ("source consent is a string", bank_doc([quote_dict(source_consent="external")]), "'source_consent'"),
    ("source consent scope unknown", bank_doc([quote_dict(source_consent={"scope": "world"})]), "'source_consent'"),
    ("version is text", bank_doc([quote_dict()], version="two"), "version"),
    ("quotes is an object", {**bank_doc([]), "quotes": {"a": 1}}, "quotes"),
    ("missing text", bank_doc([{k: v for k, v in quote_dict().items() if k != "text"}]), "'text'"),
    ("deeply nested", '{"format": "vlogkit-bank", "version": 1, "quotes": [' + "[" * 100000 + "]" * 100000 + "]}",
     "JSON"),
    ("note is an object", bank_doc([quote_dict(note={"x": 1})]), "'note'"),
    ("language is a number", bank_doc([quote_dict(language=7)]), "'language'"),
]


def write_malformed(folder: Path, index: int) -> tuple[Path, str, str]:
    name, doc, needle = MALFORMED_BANK_FILES[index]
    p = folder / f"malformed-{index}.json"
    p.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return p, name, needle


def crafted_backup(path: Path, entries: dict[str, bytes | str], marker: bool = True,
                   compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """A zip that looks like a vlogkit backup, holding `entries` (name -> content)."""
    with zipfile.ZipFile(path, "w", compression) as zf:
        if marker:
            zf.writestr("vlogkit-backup.txt", "vlogkit backup of /somewhere made 2026-01-01T00:00:00\n")
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def library_doc(vlogs: list[dict[str, Any]], log: list[dict[str, Any]] | None = None,
                schema: int = 1) -> str:
    doc: dict[str, Any] = {"_meta": {"1": {"schema_version": schema}},
                           "vlogs": {str(i + 1): v for i, v in enumerate(vlogs)}}
    if log is not None:
        doc["export_log"] = {str(i + 1): e for i, e in enumerate(log)}
    return json.dumps(doc)


def vlog_dict(vid: str = "k3x9qa", path: str = "/old/machine/videos/an.mp4", **overrides: Any) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": vid, "path": path, "fingerprint": "f" * 32,
        "media": {"duration_ms": 3000, "container": "mov,mp4", "video": [], "audio": [
            {"channels": 1, "sample_rate": 44100, "codec": "aac"}], "size_bytes": 1000},
        "speaker": {"name": "An Peeters"}, "language": "en", "consent": {"scope": "internal", "date": "2026-01-01"},
        "created": "2026-01-01T10:00:00+00:00", "state": "new", "copied": False, "title": "an",
    }
    d.update(overrides)
    return d
