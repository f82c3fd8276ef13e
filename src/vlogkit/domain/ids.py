"""The shape of vlog and quote ids. An id read from a file is checked against these before it is used anywhere."""

from __future__ import annotations

import re

ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: easy to type from a screen
_VLOG_ID = re.compile(r"[a-z2-9]{4,32}")
_QUOTE_ID = re.compile(r"q[a-z2-9]{4,32}")


def is_vlog_id(value: object) -> bool:
    return isinstance(value, str) and _VLOG_ID.fullmatch(value) is not None


def is_quote_id(value: object) -> bool:
    return isinstance(value, str) and _QUOTE_ID.fullmatch(value) is not None
