"""More of the core's errors an app user can reach, read in Dutch and French where the app shows them; `str(exc)` and
the CLI stay English. (The first set is in test_error_language.py.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def _dialog(qtbot, window, vid: str):  # noqa: ANN001, ANN202
    from vlogkit.ui.export_dialog import ExportDialog

    dlg = ExportDialog(window.app, window.jobs, vid, [(0, 2000)])
    qtbot.addWidget(dlg)
    return dlg


def test_cutting_pauses_in_a_vlog_without_words_is_said_in_dutch(qtbot, window, clip12: Path, tmp_path: Path,
                                                                cli) -> None:
    """The export transcribes first; nothing was said, so there is nothing to cut around: the job fails in Dutch.
    (Before, it said "--tighten needs a transcript: transcribe the vlog first" - in English, and untrue.)"""
    from vlogkit.domain import ConsentScope, Transcript
    from vlogkit.errors import UsageError
    from vlogkit.services.library import ImportOptions
    from vlogkit.transcribe.scripted import ScriptedTranscriber
    from vlogkit.ui.i18n import set_language

    app = window.app
    app._transcriber = ScriptedTranscriber(Transcript((), "nl", 12000, model="scripted"))  # a silent vlog
    app.settings.export_dir = str(tmp_path / "out")
    vid = app.library.import_file(clip12, ImportOptions(consent=ConsentScope.INTERNAL)).vlog.id
    set_language("nl")
    dlg = _dialog(qtbot, window, vid)
    dlg.tighten.setChecked(True)
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    job = dlg.export_job
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    assert job.error == (f"De transcriptie van vlog {vid} bevat geen woorden, dus er zijn geen stopwoorden of pauzes "
                         "om weg te knippen: exporteer zonder ze weg te knippen.")
    qtbot.waitUntil(lambda: window.last_error == f"{job.title}: {job.error}", timeout=5000)
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    with pytest.raises(UsageError) as caught:
        app.export.export(dlg.request())
    assert str(caught.value) == (f"Vlog {vid} has no words in its transcript, so there are no fillers or pauses to "
                                 "cut: export it without cutting them.")

    r = cli("export", vid, "--range", "0:2", "--tighten", "--dry-run")  # the CLI says it in English
    assert r.returncode == 2 and f"vlogkit: error: {caught.value}" in r.stderr


def test_an_export_folder_that_is_a_file_is_said_in_french_and_seconds_take_a_comma(qtbot, window, clip12: Path,
                                                                                    tmp_path: Path) -> None:
    from PySide6.QtWidgets import QLabel

    from vlogkit.domain import ConsentScope
    from vlogkit.errors import UsageError
    from vlogkit.services.library import ImportOptions
    from vlogkit.ui.i18n import set_language

    app = window.app
    taken = tmp_path / "clips été"
    taken.write_text("not a folder")
    app.settings.export_dir = str(taken)
    vid = app.library.import_file(clip12, ImportOptions(consent=ConsentScope.INTERNAL)).vlog.id
    set_language("fr")
    dlg = _dialog(qtbot, window, vid)
    dlg.render_preview()
    assert dlg.preview.text() == f"{taken} est un fichier, pas un dossier : choisissez un dossier pour les clips."
    assert "Clip 0:00.0 – 0:02.0 (2,0 s)" in [w.text() for w in dlg.findChildren(QLabel)]
    with pytest.raises(UsageError) as caught:
        dlg.request()
    assert str(caught.value) == f"{taken} is a file, not a folder: choose a folder for the clips."


def test_an_error_from_a_worker_keeps_its_numbers_phrases_and_reasons(tmp_path: Path) -> None:
    """What crosses from a worker process (JSON) is worded like an error raised in the app: decimal comma, a
    translated sub-text and a nested reason."""
    from vlogkit.errors import N_, Number, Phrase, UsageError, VlogkitError
    from vlogkit.ui.i18n import error_text, set_language

    inner = UsageError(N_("That quote ({span}) does not fit vlog {id} ({length} s long): find quotes again."),
                       span=Number("3.1-7.5 s"), id="v1", length=Number(6.25, 2))
    outer = VlogkitError(N_("The take could not be added to the library: {reason}"), reason=inner)
    back = VlogkitError.from_dict(json.loads(json.dumps(outer.to_dict())))
    assert str(back) == str(outer) == ("The take could not be added to the library: That quote (3.1-7.5 s) does not "
                                       "fit vlog v1 (6.25 s long): find quotes again.")
    set_language("nl")
    assert error_text(back) == ("De opname kon niet aan de bibliotheek toegevoegd worden: Dat citaat (3,1-7,5 s) past "
                                "niet in vlog v1 (6,25 s lang): zoek opnieuw citaten.")
    from vlogkit.domain import Word
    from vlogkit.services.wordcheck import require_confirmed

    with pytest.raises(VlogkitError) as caught:
        require_confirmed("external", [Word("shit", 3250, 3500, 0.9)], vlog_id="v1", what=Phrase(N_("Quote {qid}"),
                                                                                                  qid="q7"))
    back = VlogkitError.from_dict(json.loads(json.dumps(caught.value.to_dict())))
    set_language("fr")
    assert error_text(back) == error_text(caught.value)
    assert error_text(back) == ("La citation q7 : 'shit' à 3,2 s (vlog v1) serait montré à un public externe, et "
                                "personne n'a confirmé que c'était dit. Vérifiez l'enregistrement, puis confirmez le mot "
                                "(clic droit sur le mot), ou corrigez-le.")


def test_nothing_said_between_two_times_uses_the_decimal_comma(window, clip12: Path) -> None:
    from vlogkit.errors import UsageError
    from vlogkit.services.library import ImportOptions
    from vlogkit.ui.i18n import error_text, set_language

    app = window.app
    vid = app.library.import_file(clip12, ImportOptions()).vlog.id
    app.transcription.transcribe(vid)  # the scripted transcript: nothing is said from 11.0 s on
    with pytest.raises(UsageError) as caught:
        app.bank.add_range(vid, 11_050, 11_900)
    assert str(caught.value).startswith(f"Nothing was said between 11.1 s and 11.9 s in vlog {vid}; `vlogkit")
    set_language("fr")
    assert error_text(caught.value) == (f"Rien n'est dit entre 11,1 s et 11,9 s dans le vlog {vid} ; sélectionnez "
                                        "des mots dans la transcription.")


def test_packages_in_the_inbox_are_reported_in_french_in_the_status_bar(qtbot, gui_app, tmp_path: Path,
                                                                        small_video: Path, monkeypatch) -> None:  # noqa: ANN001
    from vlogkit.config import Paths
    from vlogkit.domain import ConsentScope, Speaker
    from vlogkit.services import App
    from vlogkit.services.library import ImportOptions
    from vlogkit.ui.main_window import MainWindow

    monkeypatch.delenv("VLOGKIT_TEAM_KEY", raising=False)
    sender = App(Paths(tmp_path / "sender"), local=True)
    v = sender.library.import_file(small_video, ImportOptions(speaker=Speaker("Els"), consent=ConsentScope.INTERNAL))
    package = sender.handoff.send(v.vlog.id, tmp_path / "els.vlogkit").path
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    gui_app.settings.inbox_dir = str(inbox)
    gui_app.settings.ui_language = "fr"
    window = MainWindow(gui_app)
    qtbot.addWidget(window)
    said: list[str] = []
    window.team_link.inbox_event.connect(said.append)
    try:
        raw = bytearray(package.read_bytes())
        raw[raw.find(b"mdat") + 64] ^= 0x10  # one bit flipped on the way
        (inbox / "abîmé.vlogkit").write_bytes(bytes(raw))
        (inbox / "bon.vlogkit").write_bytes(package.read_bytes())
        qtbot.waitUntil(lambda: len(said) == 2, timeout=30000)
        vid = gui_app.library.list()[0].id
        assert said[1] == f"bon.vlogkit : importé sous {vid} (aucun consentement, en attente de confirmation)"
        assert said[0].startswith(f"abîmé.vlogkit : refusé - {inbox / 'abîmé.vlogkit'} : media/")
        assert said[0].endswith("Rien n'a été importé ; demandez à l'expéditeur de le renvoyer.")
        assert window.statusBar().currentMessage() == said[1]
        why = (inbox / "rejected" / "abîmé.vlogkit.txt").read_text(encoding="utf-8")  # the file keeps English
        assert "Nothing was imported; ask the sender to send it again." in why
    finally:
        window.close()
        window.team_link.close()


def test_a_damaged_transcript_is_said_in_dutch_and_transcribing_again_replaces_it(gui_app, clip12: Path) -> None:
    from vlogkit.errors import LibraryError
    from vlogkit.services.library import ImportOptions
    from vlogkit.ui.i18n import error_text, set_language

    vid = gui_app.library.import_file(clip12, ImportOptions()).vlog.id
    gui_app.transcription.transcribe(vid)
    stored = gui_app.paths.transcripts_dir / gui_app.vlogs.get(vid).extra["transcript"]
    stored.write_text('{"transcript": {"segm', encoding="utf-8")  # a crash in the middle of a copy
    with pytest.raises(LibraryError) as caught:
        gui_app.transcription.get(vid)
    assert str(caught.value) == (f"The stored transcript of vlog {vid} is damaged ({stored}): run `vlogkit transcribe "
                                 f"{vid} --no-cache` to make a new one.")
    set_language("nl")
    assert error_text(caught.value) == (f"De bewaarde transcriptie van vlog {vid} is beschadigd ({stored}): schrijf de "
                                        "vlog opnieuw uit om een nieuwe te maken.")
    gui_app.transcription.transcribe(vid)  # what the message says to do (the app's Transcribe) works
    assert gui_app.transcription.get(vid).words[0].text == "Our"


def test_a_mistyped_team_library_address_is_said_in_dutch_before_the_window(qapp, home: Path, monkeypatch) -> None:  # noqa: ANN001
    from tests.ui.conftest import answer_boxes
    from vlogkit.config import Paths
    from vlogkit.services import App
    from vlogkit.ui.main import open_library

    monkeypatch.setenv("VLOGKIT_LIBRARY_URL", "mysql://comms:geheim@server/vlogs")
    app = App(Paths(home))
    app.settings.ui_language = "nl"
    shown = answer_boxes(monkeypatch)  # the user reads it and works on this computer's library
    assert open_library(app) is True  # before this, the app did not open (an English line on stderr only)
    assert shown == ["'mysql://comms:***@server/vlogs' is geen PostgreSQL-adres: gebruik "
                     "postgresql://gebruiker@server/database (vlogkit spreekt PostgreSQL aan via psycopg 3)."]
    assert app.store.kind == "tinydb"


def test_importing_a_prompt_list_with_a_too_long_question_is_said_in_french(qtbot, gui_app, tmp_path: Path,
                                                                           monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QFileDialog

    from vlogkit.errors import UsageError
    from vlogkit.ui.i18n import set_language
    from vlogkit.ui.record_widgets import PromptCard

    listed = tmp_path / "questions équipe.txt"
    listed.write_text("Qu'avez-vous appris cette semaine ?\n" + "Pourquoi " * 40 + "?\n", encoding="utf-8")
    set_language("fr")
    card = PromptCard(gui_app.prompts)
    qtbot.addWidget(card)
    errors: list[str] = []
    card.error_raised.connect(errors.append)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(listed), ""))
    card.import_file()
    assert errors == [f"{listed}, ligne 2 : Une question compte au plus 300 caractères (celle-ci en a 361) ; "
                      "raccourcissez-la. Rien n'a été importé."]
    assert gui_app.prompts.all() == []
    with pytest.raises(UsageError) as caught:
        gui_app.prompts.import_text(listed)
    assert str(caught.value) == (f"{listed}, line 2: A prompt is at most 300 characters (this one has 361); shorten "
                                 "it. Nothing was imported.")
