"""The editor's timeline driven offscreen: handles and transcript selection follow each other both ways, I/O keys,
wheel zoom, the waveform computed once and cached with the vlog, quote candidates as ranges, remembered splitters."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import open_and_wait


@pytest.fixture
def opened(qtbot, window, clip12: Path):
    ed = open_and_wait(qtbot, window, clip12)
    ed.timeline.resize(1000, ed.timeline.height())
    ed.timeline.model.resize(1000)
    ed.timeline.model.fit()
    return ed


def drag(widget, start: QPointF, end: QPointF, steps: int = 6) -> None:
    a, b = start.toPoint(), end.toPoint()
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, steps + 1):
        QTest.mouseMove(widget, QPoint(a.x() + (b.x() - a.x()) * i // steps, a.y()))
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def test_selecting_words_moves_the_handles(qtbot, opened) -> None:
    ed = opened
    tv, tl = ed.transcript_view, ed.timeline
    words = ed.transcript.words
    QTest.mousePress(tv.viewport(), Qt.MouseButton.LeftButton, pos=tv.word_rect_center(3))
    QTest.mouseMove(tv.viewport(), tv.word_rect_center(7))
    QTest.mouseRelease(tv.viewport(), Qt.MouseButton.LeftButton, pos=tv.word_rect_center(7))
    assert tl.model.in_out == (words[3].start, words[7].end)
    assert abs(tl.handle_point("in").x() - tl.x_of(words[3].start)) < 1
    assert abs(tl.handle_point("out").x() - tl.x_of(words[7].end)) < 1
    image = tl.grab().toImage()  # the range is painted: the handle's gold at its x
    x = tl.x_of(words[7].end)
    golds = [image.pixelColor(xx, tl.height() - 12) for xx in range(x - 2, x + 3)]
    assert any(c.red() > 200 and c.green() > 150 and c.blue() < 80 for c in golds), golds


def test_dragging_the_out_handle_moves_the_transcript_selection(qtbot, opened) -> None:
    ed = opened
    tv, tl = ed.transcript_view, ed.timeline
    words = ed.transcript.words
    tv.select_words(2, 5)
    assert tl.model.in_out == (words[2].start, words[5].end)
    target = (words[9].start + words[9].end) // 2 + 40  # inside word 9: the out snaps to its end
    drag(tl, tl.handle_point("out"), QPointF(tl.model.x_of(target), tl.handle_point("out").y()))
    assert tl.model.in_out == (words[2].start, words[9].end)
    assert ed.in_out == (words[2].start, words[9].end)
    assert tv.selection_range == (2, 9)
    selected = tv.textCursor().selectedText().replace("\u2029", " ")  # a paragraph break reads as a space
    assert selected == " ".join(w.text for w in words[2:10])
    assert ed.player.inout.text().startswith("In 0:00.6")
    # the in handle too; Alt keeps the exact time (no snapping to a word)
    drag(tl, tl.handle_point("in"), QPointF(tl.model.x_of(words[4].start + 100), tl.handle_point("in").y()))
    assert tl.model.in_out[0] == words[4].start and tv.selection_range == (4, 9)


def test_dragging_on_the_waveform_marks_a_new_range_and_a_click_seeks(qtbot, opened) -> None:
    ed = opened
    tl, tv = ed.timeline, ed.transcript_view
    words = ed.transcript.words
    y = tl.height() - 30
    drag(tl, QPointF(tl.model.x_of(words[12].start + 50), y), QPointF(tl.model.x_of(words[15].end - 50), y))
    assert ed.in_out == (words[12].start, words[15].end) and tv.selection_range == (12, 15)
    qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, pos=QPoint(tl.x_of(6000), y))
    assert abs(ed.player.position() - 6000) <= tl.model.ms_per_px + 1


def test_i_and_o_keys_mark_in_and_out_at_the_playhead(qtbot, opened) -> None:
    ed = opened
    words = ed.transcript.words
    ed.transcript_view.setFocus()
    ed.player.seek(words[13].start + 120)  # inside word 13
    qtbot.keyClick(ed.transcript_view, Qt.Key.Key_I)
    assert ed.in_out[0] == words[13].start
    ed.player.seek(words[18].start + 50)
    qtbot.keyClick(ed.transcript_view, Qt.Key.Key_O)
    assert ed.in_out == (words[13].start, words[18].end)
    assert ed.transcript_view.selection_range == (13, 18)
    assert ed.timeline.model.in_out == ed.in_out


def test_wheel_zooms_around_the_pointer(qtbot, opened) -> None:
    tl = opened.timeline
    before = tl.model.ms_per_px
    x = 400
    at = tl.model.ms_at(x)
    event = QWheelEvent(QPointF(x, 60), QPointF(tl.mapToGlobal(QPoint(x, 60))), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(tl, event)
    assert tl.model.ms_per_px < before / 1.4  # two notches in
    assert abs(tl.model.ms_at(x) - at) <= tl.model.ms_per_px + 1  # the time under the pointer stayed put
    assert tl.model.zoomed


def test_waveform_is_computed_once_and_cached_with_the_vlog(qtbot, window, opened) -> None:
    ed = opened
    vid = ed.vlog.id
    qtbot.waitUntil(lambda: len(ed.timeline.peaks) > 0, timeout=30000)
    peaks = ed.timeline.peaks
    assert len(peaks) == pytest.approx(1200, abs=5)  # 12 s at 100 peaks a second
    assert 20 < max(peaks) < 120  # ffmpeg's sine source is at 1/8 of full scale (32 of 255), AAC-coded
    assert min(peaks[100:1100]) > 10  # a steady tone: no silent gap in the middle
    stored = window.app.library.get(vid).extra["waveform"]
    assert Path(stored).is_file()
    cached = window.app.waveform.cached(vid)
    assert cached is not None and cached.peaks == peaks
    ed.timeline.clear()
    window.open_vlog(vid)  # opening again draws the cached waveform at once, without a job
    assert ed.timeline.peaks == peaks


def test_quote_candidates_are_ranges_on_the_timeline(qtbot, opened) -> None:
    ed = opened
    qtbot.waitUntil(lambda: len(ed.candidates) > 0, timeout=60000)
    marks = ed.timeline.model.quotes
    assert [(m.start, m.end, m.rank) for m in marks] == [(c.start, c.end, c.rank) for c in ed.candidates]
    best = marks[0]
    assert ed.timeline.model.quote_at(ed.timeline.model.x_of((best.start + best.end) // 2)).rank == 1


def test_splitters_are_remembered(qtbot, gui_app, window) -> None:
    from vlogkit.ui.main_window import MainWindow

    window.resize(790, 590)
    window.editor.hsplit.setSizes([400, 150, 200])
    sizes = window.editor.hsplit.sizes()
    window.close()
    again = MainWindow(gui_app)
    qtbot.addWidget(again)
    again.resize(790, 590)
    assert again.editor.hsplit.sizes() == sizes


def test_zoom_tools_and_keys(qtbot, opened) -> None:
    ed = opened
    tl = ed.timeline
    qtbot.mouseClick(ed.zoom_in_button, Qt.MouseButton.LeftButton)
    assert tl.model.zoomed
    qtbot.mouseClick(ed.fit_button, Qt.MouseButton.LeftButton)
    assert not tl.model.zoomed
    tl.setFocus()
    qtbot.keyClick(tl, Qt.Key.Key_Plus)
    qtbot.keyClick(tl, Qt.Key.Key_Plus)
    assert tl.model.zoomed
    qtbot.keyClick(tl, Qt.Key.Key_0)
    assert not tl.model.zoomed


def _wave_height(peaks: bytes) -> int:
    """The tallest stroke of the waveform lane, in pixels, as drawn for a 10 s recording."""
    from PySide6.QtGui import QColor

    from vlogkit.ui import theme
    from vlogkit.ui.timeline import WAVE_TOP, TimelineWidget

    tl = TimelineWidget()
    tl.resize(600, 110)
    tl.model.resize(600)
    tl.set_duration(10_000)
    tl.set_waveform(peaks, 100)
    img = tl.grab().toImage()
    stroke = QColor(theme.colors().muted).rgb()
    return max(sum(img.pixel(x, y) == stroke for y in range(WAVE_TOP, img.height())) for x in range(5, 595, 3))


def test_a_quiet_recording_draws_a_waveform_as_tall_as_a_loud_one(qtbot) -> None:
    """A recording 30 dB down (peaks at 8 of 255) drew a flat line; the lane scales to the recording's loud level."""
    shape = [(i * 7) % 9 if (i // 40) % 3 else 0 for i in range(1000)]  # syllables and pauses, at most 8
    loud = _wave_height(bytes(min(255, v * 30) for v in shape))
    quiet = _wave_height(bytes(shape))
    assert loud >= 40  # a lane of ~64 px: speech fills most of it
    assert quiet >= loud - 4, (quiet, loud)
    silent = _wave_height(bytes(1000))
    assert silent <= 2  # silence stays a flat line, not scaled up into noise
