"""No text is cut, in English, Dutch or French: every screen of the app is opened on a 1280x720 laptop screen (less
the title bar and the panel) and every visible label, button, check box, combo box, group title, tab, column header
and placeholder hint is measured against the room it has."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import import_and_wait
from tests.ui.text_fit import Cut, cuts

SIZE = (1280, 680)


def settle(qtbot) -> None:
    QApplication.processEvents()
    qtbot.wait(30)


def walk(qtbot, window) -> list[Cut]:
    found: list[Cut] = []
    w = window
    w.resize(*SIZE)
    settle(qtbot)

    def look(widget, name: str) -> None:
        settle(qtbot)
        found.extend(cuts(widget, name))

    w.tabs.setCurrentWidget(w.library)
    look(w, "library")
    vid = w.app.library.list()[0].id
    w.open_vlog(vid)
    ed = w.editor
    qtbot.waitUntil(lambda: ed.transcript is not None and len(ed.quotes.cards) > 0, timeout=60000)
    look(w, "editor")
    ed.transcript_view.select_words(2, 9)
    ed.side.setCurrentWidget(ed.preview)
    qtbot.waitUntil(lambda: ed.preview.canvas.preview is not None, timeout=60000)
    look(w, "live preview")
    ed.side.setCurrentWidget(ed.details_page)
    look(w, "editor details")
    ed.side.setCurrentWidget(ed.quotes)
    w.tabs.setCurrentWidget(w.record_page)
    look(w, "record")
    w.tabs.setCurrentWidget(w.bank)
    w.bank.refresh()
    look(w, "bank")
    w.tabs.setCurrentWidget(w.review)
    look(w, "review queue")
    ed.transcript_view.select_words(2, 9)
    ed.request_export()
    dlg = w.export_dialog
    look(dlg, "export dialog")
    dlg.reject()
    w.open_settings()
    look(w.settings_dialog, "settings")
    w.settings_dialog.reject()
    welcome = w.show_welcome()
    look(welcome, "welcome")
    welcome.reject()
    w.import_paths(["a.mp4"])
    look(w.import_dialog, "import dialog")
    w.import_dialog.reject()
    return found


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_no_text_is_cut(qtbot, gui_app, clip12: Path, lang: str) -> None:
    from vlogkit.ui.i18n import set_language
    from vlogkit.ui.main_window import MainWindow

    set_language("en")
    first = MainWindow(gui_app)
    qtbot.addWidget(first)
    first.show()
    vid = import_and_wait(qtbot, first, clip12)
    cands = gui_app.quotes.candidates(vid, top=3)
    gui_app.bank.add_candidate(vid, cands[0].rank, tags=("onboarding", "customers"))
    gui_app.bank.add_range(vid, 0, 2500, tags=("waiting",))  # a candidate: the review queue shows it
    first.jobs.wait_all(30000)
    first.close()

    gui_app.settings.ui_language = lang
    window = MainWindow(gui_app)
    qtbot.addWidget(window)
    window.show()
    found = walk(qtbot, window)
    window.jobs.cancel_all()
    window.jobs.wait_all(30000)
    assert not found, f"{lang}: {len(found)} cut:\n" + "\n".join(map(str, found))


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_the_empty_library_fits(qtbot, gui_app, lang: str) -> None:
    from vlogkit.ui.main_window import MainWindow

    gui_app.settings.ui_language = lang
    window = MainWindow(gui_app)
    qtbot.addWidget(window)
    window.show()
    window.resize(*SIZE)
    settle(qtbot)
    assert window.library.stack.currentWidget() is window.library.empty
    found = cuts(window, "empty library")
    assert not found, f"{lang}: {len(found)} cut:\n" + "\n".join(map(str, found))


def test_the_measure_finds_a_cut_label(qtbot) -> None:
    from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

    box = QWidget()
    qtbot.addWidget(box)
    lay = QHBoxLayout(box)
    label = QLabel("Consentement")
    label.setFixedWidth(40)
    button = QPushButton("Exporter la sélection…")
    button.setFixedWidth(60)
    edit = QLineEdit()
    edit.setPlaceholderText("étiquettes, séparées par des virgules")
    edit.setFixedWidth(80)
    for w in (label, button, edit):
        lay.addWidget(w)
    box.show()
    found = cuts(box, "test")
    assert {c.kind for c in found} == {"label", "QPushButton", "placeholder"}
    assert any(c.text == "Consentement" and c.has == 40 for c in found)


def test_every_button_has_a_name_and_takes_the_keyboard(qtbot, gui_app, clip12: Path) -> None:
    """Icon-only buttons carry an accessible name; buttons and the timeline are reachable with Tab."""
    from PySide6.QtWidgets import QAbstractButton, QLineEdit

    from vlogkit.ui.main_window import MainWindow

    window = MainWindow(gui_app)
    qtbot.addWidget(window)
    window.show()
    vid = import_and_wait(qtbot, window, clip12)
    window.open_vlog(vid)
    ed = window.editor
    qtbot.waitUntil(lambda: ed.transcript is not None, timeout=60000)
    nameless, unreachable = [], []
    for screen in (window.library, ed, window.bank, window.review):
        window.tabs.setCurrentWidget(screen)
        settle(qtbot)
        for b in screen.findChildren(QAbstractButton):
            if not b.isVisibleTo(screen) or isinstance(b.parent(), QLineEdit):  # a line edit's own clear icon
                continue
            if not (b.text().strip() or b.accessibleName().strip()):
                nameless.append(f"{type(screen).__name__}: {type(b).__name__} {b.toolTip()!r}")
            if not b.focusPolicy() & Qt.FocusPolicy.TabFocus:
                unreachable.append(f"{type(screen).__name__}: {b.text() or b.accessibleName()}")
    assert not nameless, nameless
    assert not unreachable, unreachable
    assert ed.timeline.focusPolicy() & Qt.FocusPolicy.TabFocus and ed.timeline.accessibleName() == "Timeline"
