"""The app follows the library when something else changes it (another window, a `vlogkit` command): a removed vlog
closes with a note, no action on a missing vlog or quote raises, a quote removed during an edit leaves the table once
the edit ends, and a new transcript clears the undo history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit


def elsewhere(window):  # noqa: ANN001, ANN201
    """Another process's view of the same library (its own services object)."""
    from vlogkit.config import Paths
    from vlogkit.services import App

    return App(Paths(window.app.paths.home), transcriber=window.app._transcriber)


def test_a_vlog_removed_elsewhere_closes_with_a_note(qtbot, window, opened) -> None:
    ed = opened
    vid = ed.vlog.id
    ed.transcript_view.select_words(2, 5)
    elsewhere(window).library.remove(vid)
    qtbot.waitUntil(lambda: ed.vlog is None, timeout=10000)  # the store watcher noticed
    assert ed.note.isVisible() and "removed from the library" in ed.note_text.text()
    assert ed.transcript_view.toPlainText() == "" and ed.timeline.model.duration_ms == 0
    assert not ed.export_button.isEnabled() and ed.player.player is None
    assert window.library.list.count() == 0
    ed.request_export()  # nothing happens, nothing raises
    ed.add_selection_to_bank()
    assert "Select some words" in window.last_error


def test_a_word_fix_on_a_vlog_removed_elsewhere_says_so_and_leaves_no_undo(qtbot, window, opened) -> None:
    ed = opened
    window.store_watcher.timer.stop()
    window.store_watcher.watcher.blockSignals(True)  # the fix comes before the watcher would notice
    elsewhere(window).library.remove(ed.vlog.id)
    ed.open_inline("edit", 3)
    ed.inline.setText("fresh")
    qtbot.keyClick(ed.inline, Qt.Key.Key_Return)
    assert ed.vlog is None and "removed from the library" in ed.note_text.text()
    QApplication.processEvents()
    assert ed.undo_stack.count() == 0 and not window.undo_action.isEnabled()


def test_show_in_vlog_for_a_quote_whose_vlog_is_gone_says_so(qtbot, window, opened) -> None:
    vid = opened.vlog.id
    other = elsewhere(window)
    other.bank.add_range(vid, 0, 2500, tags=["gone"])
    window.store_watcher.watcher.blockSignals(True)
    window.tabs.setCurrentWidget(window.bank)
    window.bank.refresh()
    other.library.remove(vid)
    window.bank.table.selectRow(0)
    qtbot.mouseClick(window.bank.jump_button, Qt.MouseButton.LeftButton)  # an exception here fails the test
    assert "no longer in the library" in window.last_error
    assert window.tabs.currentWidget() is window.bank


def test_a_quote_removed_during_a_tag_edit_leaves_the_table_when_the_edit_ends(qtbot, window, opened) -> None:
    vid = opened.vlog.id
    other = elsewhere(window)
    keep = other.bank.add_range(vid, 0, 2500, tags=["keep"])
    gone = other.bank.add_range(vid, 3600, 6000, tags=["gone"])
    window.tabs.setCurrentWidget(window.bank)
    bank = window.bank
    qtbot.waitUntil(lambda: bank.table.rowCount() == 2, timeout=10000)
    row = next(r for r in range(2) if bank.quotes[r].id == gone.id)
    bank.table.editItem(bank.table.item(row, 5))  # the tags cell
    assert bank.table.state() is QAbstractItemView.State.EditingState
    other.bank.remove(gone.id)
    qtbot.wait(800)  # the watcher saw it, but the edit goes on undisturbed
    assert bank.table.state() is QAbstractItemView.State.EditingState and bank.table.rowCount() == 2
    editor = bank.table.findChild(QLineEdit)
    editor.setText("late")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bank.table.rowCount() == 1, timeout=10000)
    assert bank.quotes[0].id == keep.id
    assert [q.id for q in window.app.bank.search("")] == [keep.id]  # the late edit did not bring it back


def test_a_new_transcript_clears_the_undo_history(qtbot, window, opened) -> None:
    ed = opened
    ed.toggle_filler(3)
    assert window.undo_action.isEnabled()
    window.transcribe([ed.vlog.id])  # "Transcribe again"
    qtbot.waitUntil(lambda: ed.vlog.id not in window.transcribing, timeout=60000)
    qtbot.waitUntil(lambda: ed.undo_stack.count() == 0, timeout=10000)
    assert not window.undo_action.isEnabled()


def test_an_open_export_dialog_follows_a_consent_change_made_elsewhere(qtbot, window, opened) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from vlogkit.domain import ConsentScope

    vid = opened.vlog.id
    other = elsewhere(window)
    other.library.edit(vid, consent=ConsentScope.EXTERNAL)
    qtbot.waitUntil(lambda: window.editor.badge.text() == "External", timeout=10000)
    opened.transcript_view.select_words(2, 6)
    opened.request_export()
    dlg = window.export_dialog
    external = dlg.audience.model().item(dlg.audience.findData("external"))
    assert external.isEnabled()
    other.library.edit(vid, consent=ConsentScope.INTERNAL)
    qtbot.waitUntil(lambda: not external.isEnabled(), timeout=10000)  # no reopening needed
    assert dlg.audience.currentData() == "internal" and dlg.audience_note.text()
    other.library.remove(vid)
    qtbot.waitUntil(lambda: not dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled(), timeout=10000)
    assert "removed" in dlg.audience_note.text()
    dlg.reject()


def test_a_window_closed_right_after_its_vlog_left_raises_nothing_later(qtbot, window, opened) -> None:
    """The undo history is cleared a moment after the vlog leaves; a window closed in that moment must not make the
    clearing run on a deleted undo stack (it did, as an error in whatever ran next)."""
    import shiboken6

    ed = opened
    ed.close_vlog(ed.vlog.id)
    shiboken6.delete(ed.undo_stack)  # as when the window is deleted before the event loop comes round
    window._on_bank_error("gone")  # the bank's refresh waits for the loop too
    shiboken6.delete(window.bank)
    QApplication.processEvents()  # an exception here is caught by pytest-qt and fails the test
