"""Turning stored rows into domain values, one damaged row at a time: a hand-edited or half-restored record is named
and skipped, never allowed to break every command."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from vlogkit.errors import N_, LibraryError

T = TypeVar("T")
log = logging.getLogger(__name__)


def describe(row: Any, exc: BaseException) -> str:
    doc_id = getattr(row, "doc_id", "?")
    rid = row.get("id") if isinstance(row, dict) else None
    reason = f"{exc.__class__.__name__}: {exc}" if str(exc) else exc.__class__.__name__
    return f"record {doc_id} (id {str(rid)[:40]!r}): {reason[:120]}"


def parse_one(row: Any, parse: Callable[[dict[str, Any]], T], path: Path) -> T:
    try:
        return parse(dict(row))
    except Exception as exc:  # noqa: BLE001 - any shape of damage in a stored row
        raise LibraryError(N_("{path}: {record} is damaged; `vlogkit doctor` lists such records - fix it by hand or "
                              "restore a backup."), path=path, record=describe(row, exc)) from exc


def parse_all(rows: Iterable[Any], parse: Callable[[dict[str, Any]], T], path: Path) -> tuple[list[T], list[str]]:
    """(the values of the rows that parse, a description of each row that does not)."""
    good: list[T] = []
    damaged: list[str] = []
    for row in rows:
        try:
            good.append(parse(dict(row)))
        except Exception as exc:  # noqa: BLE001 - any shape of damage in a stored row
            damaged.append(describe(row, exc))
    if damaged:
        log.warning("%s: skipped %d damaged record(s): %s", path, len(damaged), "; ".join(damaged))
    return good, damaged
