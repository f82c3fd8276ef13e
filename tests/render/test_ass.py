"""ASS captions: what people said can never become an override tag; karaoke highlights the spoken word."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import numpy as np

from vlogkit.domain import Word
from vlogkit.domain.export import PRESETS, CaptionStyle, ExportPreset
from vlogkit.render.ass import LowerThird, ass_color, build_ass, escape_text
from vlogkit.render.captions import events_for
from vlogkit.render.ffmpeg_graph import escape_value
from vlogkit.render.fonts import fonts_dir

SMALL = ExportPreset("small", 480, 270, caption_chars=40, caption_size=0.05)


def words(*texts: str, start: int = 0, step: int = 400) -> list[Word]:
    return [Word(t, start + i * step, start + i * step + 300, 0.9) for i, t in enumerate(texts)]


def doc_for(ws: list[Word], preset: ExportPreset, style: CaptionStyle, **kw: object) -> str:
    return build_ass(events_for(ws, style, preset), preset, **kw)  # type: ignore[arg-type]


def dialogues(doc: str, plain: bool = False) -> list[str]:
    """The Dialogue texts; `plain`: without vlogkit's wide-space overrides."""
    texts = [line.split(",", 9)[9] for line in doc.splitlines() if line.startswith("Dialogue:")]
    return [re.sub(r"\{\\fsp\d+\}", "", t) for t in texts] if plain else texts


def test_escape_defuses_tags_braces_backslashes_and_newlines() -> None:
    out = escape_text("say {\\b1}bold\\N and \\h\nnext")
    assert "{" not in out.replace("\\{", "") and "}" not in out.replace("\\}", "")
    assert "\\N" not in out and "\\h" not in out and "\\b1" not in out
    assert "\n" not in out


def render(ass_text: str, tmp_path: Path, ffmpeg_exe: str, name: str) -> np.ndarray:
    ass = tmp_path / f"{name}.ass"
    ass.write_text(ass_text, encoding="utf-8")
    vf = f"ass=filename={escape_value(str(ass))}:fontsdir={escape_value(str(fonts_dir()))}"
    raw = subprocess.run(
        [ffmpeg_exe, "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "color=c=gray:s=480x270:d=1",
         "-vf", vf, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "-"], capture_output=True, check=True,
    ).stdout
    return np.frombuffer(raw, np.uint8).reshape(270, 480)


def ink(frame: np.ndarray) -> tuple[int, int]:
    """(columns, rows) where the caption drew something."""
    mask = np.abs(frame.astype(int) - 128) > 60
    return int(mask.any(axis=0).sum()), int(mask.any(axis=1).sum())


def test_libass_draws_tag_like_text_as_text(tmp_path: Path, ffmpeg_exe: str) -> None:
    hostile = doc_for(words("{\\b1}x\\Ny{\\fs200}"), SMALL, CaptionStyle.LINE)
    plain = doc_for(words("x"), SMALL, CaptionStyle.LINE)
    real_break = doc_for(words("x"), SMALL, CaptionStyle.LINE).replace(",,x", ",,x\\Ny")
    cols_h, rows_h = ink(render(hostile, tmp_path, ffmpeg_exe, "hostile"))
    cols_p, rows_p = ink(render(plain, tmp_path, ffmpeg_exe, "plain"))
    _, rows_b = ink(render(real_break, tmp_path, ffmpeg_exe, "break"))
    assert cols_h > 6 * cols_p  # the braces, backslashes and tag names are drawn, not swallowed
    assert rows_h < rows_b * 0.75  # "\N" said out loud stays on one line; a real \N makes two
    assert rows_h < 60  # and "{\fs200}" did not blow the font up


def test_karaoke_has_one_event_per_word_with_only_that_word_highlighted() -> None:
    doc = doc_for(words("Ask", "not", "what"), PRESETS["reel"], CaptionStyle.KARAOKE)
    ev = dialogues(doc)
    assert len(ev) == 3
    hl = "\\1c&H00C4FF&"
    assert all(e.count(hl) == 1 for e in ev)
    assert ev[1].index(hl) < ev[1].index("not") < ev[1].index("\\1c&HFFFFFF&")


def test_line_style_has_one_event_per_phrase_and_off_has_none() -> None:
    ws = words("This", "is", "one", "phrase.") + words("And", "another.", start=4000)
    assert len(dialogues(doc_for(ws, PRESETS["square"], CaptionStyle.LINE))) == 2
    assert dialogues(doc_for(ws, PRESETS["square"], CaptionStyle.OFF)) == []


def test_corrected_words_are_what_is_shown() -> None:
    ws = [Word("Wisper", 0, 400, 0.5, corrected="Whisper"), Word("rocks", 450, 800, 0.9)]
    doc = doc_for(ws, PRESETS["reel"], CaptionStyle.LINE)
    assert dialogues(doc, plain=True) == ["Whisper rocks"] and "Wisper" not in doc


def test_reel_lines_are_shorter_than_landscape_lines() -> None:
    ws = words(*"we built the new onboarding flow with the people who use it every day".split(), step=250)
    reel = dialogues(doc_for(ws, PRESETS["reel"], CaptionStyle.LINE), plain=True)
    wide = dialogues(doc_for(ws, PRESETS["landscape"], CaptionStyle.LINE), plain=True)
    longest = max(len(line) for e in reel for line in e.split("\\N"))
    assert longest <= PRESETS["reel"].caption_chars
    assert len(reel) >= len(wide)


def test_lower_third_and_brand_colour() -> None:
    doc = doc_for([], PRESETS["reel"], CaptionStyle.OFF, lower_third=LowerThird("Ana {Peeters}", "Nurse"))
    ev = dialogues(doc)
    assert any("Ana \\{Peeters\\}" in e for e in ev) and any("Nurse" in e for e in ev)
    assert ass_color("#FFC400") == "&H0000C4FF"


def render_at(ass_text: str, tmp_path: Path, ffmpeg_exe: str, preset: ExportPreset, t: float) -> np.ndarray:
    """The frame libass draws at `t` seconds on a plain grey frame of the preset's size (gray pixels)."""
    ass = tmp_path / "at.ass"
    ass.write_text(ass_text, encoding="utf-8")
    vf = f"ass=filename={escape_value(str(ass))}:fontsdir={escape_value(str(fonts_dir()))}"
    raw = subprocess.run(
        [ffmpeg_exe, "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
         f"color=c=gray:s={preset.width}x{preset.height}:d={t + 1}", "-ss", f"{t:.3f}", "-vf", vf, "-frames:v", "1",
         "-f", "rawvideo", "-pix_fmt", "gray", "-"], capture_output=True, check=True,
    ).stdout
    return np.frombuffer(raw, np.uint8).reshape(preset.height, preset.width)


def ink_runs(row_band: np.ndarray) -> list[tuple[int, int]]:
    """Column runs [x0, x1) where the band holds caption ink (text or outline) over the grey frame."""
    cols = (np.abs(row_band.astype(int) - 128) > 24).any(axis=0)
    runs, start = [], None
    for x, on in enumerate(cols):
        if on and start is None:
            start = x
        elif not on and start is not None:
            runs.append((start, x))
            start = None
    if start is not None:
        runs.append((start, len(cols)))
    return runs


def line_bands(frame: np.ndarray) -> list[np.ndarray]:
    rows = (np.abs(frame.astype(int) - 128) > 24).any(axis=1)
    bands, start = [], None
    for y, on in enumerate(rows):
        if on and start is None:
            start = y
        elif not on and start is not None:
            bands.append(frame[start:y])
            start = None
    return bands


def test_karaoke_words_stay_whole_a_visible_gap_between_every_two_words(tmp_path: Path, ffmpeg_exe: str) -> None:
    """The "asknot" bug: the outline of the highlighted word covered the space. On a frame drawn by the real
    libass, every word of every line is its own run of ink, with background between, whichever word is lit."""
    reel = PRESETS["reel"]
    said = "And so, my fellow Americans: ask not what your country can do for you"
    ws = words(*said.split(), step=300)
    events = events_for(ws, CaptionStyle.KARAOKE, reel)
    doc = build_ass(events, reel)
    checked = 0
    for e in events:
        if e.highlight is None:
            continue
        frame = render_at(doc, tmp_path, ffmpeg_exe, reel, (e.start + e.end) / 2000)
        bands = line_bands(frame)
        assert len(bands) == len(e.lines), e.lines
        for band, line in zip(bands, e.lines, strict=True):
            runs = ink_runs(band)
            assert len(runs) == len(line), (line, runs)  # one run of ink per word: no two words glued together
            gaps = [b[0] - a[1] for a, b in zip(runs, runs[1:], strict=False)]
            assert all(g >= 6 for g in gaps), (line, gaps)  # and a gap you can see (6+ px on a 1080 px frame)
        checked += 1
    assert checked == len(ws)


def test_punchy_shows_one_to_three_big_words_clear_of_the_reel_platform_bands(tmp_path: Path, ffmpeg_exe: str) -> None:
    reel = PRESETS["reel"]
    ws = words(*"We rebuilt the whole planning tool with the nurses who use it".split(), step=280)
    events = events_for(ws, CaptionStyle.PUNCHY, reel)
    assert all(1 <= len(e.lines[0]) <= 3 and len(e.lines) == 1 for e in events)
    assert [w for e in events for w in e.lines[0]] == [w.text for w in ws]
    assert not any(e.lines[0][-1] in ("the", "with", "who") for e in events[:-1])  # never ends on "the"
    doc = build_ass(events, reel)
    line_doc = doc_for(ws, reel, CaptionStyle.LINE)
    for e in events:
        frame = render_at(doc, tmp_path, ffmpeg_exe, reel, (e.start + e.end) / 2000)
        rows = np.nonzero((np.abs(frame.astype(int) - 128) > 24).any(axis=1))[0]
        assert rows.size and rows.min() >= 0.14 * 1920 and rows.max() <= 0.65 * 1920, (e.lines, rows.min(), rows.max())
    big = line_bands(render_at(doc, tmp_path, ffmpeg_exe, reel, (events[0].start + events[0].end) / 2000))[0]
    small = line_bands(render_at(line_doc, tmp_path, ffmpeg_exe, reel, 0.1))[0]
    assert big.shape[0] > 1.3 * small.shape[0]  # larger type


def test_a_long_name_in_the_lower_third_stays_inside_the_frame(tmp_path: Path, ffmpeg_exe: str) -> None:
    # libass does not wrap the lower third (WrapStyle 2): a 54-letter name ran off a reel's right edge
    from vlogkit.render.ass import caption_placement, lower_third_placement

    reel = PRESETS["reel"]
    right = reel.width - caption_placement(reel).right  # the lower third's right margin, as the captions'
    lt = lower_third_placement(reel)
    for name in ("Anne-Sophie Vandenbroucke-Van Den Heuvel de Saint-Rémy", "Anne-Sophie " * 300):
        doc = doc_for([], reel, CaptionStyle.OFF, lower_third=LowerThird(name.strip(), "Nurse"))
        frame = render_at(doc, tmp_path, ffmpeg_exe, reel, 0.5)  # after the fade-in
        band = frame[lt.name_top:lt.name_top + lt.name_size]
        drawn = np.abs(band.astype(int) - 128) > 60
        assert drawn[:, :right // 2].any()  # the name is there
        assert not drawn[:, right + 8:].any(), name[:30]  # and nothing of it (text or box) past the margin


def test_a_name_set_smaller_to_fit_never_sits_under_a_larger_role(tmp_path: Path, ffmpeg_exe: str) -> None:
    # the 54-letter name is set smaller to fit the reel; its role, short enough to fit at full size, is set as small
    from vlogkit.render.ass import lower_third_placement

    reel = PRESETS["reel"]
    lt = lower_third_placement(reel)
    doc = doc_for([], reel, CaptionStyle.OFF, lower_third=LowerThird(
        "Anne-Sophie Vandenbroucke-Van Den Heuvel de Saint-Rémy", "Senior nurse, intensive care"))
    frame = render_at(doc, tmp_path, ffmpeg_exe, reel, 0.5)  # after the fade-in
    rows = (np.abs(frame[:, lt.left:reel.width // 2].astype(int) - 128) > 60).any(axis=1)  # the opaque boxes
    edges = np.flatnonzero(np.diff(np.concatenate(([0], rows.astype(int), [0]))))
    boxes = [(a, b - a) for a, b in zip(edges[::2], edges[1::2], strict=True) if b - a >= 8]
    assert len(boxes) == 2, boxes  # the name's box above the role's
    (_, name_h), (_, role_h) = boxes
    assert role_h <= name_h, boxes
