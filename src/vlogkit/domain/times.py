"""How a time in integer milliseconds is shown to people: rounded to the nearest tenth of a second (half up), the same
in the app, the CLI and every export, so one quote never reads 3.0 s in one place and 3.1 s in another."""

from __future__ import annotations


def _rounded(ms: int, digits: int) -> tuple[int, int]:
    """(whole seconds, fraction in units of 10**-digits), rounded half up on the integer milliseconds."""
    unit = 10 ** (3 - digits)
    n = (ms + unit // 2) // unit if digits < 3 else ms
    return divmod(n, 10**digits)


def format_seconds(ms: int, digits: int = 1) -> str:
    """`3060` -> `"3.1"`; `digits` (0-3) decimals, rounded half up."""
    whole, frac = _rounded(ms, digits)
    return f"{whole}.{frac:0{digits}d}" if digits else str(whole)


def format_span(start_ms: int, end_ms: int) -> str:
    """`(3060, 7460)` -> `"3.1-7.5 s"`: a quote's or clip's times as the CLI and text exports show them."""
    return f"{format_seconds(start_ms)}-{format_seconds(end_ms)} s"


def format_clock(ms: int) -> str:
    """`63060` -> `"1:03.1"`: minutes, seconds and the tenth, rounded like `format_seconds` (the app's players,
    quote cards and bank)."""
    whole, tenth = _rounded(ms, 1)
    return f"{whole // 60}:{whole % 60:02d}.{tenth}"
