"""The export dialog (live preview, consent-gated audience, a real export job) and the quote bank view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.ui.conftest import import_and_wait

pytest.importorskip("vlogkit.services.export")
pytest.importorskip("vlogkit.services.bank")


@pytest.fixture
def opened(qtbot, window, clip12: Path):
    vid = import_and_wait(qtbot, window, clip12)
    window.open_vlog(vid)
    ed = window.editor
    qtbot.waitUntil(lambda: ed.transcript is not None, timeout=60000)
    return ed


def test_export_dialog_previews_and_runs_a_real_export(qtbot, window, opened, tmp_path: Path) -> None:
    ed = opened
    ed.transcript_view.select_words(0, 5)  # "Our team shipped the new onboarding"
    window.editor.request_export()  # what Ctrl+E does
    dlg = window.export_dialog
    assert dlg is not None and dlg.isVisible()
    # internal consent only: external is disabled, with the reason
    assert not dlg.audience.model().item(1).isEnabled() and "consent" in dlg.audience_note.text()
    qtbot.waitUntil(lambda: dlg.preview.pixmap() is not None and not dlg.preview.pixmap().isNull(), timeout=120000)
    pix = dlg.preview.pixmap()
    assert pix.height() > pix.width()  # the reel preview is 9:16
    dlg.out_dir.setText(str(tmp_path / "clips"))
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    job = dlg.export_job
    assert job is not None and job in window.jobs.jobs
    row = next(r for r in window.jobs_panel.rows if r.job is job)
    qtbot.waitUntil(lambda: not job.running, timeout=300000)
    assert job.state == "done", job.error
    out = Path(job.outputs[0])
    assert out.exists() and out.parent == tmp_path / "clips" and out.suffix == ".mp4"
    assert not row.open_button.isHidden() and not row.play_button.isHidden() and row.cancel_button.isHidden()
    from vlogkit.media.probe import probe

    info = probe(out)
    assert info.display_size == (1080, 1920)
    w = ed.transcript.words
    assert abs(info.duration_ms - (w[5].end - w[0].start)) < 1500


def test_bank_search_edit_export_and_copy(qtbot, window, opened, tmp_path: Path) -> None:
    ed = opened
    app = window.app
    a = app.bank.add_range(ed.vlog.id, ed.transcript.words[0].start, ed.transcript.words[8].end, tags=("launch",))
    app.bank.add_range(ed.vlog.id, ed.transcript.words[10].start, ed.transcript.words[20].end)
    app.bank.update(a.id, text="Our café team shipped the new onboarding flow last week.")
    window.tabs.setCurrentWidget(window.bank)
    bank = window.bank
    assert bank.table.rowCount() == 2
    bank.search.setText("cafe")  # accent-insensitive
    assert bank.table.rowCount() == 1 and "café" in bank.table.item(0, 0).text()
    # tags and status are edited inline and stored
    bank.table.item(0, 5).setText("launch, onboarding")
    assert set(app.bank.get(a.id).tags) == {"launch", "onboarding"}
    combo = bank.table.cellWidget(0, 4)
    combo.setCurrentIndex(combo.findData("rejected"))
    assert app.bank.get(a.id).status.value == "rejected"
    bank.search.clear()
    bank.table.selectAll()
    qtbot.mouseClick(bank.copy_button, Qt.MouseButton.LeftButton)
    clip = QApplication.clipboard().text()
    assert "“Our café team shipped" in clip and "Ann Peeters, Engineer" in clip
    app.settings.export_dir = str(tmp_path / "out")
    bank.format.setCurrentIndex(bank.format.findData("csv"))
    qtbot.mouseClick(bank.export_button, Qt.MouseButton.LeftButton)
    job = bank.export_job
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    assert job.state == "done", job.error
    csv_text = Path(job.outputs[0]).read_text(encoding="utf-8")
    # the rejected quote is left out, and the view says so
    assert "easiest setup" in csv_text and "Ann Peeters" in csv_text and "café" not in csv_text
    assert "Exported 1 quote(s)" in bank.result.text() and "Left out" in bank.result.text()
    # jump to the quote in its vlog
    bank.table.clearSelection()
    bank.table.selectRow(1)
    qtbot.mouseClick(bank.jump_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.editor
    target = bank.quotes[1]
    assert window.editor.vlog.id == target.vlog_id and window.editor.player.position() == target.start
