"""The app on a team library: another desk's import shows up by itself; Send to comms; who did what."""

from __future__ import annotations

from pathlib import Path

from vlogkit.config import Paths
from vlogkit.domain import ConsentScope, Speaker
from vlogkit.services import App
from vlogkit.services.library import ImportOptions


def test_another_desks_import_appears_and_send_to_comms_writes_a_package(
    qtbot, team: dict[str, str], tmp_path: Path, home: Path, small_video: Path  # noqa: ANN001
) -> None:
    from vlogkit.ui.main_window import MainWindow
    from vlogkit.ui.team_link import ActivityDialog

    desk_a = App(Paths(home))
    desk_a.settings.user_name = "comms.lead"
    window = MainWindow(desk_a)
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.library.list.count() == 0
        qtbot.waitUntil(lambda: window.team_link.threads and not window.team_link._pending, timeout=10000)
        desk_b = App(Paths(tmp_path / "desk-b"))
        desk_b.settings.user_name = "roadshow"
        v = desk_b.library.import_file(small_video, ImportOptions(speaker=Speaker("Julien"),
                                                                  consent=ConsentScope.INTERNAL)).vlog
        # no click, no file watch: the NOTIFY from desk B's commit refreshes desk A's list
        qtbot.waitUntil(lambda: window.library.list.count() == 1, timeout=15000)
        assert "Julien" in window.library.list.item(0).text()
        window.library.list.item(0).setSelected(True)
        assert window.library.send_button.isEnabled()
        out = tmp_path / "outbox"
        out.mkdir()
        job = window.team_link.send(window.jobs, v.id, out)
        qtbot.waitUntil(lambda: not job.running, timeout=30000)
        assert job.error == "" and [p.suffix for p in out.iterdir()] == [".vlogkit"]
        dlg = ActivityDialog(desk_a, window)
        cells = {(dlg.table.item(r, 1).text(), dlg.table.item(r, 2).text()) for r in range(dlg.table.rowCount())}
        assert ("comms.lead", "Sent to comms") in cells
    finally:
        window.close()
        window.jobs.wait_all(30000)


def test_an_unreachable_team_library_offers_this_computers_own(
    qtbot, home: Path, monkeypatch, small_video: Path  # noqa: ANN001
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.conftest import answer_boxes
    from vlogkit.ui.main import open_library
    from vlogkit.ui.main_window import MainWindow

    monkeypatch.delenv("VLOGKIT_LIBRARY_URL", raising=False)
    App(Paths(home)).library.import_file(small_video, ImportOptions(consent=ConsentScope.INTERNAL))  # the desk's own
    monkeypatch.setenv("VLOGKIT_LIBRARY_URL", "postgresql://comms:secret@127.0.0.1:1/team")
    shown = answer_boxes(monkeypatch)  # the user reads it and works on this computer's library
    app = App(Paths(home))
    assert open_library(app) is True
    assert "postgresql://comms:***@127.0.0.1:1/team" in shown[0] and "secret" not in shown[0]
    assert app.store.kind == "tinydb"
    window = MainWindow(app)
    qtbot.addWidget(window)
    assert window.library.list.count() == 1  # the desk's own library, still usable
    window.close()
    quit_app = App(Paths(home))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: box.buttons()[1].click() or 0)
    assert open_library(quit_app) is False


def test_activity_reads_in_the_ui_language_and_says_when_empty(qtbot, window, clip12: Path) -> None:  # noqa: ANN001
    """Dutch UI: the activity list showed the log's codes ("consent", "approved", "internal"); an empty one was a
    bare table. Now the kinds and audiences are words in the UI language, and an empty log says what will show."""
    from vlogkit.ui.i18n import set_language
    from vlogkit.ui.team_link import ActivityDialog

    app = window.app
    set_language("nl")
    empty = ActivityDialog(app, window)
    qtbot.addWidget(empty)
    assert empty.table.isHidden() and "export" in empty.empty.text().lower() and not empty.empty.isHidden()
    vid = app.library.import_file(clip12, ImportOptions(speaker=Speaker("Ann"), consent=ConsentScope.NONE)).vlog.id
    app.library.edit(vid, consent=ConsentScope.INTERNAL)
    q = app.bank.add_range(vid, 0, 2000)
    app.bank.approve([q.id], by="Persdienst")
    dlg = ActivityDialog(app, window)
    qtbot.addWidget(dlg)
    rows = {(dlg.table.item(r, 2).text(), dlg.table.item(r, 4).text()) for r in range(dlg.table.rowCount())}
    assert rows == {("Toestemming gewijzigd", "Intern"), ("Citaat goedgekeurd", "-")}, rows
    # the details too: the log keeps them as written (`vlogkit log`), the dialog reads them in Dutch
    details = {dlg.table.item(r, 2).text(): dlg.table.item(r, 5).text() for r in range(dlg.table.rowCount())}
    assert details["Citaat goedgekeurd"] == f"citaat {q.id}: kandidaat → goedgekeurd"
    assert details["Toestemming gewijzigd"].startswith("toestemming geen → intern, gegeven op 20")
    assert details["Toestemming gewijzigd"].endswith(", genoteerd door " + app.user)
    assert any(e["detail"].startswith("consent none -> internal") for e in app.export_log.entries())
    set_language("en")


def test_activity_details_read_in_dutch_and_french_and_unknown_ones_stay_as_written() -> None:
    from vlogkit.ui.activity_text import activity_detail
    from vlogkit.ui.i18n import set_language

    package = "Ann_vlog.vlogkit.zip from Els (foreign); consent none until confirmed (claimed external)"
    set_language("fr")
    assert activity_detail(package) == ("Ann_vlog.vlogkit.zip de Els (une autre équipe) ; pas de consentement avant "
                                        "confirmation (le paquet indique externe)")
    assert activity_detail("removed 4 item(s), rebuilt 1, 2 shared file(s) to rebuild") == \
        "éléments supprimés : 4, refaits : 1, fichiers partagés à refaire : 2"
    assert activity_detail("consent internal -> external, given 2026-11-02, expires 2027-11-02, recorded by Els") == \
        "consentement interne → externe, donné le 2026-11-02, valable jusqu'au 2027-11-02, enregistré par Els"
    set_language("nl")
    assert activity_detail("signed with the team key") == "ondertekend met de teamsleutel"
    assert activity_detail("transcript text, 1204 characters") == "tekst van de transcriptie, 1204 tekens"
    for as_written in ("camera.enabled = true", "the package's signature does not match", ""):
        assert activity_detail(as_written) == as_written  # a setting, a refusal's own words
    set_language("en")
    assert activity_detail("quote q1: candidate -> approved") == "quote q1: candidate → approved"


def test_progress_lines_read_in_the_ui_language_and_unknown_ones_stay_as_written() -> None:
    from vlogkit.ui.i18n import set_language
    from vlogkit.ui.progress_text import progress_text

    set_language("nl")
    assert progress_text("Measuring loudness") == "Luidheid meten"
    assert progress_text("Transcribing (nl)") == "Uitschrijven (nl)"
    assert progress_text("Card 2 of 5") == "Kaart 2 van 5"
    assert progress_text("Something new") == "Something new"
    set_language("en")
