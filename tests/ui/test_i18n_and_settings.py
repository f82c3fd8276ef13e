"""Languages (English, Dutch, French catalogues), settings, welcome/help."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

ROOT = Path(__file__).resolve().parents[2]


def test_every_ui_string_has_dutch_and_french() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from i18n_catalogue import ui_strings
    finally:
        sys.path.pop(0)
    strings = ui_strings()
    assert len(strings) > 150
    for lang in ("nl", "fr"):
        cat = json.loads((ROOT / "resources" / "i18n" / f"{lang}.json").read_text(encoding="utf-8"))
        missing = [s for s in strings if not cat.get(s)]
        assert missing == [], f"{lang}: untranslated {missing[:5]}"
        for s in strings:  # the {fields} survive translation
            assert set(re.findall(r"{(\w+)}", s)) == set(re.findall(r"{(\w+)}", cat[s])), (lang, s)


def test_choosing_dutch_in_settings_shows_dutch_after_restart(qtbot, window, gui_app) -> None:
    from vlogkit.ui.main_window import MainWindow

    window.open_settings()
    dlg = window.settings_dialog
    assert dlg.isVisible()
    dlg.ui_language.setCurrentIndex(dlg.ui_language.findData("nl"))
    qtbot.mouseClick(dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert json.loads(gui_app.paths.settings_file.read_text())["ui_language"] == "nl"
    assert window.tabs.tabText(0) == "Library"  # applies after a restart
    again = MainWindow(gui_app)  # what the next start builds
    qtbot.addWidget(again)
    assert [again.tabs.tabText(i) for i in range(again.tabs.count())] == \
        ["Bibliotheek", "Vlog", "Opnemen", "Citatenbank", "Beoordelen"]
    assert again.library.import_button.text() == "Importeren…"
    assert "Je bibliotheek is leeg" in again.library.empty.text()
    assert [a.text() for a in again.menuBar().actions()] == ["&Bestand", "Be&werken", "&Help"]


def test_french_catalogue_and_system_locale_default(monkeypatch: pytest.MonkeyPatch) -> None:
    from vlogkit.ui.i18n import set_language, tr, trn

    monkeypatch.setenv("LC_ALL", "fr_BE.UTF-8")
    assert set_language("") == "fr"
    assert tr("Quote bank") == "Banque de citations"
    assert trn("Imported {n} vlog", "Imported {n} vlogs", 2) == "2 vlogs importés"
    assert trn("Imported {n} vlog", "Imported {n} vlogs", 0) == "0 vlog importé"  # French: 0 is singular
    monkeypatch.setenv("LC_ALL", "ja_JP.UTF-8")
    assert set_language("") == "en" and tr("Quote bank") == "Quote bank"


def test_settings_list_models_with_sizes_and_save(qtbot, window, gui_app) -> None:
    window.open_settings()
    dlg = window.settings_dialog
    items = [dlg.model.itemText(i) for i in range(dlg.model.count())]
    assert items[0].startswith("base") and any(t.startswith("large-v3  (3.1 GB") for t in items)
    assert dlg.font.count() >= 1 and dlg.font.itemText(0) in ("Lato", "Source Sans Pro")
    dlg.glossary.setPlainText("ComfyUI\nvlogkit")
    dlg.loudness.setValue(-16.0)
    assert dlg.csv_separator.currentText() == "As this computer's spreadsheet expects (commas)"  # C.UTF-8
    dlg.csv_separator.setCurrentIndex(dlg.csv_separator.findData(";"))
    dlg.save()
    saved = json.loads(gui_app.paths.settings_file.read_text())
    assert saved["glossary"] == "ComfyUI\nvlogkit" and saved["loudness_target"] == -16.0
    assert saved["csv_separator"] == ";"


def test_downloading_a_model_offline_says_so(qtbot, window, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VLOGKIT_MODEL_DIR", str(tmp_path / "models"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    window.open_settings()
    dlg = window.settings_dialog
    dlg.model.setCurrentIndex(dlg.model.findData("small"))
    assert dlg.download_button.isVisibleTo(dlg)
    dlg.download_model()
    job = dlg.download_job
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    assert job.state == "failed" and "offline" in job.error and "Traceback" not in job.error
    assert job.where.startswith("process")
    assert "offline" in dlg.model_note.text()


def test_help_and_welcome_explain_the_four_steps(qtbot, window) -> None:
    from vlogkit.ui.welcome import WelcomeDialog

    dlg = window.show_welcome()
    text = " ".join(lbl.text() for lbl in dlg.findChildren(QLabel))
    for word in ("Record or import", "Transcript", "Quotes", "Clips and bank"):
        assert word in text
    dlg.accept()
    assert json.loads(window.app.paths.settings_file.read_text())["welcome_seen"] is True
    help_dlg = WelcomeDialog(window, help_mode=True)
    qtbot.addWidget(help_dlg)
    assert "Ctrl+Shift+Z" in " ".join(lbl.text() for lbl in help_dlg.findChildren(QLabel))


def test_quote_reasons_are_shown_in_the_ui_language_by_their_code() -> None:
    from vlogkit.domain import Reason
    from vlogkit.ui.i18n import set_language
    from vlogkit.ui.reasons import reason_line, reason_text

    contrast = Reason("contrast", "strong contrast ('not ... but')", 12, "not ... but")
    set_language("nl")
    assert reason_text(contrast) == "sterk contrast ('not ... but')"  # what was said stays as said
    assert reason_line(contrast) == "sterk contrast ('not ... but') +12"
    assert reason_text({"code": "figures", "text": "cijfers ('vier')", "points": -9, "words": "vier"}) == \
        "cijfers ('vier')"
    set_language("fr")
    assert reason_line(Reason("short", "short (3 words)", -11, "3")) == "courte (3 mots) -11"
    # an unknown code, or an old cached reason without its words, shows the text it came with
    assert reason_text(Reason("sparkle", "sparkles (a lot)")) == "sparkles (a lot)"
    assert reason_text(Reason("contrast", "strong contrast ('not what ..., what ...')")) == \
        "strong contrast ('not what ..., what ...')"
    set_language("en")
    assert reason_line(contrast) == "strong contrast ('not ... but') +12"


def test_every_reason_the_finder_gives_reads_in_dutch_and_french() -> None:
    """Real reasons from the quote finder's scoring of lines that trip many features: each one is translated."""
    from vlogkit.domain import Word
    from vlogkit.quotes.scoring import score_words
    from vlogkit.ui.i18n import set_language
    from vlogkit.ui.reasons import reason_text

    lines = ["Hi everyone, welcome to my vlog.", "Um so, the meeting is at 10 am on Monday?",
             "I really believe that small teams ship faster, not because they work harder but because they decide.",
             "We learned that customers care about speed.", "And then",
             "Our team shipped the new onboarding flow last week and uh it was um a big uh big moment for all of us "
             "and everyone in the office and all our partners and customers and friends too."]
    reasons = set()
    for line in lines:
        words = [Word(raw, i * 300, i * 300 + 250, 0.35 if raw[0] in "sb" else 0.9) for i, raw in enumerate(line.split())]
        reasons |= set(score_words(words, "en")[1])
    codes = {r.code for r in reasons}
    assert len(codes) >= 15, codes
    for lang in ("nl", "fr"):
        set_language(lang)
        for r in reasons:
            shown = reason_text(r)
            assert shown != r.text, (lang, r)
    set_language("en")


def test_the_app_shows_its_own_icon_and_desktop_name(qtbot, qapp, window) -> None:
    from vlogkit.ui.main import set_app_identity
    from vlogkit.ui.resources import app_icon_path

    assert app_icon_path().is_file()
    set_app_identity(qapp)  # what `vlogkit gui` does before building the window
    assert qapp.desktopFileName() == "vlogkit" and qapp.applicationName() == "vlogkit"
    icon = window.windowIcon()  # windows take the application's icon
    assert not icon.isNull()
    img = icon.pixmap(64, 64).toImage()
    assert img.width() == 64 and img.pixelColor(32, 32).alpha() > 0  # the drawn logo, not an empty pixmap


def test_dutch_speaks_to_the_user_as_je_throughout() -> None:
    """The Dutch UI says "je" everywhere ("Vertel over je werk") but Settings said "Uw naam": one register."""
    import json
    import re

    from vlogkit.ui.resources import resource

    nl = json.loads(resource("i18n", "nl.json").read_text(encoding="utf-8"))
    formal = {k: v for k, v in nl.items() if re.search(r"\b[Uu]w?\b", v)}
    assert formal == {}, formal
    assert nl["Your name"] == "Je naam"


def test_counts_read_as_words_not_vlog_s(qtbot, window, clip12) -> None:  # noqa: ANN001
    """Trial 6: '1 file(s) to import', '1 of 1 vlog(s)', '0 vlog(s) in the library' - one vlog is a vlog."""
    from tests.ui.conftest import import_and_wait
    from tests.ui.test_library import drop_files
    from vlogkit.ui.main_window import MainWindow

    assert window.statusBar().currentMessage() == "0 vlogs in the library"
    import_and_wait(qtbot, window, clip12)
    assert window.library.count.text() == "1 of 1 vlog"
    drop_files(window.library, [clip12])
    labels = [w.text() for w in window.import_dialog.findChildren(QLabel)]
    assert "1 file to import. Who speaks in it?" in labels
    window.import_dialog.reject()
    window.app.settings.ui_language = "nl"  # as Settings does; the next start reads it
    again = MainWindow(window.app)
    qtbot.addWidget(again)
    assert again.statusBar().currentMessage() == "1 vlog in de bibliotheek"
    window.app.settings.ui_language = "fr"
    again = MainWindow(window.app)
    qtbot.addWidget(again)
    assert again.statusBar().currentMessage() == "1 vlog dans la bibliothèque"
