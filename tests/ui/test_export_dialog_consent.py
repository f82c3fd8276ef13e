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
