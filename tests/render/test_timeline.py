"""Ranges, jump cuts and --tighten on words with known times; words re-timed onto the clip clock."""

from __future__ import annotations

import pytest

from vlogkit.domain import Word
from vlogkit.errors import UsageError
from vlogkit.render.timeline import Tighten, build_timeline, is_filler, validate_ranges


def w(text: str, start: int, end: int, **kw: object) -> Word:
    return Word(text, start, end, 0.9, **kw)


WORDS = [
    w("We", 1000, 1200), w("ship", 1250, 1600), w("today.", 1650, 2000),
    # a 2 s pause
    w("um", 4000, 4300), w("Really", 4350, 4700), w("proud.", 4750, 5200),
    w("uh", 5300, 5500), w("Thanks.", 5550, 6000),
]


def test_one_range_keeps_everything_and_retimes_words_to_the_clip() -> None:
    tl = build_timeline([(900, 2100)], WORDS)
    assert tl.duration == 1200 and tl.cuts == 0
    assert [(x.display, x.start, x.end) for x in tl.retime(WORDS)] == [("We", 100, 300), ("ship", 350, 700),
                                                                        ("today.", 750, 1100)]


def test_several_ranges_are_jump_cuts_in_time_order() -> None:
    tl = build_timeline([(4300, 5200), (1000, 2000)], WORDS)
    assert [(p.start, p.end) for p in tl.pieces] == [(1000, 2000), (4300, 5200)]
    assert tl.duration == 1900
    moved = {x.display: x.start for x in tl.retime(WORDS)}
    assert moved["Really"] == 1000 + 50 and "um" not in moved


def test_tighten_shortens_the_long_pause_and_drops_fillers() -> None:
    tl = build_timeline([(900, 6100)], WORDS, tighten=Tighten(max_pause_ms=600, keep_pause_ms=300))
    assert tl.duration < 5200 - 1700  # the 2 s pause (with the "um" in it) shrank to 0.3 s
    kept = [x.display for x in tl.retime(WORDS)]
    assert kept == ["We", "ship", "today.", "Really", "proud.", "Thanks."]
    # what was said keeps its own length and order on the new clock
    new = tl.retime(WORDS)
    for a, b in zip(new, new[1:], strict=False):
        assert a.end <= b.start
    assert new[3].start - new[2].end <= 300 + 20


def test_frame_snapping_keeps_audio_and_video_cuts_together() -> None:
    tl = build_timeline([(1010, 2020), (3010, 4020)], WORDS, fps=30)
    inner = [tl.pieces[0].end, tl.pieces[1].start]  # the jump cut: on the frame grid
    assert all(abs(t * 30 / 1000 - round(t * 30 / 1000)) < 0.05 for t in inner)
    assert (tl.start, tl.end) == (1010, 4020)  # the clip's own edges stay where they were asked for


def test_user_marked_fillers_and_dutch_french_fillers_count() -> None:
    assert is_filler(w("euh", 0, 1)) and is_filler(w("Ehm,", 0, 1)) and is_filler(w("like", 0, 1, filler=True))
    assert not is_filler(w("um", 0, 1, corrected="umbrella"))


def test_tighten_cuts_the_fillers_the_quote_text_leaves_out_and_keeps_dutch_er() -> None:
    from vlogkit.quotes.text import display_text

    said = [w("Er", 0, 100), w("is,", 150, 250), w("ah,", 300, 400), w("koffie.", 450, 600)]
    assert display_text(said) == "Er is, koffie."
    assert [is_filler(x) for x in said] == [False, False, True, False]


@pytest.mark.parametrize("ranges", [[(2000, 1000)], [(500, 500)], [(-5, 100)], [(50_000, 60_000)], []])
def test_nonsense_ranges_are_refused_with_a_message(ranges: list[tuple[int, int]]) -> None:
    with pytest.raises(UsageError):
        validate_ranges(ranges, media_ms=46_500)


def test_overlapping_ranges_merge_and_the_end_is_clamped_to_the_media() -> None:
    assert validate_ranges([(1000, 3000), (2500, 4000), (45_000, 99_000)], 46_500) == [(1000, 4000), (45_000, 46_500)]


def test_frame_snapping_keeps_the_clip_inside_the_asked_range() -> None:
    # the numbers of the red test in issue 13: 8.88-14.64 s at 30 fps used to become 8.867-14.633 (5766 ms > 5760)
    tl = build_timeline([(8880, 14640)], fps=30.0)
    assert (tl.start, tl.end, tl.duration) == (8880, 14640, 5760)
    word = Word("country.", 14400, 14800)  # still being said when the range ends
    (retimed,) = tl.retime([word])
    assert retimed.end <= tl.duration
