"""One way to show a time: rounded half up to the tenth, in the app, the CLI and every export."""

from __future__ import annotations

from vlogkit.domain.times import format_clock, format_seconds, format_span


def test_seconds_round_half_up_on_the_milliseconds_not_on_a_float() -> None:
    # 3.05 and 7.45 are not exact floats: f"{x:.1f}" gave 3.0 and 7.5, truncating gave 3.0 and 7.4
    assert [format_seconds(ms) for ms in (0, 49, 50, 3049, 3050, 3060, 7450, 59_950)] == [
        "0.0", "0.0", "0.1", "3.0", "3.1", "3.1", "7.5", "60.0"]
    assert format_seconds(3045, 2) == "3.05" and format_seconds(3045, 3) == "3.045"
    assert format_span(3050, 7450) == "3.1-7.5 s"


def test_the_clock_rounds_the_same_way_and_carries_into_the_minute() -> None:
    assert format_clock(3050) == "0:03.1" and format_clock(7449) == "0:07.4"
    assert format_clock(59_960) == "1:00.0" and format_clock(63_060) == "1:03.1"
