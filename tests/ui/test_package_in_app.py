"""A vlog that came in a hand-off package, in the app: the details say where it came from, and an unsigned
package's consent is confirmed with one click - kept exactly as the package claimed it."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from vlogkit.config import Paths
from vlogkit.domain import ConsentScope, Speaker
from vlogkit.services import App
from vlogkit.services.library import ImportOptions

PAST = dt.date.today() - dt.timedelta(days=30)


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_details_show_the_package_and_confirm_its_consent_as_claimed(
    qtbot, gui_app: App, tmp_path: Path, small_video: Path, monkeypatch: pytest.MonkeyPatch, lang: str  # noqa: ANN001
) -> None:
    from PySide6.QtCore import Qt

    from tests.ui.text_fit import cuts
    from vlogkit.ui.i18n import set_language, tr
    from vlogkit.ui.main_window import MainWindow
    from vlogkit.ui.vlog_details import VlogDetails

    monkeypatch.delenv("VLOGKIT_LIBRARY_URL", raising=False)
    monkeypatch.delenv("VLOGKIT_TEAM_KEY", raising=False)
    lotte = App(Paths(tmp_path / "lotte"), local=True)
    lotte.settings.user_name = "lotte.hr"
    vid = lotte.library.import_file(small_video, ImportOptions(
        speaker=Speaker("Jan De Smet"), consent=ConsentScope.EXTERNAL, consent_date=PAST,
        recorded_by="Lotte Peeters")).vlog.id
    pkg = lotte.handoff.send(vid, tmp_path / "jan.vlogkit").path
    gui_app.handoff.import_package(pkg)
    gui_app.settings.user_name = "karim.comms"
    gui_app.settings.ui_language = lang
    set_language(lang)
    window = MainWindow(gui_app)
    qtbot.addWidget(window)
    window.show()
    window.resize(1280, 680)  # a laptop screen, as tests/ui/test_text_fits.py measures
    try:
        assert window.open_vlog(vid)
        window.editor.side.setCurrentWidget(window.editor.details_page)
        details = window.editor.findChild(VlogDetails)
        qtbot.waitUntil(details.origin.isVisible, timeout=5000)
        origin = details.origin.text()
        assert "jan.vlogkit" in origin and "lotte.hr" in origin and tr("unsigned") in origin, origin
        assert tr("External (public) use") in origin and details.confirm_button.isVisible()
        if lang == "fr":
            assert "non signé" in origin and details.confirm_button.text() == "Confirmer le consentement du paquet"
        assert not cuts(details, "details"), cuts(details, "details")
        label = details.origin  # the whole origin is readable: the panel scrolls rather than squash it
        assert label.height() >= label.heightForWidth(label.width()), (label.height(), label.heightForWidth(label.width()))
        if os.environ.get("VLOGKIT_SHOTS"):
            window.grab().save(os.environ["VLOGKIT_SHOTS"])
        qtbot.mouseClick(details.confirm_button, Qt.MouseButton.LeftButton)
        c = gui_app.vlogs.get(vid).consent
        assert (c.scope, c.date, c.recorded_by) == (ConsentScope.EXTERNAL, PAST, "Lotte Peeters")
        assert gui_app.vlogs.get(vid).extra["consent_confirmed"]["by"] == "karim.comms"
        assert not details.confirm_button.isVisible() and window.last_error == ""
    finally:
        window.close()
        window.jobs.wait_all(30000)
