"""The Record tab, offscreen: no devices on this machine (the message, import still works), and the whole take
flow with the file-backed camera playing the desk vlog."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from vlogkit.capture.backend import DeviceInfo
from vlogkit.capture.session import State
from vlogkit.domain import ConsentScope

NO_DEVICES = {"cameras": [], "microphones": []}


@pytest.fixture
def record_app(home: Path):
    from vlogkit.config import Paths
    from vlogkit.services import App

    return App(Paths(home))


def shown(label) -> str:
    """The text a rich-text label shows (tags gone, entities decoded)."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


def make_tab(qtbot, app, **kwargs):
    from vlogkit.ui.record_tab import RecordTab

    tab = RecordTab(app, **kwargs)
    qtbot.addWidget(tab)
    tab.resize(1200, 860)
    tab.show()
    return tab


@pytest.fixture
def file_tab(qtbot, record_app, desk_vlog: Path):
    cam = DeviceInfo("file", "File camera", True)
    tab = make_tab(qtbot, record_app, devices={"cameras": [cam], "microphones": [cam]},
                   backend_factory=lambda: record_app.capture.file_backend(desk_vlog))
    tab.countdown_s = 1
    yield tab
    tab.close()


def test_record_tab_with_no_devices_says_so_plainly_and_how_to_fix_it(qtbot, record_app) -> None:
    from vlogkit.capture.devices import list_devices

    if any(list_devices().values()):
        pytest.skip("this machine has a camera or microphone")
    tab = make_tab(qtbot, record_app)  # the real Qt Multimedia device list: empty here
    assert tab.no_device.isVisible()
    text = shown(tab.no_device.message)
    assert "No camera and no microphone found" in text
    assert "Linux: plug the camera in" in text and "Plug the microphone in" in text  # this system first
    assert text.count("Linux:") == 1  # one line per system, its name said once
    # the other systems' steps fold out (support staff read the same screen)
    assert not tab.no_device.details.isVisible()
    qtbot.mouseClick(tab.no_device.details_button, Qt.MouseButton.LeftButton)
    assert tab.no_device.details.isVisible()
    for os_name in ("macOS", "Windows"):
        assert os_name in shown(tab.no_device.details)
    assert not tab.record_button.isEnabled()
    assert tab.camera_box.currentText() == "none found"
    assert tab.session is None  # nothing was opened
    tab.close()


def test_record_tab_with_a_microphone_but_no_camera_offers_audio_only(qtbot, record_app, desk_vlog: Path) -> None:
    mic = DeviceInfo("mic1", "USB microphone", True)
    tab = make_tab(qtbot, record_app, devices={"cameras": [], "microphones": [mic]},
                   backend_factory=lambda: record_app.capture.file_backend(desk_vlog))
    assert "No camera found" in tab.no_device.message.text() and "Audio only" in tab.no_device.message.text()
    assert tab.audio_only_check.isChecked() and tab.record_button.isEnabled()
    assert tab.config().audio_only and tab.config().microphone_id == "mic1"
    assert tab.session is not None and tab.session.config.audio_only
    qtbot.waitUntil(lambda: tab.level_meter.value() > 0, timeout=5000)  # the meter moves with the microphone
    tab.close()


def test_record_tab_import_still_works_without_devices(qtbot, record_app, small_video: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    tab = make_tab(qtbot, record_app, devices=NO_DEVICES)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(small_video)], ""))
    with qtbot.waitSignal(tab.take_kept, timeout=30000) as blocker:
        qtbot.mouseClick(tab.no_device.import_button, Qt.MouseButton.LeftButton)
    [vlog] = record_app.library.list()
    assert blocker.args == [vlog.id] and Path(vlog.path) == small_video.resolve()
    # With the main window listening, the button hands the import to it instead.
    seen = []
    tab.import_requested.connect(lambda: seen.append(True))
    qtbot.mouseClick(tab.no_device.import_button, Qt.MouseButton.LeftButton)
    assert seen == [True] and len(record_app.library.list()) == 1
    tab.close()


def test_record_tab_records_with_prompt_countdown_and_timer_then_keeps(qtbot, file_tab, record_app) -> None:
    tab = file_tab
    record_app.prompts.add("What did you ship this week?")
    tab.prompt_card.refresh(select="What did you ship this week?")
    assert tab.prompt_card.text.text() == "What did you ship this week?"
    assert tab.session is not None and tab.preview.pixmap() is not None
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    assert tab.timer_label.text() == "1" and tab.session.state is State.COUNTDOWN
    qtbot.waitUntil(lambda: tab.session.state is State.RECORDING, timeout=5000)
    qtbot.waitUntil(lambda: tab.last_status.elapsed_ms > 1500, timeout=10000)
    assert tab.timer_label.text() in ("1:29", "1:28")  # remaining of the 90 s default limit
    assert "Recording" in tab.status_label.text() and not tab.record_button.isEnabled()
    qtbot.mouseClick(tab.stop_button, Qt.MouseButton.LeftButton)
    assert tab.take is not None and tab.keep_button.isEnabled()
    tab.keep_form.name.setText("Ann Peeters")
    tab.keep_form.team.setText("Platform")
    assert tab.keep() is None and "consent" in tab.status_label.text().lower()  # consent must be chosen
    tab.keep_form.internal.setChecked(True)
    with qtbot.waitSignal(tab.take_kept, timeout=30000) as blocker:
        qtbot.mouseClick(tab.keep_button, Qt.MouseButton.LeftButton)
    vlog = record_app.library.get(blocker.args[0])
    assert vlog.consent.scope is ConsentScope.INTERNAL and vlog.consent.date
    assert vlog.speaker.name == "Ann Peeters" and vlog.extra["recording"]["prompt"] == "What did you ship this week?"
    assert vlog.media.display_size == (1280, 720)
    assert tab.take is None and tab.record_button.isEnabled()
    assert record_app.settings.last_speaker["team"] == "Platform"


def test_record_tab_retake_asks_before_discarding(qtbot, file_tab) -> None:
    tab = file_tab
    tab.countdown_s = 0
    tab.start_recording()
    qtbot.wait(1200)
    tab.stop_recording()
    take = tab.take
    assert take is not None and take.path.exists()
    tab.confirm = lambda _text: False
    tab.retake()
    assert tab.take is take and take.path.exists()  # "No" keeps it
    tab.confirm = lambda _text: True
    qtbot.mouseClick(tab.retake_button, Qt.MouseButton.LeftButton)
    assert tab.take is None and not take.path.exists()
    assert tab.record_button.isEnabled()


def test_record_tab_stops_at_the_limit_by_itself(qtbot, file_tab) -> None:
    tab = file_tab
    tab.limit_box.setValue(10)
    tab.session.limit_ms = 1500  # shorter than the spin box allows, to keep the test fast
    tab.session.warn_ms = 1000
    tab.start_recording()
    qtbot.waitUntil(lambda: tab.last_status.warning, timeout=10000)
    assert "seconds left" in tab.status_label.text()
    qtbot.waitUntil(lambda: tab.take is not None, timeout=10000)
    assert "Time limit reached" in tab.status_label.text() and tab.keep_button.isEnabled()


def left_take(ffmpeg_exe: str, take: Path, seconds: int) -> Path:
    """A take of `seconds` (picture and sound) in the captures folder, as a crash would leave it there."""
    take.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([ffmpeg_exe, "-loglevel", "error", "-f", "lavfi", "-i", f"testsrc2=s=320x240:r=25:d={seconds}",
                    "-f", "lavfi", "-i", f"sine=d={seconds}", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac",
                    "-shortest", str(take)], check=True)
    return take


def test_record_tab_offers_to_recover_a_take_left_by_a_crash(qtbot, record_app, ffmpeg_exe: str) -> None:
    captures = record_app.paths.captures_dir
    take = left_take(ffmpeg_exe, captures / "take-20260101-101010.mkv", 3)
    data = take.read_bytes()
    take.write_bytes(data[: len(data) * 2 // 3])  # cut off, as a crash leaves it
    take.with_suffix(".json").write_text(json.dumps({"status": "recording", "started": "2026-01-01T10:10:10",
                                                     "prompt": "Why vlogkit?"}))
    tab = make_tab(qtbot, record_app, devices=NO_DEVICES)
    assert tab.recovery.isVisible() and "2026-01-01 10:10" in tab.recovery.message.text()
    qtbot.mouseClick(tab.recovery.recover_button, Qt.MouseButton.LeftButton)
    assert tab.take is not None and tab.take.stop_reason == "recovered" and tab.take.duration_ms > 1000
    assert not tab.recovery.isVisible() and tab.keep_button.isEnabled()
    tab.keep_form.name.setText("Ben")
    tab.keep_form.external.setChecked(True)
    vid = tab.keep()
    assert vid is not None
    vlog = record_app.library.get(vid)
    assert vlog.consent.scope is ConsentScope.EXTERNAL and vlog.extra["recording"]["prompt"] == "Why vlogkit?"
    assert not list(captures.glob("take-*"))
    shutil.rmtree(captures)
    tab.close()


def test_a_take_recovered_in_the_app_comes_back_with_who_spoke_and_their_consent(qtbot, record_app,
                                                                                  ffmpeg_exe: str) -> None:
    """A take `vlogkit record --speaker --consent --by --title` left behind: the app's Keep form is filled in from the
    take's journal, and keeping it as shown stores who recorded the consent, the title and the language."""
    captures = record_app.paths.captures_dir
    take = left_take(ffmpeg_exe, captures / "take-20260102-090000.mkv", 2)
    details = {"speaker": {"name": "Ann Peeters", "role": "Engineer", "team": "Plant"}, "consent": "external",
               "recorded_by": "Comms Desk", "language": "nl", "title": "Week 12"}
    take.with_suffix(".json").write_text(json.dumps({"status": "stopped", "started": "2026-01-02T09:00:00",
                                                     "prompt": "", "details": details}))
    tab = make_tab(qtbot, record_app, devices=NO_DEVICES)
    assert tab.keep_form.name.text() == "" and not tab.keep_form.external.isChecked()
    qtbot.mouseClick(tab.recovery.recover_button, Qt.MouseButton.LeftButton)
    form = tab.keep_form
    assert (form.name.text(), form.role.text(), form.team.text()) == ("Ann Peeters", "Engineer", "Plant")
    assert form.external.isChecked() and "given when it was recorded" in tab.status_label.text()
    vlog = record_app.library.get(tab.keep())
    assert vlog.speaker.name == "Ann Peeters" and vlog.consent.scope is ConsentScope.EXTERNAL
    assert vlog.consent.recorded_by == "Comms Desk" and vlog.title == "Week 12" and vlog.language == "nl"
    shutil.rmtree(captures)
    tab.close()


def test_a_take_the_app_loses_mid_recording_keeps_the_speaker_filled_in_before_but_asks_the_consent_again(qtbot, file_tab, record_app) -> None:
    tab = file_tab
    tab.keep_form.name.setText("Jeroen Claes")
    tab.keep_form.internal.setChecked(True)
    tab.countdown_s = 0
    tab.start_recording()
    qtbot.waitUntil(lambda: tab.last_status.elapsed_ms > 1200, timeout=10000)
    tab.shutdown()  # the window closes while recording
    again = make_tab(qtbot, record_app, devices=NO_DEVICES)
    again.keep_form.name.setText("")  # another person at the desk would not see Jeroen's name by chance
    again.keep_form.consent_group.setExclusive(False)
    again.keep_form.internal.setChecked(False)
    again.keep_form.consent_group.setExclusive(True)
    qtbot.mouseClick(again.recovery.recover_button, Qt.MouseButton.LeftButton)
    assert again.keep_form.name.text() == "Jeroen Claes"
    # the consent chosen on the form was never given for this take (that happens at Keep): it is asked again
    assert again.keep_form.consent() is ConsentScope.NONE and "Fill in the speaker and consent" in \
        again.status_label.text()
    assert again.take_details["speaker"]["name"] == "Jeroen Claes" and "consent" not in again.take_details
    assert again.take is not None and again.take.duration_ms > 1000
    again.confirm = lambda _text: True
    again.retake()  # discarded: nothing of this take is left to leak into the next one
    assert again.take is None and again.take_details == {}
    again.close()


def test_record_tab_closing_mid_take_leaves_it_for_recovery(qtbot, file_tab, record_app) -> None:
    tab = file_tab
    tab.countdown_s = 0
    tab.start_recording()
    qtbot.waitUntil(lambda: tab.last_status.elapsed_ms > 1200, timeout=10000)
    tab.shutdown()  # the window closes while recording
    assert tab.session is None
    again = make_tab(qtbot, record_app, devices=NO_DEVICES)
    assert again.recovery.isVisible()
    [left] = again.interrupted
    assert left.status == "stopped"  # it was finished properly on the way out
    again.confirm = lambda _text: True
    qtbot.mouseClick(again.recovery.discard_button, Qt.MouseButton.LeftButton)
    assert not again.recovery.isVisible() and not list(record_app.paths.captures_dir.glob("take-*.mkv"))
    again.close()


def test_record_tab_speaks_dutch_including_the_fix_steps_and_stop_reasons(qtbot, record_app) -> None:
    from vlogkit.ui.i18n import set_language
    from vlogkit.ui.record_widgets import stop_reason_text

    set_language("nl")
    tab = make_tab(qtbot, record_app, devices={"cameras": [], "microphones": [DeviceInfo("m", "USB mic", True)]})
    text = shown(tab.no_device.message)
    assert "Geen camera gevonden" in text and "Linux: sluit de camera aan" in text and "plug" not in text
    details = shown(tab.no_device.details)
    assert "macOS: Systeeminstellingen > Privacy en beveiliging > Camera" in details
    assert "Windows: Instellingen > Privacy en beveiliging > Camera: zet 'Bureaublad-apps" in details
    assert tab.no_device.details_button.text() == "Andere systemen"
    assert stop_reason_text("limit") == "Tijdslimiet bereikt."
    assert stop_reason_text("device_lost").startswith("De camera of microfoon werd losgekoppeld")
    assert stop_reason_text("some_new_reason") == "Gestopt."
    set_language("en")
    tab.close()


def test_record_tab_fits_a_1280x720_screen(qtbot, window) -> None:
    """A 1280x720 laptop leaves about 1280x660 for the window (title bar, panel): the Record tab, with the tall
    no-device message, fits without scrolling, and the preview is shown whole."""
    window.resize(1280, 660)
    window.tabs.setCurrentWidget(window.record_page)
    qtbot.wait(100)
    page, tab = window.record_page, window.record
    assert tab.no_device.isVisible()
    assert tab.minimumSizeHint().height() <= page.viewport().height()
    assert tab.minimumSizeHint().width() <= page.viewport().width()
    assert tab.height() == page.viewport().height() and not page.verticalScrollBar().isVisible()
    top = tab.preview.mapTo(tab, tab.preview.rect().bottomRight())
    assert top.y() < page.viewport().height() and tab.preview.height() >= 180
    assert tab.keep_button.mapTo(tab, tab.keep_button.rect().bottomLeft()).y() < page.viewport().height()


def test_record_preview_scales_with_the_window(qtbot, file_tab) -> None:
    tab = file_tab
    tab.resize(1276, 555)  # the Record page of a 1280x660 window
    qtbot.waitUntil(lambda: tab.preview.pixmap() is not None and tab.preview.pixmap().width() > 0, timeout=5000)
    qtbot.wait(200)
    small = tab.preview.pixmap()
    assert abs(small.width() / small.height() - 16 / 9) < 0.02 and 480 <= small.width() <= tab.preview.width()
    img = small.toImage()
    center = img.pixelColor(img.width() // 2, img.height() // 2)
    assert max(center.red(), center.green(), center.blue()) > 40  # a real frame of the desk vlog, not the black box
    tab.resize(1900, 1100)
    qtbot.waitUntil(lambda: tab.preview.pixmap().width() > small.width() + 200, timeout=5000)
    # the script folds away and comes back
    assert not tab.script.isVisible()
    qtbot.mouseClick(tab.script_button, Qt.MouseButton.LeftButton)
    assert tab.script.isVisible()


def test_record_tab_keep_says_what_is_missing_in_french_and_the_message_stays(qtbot, record_app, desk_vlog) -> None:
    """Keep without a name or consent: the French reason stays on screen (the 50 ms status timer used to replace it
    with "Keep it, or retake." at once, so Keep looked dead), and nothing is kept."""
    from vlogkit.ui.i18n import set_language

    set_language("fr")
    cam = DeviceInfo("file", "File camera", True)
    tab = make_tab(qtbot, record_app, devices={"cameras": [cam], "microphones": [cam]},
                   backend_factory=lambda: record_app.capture.file_backend(desk_vlog))
    tab.countdown_s = 0
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.last_status.elapsed_ms > 800, timeout=10000)
    qtbot.mouseClick(tab.stop_button, Qt.MouseButton.LeftButton)
    assert tab.take is not None and tab.status_label.text() == "Arrêté. Garder, ou refaire."
    qtbot.mouseClick(tab.keep_button, Qt.MouseButton.LeftButton)
    qtbot.wait(300)  # several status ticks
    assert tab.status_label.text() == "Indiquez le nom de la personne avant de garder la prise."
    assert tab.keep_form.name.hasFocus()
    tab.keep_form.name.setText("Camille Dubois")
    qtbot.mouseClick(tab.keep_button, Qt.MouseButton.LeftButton)
    qtbot.wait(300)
    assert tab.status_label.text().startswith("Choisissez le consentement de la personne")
    assert tab.take is not None and record_app.library.list() == []
    tab.keep_form.internal.setChecked(True)
    with qtbot.waitSignal(tab.take_kept, timeout=30000) as blocker:
        qtbot.mouseClick(tab.keep_button, Qt.MouseButton.LeftButton)
    qtbot.wait(300)
    assert tab.status_label.text().startswith("Gardé sous ")  # "Kept as …" stays too
    # a take without a question is titled in the app's language, not "Recording by …"
    assert record_app.library.get(blocker.args[0]).title == "Enregistrement de Camille Dubois"
    set_language("en")
    tab.close()


def test_record_tab_stop_during_the_countdown_says_nothing_was_recorded(qtbot, file_tab, record_app) -> None:
    tab = file_tab
    tab.countdown_s = 3
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    assert tab.session.state is State.COUNTDOWN and tab.status_label.text() == "Get ready…"
    qtbot.mouseClick(tab.stop_button, Qt.MouseButton.LeftButton)
    qtbot.wait(300)
    assert tab.session.state is State.IDLE and tab.take is None
    assert tab.status_label.text() == ("Countdown cancelled: nothing was recorded. Press Record when you are "
                                       "ready.")
    assert tab.record_button.isEnabled() and not list(record_app.paths.captures_dir.glob("take-*"))


def test_the_app_can_play_a_file_as_its_camera_and_microphone(qtbot, gui_app, desk_vlog: Path, media: Path) -> None:
    """`vlogkit gui --from-file`: the Record tab of the real window records the desk vlog as if it were the webcam
    (the GUI had no way to, only `vlogkit record --from-file`); an audio file stands in for a microphone only."""
    from vlogkit.ui.main_window import MainWindow

    w = MainWindow(gui_app, record_source=desk_vlog)
    qtbot.addWidget(w)
    w.show()
    w.tabs.setCurrentWidget(w.record_page)
    tab = w.record
    assert tab.camera_box.currentText() == "File: desk_vlog_en_1080p.mp4 (default)"
    assert tab.session is not None and not tab.no_device.isVisible()
    tab.countdown_s = 0
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.last_status.elapsed_ms > 1200, timeout=10000)
    qtbot.mouseClick(tab.stop_button, Qt.MouseButton.LeftButton)
    assert tab.take is not None and tab.take.duration_ms >= 1000 and not tab.take.audio_only
    tab.shutdown()
    w.close()
    audio = MainWindow(gui_app, record_source=media / "fr" / "fleurs-fr-001.ogg")
    qtbot.addWidget(audio)
    assert audio.record.camera_box.currentText() == "none found"
    assert audio.record.audio_only_check.isChecked() and audio.record.can_record()
    audio.record.shutdown()


def test_closing_the_window_mid_take_finishes_the_take_for_the_next_start(qtbot, gui_app, desk_vlog: Path) -> None:
    """Quitting while recording stops the take properly (the camera is let go, the file finished) and the next
    start offers it; the window used to leave the recorder running until the process ended. A kept take updates
    the status bar's count."""
    from vlogkit.ui.main_window import MainWindow

    w = MainWindow(gui_app, record_source=desk_vlog)
    qtbot.addWidget(w)
    w.show()
    w.tabs.setCurrentWidget(w.record_page)
    tab = w.record
    tab.countdown_s = 0
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.last_status.elapsed_ms > 1200, timeout=10000)
    w.close()
    assert tab.session is None
    [left] = gui_app.capture.interrupted()  # its lock is free: nothing records any more
    assert left.status == "stopped" and left.size_bytes > 0
    again = MainWindow(gui_app, record_source=desk_vlog)
    qtbot.addWidget(again)
    again.show()
    again.tabs.setCurrentWidget(again.record_page)
    assert again.record.recovery.isVisible()
    qtbot.mouseClick(again.record.recovery.recover_button, Qt.MouseButton.LeftButton)
    again.record.keep_form.name.setText("Camille Dubois")
    again.record.keep_form.internal.setChecked(True)
    assert again.statusBar().currentMessage() == "0 vlogs in the library"
    qtbot.mouseClick(again.record.keep_button, Qt.MouseButton.LeftButton)
    [vlog] = gui_app.library.list()
    assert vlog.media.duration_ms >= 1000
    assert again.statusBar().currentMessage() == "1 vlog in the library"
    again.close()


def test_a_new_library_can_start_from_example_questions_in_the_app_language(qtbot, record_app) -> None:
    """A fresh library has no prompt cards: Prompts… > Add example questions fills the list in the UI language,
    picks the first, and a second click adds nothing twice."""
    from vlogkit.ui.i18n import set_language

    set_language("fr")
    try:
        tab = make_tab(qtbot, record_app, devices={"cameras": [], "microphones": []})
        card = tab.prompt_card
        assert card.choice.count() == 1  # only "(pas de question - parole libre)"
        assert card.examples_action.text() == "Ajouter des questions d'exemple"
        card.examples_action.trigger()
        assert card.text.text() == "Qu'est-ce que ton équipe a appris cette semaine ?"
        assert card.choice.count() == 6 and len(record_app.prompts.all()) == 5
        card.examples_action.trigger()
        assert len(record_app.prompts.all()) == 5  # not added twice
        tab.close()
    finally:
        set_language("en")
