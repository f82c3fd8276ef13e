"""A word fixed in the editor reaches the bank quotes holding it (the bank tab shows it), undo takes it back, and a
quote edited in the bank keeps its text with a note saying so - real widgets offscreen, a real TinyDB bank."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_a_word_fix_in_the_editor_reaches_the_bank_tab_and_undo_takes_it_back(qtbot, window, opened) -> None:
    ed = opened
    bank = window.app.bank
    vid = ed.vlog.id
    line = bank.add_range(vid, 3600, 7200)  # "Customers told us it is the easiest setup they have ever seen."
    own = bank.add_range(vid, 5400, 7200)
    own = bank.update(own.id, text="The easiest setup ever, they said.")  # edited in the bank
    i = next(n for n, w in enumerate(ed.transcript.words) if w.text == "easiest")
    ed.open_inline("edit", i)
    ed.inline.setText("simplest")
    qtbot.keyClick(ed.inline, Qt.Key.Key_Return)

    assert bank.get(line.id).text == "Customers told us it is the simplest setup they have ever seen."
    assert bank.get(own.id) == own
    assert window.statusBar().currentMessage().startswith("The bank quote “Customers told us it is the simplest")
    assert ed.note.isVisibleTo(ed)
    assert ed.note_text.text().startswith("“The easiest setup ever, they said.” (0:05.4–0:07.2) was edited in the bank "
                                          "and keeps its own text")
    shown = [window.bank.table.item(r, 0).text() for r in range(window.bank.table.rowCount())]
    assert "“Customers told us it is the simplest setup they have ever seen.”" in shown  # the bank tab follows

    window.undo_action.trigger()  # Ctrl+Z: the word as recognised, and the bank quote with it
    assert bank.get(line.id).text == line.text and bank.get(own.id) == own
    shown = [window.bank.table.item(r, 0).text() for r in range(window.bank.table.rowCount())]
    assert f"“{line.text}”" in shown
    # the note about the fix closes with it, and the undo does not name the hand-edited quote again
    assert not ed.note.isVisibleTo(ed)
    assert "keeps its own text" not in window.statusBar().currentMessage()

    window.redo_action.trigger()  # Ctrl+Y: the fix again, and its note with it
    assert bank.get(line.id).text.startswith("Customers told us it is the simplest")
    assert ed.note.isVisibleTo(ed) and "keeps its own text" in ed.note_text.text()
