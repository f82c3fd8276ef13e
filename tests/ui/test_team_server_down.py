"""The team library's server stops while the app is open: what the user clicks says so in their language (not only
on stderr), nothing is half-written, and when the server is back the same click works."""

from __future__ import annotations

from pathlib import Path

import pytest

from vlogkit.config import Paths
from vlogkit.domain import ConsentScope, Speaker
from vlogkit.services import App
from vlogkit.services.library import ImportOptions


@pytest.fixture
def own_cluster():
    """A server of this test's own: stopping it must not touch the session's shared one."""
    from tests.pgcluster import own_server

    with own_server() as cluster:
        yield cluster


def test_a_click_while_the_server_is_down_says_so_in_french_and_works_once_it_is_back(
    qtbot, own_cluster, home: Path, tmp_path: Path, small_video: Path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    from PySide6.QtCore import Qt

    from vlogkit.store.postgres import init_library
    from vlogkit.ui.error_guard import install_error_guard
    from vlogkit.ui.i18n import set_language
    from vlogkit.ui.main_window import MainWindow
    from vlogkit.ui.vlog_details import VlogDetails

    own_cluster.execute("CREATE DATABASE vlogkit")
    url = own_cluster.url("vlogkit")
    init_library(url, tmp_path / "media")
    monkeypatch.setenv("VLOGKIT_LIBRARY_URL", url)
    monkeypatch.setenv("VLOGKIT_MEDIA_ROOT", str(tmp_path / "media"))
    app = App(Paths(home))
    app.settings.ui_language = "fr"
    set_language("fr")
    v = app.library.import_file(small_video, ImportOptions(speaker=Speaker("Jan"), consent=ConsentScope.INTERNAL)).vlog
    window = MainWindow(app)
    qtbot.addWidget(window)
    guard = install_error_guard(window)
    window.show()
    try:
        assert window.open_vlog(v.id)
        details = window.editor.findChild(VlogDetails)
        own_cluster.pause()
        details.name.setText("Jan De Smet")
        qtbot.mouseClick(details.save_button, Qt.MouseButton.LeftButton)
        assert window.last_error.startswith("La bibliothèque d'équipe"), window.last_error
        assert "Rien n'a été modifié" in window.last_error and "\n" not in window.last_error
        assert "(le serveur ne tourne pas ou n'accepte pas de connexions)" in window.last_error
        assert "Connection refused" not in window.last_error  # the driver's English stays in the log
        window.last_error = ""
        window.tabs.setCurrentWidget(window.bank)  # a read nobody guarded: the tab shows its quotes from the server
        qtbot.waitUntil(lambda: window.last_error.startswith("La bibliothèque d'équipe"), timeout=5000)
        own_cluster.resume()
        qtbot.mouseClick(details.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: App(Paths(tmp_path / "desk-b")).vlogs.get(v.id).speaker.name == "Jan De Smet",
                        timeout=10000)
    finally:
        window.close()
        window.jobs.wait_all(30000)
        for t in window.team_link.threads:  # the listener stops, and its last refresh runs while the server is up
            t.join(15)
        qtbot.wait(600)
        guard.uninstall()
