"""What the transcript shows selected is what gets clipped: whole words, after a drag or Shift+arrows (trial 4, c1)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtTest import QTest


def _pixel(tv, pos: int, dx: int) -> QColor:  # noqa: ANN001
    c = QTextCursor(tv.document())
    c.setPosition(pos)
    r = tv.cursorRect(c)
    return tv.viewport().grab().toImage().pixelColor(r.left() + dx, r.top() + 2)


def _selected_look(tv, i: int) -> tuple[QColor, QColor]:  # noqa: ANN001
    """The background at the very start and the very end of word `i`, where no letter is drawn (with the playhead's
    own word highlight, which a selection moves to its first word, out of the way)."""
    tv.highlight_time(-1)
    a, b = tv.spans[i]
    return _pixel(tv, a, 1), _pixel(tv, b, -1)


def test_shift_right_highlights_whole_words_and_still_extends(qtbot, opened) -> None:
    from vlogkit.ui import theme

    ed = opened
    tv = ed.transcript_view
    words = ed.transcript.words
    i = next(k for k, w in enumerate(words) if w.text == "onboarding")
    tv.setFocus()
    c = tv.textCursor()
    c.setPosition(tv.spans[i][0] + 3)  # in the middle of "onboarding", as a click there puts it
    tv.setTextCursor(c)
    for _ in range(2):
        qtbot.keyClick(tv, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert ed.in_out == (words[i].start, words[i].end)
    selection = theme.qcolor("selection")
    first, last = _selected_look(tv, i)
    assert first == selection and last == selection  # the whole word shows selected, not "boa"
    for _ in range(tv.spans[i + 1][0] + 2 - tv.textCursor().position()):  # Shift+Right keeps going: 2 letters on
        qtbot.keyClick(tv, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert ed.in_out == (words[i].start, words[i + 1].end)
    assert all(p == selection for p in _selected_look(tv, i + 1))
    assert _pixel(tv, tv.spans[i + 2][0], 1) != selection  # the word after stays unselected


def test_a_drag_from_mid_word_highlights_the_words_it_clips(qtbot, opened) -> None:
    from vlogkit.ui import theme

    ed = opened
    tv = ed.transcript_view
    words = ed.transcript.words
    vp = tv.viewport()
    start = tv.word_rect_center(2)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)  # from the middle of "shipped"...
    QTest.mouseMove(vp, tv.word_rect_center(4))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=tv.word_rect_center(4))  # ...to the middle of "new"
    assert ed.in_out == (words[2].start, words[4].end)
    selection = theme.qcolor("selection")
    for k in (2, 4):
        assert all(p == selection for p in _selected_look(tv, k)), words[k].text
