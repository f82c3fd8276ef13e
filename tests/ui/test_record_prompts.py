"""The Record tab and `vlogkit prompts` share one prompt list (real window offscreen, the real CLI in a
subprocess, one TinyDB library); a media file standing in for the camera is named in the app's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from vlogkit.services.prompts import EXAMPLES


def _offered(tab) -> list[str]:  # type: ignore[no-untyped-def]
    return _offered_by(tab.prompt_card)


def _offered_by(card) -> list[str]:  # type: ignore[no-untyped-def]
    """The questions the prompt box offers, after its '(no prompt - free talk)' entry."""
    return [card.choice.itemData(i) for i in range(1, card.choice.count())]


@pytest.fixture
def record_tab_app(home: Path):  # type: ignore[no-untyped-def]
    from vlogkit.config import Paths
    from vlogkit.services import App

    return App(Paths(home))


def test_questions_added_by_the_cli_show_in_the_record_tab_and_back(qtbot, window, gui_app, cli) -> None:  # type: ignore[no-untyped-def]
    from vlogkit.ui.i18n import set_language
    from vlogkit.ui.main_window import MainWindow

    tab = window.record
    assert _offered(tab) == []
    r = cli("prompts", "add", "What did your team learn this week?")
    assert r.returncode == 0, r.stderr
    # the open window follows the library file: the new question is offered without a restart
    qtbot.waitUntil(lambda: _offered(tab) == ["What did your team learn this week?"], timeout=10000)
    tab.prompt_card.choice.setCurrentIndex(1)
    assert tab.prompt_card.text.text() == "What did your team learn this week?"
    assert cli("prompts", "add", "Who helped you most?").returncode == 0
    qtbot.waitUntil(lambda: len(_offered(tab)) == 2, timeout=10000)
    assert tab.prompt_card.current() == "What did your team learn this week?"  # the chosen one stays chosen

    set_language("nl")  # the app's "Add example questions" in Dutch; the CLI lists what the app added
    tab.prompt_card.add_examples()
    listed = cli("prompts", "list", "--json").json()
    assert [p["text"] for p in listed] == ["What did your team learn this week?", "Who helped you most?",
                                           *EXAMPLES["nl"]]
    assert cli("prompts", "remove", "1").returncode == 0
    qtbot.waitUntil(lambda: len(_offered(tab)) == 6, timeout=10000)
    assert "What did your team learn this week?" not in _offered(tab)

    set_language("en")
    fresh = MainWindow(gui_app)  # the next start offers the same list
    qtbot.addWidget(fresh)
    assert _offered(fresh.record) == ["Who helped you most?", *EXAMPLES["nl"]]
    fresh.close()


def test_the_prompts_menu_edits_and_moves_the_chosen_question(qtbot, record_tab_app, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    from vlogkit.ui.i18n import set_language
    from vlogkit.ui.record_widgets import PromptCard

    for q in ("One?", "Two?", "Three?"):
        record_tab_app.prompts.add(q)
    card = PromptCard(record_tab_app.prompts)
    qtbot.addWidget(card)
    errors: list[str] = []
    card.error_raised.connect(errors.append)
    card.choice.setCurrentIndex(3)  # "Three?"
    card.move_current(-1)
    card.move_current(-1)
    card.move_current(-1)  # already first: stays there
    assert _offered_by(card) == ["Three?", "One?", "Two?"] and card.current() == "Three?"
    card.move_current(+1)
    assert _offered_by(card) == ["One?", "Three?", "Two?"] and card.current() == "Three?"
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("What are you proud of?", True))
    card.edit_current()
    assert card.current() == "What are you proud of?" and card.text.text() == "What are you proud of?"
    assert [p["text"] for p in cli("prompts", "list", "--json").json()] == ["One?", "What are you proud of?", "Two?"]
    set_language("nl")  # a clash is refused in the app's language, and nothing changes
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("Two?", True))
    card.edit_current()
    assert errors == ["Die vraag staat al in de lijst als vraag 3; er is niets veranderd."]
    assert _offered_by(card) == ["One?", "What are you proud of?", "Two?"]


def test_a_file_standing_in_for_the_camera_is_named_in_the_apps_language(qtbot, gui_app, desk_vlog: Path) -> None:  # type: ignore[no-untyped-def]
    from vlogkit.ui.main_window import MainWindow

    shown = {}
    for lang in ("nl", "fr", "en"):
        gui_app.settings.ui_language = lang
        w = MainWindow(gui_app, record_source=desk_vlog)
        qtbot.addWidget(w)
        shown[lang] = (w.record.camera_box.currentText(), w.record.mic_box.currentText())
        w.record.shutdown()
        w.close()
    assert shown["nl"] == ("Bestand: desk_vlog_en_1080p.mp4 (standaard)",) * 2
    assert shown["fr"] == ("Fichier : desk_vlog_en_1080p.mp4 (par défaut)",) * 2
    assert shown["en"] == ("File: desk_vlog_en_1080p.mp4 (default)",) * 2


def test_a_question_added_at_another_desk_of_a_team_library_shows_at_once(qtbot, team, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                           home: Path) -> None:
    from vlogkit.config import Paths
    from vlogkit.services import App
    from vlogkit.ui.main_window import MainWindow

    window = MainWindow(App(Paths(home)))
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.team_link.threads and not window.team_link._pending, timeout=10000)
        App(Paths(tmp_path / "desk-b")).prompts.add_new("What did the roadshow teach you?")
        # no file watch on a server: the NOTIFY from desk B's commit refreshes desk A's prompt box
        qtbot.waitUntil(lambda: _offered(window.record) == ["What did the roadshow teach you?"], timeout=15000)
    finally:
        window.close()
