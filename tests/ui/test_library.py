"""The library view driven offscreen: import by drop, thumbnails, state/consent, search, remove, window state."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.ui.conftest import import_and_wait

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def drop_files(widget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)  # Qt delivers a drop only after the drag entered
    assert enter.isAccepted()
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def test_drop_asks_who_speaks_imports_and_transcribes(qtbot, window, clip12: Path) -> None:
    lib = window.library
    assert lib.stack.currentWidget() is lib.empty
    for way in ("Record a vlog", "Import videos…", "Import a folder…", "drop videos", "sample vlog"):
        assert way in lib.empty.text()
    drop_files(lib, [clip12])
    dlg = window.import_dialog
    assert dlg is not None and dlg.isVisible()
    dlg.name.setText("Ann Peeters")
    dlg.role.setText("Engineer")
    dlg.consent.setCurrentIndex(dlg.consent.findData("external"))
    qtbot.mouseClick(dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lib.list.count() == 1, timeout=60000)
    vid = lib.list.item(0).data(Qt.ItemDataRole.UserRole)
    # transcription starts by itself after import (the setting's default) and the row says so when done
    qtbot.waitUntil(lambda: "Transcribed" in lib.list.item(0).text(), timeout=60000)
    text = lib.list.item(0).text()
    assert "Ann Peeters, Engineer" in text and "0:12" in text and "External" in text and "EN" in text
    vlog = window.app.library.get(vid)
    assert Path(vlog.extra["thumbnail"]).exists()
    assert window.app.transcription.get(vid).words[0].text == "Our"
    # the dialog remembers the last speaker for next time
    saved = json.loads(window.app.paths.settings_file.read_text())
    assert saved["last_speaker"]["name"] == "Ann Peeters"
    drop_files(lib, [clip12])
    assert window.import_dialog.name.text() == "Ann Peeters"
    window.import_dialog.reject()


def test_search_filters_and_remove_keep_the_users_file(qtbot, window, clip12: Path, tmp_path: Path) -> None:
    mine = tmp_path / "Zoë's vlog.mp4"
    mine.write_bytes(clip12.read_bytes())
    before = mine.read_bytes()
    vid = import_and_wait(qtbot, window, mine, name="Zoë Janssens")
    lib = window.library
    lib.search.setText("zoe")  # accent-insensitive
    assert lib.list.count() == 1
    lib.search.setText("nobody")
    assert lib.list.count() == 0 and lib.stack.currentWidget() is lib.no_match
    lib.search.clear()
    lib.consent_filter.setCurrentIndex(lib.consent_filter.findData("external"))
    assert lib.list.count() == 0
    lib.consent_filter.setCurrentIndex(0)
    lib.list.item(0).setSelected(True)
    qtbot.mouseClick(lib.remove_button, Qt.MouseButton.LeftButton)
    assert lib.list.count() == 0 and window.app.library.list() == []
    assert mine.read_bytes() == before  # the user's file is untouched
    assert "not touched" in window.statusBar().currentMessage()
    assert vid


def test_failed_import_is_one_readable_line(qtbot, window, tmp_path: Path) -> None:
    bad = tmp_path / "notes.mp4"
    bad.write_text("not a video")
    from vlogkit.services.library import ImportOptions

    job = window.start_import([str(bad)], ImportOptions())
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    assert window.last_error and "Traceback" not in window.last_error and "\n" not in window.last_error
    assert "notes.mp4" in window.last_error


def test_window_remembers_its_geometry(qtbot, gui_app) -> None:
    from vlogkit.ui.main_window import MainWindow

    w = MainWindow(gui_app)
    qtbot.addWidget(w)
    w.show()
    w.resize(790, 600)  # the offscreen screen is 800x600: stay inside it
    qtbot.waitUntil(lambda: w.width() == 790)
    w.close()
    assert gui_app.paths.window_state_file.exists()
    again = MainWindow(gui_app)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (790, 600)
    assert "vlogkit" in again.windowTitle()


def test_gui_without_a_display_prints_one_line(home: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["VLOGKIT_HOME"] = str(home)
    proc = subprocess.run([sys.executable, "-m", "vlogkit", "gui"], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "QT_QPA_PLATFORM=offscreen" in lines[0] and "Traceback" not in proc.stderr


def test_gui_with_a_dead_display_prints_one_line(home: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(VLOGKIT_HOME=str(home), DISPLAY=":987")
    proc = subprocess.run([sys.executable, "-m", "vlogkit", "gui"], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and ":987 is not running" in lines[0]


def test_multi_select_transcribes_several_and_ctrl_f_focuses_search(qtbot, window, clip12: Path, small_video: Path
                                                                    ) -> None:
    from vlogkit.services.library import ImportOptions

    window.app.settings.auto_transcribe = False
    job = window.start_import([str(clip12), str(small_video)], ImportOptions())
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    lib = window.library
    assert lib.list.count() == 2 and all("New" in lib.list.item(i).text() for i in range(2))
    assert not lib.transcribe_button.isEnabled()
    lib.list.selectAll()
    qtbot.mouseClick(lib.transcribe_button, Qt.MouseButton.LeftButton)
    assert all("Transcribing" in lib.list.item(i).text() for i in range(2))
    qtbot.waitUntil(lambda: all("Transcribed" in lib.list.item(i).text() for i in range(2)), timeout=60000)
    assert all(v.state.value == "transcribed" for v in window.app.library.list())
    window.tabs.setCurrentWidget(window.bank)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.bank.search.hasFocus() or QApplication.focusWidget() is window.bank.search


def test_consent_badges_say_what_the_rule_allows(qtbot, window, clip12: Path) -> None:
    import datetime as dt

    from vlogkit.domain import ConsentScope
    from vlogkit.ui.badges import consent_badge

    vid = import_and_wait(qtbot, window, clip12, consent=ConsentScope.EXTERNAL)
    app = window.app
    until = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    vlog = app.library.edit(vid, consent=ConsentScope.EXTERNAL, consent_expires=until)
    badge = consent_badge(app, vlog)
    assert badge.label == "External"
    assert badge.tooltip == f"External: may be shared outside the company, until {until}."
    vlog = app.library.edit(vid, consent=ConsentScope.INTERNAL, consent_expires="")
    assert consent_badge(app, vlog).label == "Internal" and "colleagues" in consent_badge(app, vlog).tooltip
    vlog = app.library.edit(vid, consent=ConsentScope.NONE)
    badge = consent_badge(app, vlog)
    assert badge.scope == "none" and badge.tooltip.startswith("No consent: ") and ".." not in badge.tooltip
    window.library.refresh()
    assert "No consent" in window.library.list.item(0).text()
    assert window.library.list.item(0).toolTip().startswith(badge.tooltip)


def test_the_empty_librarys_sample_button_imports_and_opens_the_sample(qtbot, window) -> None:
    lib = window.library
    assert lib.stack.currentWidget() is lib.empty
    qtbot.mouseClick(lib.empty.sample_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.editor.vlog is not None, timeout=60000)
    vlog = window.editor.vlog
    assert vlog.title == "Sample vlog - try me" and vlog.speaker.role == "Synthetic voice"
    assert window.tabs.currentWidget() is window.editor
    assert lib.list.count() == 1 and "sample" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: vlog.id not in window.transcribing, timeout=60000)  # transcribed like any import


def test_importing_a_moved_file_again_says_the_vlog_found_it(qtbot, window, clip12: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The vlog's file moved; the user drops it from its new place on the window, as the "file is gone" message
    says. The status bar said "Imported 0 vlog(s)"; it now says the vlog found its file, and the vlog uses it."""
    import shutil

    from vlogkit.domain import ConsentScope
    from vlogkit.services.library import ImportOptions

    app = window.app
    first = tmp_path / "a.mp4"
    shutil.copyfile(clip12, first)
    vid = app.library.import_file(first, ImportOptions(consent=ConsentScope.INTERNAL)).vlog.id
    moved = tmp_path / "elsewhere.mp4"
    first.rename(moved)
    job = window.start_import([str(moved)], ImportOptions())
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    assert app.library.get(vid).path == str(moved)
    assert "found its file again" in window.statusBar().currentMessage()


def test_a_vlog_whose_file_is_gone_says_so_on_its_card(qtbot, window, clip12: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The card showed "Transcribed" for a vlog whose video had been moved away; only opening it and reading the
    timeline told why nothing played or exported. The card now says "File missing" (and the path is its tooltip)."""
    import shutil

    from vlogkit.domain import ConsentScope
    from vlogkit.services.library import ImportOptions
    from vlogkit.ui.library_card import STATE_ROLE

    app = window.app
    first = tmp_path / "take.mp4"
    shutil.copyfile(clip12, first)
    app.library.import_file(first, ImportOptions(consent=ConsentScope.INTERNAL))
    first.rename(tmp_path / "moved.mp4")
    window.library.refresh()
    item = window.library.list.item(0)
    assert item.data(STATE_ROLE) == "missing"
    assert "File missing" in item.text() and str(first) in item.toolTip()


def test_next_import_never_inherits_the_previous_persons_consent_and_typing_replaces_the_name(
        qtbot, window, clip12: Path) -> None:
    """Trial 6: after importing Sofie's vlog with external consent, the dialog for Luc's phone clip started at
    'External (public) use' and typing 'Luc Dubois' into it stored 'Sofie JanssensLuc Dubois'."""
    window.app.settings.last_speaker = {"name": "Sofie Janssens", "role": "Process engineer",
                                        "team": "Production Antwerp", "language": "en", "consent": "external"}
    lib = window.library
    drop_files(lib, [clip12])
    dlg = window.import_dialog
    qtbot.waitExposed(dlg)
    assert dlg.consent.currentData() == "none" and dlg.consent.currentText() == "No consent recorded"
    assert dlg.language.currentData() == "en"  # the language is still remembered
    dlg.activateWindow()  # what the window manager does for a new dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.name)
    qtbot.keyClicks(dlg.name, "Luc Dubois")  # typed as a user types: into the focused, pre-filled field
    assert dlg.name.text() == "Luc Dubois"
    dlg.consent.setCurrentIndex(dlg.consent.findData("internal"))
    qtbot.mouseClick(dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lib.list.count() == 1, timeout=60000)
    vlog = window.app.library.get(lib.list.item(0).data(Qt.ItemDataRole.UserRole))
    assert vlog.speaker.name == "Luc Dubois" and vlog.consent.scope.value == "internal"
    assert "consent" not in json.loads(window.app.paths.settings_file.read_text())["last_speaker"]
    drop_files(lib, [clip12])
    assert window.import_dialog.consent.currentData() == "none"
    window.import_dialog.reject()
