"""A clip of a bank quote from the Quote bank tab: "Show in vlog" selects the quote's words as the clip (so "Export
clip…" cuts that quote, not quote card #1), and "Export clip…" in the bank opens the export dialog for it, where the
quote's own status counts - real widgets offscreen, a real TinyDB bank, a real ffmpeg export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.conftest import select_quote


def test_show_in_vlog_selects_the_bank_quote_so_export_clip_cuts_it(qtbot, window, opened) -> None:
    ed, app, bank = opened, window.app, window.bank
    words = ed.transcript.words
    proud = app.bank.add_range(ed.vlog.id, words[-8].start, words[-1].end)  # "I am proud of what we built together."
    ed.transcript_view.select_words(0, 3)  # an earlier selection: "Our team shipped the"
    window.tabs.setCurrentWidget(bank)
    bank.refresh()
    select_quote(bank, proud.id)
    qtbot.mouseClick(bank.jump_button, Qt.MouseButton.LeftButton)

    clip = app.export.quote_clip(proud)
    assert window.tabs.currentWidget() is ed and ed.player.position() == proud.start
    assert ed.in_out == clip  # the quote's words are the clip now
    a, b = ed.transcript_view.selection_range
    assert " ".join(w.display for w in words[a:b + 1]) == "I am proud of what we built together."
    ed.request_export()  # "Export clip…" in the editor (Ctrl+E)
    assert window.export_dialog.ranges == [clip]  # not quote card #1


def test_export_clip_in_the_bank_cuts_the_quote_and_a_rejected_quote_goes_nowhere(qtbot, window, opened,
                                                                                  tmp_path: Path) -> None:
    from vlogkit.domain import QuoteStatus
    from vlogkit.media.probe import probe

    ed, app, bank = opened, window.app, window.bank
    words = ed.transcript.words
    line = app.bank.add_range(ed.vlog.id, words[9].start, words[19].end)  # "Customers told us ... ever seen."
    window.tabs.setCurrentWidget(bank)
    bank.refresh()
    select_quote(bank, line.id)
    qtbot.mouseClick(bank.clip_button, Qt.MouseButton.LeftButton)
    dlg = window.export_dialog
    assert dlg is not None and dlg.isVisible() and dlg.quote_id == line.id
    clip = app.export.quote_clip(line)
    assert dlg.ranges == [clip] and ed.in_out == clip
    assert any(lbl.text() == f"From the bank: “{line.text}”" for lbl in dlg.findChildren(type(bank.result)))
    for name, box in dlg.preset_boxes.items():
        box.setChecked(name == "square")
    dlg.out_dir.setText(str(tmp_path / "clips"))
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    job = dlg.export_job
    qtbot.waitUntil(lambda: not job.running, timeout=300000)
    assert job.state == "done", job.error
    info = probe(Path(job.outputs[0]))
    assert info.display_size == (1080, 1080)
    assert abs(info.duration_ms - (clip[1] - clip[0])) < 600  # the quote's clip, not another line

    dlg.reject()
    app.bank.update(line.id, status=QuoteStatus.REJECTED)  # a rejected quote goes nowhere, as `export --quote` says
    bank.refresh()
    select_quote(bank, line.id)
    qtbot.mouseClick(bank.clip_button, Qt.MouseButton.LeftButton)
    dlg = window.export_dialog
    assert not dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "rejected" in dlg.audience_note.text()
