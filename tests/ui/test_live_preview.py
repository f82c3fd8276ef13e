"""The editor's live preview: the selected range in the chosen preset's frame with the captions the export burns in;
switching the preset or the caption style updates it at once; the selection moving moves it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import open_and_wait


@pytest.fixture
def preview(qtbot, window, clip12: Path):
    ed = open_and_wait(qtbot, window, clip12)
    ed.side.setCurrentWidget(ed.preview)
    ed.transcript_view.select_words(12, 20)
    qtbot.waitUntil(lambda: ed.preview.ready(), timeout=60000)
    return ed


def test_the_preview_shows_the_range_in_the_presets_frame_with_the_export_captions(qtbot, window, preview) -> None:
    ed = preview
    pv = ed.preview.canvas.preview
    words = ed.transcript.words
    assert (pv.start, pv.end) == (words[12].start, words[20].end) and pv.preset.name == "reel"
    rect = ed.preview.canvas.frame_rect()
    assert abs(rect.width() / rect.height() - 9 / 16) < 0.01
    same = window.app.live_preview.build(ed.vlog.id, pv.start, pv.end, "reel", "karaoke")
    assert pv.captions == same.captions and pv.captions  # the service's events, as the export lays them out
    first = pv.captions[0]
    assert first.highlight == 0 and first.lines[0][0] == words[12].text  # karaoke: the first word said is lit
    shown = " ".join(w for line in first.lines for w in line)
    assert shown.startswith(" ".join(w.text for w in words[12:15])), shown
    ed.preview.show_time(pv.start + 50)
    image = ed.preview.canvas.grab().toImage()
    top, bottom = int(rect.top()), int(rect.bottom())
    lit = [(x, y) for y in range(top + (bottom - top) // 2, bottom, 2)
           for x in range(int(rect.left()), int(rect.right()), 2)
           if image.pixelColor(x, y).red() > 240 and image.pixelColor(x, y).green() > 180
           and image.pixelColor(x, y).blue() < 60]
    assert lit, "the highlighted word (brand colour) is drawn in the lower half of the frame"


def test_switching_preset_and_style_updates_at_once(qtbot, preview) -> None:
    ed = preview
    panel = ed.preview
    panel.preset.setCurrentIndex(panel.preset.findData("square"))
    qtbot.waitUntil(lambda: panel.canvas.preview.preset.name == "square", timeout=30000)
    rect = panel.canvas.frame_rect()
    assert abs(rect.width() - rect.height()) < 2
    panel.style_box.setCurrentIndex(panel.style_box.findData("line"))
    qtbot.waitUntil(lambda: panel.canvas.preview.style.value == "line", timeout=30000)
    assert all(c.highlight is None for c in panel.canvas.preview.captions)
    panel.style_box.setCurrentIndex(panel.style_box.findData("off"))
    qtbot.waitUntil(lambda: panel.canvas.preview.style.value == "off", timeout=30000)
    assert panel.canvas.preview.captions == ()


def test_moving_the_selection_moves_the_preview(qtbot, preview) -> None:
    ed = preview
    words = ed.transcript.words
    ed.transcript_view.select_words(2, 6)
    qtbot.waitUntil(lambda: ed.preview.canvas.preview.start == words[2].start, timeout=30000)
    assert ed.preview.canvas.preview.end == words[6].end
