"""The export dialog offers external use only while the vlog's external consent is still valid today."""

from __future__ import annotations

from pathlib import Path


def test_expired_external_consent_disables_external(qtbot, window, clip12: Path) -> None:  # type: ignore[no-untyped-def]
    from vlogkit.domain import ConsentScope
    from vlogkit.services.library import ImportOptions
    from vlogkit.ui.export_dialog import ExportDialog

    app = window.app
    vid = app.library.import_file(clip12, ImportOptions(consent=ConsentScope.EXTERNAL)).vlog.id
    ok = ExportDialog(app, window.jobs, vid, [(0, 3000)])
    qtbot.addWidget(ok)
    assert ok.audience.model().item(1).isEnabled()
    app.library.edit(vid, consent_expires="2020-01-01")
    expired = ExportDialog(app, window.jobs, vid, [(0, 3000)])
    qtbot.addWidget(expired)
    assert not expired.audience.model().item(1).isEnabled()
    assert "consent expired on 2020-01-01" in expired.audience_note.text()  # the rule's own words
    assert not expired.buttons.button(expired.buttons.StandardButton.Ok).isEnabled()  # no audience: no export


def test_internal_only_vlog_says_only_external_is_off(qtbot, window, clip12: Path) -> None:  # type: ignore[no-untyped-def]
    """With internal consent the export goes ahead: the note names the audience that is off, it does not say the vlog
    may not be exported (a new user read that as "blocked")."""
    from vlogkit.domain import ConsentScope
    from vlogkit.services.library import ImportOptions
    from vlogkit.ui.export_dialog import ExportDialog

    app = window.app
    vid = app.library.import_file(clip12, ImportOptions(consent=ConsentScope.INTERNAL)).vlog.id
    dlg = ExportDialog(app, window.jobs, vid, [(0, 3000)])
    qtbot.addWidget(dlg)
    assert dlg.audience.currentData() == "internal"
    assert dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()
    note = dlg.audience_note.text()
    assert "may not be exported" not in note
    assert note.startswith("External: not available")
    assert "internal use only" in note


def test_no_consent_preview_says_what_to_do_in_the_app_in_the_ui_language(qtbot, window, clip12: Path) -> None:  # type: ignore[no-untyped-def]
    """Nothing cleared: the preview and the note say it in the UI language and point to the Speaker tab - never a
    `vlogkit edit` command line (a comms person using the app has no terminal open)."""
    from vlogkit.services.library import ImportOptions
    from vlogkit.ui.export_dialog import ExportDialog
    from vlogkit.ui.i18n import set_language

    app = window.app
    vid = app.library.import_file(clip12, ImportOptions()).vlog.id  # no consent recorded
    set_language("nl")
    dlg = ExportDialog(app, window.jobs, vid, [(0, 3000)])
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: "toestemming" in dlg.preview.text(), timeout=10000)
    for text in (dlg.preview.text(), dlg.audience_note.text()):
        assert "vlogkit edit" not in text and "`" not in text
        assert "er is geen toestemming vastgelegd" in text
        assert "tabblad Spreker" in text
    assert not dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()


def test_save_to_a_file_says_so_in_the_ui_language_and_starts_nothing(qtbot, window, clip12: Path,  # type: ignore[no-untyped-def]
                                                                     tmp_path: Path) -> None:
    from vlogkit.domain import ConsentScope
    from vlogkit.services.library import ImportOptions
    from vlogkit.ui.export_dialog import ExportDialog
    from vlogkit.ui.i18n import set_language

    app = window.app
    vid = app.library.import_file(clip12, ImportOptions(consent=ConsentScope.INTERNAL)).vlog.id
    set_language("nl")
    dlg = ExportDialog(app, window.jobs, vid, [(0, 2000)])
    qtbot.addWidget(dlg)
    notes = tmp_path / "notes.txt"
    notes.write_text("mine", encoding="utf-8")
    dlg.out_dir.setText(str(notes))
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert dlg.export_job is None
    assert "is een bestand, geen map" in dlg.preview.text()
    assert notes.read_text(encoding="utf-8") == "mine"
