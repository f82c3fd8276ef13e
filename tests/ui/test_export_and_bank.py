"""The export dialog (live preview, consent-gated audience, a real export job) and the quote bank view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

pytest.importorskip("vlogkit.services.export")
pytest.importorskip("vlogkit.services.bank")


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
    asked = []  # the save dialog's seam: offered the export folder and a dated name; the user keeps it
    bank.choose_output = lambda fmt, default: asked.append((fmt, default)) or default
    qtbot.mouseClick(bank.export_button, Qt.MouseButton.LeftButton)
    [(fmt, default)] = asked
    assert fmt == "csv" and default.parent == tmp_path / "out" and default.name.startswith("quotes-")
    assert default.suffix == ".csv"
    job = bank.export_job
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    assert job.state == "done", job.error
    assert Path(job.outputs[0]) == default
    csv_text = Path(job.outputs[0]).read_text(encoding="utf-8")
    # the rejected quote is left out, and the view says so
    assert "easiest setup" in csv_text and "Ann Peeters" in csv_text and "café" not in csv_text
    assert "Exported 1 quote to" in bank.result.text() and "Left out" in bank.result.text()
    # jump to the quote in its vlog
    bank.table.clearSelection()
    bank.table.selectRow(1)
    qtbot.mouseClick(bank.jump_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.editor
    target = bank.quotes[1]
    assert window.editor.vlog.id == target.vlog_id and window.editor.player.position() == target.start


def test_bank_filters_by_tag_and_language_and_exports_where_the_user_says(qtbot, window, opened,
                                                                          tmp_path: Path) -> None:
    ed, app, bank = opened, window.app, window.bank
    words = ed.transcript.words
    a = app.bank.add_range(ed.vlog.id, words[0].start, words[8].end, tags=("Launch", "team"))
    b = app.bank.add_range(ed.vlog.id, words[10].start, words[20].end, tags=("customers",))
    c = app.bank.add_range(ed.vlog.id, words[21].start, words[28].end, tags=("team",))
    app.bank.update(c.id, language="nl")
    window.tabs.setCurrentWidget(bank)
    bank.refresh()
    assert bank.table.rowCount() == 3
    tags = [bank.tag_filter.itemText(i) for i in range(bank.tag_filter.count())]
    assert tags == ["Any tag", "customers", "Launch", "team"]
    langs = [bank.language_filter.itemText(i) for i in range(bank.language_filter.count())]
    assert langs == ["Any language", "English (EN)", "Nederlands (NL)"]
    bank.tag_filter.setCurrentIndex(bank.tag_filter.findText("team"))
    assert {q.id for q in bank.quotes} == {a.id, c.id}
    bank.language_filter.setCurrentIndex(bank.language_filter.findData("nl"))
    assert [q.id for q in bank.quotes] == [c.id] and bank.table.item(0, 3).text() == "NL"
    bank.refresh()  # the choices survive a refresh (after an edit elsewhere)
    assert bank.tag_filter.currentText() == "team" and [q.id for q in bank.quotes] == [c.id]
    bank.tag_filter.setCurrentIndex(0)
    bank.language_filter.setCurrentIndex(bank.language_filter.findData("en"))
    assert {q.id for q in bank.quotes} == {a.id, b.id}
    # Export: cancelling the save dialog writes nothing; a chosen name is used (the extension added)
    bank.format.setCurrentIndex(bank.format.findData("md"))
    bank.choose_output = lambda fmt, default: None
    bank.export_selected()
    assert bank.export_job is None and not list(tmp_path.rglob("*.md"))
    bank.choose_output = lambda fmt, default: tmp_path / "picked" / "english-quotes"
    (tmp_path / "picked").mkdir()
    bank.export_selected()
    job = bank.export_job
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    assert job.state == "done", job.error
    out = tmp_path / "picked" / "english-quotes.md"
    assert job.outputs == [str(out)]
    md = out.read_text(encoding="utf-8")
    assert "Our team shipped" in md and "Ann Peeters" in md
    # cards go into the folder the user named
    bank.format.setCurrentIndex(bank.format.findData("cards"))
    bank.choose_output = lambda fmt, default: (default.name.startswith("quote-cards-") and not default.suffix
                                               and tmp_path / "cards for Ann")
    bank.export_selected()
    job = bank.export_job
    qtbot.waitUntil(lambda: not job.running, timeout=120000)
    assert job.state == "done", job.error
    pngs = sorted((tmp_path / "cards for Ann").glob("*.png"))
    assert len(pngs) >= 2 and all(Path(p).parent == tmp_path / "cards for Ann" for p in job.outputs)


def test_bank_selection_is_what_is_stored_now(qtbot, window, opened) -> None:  # type: ignore[no-untyped-def]
    """An inline edit (or another process) may be newer than the table's last refresh: exports use the stored quote."""
    ed, app, bank = opened, window.app, window.bank
    q = app.bank.add_range(ed.vlog.id, ed.transcript.words[0].start, ed.transcript.words[8].end, status="rejected")
    window.tabs.setCurrentWidget(bank)
    bank.refresh()
    assert bank.table.rowCount() == 1
    app.bank.update(q.id, status="approved")  # no refresh of the view in between
    bank.table.selectAll()
    chosen = bank.selected_quotes()
    assert [c.status.value for c in chosen] == ["approved"]


def test_gui_and_cli_search_agree(qtbot, window, opened) -> None:  # type: ignore[no-untyped-def]
    ed, app, bank = opened, window.app, window.bank
    words = ed.transcript.words
    app.bank.add_range(ed.vlog.id, words[0].start, words[8].end, tags=("launch",))
    app.bank.add_range(ed.vlog.id, words[10].start, words[20].end)
    window.tabs.setCurrentWidget(bank)
    for query in ("ONBOARDING", "launch", ed.vlog.id, "nothing-like-this"):
        bank.search.setText(query)
        assert bank.table.rowCount() == len(app.bank.search(query)), query
    bank.search.setText(ed.vlog.id)  # the source vlog's id finds its quotes in both
    assert bank.table.rowCount() == 2


def test_bank_export_refusals_read_in_the_ui_language(qtbot, window, opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Dutch UI, external audience: quotes the rule refuses are named with the rule's Dutch reason (not the service's
    English line with `vlogkit bank approve`); when none is cleared nothing is written and no job runs."""
    from vlogkit.domain import ConsentScope
    from vlogkit.ui.i18n import set_language

    ed, app, bank = opened, window.app, window.bank
    words = ed.transcript.words
    a = app.bank.add_range(ed.vlog.id, words[0].start, words[8].end)
    b = app.bank.add_range(ed.vlog.id, words[10].start, words[20].end)
    set_language("nl")
    bank.refresh()
    bank.format.setCurrentIndex(bank.format.findData("md"))
    bank.audience.setCurrentIndex(bank.audience.findData("external"))
    asked: list[str] = []
    bank.choose_output = lambda fmt, default: asked.append(fmt) or tmp_path / "extern"
    bank.export_selected()  # the vlog's consent is internal only: not even a save dialog
    assert bank.export_job is None and not asked and not list(tmp_path.glob("extern*"))
    text = bank.result.text()
    assert "Niets te exporteren" in text and "alleen voor intern gebruik" in text, text
    assert "may not" not in text and "vlogkit" not in text
    app.library.edit(ed.vlog.id, consent=ConsentScope.EXTERNAL)
    app.bank.approve([a.id], by="Press Office")
    bank.refresh()
    bank.export_selected()
    job = bank.export_job
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    assert job.state == "done", job.error
    text = bank.result.text()
    assert "Weggelaten:" in text and "nog niet goedgekeurd" in text, text
    assert f"“{b.text[:20]}" in text and b.id not in text, text  # named by its words, as a comms person knows it
    assert "not approved" not in text and "vlogkit" not in text
    set_language("fr")
    assert ") : pas encore approuvée" in bank.refusals([b], "external")[b.id]  # a French colon has its space


def test_job_progress_lines_read_in_the_ui_language(qtbot, window, opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Dutch UI: while a real export runs, the jobs panel said "Measuring loudness", "Rendering" (the services'
    English progress lines). Every line shown is now Dutch."""
    from vlogkit.ui.export_dialog import ExportDialog
    from vlogkit.ui.i18n import set_language

    set_language("nl")
    ed = opened
    dlg = ExportDialog(window.app, window.jobs, ed.vlog.id, [(0, 2500)], window)
    qtbot.addWidget(dlg)
    dlg.captions.setCurrentIndex(dlg.captions.findData("off"))
    dlg.out_dir.setText(str(tmp_path / "clips"))
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    job = dlg.export_job
    row = next(r for r in window.jobs_panel.rows if r.job is job)
    shown: list[str] = []
    job.progressed.connect(lambda _f, _m: shown.append(row.status.text()))
    qtbot.waitUntil(lambda: not job.running, timeout=120000)
    assert job.state == "done", job.error
    assert "Renderen" in shown, shown
    english = {"Preparing", "Finding faces", "Faces found", "Measuring loudness", "Rendering", "Exported"}
    assert not english & set(shown), shown
    assert row.status.text() == "Klaar"


def test_naming_the_speaker_in_the_speaker_tab_names_the_quotes_in_the_bank(qtbot, window, clip12: Path) -> None:  # type: ignore[no-untyped-def]
    """Imported without a name, a quote added, then the name typed in the Speaker tab: the bank's Speaker column
    stayed empty (and cards had no attribution). It now shows the name at once."""
    from tests.ui.conftest import import_and_wait

    vid = import_and_wait(qtbot, window, clip12, name="")
    window.open_vlog(vid)
    ed = window.editor
    qtbot.waitUntil(lambda: ed.transcript is not None, timeout=60000)
    words = ed.transcript.words
    window.app.bank.add_range(vid, words[0].start, words[8].end)
    window.bank.refresh()
    assert window.bank.table.item(0, 1).text() == "Engineer - Platform"  # no name yet
    ed.details.name.setText("Ann Peeters")
    ed.details.save_button.click()
    assert window.bank.table.item(0, 1).text() == "Ann Peeters, Engineer - Platform"
