"""The vlog editor driven offscreen: click-to-seek, selection sets in/out, word fixes with undo/redo, insert a
missed word, fillers, speakers, consent details, and candidate quotes into the bank."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.conftest import import_and_wait


def test_click_a_word_seeks_the_player(qtbot, window, opened) -> None:
    ed = opened
    tv = ed.transcript_view
    assert window.tabs.currentWidget() is ed
    assert "Our team shipped" in tv.toPlainText()
    word = ed.transcript.words[12]  # "Customers"... any word in the second sentence
    qtbot.mouseClick(tv.viewport(), Qt.MouseButton.LeftButton, pos=tv.word_rect_center(12))
    assert ed.player.position() == word.start
    assert ed.player.slider.value() == word.start
    qtbot.waitUntil(lambda: tv.current == 12)  # the spoken word is highlighted
    assert ed.player.time.text().startswith("0:0")


def test_selecting_words_sets_the_clips_in_and_out(qtbot, opened) -> None:
    ed = opened
    tv = ed.transcript_view
    vp = tv.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, pos=tv.word_rect_center(2))
    QTest.mouseMove(vp, tv.word_rect_center(5))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=tv.word_rect_center(5))
    words = ed.transcript.words
    assert tv.selection_range == (2, 5)
    assert ed.in_out == (words[2].start, words[5].end)
    assert ed.player.slider.range_ms == ed.in_out  # shown on the scrubber
    assert ed.player.inout.text().startswith("In 0:00.6")


def test_selecting_words_with_the_keyboard_sets_the_same_in_and_out_as_the_mouse(qtbot, opened) -> None:
    ed = opened
    tv = ed.transcript_view
    words = ed.transcript.words
    tv.setFocus()
    ed.set_clip(None)
    c = tv.textCursor()
    c.setPosition(tv.spans[2][0])  # the caret before "shipped", where a click puts it
    tv.setTextCursor(c)
    for _ in range(4):  # word by word, to the end of "onboarding"
        qtbot.keyClick(tv, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert tv.textCursor().hasSelection()
    assert tv.selection_range == (2, 5)
    assert ed.in_out == (words[2].start, words[5].end)  # exactly what dragging over the same words gives
    assert ed.timeline.model.in_out == ed.in_out and ed.player.slider.range_ms == ed.in_out
    qtbot.keyClick(tv, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)  # one character back: still in "onboarding"
    assert ed.in_out == (words[2].start, words[5].end)
    qtbot.keyClick(tv, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)  # to the end of the line
    a, b = tv.selection_range
    assert a == 2 and b > 5 and ed.in_out == (words[2].start, words[b].end)


def test_fix_a_word_then_undo_and_redo(qtbot, window, opened) -> None:
    ed = opened
    tv = ed.transcript_view
    vid = ed.vlog.id
    i = ed.transcript.words.index(next(w for w in ed.transcript.words if w.text == "easiest"))
    qtbot.mouseDClick(tv.viewport(), Qt.MouseButton.LeftButton, pos=tv.word_rect_center(i))
    assert ed.inline.isVisible() and ed.inline.text() == "easiest"
    ed.inline.clear()
    qtbot.keyClicks(ed.inline, "simplest")
    qtbot.keyClick(ed.inline, Qt.Key.Key_Return)
    assert "the simplest setup" in tv.toPlainText()
    stored = window.app.transcription.get(vid)
    assert stored.words[i].corrected == "simplest" and stored.words[i].text == "easiest"
    window.undo_action.trigger()  # Ctrl+Z
    assert "the easiest setup" in tv.toPlainText()
    assert window.app.transcription.get(vid).words[i].corrected is None
    window.redo_action.trigger()  # Ctrl+Shift+Z
    assert window.app.transcription.get(vid).words[i].corrected == "simplest"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.redo_action.shortcuts()]


def test_the_word_box_sits_on_the_word_and_gives_the_keyboard_back_so_ctrl_z_undoes_at_once(
        qtbot, window, opened) -> None:  # noqa: ANN001
    ed = opened
    tv = ed.transcript_view
    window.activateWindow()
    i = next(k for k, w in enumerate(ed.transcript.words) if w.text == "easiest")
    centre = tv.word_rect_center(i)
    qtbot.mouseDClick(tv.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    box = ed.inline.geometry()
    assert box.top() <= centre.y() <= box.bottom()  # over the word, not over the line below it
    ed.inline.setText("simplest")
    qtbot.keyClick(ed.inline, Qt.Key.Key_Return)
    assert not ed.inline.isVisible() and tv.hasFocus()  # not the quote card's tags field
    qtbot.keyClick(tv, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "the easiest setup" in tv.toPlainText()
    # clicking elsewhere saves what was typed; Escape saves nothing
    ed.open_inline("edit", i)
    ed.inline.setText("smoothest")
    ed.quotes.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(lambda: not ed.inline.isVisible())
    assert "the smoothest setup" in tv.toPlainText()
    ed.open_inline("edit", i)
    ed.inline.setText("roughest")
    qtbot.keyClick(ed.inline, Qt.Key.Key_Escape)
    assert "the smoothest setup" in tv.toPlainText() and tv.hasFocus()


def test_insert_a_missed_word_mark_a_filler_and_name_a_speaker(qtbot, window, opened) -> None:
    ed = opened
    tv = ed.transcript_view
    vid = ed.vlog.id
    words = ed.transcript.words
    n = len(words)
    ed.open_inline("insert", 4)  # after "new"
    qtbot.keyClicks(ed.inline, "shiny")
    qtbot.keyClick(ed.inline, Qt.Key.Key_Return)
    stored = window.app.transcription.get(vid).words
    assert len(stored) == n + 1 and stored[5].text == "shiny"
    assert words[4].start <= stored[5].start < stored[5].end <= words[5].start
    assert "the new shiny onboarding" in tv.toPlainText()
    honestly = next(i for i, w in enumerate(stored) if w.text.startswith("Honestly"))
    ed.toggle_filler(honestly)
    assert window.app.transcription.get(vid).words[honestly].filler
    tv.select_words(0, 3)
    ed.open_inline("speaker", 0, 3)
    qtbot.keyClicks(ed.inline, "Ann")
    qtbot.keyClick(ed.inline, Qt.Key.Key_Return)
    assert [w.speaker for w in window.app.transcription.get(vid).words[:5]] == ["Ann"] * 4 + [""]
    assert tv.toPlainText().startswith("Ann: Our team")
    for _ in range(3):
        window.undo_action.trigger()
    assert len(window.app.transcription.get(vid).words) == n


def test_consent_change_is_dated_and_shown(qtbot, window, opened) -> None:
    ed = opened
    d = ed.details
    d.consent.setCurrentIndex(d.consent.findData("external"))
    d.role.setText("Lead engineer")
    qtbot.mouseClick(d.save_button, Qt.MouseButton.LeftButton)
    vlog = window.app.library.get(ed.vlog.id)
    assert vlog.consent.scope.value == "external" and vlog.consent.date
    assert vlog.speaker.role == "Lead engineer"
    assert vlog.consent.date.isoformat() in d.history.text() and "External" in d.history.text()
    qtbot.waitUntil(lambda: "External" in window.library.list.item(0).text())


def test_candidates_are_ranked_and_go_into_the_bank(qtbot, window, opened) -> None:
    pytest.importorskip("vlogkit.services.bank")
    ed = opened
    qtbot.waitUntil(lambda: len(ed.quotes.cards) > 0, timeout=60000)
    card = ed.quotes.cards[0]
    assert card.cand.rank == 1 and card.score.value() == card.cand.score
    assert [c.cand.rank for c in ed.quotes.cards] == sorted(c.cand.rank for c in ed.quotes.cards)
    card.tags.setText("onboarding, customers")
    qtbot.mouseClick(card.add_button, Qt.MouseButton.LeftButton)
    assert not card.add_button.isEnabled()
    quotes = window.app.bank.search("")
    assert len(quotes) == 1 and quotes[0].vlog_id == ed.vlog.id
    assert set(quotes[0].tags) == {"onboarding", "customers"}
    assert quotes[0].speaker.name == "Ann Peeters"


def test_add_selection_to_bank_keeps_the_selected_words_exact_range(qtbot, window, opened) -> None:
    ed = opened
    words = ed.transcript.words
    first = next(i for i, w in enumerate(words) if w.text == "Customers")  # after a pause: padding would show
    ed.transcript_view.select_words(first, first + 3)  # "Customers told us it"
    qtbot.mouseClick(ed.add_range_button, Qt.MouseButton.LeftButton)
    [q] = window.app.bank.list()
    assert (q.start, q.end) == (words[first].start, words[first + 3].end)  # no clip padding in the source timecode
    assert q.verbatim == "Customers told us it"


def test_fixing_a_word_puts_only_the_cards_holding_it_out_of_date(qtbot, window, opened) -> None:
    ed = opened
    qtbot.waitUntil(lambda: len(ed.quotes.cards) >= 2, timeout=60000)
    words = ed.transcript.words
    i = next(k for k, w in enumerate(words) if w.text == "easiest")
    holds = {id(c): c.cand.start <= words[i].start < c.cand.end for c in ed.quotes.cards}
    assert 1 <= sum(holds.values()) < len(ed.quotes.cards)  # some card holds the word, some do not
    ed.open_inline("edit", i)
    ed.inline.setText("simplest")
    qtbot.keyClick(ed.inline, Qt.Key.Key_Return)
    assert "the simplest setup" in ed.transcript_view.toPlainText()
    for card in ed.quotes.cards:
        if holds[id(card)]:  # its text and score were made from the old word: find quotes again for this one
            assert card.stale and card.stale_label.isVisibleTo(card)
            assert not card.add_button.isEnabled() and not card.export_button.isEnabled()
        else:  # a fix elsewhere changes none of its words or times: it stays usable
            assert not card.stale and not card.stale_label.isVisibleTo(card)
            assert card.add_button.isEnabled() and card.export_button.isEnabled()
    fresh = next(c for c in ed.quotes.cards if not holds[id(c)])
    fresh.add_button.click()
    [q] = window.app.bank.list()
    assert (q.start, q.end, q.text) == (fresh.cand.start, fresh.cand.end, fresh.cand.text)
    window.undo_action.trigger()  # the word comes back: so does the card it put out of date
    assert not any(c.stale for c in ed.quotes.cards)
    assert not fresh.add_button.isEnabled()  # already in the bank: stays so


def test_audio_only_vlog_shows_a_poster_and_a_live_level_bar(qtbot, window, synth) -> None:
    tone = synth("tone12.wav", "-f", "lavfi", "-i", "sine=f=440:d=12", "-ac", "1")
    vid = import_and_wait(qtbot, window, tone, name="Bo Claes")
    window.open_vlog(vid)
    player = window.editor.player
    assert player.level.isVisibleTo(window.editor) and "Bo Claes" in player.frame.caption
    image = player.frame.grab().toImage()
    assert image.width() > 100  # painted poster, not a blank
    player.toggle()
    qtbot.waitUntil(lambda: player.level.value() > 50, timeout=30000)  # the -18 dBFS tone reads about 70
    player.toggle()
    assert not player.playing


def test_keyboard_space_jkl_and_frame_step(qtbot, window, opened) -> None:
    from PySide6.QtMultimedia import QMediaDevices

    ed = opened
    player = ed.player
    # no sound device here: the player runs without an audio sink (Qt's sink can stall on a sound system not there)
    assert (player.player.audioOutput() is None) == (not QMediaDevices.audioOutputs())
    ed.transcript_view.setFocus()
    player.seek(2000)
    qtbot.keyClick(ed.transcript_view, Qt.Key.Key_Period)  # one frame forward at 25 fps
    assert player.position() == 2040
    qtbot.keyClick(ed.transcript_view, Qt.Key.Key_Comma)
    qtbot.keyClick(ed.transcript_view, Qt.Key.Key_Comma)
    assert player.position() == 1960
    qtbot.keyClick(ed.transcript_view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: player.playing, timeout=10000)
    qtbot.keyClick(ed.transcript_view, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: not player.playing, timeout=10000)
    qtbot.keyClick(ed.transcript_view, Qt.Key.Key_L)
    qtbot.keyClick(ed.transcript_view, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: player.playing, timeout=10000)
    assert player.player.playbackRate() == 2.0
    qtbot.keyClick(ed.transcript_view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not player.playing, timeout=10000)
    at = player.position()
    qtbot.keyClick(ed.transcript_view, Qt.Key.Key_J)  # back 5 s
    assert player.position() == max(0, at - 5000)
