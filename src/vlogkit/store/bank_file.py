"""Reading a shared bank file (`vlogkit bank export --format json`): bounded in size, checked field by field.

Whatever the file holds, the result is a list of well-formed `Quote`s or one `UsageError` that names the quote and
the field ("quote 3: 'start' must be a whole number of milliseconds ..."). Ids are checked against the id shapes,
so nothing read from a file can become a path.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from vlogkit.domain import Consent, ConsentScope, Quote, QuoteStatus
from vlogkit.domain.ids import is_quote_id, is_vlog_id
from vlogkit.errors import N_, UsageError
from vlogkit.fileutil import read_bounded

BANK_FORMAT = "vlogkit-bank"
BANK_FORMAT_VERSION = 1
MAX_FILE_BYTES = 64 << 20  # 64 MiB: about 150,000 quotes
MAX_QUOTES = 200_000
MAX_MS = 48 * 3600 * 1000  # a quote lies within 48 h of media
MAX_TEXT = 10_000
MAX_SHORT = 400
MAX_TAGS = 100


_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


class _Bad(Exception):
    def __init__(self, field: str, why: str) -> None:
        super().__init__(f"'{field}' {why}")


def read_bank_file(path: Path) -> list[Quote]:
    """The quotes of a bank file on disk (at most `MAX_FILE_BYTES`; a device such as /dev/zero is refused)."""
    p = Path(path)
    if not p.exists():
        raise UsageError(f"{p} does not exist.")
    raw = read_bounded(p, MAX_FILE_BYTES, N_("bank file"), error=UsageError)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{p} cannot be read as a vlogkit bank export (not UTF-8 text).") from exc
    return parse_bank(text, str(p))


def _no_constants(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_bank(text: str, name: str = "the file") -> list[Quote]:
    """Quotes from the text of a bank file; a clear error naming the quote and field for anything else."""
    try:
        doc = json.loads(text, parse_constant=_no_constants)
    except (ValueError, RecursionError) as exc:
        raise UsageError(f"{name} is not JSON ({exc.__class__.__name__}): give a file made by "
                         f"`vlogkit bank export --format json`.") from exc
    if not isinstance(doc, dict) or doc.get("format") != BANK_FORMAT:
        raise UsageError(f"{name} is not a vlogkit bank export: make one with `vlogkit bank export --format json`.")
    version = doc.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UsageError(f"{name}: the bank format version must be a whole number, not {_show(version)}.")
    if version > BANK_FORMAT_VERSION:
        raise UsageError(f"{name} was made by a newer vlogkit (bank format {version}); update vlogkit.")
    items = doc.get("quotes")
    if not isinstance(items, list):
        raise UsageError(f"{name}: 'quotes' must be a list of quotes; nothing was imported.")
    if len(items) > MAX_QUOTES:
        raise UsageError(f"{name} holds {len(items)} quotes, more than {MAX_QUOTES}: split it; nothing was imported.")
    quotes = []
    for i, d in enumerate(items, 1):
        try:
            quotes.append(_quote(d))
        except _Bad as exc:
            raise UsageError(f"{name}: quote {i}: {exc}; nothing was imported.") from None
    return quotes


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=True) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _text(d: dict[str, Any], field: str, *, limit: int = MAX_SHORT, required: bool = False, default: str = "") -> str:
    value = d.get(field)
    if value is None:
        if required:
            raise _Bad(field, "is missing")
        return default
    if not isinstance(value, str):
        raise _Bad(field, f"must be text, not {_show(value)}")
    if len(value) > limit:
        raise _Bad(field, f"is longer than {limit} characters")
    if _UNSAFE.search(value):
        raise _Bad(field, "holds control characters or broken Unicode (a terminal escape, a NUL, a lone surrogate)")
    if required and not value.strip():
        raise _Bad(field, "is empty")
    return value


def _ms(d: dict[str, Any], field: str) -> int:
    value = d.get(field)
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Bad(field, f"must be a whole number of milliseconds, not {_show(value)}")
    if not 0 <= value <= MAX_MS:
        raise _Bad(field, f"must be between 0 and {MAX_MS} ms, not {value}")
    return value


def _choice(d: dict[str, Any], field: str, allowed: list[str], default: str) -> str:
    value = d.get(field, default)
    if value not in allowed:
        raise _Bad(field, f"must be one of {', '.join(allowed)}, not {_show(value)}")
    return str(value)


def _tags(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):  # `"tags": "secret"` is one tag, not six letters
        value = [value]
    if not isinstance(value, list) or len(value) > MAX_TAGS:
        raise _Bad("tags", f"must be a list of at most {MAX_TAGS} words, not {_show(value)}")
    for t in value:
        if not isinstance(t, str) or len(t) > 100 or _UNSAFE.search(t):
            raise _Bad("tags", f"must hold words (plain text), not {_show(t)}")
    return value


def _speaker(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _Bad("speaker", f"must be an object with name, role, team and company, not {_show(value)}")
    out = {}
    for k in ("name", "role", "team", "company"):
        v = value.get(k)
        if v is not None and (not isinstance(v, str) or len(v) > MAX_SHORT or _UNSAFE.search(v)):
            raise _Bad("speaker", f"{k} must be plain text of at most {MAX_SHORT} characters, not {_show(v)}")
        out[k] = v or ""
    return out


def _source_consent(value: Any) -> dict[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _Bad("source_consent", f"must be an object with a scope, not {_show(value)}")
    scope = value.get("scope", "none")
    if scope not in [c.value for c in ConsentScope]:
        raise _Bad("source_consent", f"scope must be none, internal or external, not {_show(scope)}")
    for k in ("date", "expires"):
        v = value.get(k)
        if v is not None and (not isinstance(v, str) or len(v) > 64):
            raise _Bad("source_consent", f"{k} must be a date as text, not {_show(v)}")
    problem = Consent.from_dict(value).problem  # a date in no ISO 8601 form, say (2026-9-30)
    if problem:
        raise _Bad("source_consent", problem)
    return dict(value)


def _quote(d: Any) -> Quote:
    if not isinstance(d, dict):
        raise _Bad("quote", f"must be an object, not {_show(d)}")
    qid = d.get("id")
    if not is_quote_id(qid):
        raise _Bad("id", f"must be a quote id such as qabc234 (q and 4-32 of a-z, 2-9), not {_show(qid)}")
    vid = d.get("vlog_id")
    if not is_vlog_id(vid):
        raise _Bad("vlog_id", f"must be a vlog id such as k3x9qa (4-32 of a-z, 2-9), not {_show(vid)}")
    start, end = _ms(d, "start"), _ms(d, "end")
    if end <= start:
        raise _Bad("end", f"must come after 'start' ({start} ms), not {end} ms")
    text = _text(d, "text", limit=MAX_TEXT, required=True)
    clean: dict[str, Any] = dict(d)
    clean.update(
        id=qid, vlog_id=vid, start=start, end=end, text=text,
        verbatim=_text(d, "verbatim", limit=MAX_TEXT, default=text),
        language=_text(d, "language", limit=16),
        speaker=_speaker(d.get("speaker")), tags=_tags(d.get("tags")),
        status=_choice(d, "status", [s.value for s in QuoteStatus], QuoteStatus.CANDIDATE.value),
        consent=_choice(d, "consent", [c.value for c in ConsentScope], ConsentScope.NONE.value),
        created=_text(d, "created", limit=64), updated=_text(d, "updated", limit=64),
        note=_text(d, "note", limit=MAX_TEXT), source_title=_text(d, "source_title"),
    )
    for own in ("proposals", "approved_by", "approved_at"):  # the sender's review is never taken over
        clean.pop(own, None)
    sc = _source_consent(d.get("source_consent"))
    if sc is None:
        clean.pop("source_consent", None)
    else:
        clean["source_consent"] = sc
    try:
        return Quote.from_dict(clean)
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise _Bad("quote", f"is incomplete or damaged ({exc})") from exc
