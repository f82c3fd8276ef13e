"""The Quote bank tab edits a quote's text (what the editor's note tells the user to do there) and removes quotes only
once the user says yes - real widgets and real modal dialogs offscreen, a real TinyDB bank."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from tests.ui.conftest import select_quote
from vlogkit.domain import QuoteStatus


def answer(reply: Callable[[QWidget], None]) -> None:
    """Answer the next modal dialog as a user would, once it is on screen."""
    def go() -> None:
        w = QApplication.activeModalWidget()
        if w is None:
            QTimer.singleShot(20, go)
            return
        reply(w)
    QTimer.singleShot(0, go)


def test_edit_text_in_the_bank_tab_and_the_editor_note_names_it(qtbot, window, opened) -> None:
    ed, app, bank = opened, window.app, window.bank
    words = ed.transcript.words
    q = app.bank.add_range(ed.vlog.id, words[9].start, words[20].end)  # "Customers told us ... ever seen."
    app.bank.approve([q.id], by="Persdienst")
    window.tabs.setCurrentWidget(bank)
    bank.refresh()
    select_quote(bank, q.id)
    seen = {}

    def edit(w: QWidget) -> None:
        assert isinstance(w, QInputDialog)
        seen["label"], seen["text"] = w.labelText(), w.textValue()
        w.setTextValue("Customers told us it is the easiest setup they ever saw.")
        w.accept()

    answer(edit)
    qtbot.mouseClick(bank.edit_button, Qt.MouseButton.LeftButton)
    assert seen["text"] == q.text and "approved" in seen["label"]
    saved = app.bank.get(q.id)
    assert saved.text == "Customers told us it is the easiest setup they ever saw."
    assert saved.status is QuoteStatus.CANDIDATE  # an approved text changed: reviewed again
    assert bank.table.item(0, 0).text() == "“Customers told us it is the easiest setup they ever saw.”"
    assert bank.result.text().startswith("Saved the new text: “Customers told us") and "review again" in bank.result.text()

    window.tabs.setCurrentWidget(ed)
    i = next(n for n, w in enumerate(ed.transcript.words) if w.text == "easiest")  # a fix in its vlog
    ed.open_inline("edit", i)
    ed.inline.setText("simplest")
    qtbot.keyClick(ed.inline, Qt.Key.Key_Return)
    assert app.bank.get(q.id).text == saved.text  # edited in the bank: kept
    assert "“Edit text…” in the Quote bank tab" in ed.note_text.text()

    answer(lambda w: w.reject())  # Cancel: nothing changes
    window.tabs.setCurrentWidget(bank)
    select_quote(bank, q.id)
    qtbot.mouseClick(bank.edit_button, Qt.MouseButton.LeftButton)
    assert app.bank.get(q.id).text == saved.text


def test_remove_asks_first_and_cancel_keeps_the_quotes(qtbot, window, opened) -> None:
    ed, app, bank = opened, window.app, window.bank
    words = ed.transcript.words
    a = app.bank.add_range(ed.vlog.id, words[0].start, words[8].end, tags=("launch",))
    b = app.bank.add_range(ed.vlog.id, words[9].start, words[20].end)
    app.bank.approve([a.id], by="Persdienst")
    window.tabs.setCurrentWidget(bank)
    bank.refresh()
    bank.table.selectAll()
    asked = {}

    def cancel(w: QWidget) -> None:
        assert isinstance(w, QMessageBox)
        asked["text"] = w.text()
        assert w.defaultButton().text() == "Cancel"
        w.defaultButton().click()

    answer(cancel)
    qtbot.mouseClick(bank.remove_button, Qt.MouseButton.LeftButton)
    assert asked["text"].startswith("Remove 2 quotes from the bank?") and "cannot be undone" in asked["text"]
    assert {q.id for q in app.bank.search("")} == {a.id, b.id}  # nothing lost
    assert app.bank.get(a.id).approved_by == "Persdienst"

    def remove(w: QWidget) -> None:
        asked["text"] = w.text()
        next(btn for btn in w.buttons() if btn.text() == "Remove").click()

    select_quote(bank, b.id)
    answer(remove)
    qtbot.mouseClick(bank.remove_button, Qt.MouseButton.LeftButton)
    assert asked["text"].startswith("Remove “Customers told us")
    assert [q.id for q in app.bank.search("")] == [a.id] and bank.table.rowCount() == 1


def test_a_bank_export_job_is_named_by_its_format_and_opens_its_file(qtbot, window, opened, tmp_path) -> None:  # noqa: ANN001
    from pathlib import Path

    ed, app, bank = opened, window.app, window.bank
    words = ed.transcript.words
    app.bank.add_range(ed.vlog.id, words[9].start, words[20].end)
    window.tabs.setCurrentWidget(bank)
    bank.refresh()
    bank.format.setCurrentIndex(bank.format.findData("csv"))
    bank.choose_output = lambda fmt, default: tmp_path / "bank.csv"
    qtbot.mouseClick(bank.export_button, Qt.MouseButton.LeftButton)
    job = bank.export_job
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    assert job.state == "done", job.error
    row = next(r for r in window.jobs_panel.rows if r.job is job)
    assert job.title == "Bank export: Spreadsheet (.csv)"  # the format as the user chose it, not its code
    assert Path(job.outputs[0]) == tmp_path / "bank.csv"
    assert not row.play_button.isHidden() and row.play_button.text() == "Open"  # a spreadsheet is opened, not played


def test_the_export_button_says_whether_it_exports_the_selection_or_every_quote_shown(qtbot, window, opened) -> None:
    ed, app, bank = opened, window.app, window.bank
    words = ed.transcript.words
    q = app.bank.add_range(ed.vlog.id, words[9].start, words[20].end)
    window.tabs.setCurrentWidget(bank)
    bank.refresh()
    bank.table.clearSelection()
    assert bank.export_button.text() == "Export all shown…"  # it exports the whole list: it said "selected"
    select_quote(bank, q.id)
    assert bank.export_button.text() == "Export selected…"
    bank.table.clearSelection()
    assert bank.export_button.text() == "Export all shown…"
