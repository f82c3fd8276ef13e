"""ASS captions: what people said can never become an override tag; karaoke highlights the spoken word."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np

from vlogkit.domain import Word
from vlogkit.domain.export import PRESETS, CaptionStyle, ExportPreset
from vlogkit.render.ass import LowerThird, ass_color, build_ass, escape_text
from vlogkit.render.ffmpeg_graph import escape_value
from vlogkit.render.fonts import fonts_dir

SMALL = ExportPreset("small", 480, 270, caption_chars=40, caption_size=0.05)


def words(*texts: str, start: int = 0, step: int = 400) -> list[Word]:
    return [Word(t, start + i * step, start + i * step + 300, 0.9) for i, t in enumerate(texts)]


def dialogues(doc: str) -> list[str]:
    return [line.split(",", 9)[9] for line in doc.splitlines() if line.startswith("Dialogue:")]


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
    hostile = build_ass(words("{\\b1}x\\Ny{\\fs200}"), SMALL, CaptionStyle.LINE)
    plain = build_ass(words("x"), SMALL, CaptionStyle.LINE)
    real_break = build_ass(words("x"), SMALL, CaptionStyle.LINE).replace(",,x", ",,x\\Ny")
    cols_h, rows_h = ink(render(hostile, tmp_path, ffmpeg_exe, "hostile"))
    cols_p, rows_p = ink(render(plain, tmp_path, ffmpeg_exe, "plain"))
    _, rows_b = ink(render(real_break, tmp_path, ffmpeg_exe, "break"))
    assert cols_h > 6 * cols_p  # the braces, backslashes and tag names are drawn, not swallowed
    assert rows_h < rows_b * 0.75  # "\N" said out loud stays on one line; a real \N makes two
    assert rows_h < 60  # and "{\fs200}" did not blow the font up


def test_karaoke_has_one_event_per_word_with_only_that_word_highlighted() -> None:
    doc = build_ass(words("Ask", "not", "what"), PRESETS["reel"], CaptionStyle.KARAOKE)
    ev = dialogues(doc)
    assert len(ev) == 3
    hl = "\\1c&H00C4FF&"
    assert all(e.count(hl) == 1 for e in ev)
    assert ev[1].index(hl) < ev[1].index("not") < ev[1].index("\\1c&HFFFFFF&")


def test_line_style_has_one_event_per_phrase_and_off_has_none() -> None:
    ws = words("This", "is", "one", "phrase.") + words("And", "another.", start=4000)
    assert len(dialogues(build_ass(ws, PRESETS["square"], CaptionStyle.LINE))) == 2
    assert dialogues(build_ass(ws, PRESETS["square"], CaptionStyle.OFF)) == []


def test_corrected_words_are_what_is_shown() -> None:
    ws = [Word("Wisper", 0, 400, 0.5, corrected="Whisper"), Word("rocks", 450, 800, 0.9)]
    doc = build_ass(ws, PRESETS["reel"], CaptionStyle.LINE)
    assert "Whisper rocks" in doc and "Wisper" not in doc


def test_reel_lines_are_shorter_than_landscape_lines() -> None:
    ws = words(*"we built the new onboarding flow with the people who use it every day".split(), step=250)
    reel = dialogues(build_ass(ws, PRESETS["reel"], CaptionStyle.LINE))
    wide = dialogues(build_ass(ws, PRESETS["landscape"], CaptionStyle.LINE))
    longest = max(len(line) for e in reel for line in e.split("\\N"))
    assert longest <= PRESETS["reel"].caption_chars
    assert len(reel) >= len(wide)


def test_lower_third_and_brand_colour() -> None:
    doc = build_ass([], PRESETS["reel"], CaptionStyle.OFF, lower_third=LowerThird("Ana {Peeters}", "Nurse"))
    ev = dialogues(doc)
    assert any("Ana \\{Peeters\\}" in e for e in ev) and any("Nurse" in e for e in ev)
    assert ass_color("#FFC400") == "&H0000C4FF"
