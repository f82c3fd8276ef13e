"""The core's errors in the UI language (EN/NL/FR) with their file names and values filled in; `str(exc)` and the
CLI stay English."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest


def _truncated(src: Path, folder: Path, name: str, ffmpeg_exe: str) -> Path:
    """A real mp4 with its index first (as phones and web downloads write it), cut off halfway: an interrupted copy."""
    import subprocess

    whole = folder / "whole.mp4"
    subprocess.run([ffmpeg_exe, "-loglevel", "error", "-y", "-i", str(src), "-c", "copy", "-movflags", "+faststart",
                    str(whole)], check=True)
    data = whole.read_bytes()
    bad = folder / name
    bad.write_bytes(data[: len(data) // 2])
    return bad


def _shown_boxes(window) -> list[str]:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    return [b.text() for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_a_truncated_import_reads_dutch_with_its_file_name(qtbot, window, clip12: Path, tmp_path: Path, cli,
                                                          ffmpeg_exe: str) -> None:
    from vlogkit.errors import MediaError
    from vlogkit.media.probe import probe
    from vlogkit.services.library import ImportOptions
    from vlogkit.ui.i18n import set_language

    bad = _truncated(clip12, tmp_path, "Été in Gent (1).mp4", ffmpeg_exe)
    set_language("nl")
    job = window.start_import([str(bad)], ImportOptions())
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    shown = window.last_error
    assert shown == (f"{bad}: afgebroken - het bestand houdt op vóór de 12,0 s die het zelf aangeeft. Werd een kopie "
                     "of download onderbroken, of is het bestand beschadigd?")
    assert shown in _shown_boxes(window)  # the dialog the user reads, not only the status bar
    assert window.app.library.list() == []

    with pytest.raises(MediaError) as caught:  # the exception itself stays English
        probe(bad)
    assert str(caught.value) == (f"{bad}: truncated - the file ends before the 12.0 s its header promises (an "
                                 "interrupted copy or download, or a damaged header?).")
    r = cli("import", str(bad))  # and so does the CLI, whatever the app's language
    assert r.returncode != 0
    assert f"{bad}: truncated - the file ends before the 12.0 s" in r.stderr
    assert "afgebroken" not in r.stderr


def test_a_corrupt_file_and_a_folder_without_media_read_french(qtbot, window, clip12: Path, tmp_path: Path) -> None:
    from vlogkit.services.library import ImportOptions
    from vlogkit.ui.i18n import set_language

    data = clip12.read_bytes()
    corrupt = tmp_path / "réunion d'équipe.mp4"
    corrupt.write_bytes(data[: len(data) // 2])  # its index (written last) is gone
    empty = tmp_path / "vide.mov"
    empty.write_bytes(b"")
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "idées.txt").write_text("pas une vidéo")
    set_language("fr")
    job = window.start_import([str(corrupt), str(empty), str(folder)], ImportOptions())
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    lines = window.last_error.splitlines()
    assert (f"{corrupt} : pas un fichier média utilisable (données invalides : endommagées, tronquées ou pas une "
            "vidéo).") in lines
    assert f"{empty} : le fichier est vide." in lines
    assert f"{folder / 'idées.txt'} : ignoré, pas un fichier média." in lines
    assert f"{folder} : le dossier ne contient aucun fichier média." in lines


def test_a_job_in_the_worker_process_reports_in_the_ui_language(qtbot, window, clip12: Path, tmp_path: Path) -> None:
    """Transcription runs in a child process: its error crosses as JSON and is worded by the app (French)."""
    from vlogkit.services.library import ImportOptions
    from vlogkit.ui.i18n import set_language

    mine = tmp_path / "mine.mp4"
    shutil.copyfile(clip12, mine)
    vid = window.app.library.import_file(mine, ImportOptions()).vlog.id
    mine.unlink()  # the user moved the file away
    set_language("fr")
    job = window.jobs.run_process("transcribe", "transcribe", vlog_id=vid)
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    assert job.error == (f"Le fichier du vlog {vid} a disparu : {mine}. Remettez-le en place, ou importez-le à "
                         "nouveau depuis son nouvel emplacement.")


@pytest.mark.parametrize(("code", "lang", "expected"), [
    (errno.ENOSPC, "nl", "De schijf is vol bij het schrijven van {p}: maak ruimte vrij en probeer opnieuw."),
    (errno.EROFS, "nl", "{p} kon niet geschreven worden ({e}): in deze map kan niet geschreven worden. Kies een "
                        "andere map."),
    (errno.EACCES, "fr", "Impossible d'écrire {p} ({e}) : ce dossier n'est pas accessible en écriture. Choisissez "
                         "un autre dossier."),
])
def test_disk_errors_read_in_the_ui_language(code: int, lang: str, expected: str, tmp_path: Path) -> None:
    import os

    from vlogkit.fileutil import disk_error
    from vlogkit.ui.i18n import error_text, set_language

    target = tmp_path / "clips" / "reel.mp4"
    exc = disk_error(OSError(code, os.strerror(code)), target)
    set_language(lang)
    assert error_text(exc) == expected.format(p=target, e=os.strerror(code))
    assert str(target) in str(exc) and ("disk is full" in str(exc) or "Could not write" in str(exc))


def test_an_error_crossing_from_a_process_keeps_its_fields_and_plain_text_stays() -> None:
    import json

    from vlogkit.errors import N_, MediaError, VlogkitError
    from vlogkit.ui.i18n import error_text, set_language

    exc = MediaError(N_("{path}: the file is empty."), path=Path("/tmp/a b.mp4"))
    back = VlogkitError.from_dict(json.loads(json.dumps(exc.to_dict())))
    set_language("nl")
    assert error_text(back) == "/tmp/a b.mp4: het bestand is leeg."
    assert str(back) == str(exc) == "/tmp/a b.mp4: the file is empty."
    plain = VlogkitError("Something only English {with braces}.")  # not marked: shown as it is
    assert error_text(plain) == "Something only English {with braces}."


def test_an_export_refused_for_consent_reads_french_in_the_window(qtbot, window, clip12: Path, tmp_path: Path,
                                                                    cli) -> None:
    """The dialog was opened while external consent held; it expired before Export was clicked: the job is refused
    with the consent rule's French words (no command line), the CLI keeps its English line with the command."""
    from vlogkit.domain import ConsentScope
    from vlogkit.services.library import ImportOptions
    from vlogkit.ui.export_dialog import ExportDialog
    from vlogkit.ui.i18n import set_language

    app = window.app
    app.settings.export_dir = str(tmp_path / "out")
    vid = app.library.import_file(clip12, ImportOptions(consent=ConsentScope.EXTERNAL)).vlog.id
    set_language("fr")
    dlg = ExportDialog(app, window.jobs, vid, [(0, 2000)])
    qtbot.addWidget(dlg)
    dlg.audience.setCurrentIndex(dlg.audience.findData("external"))
    app.library.edit(vid, consent_expires="2020-01-01")
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    job = dlg.export_job
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    assert job.error == f"Le vlog {vid} ne peut pas être exporté : consentement expiré le 2020-01-01."
    qtbot.waitUntil(lambda: job.error in window.last_error, timeout=5000)  # shown in the window, French spacing
    assert window.last_error == f"{job.title} : {job.error}"
    assert not list((tmp_path / "out").rglob("*.mp4"))

    r = cli("export", vid, "--range", "0:2", "--audience", "external", "--out", str(tmp_path / "cli"))
    assert r.returncode != 0
    assert f"Vlog {vid} may not be exported: consent expired on 2020-01-01 - " in r.stderr
    assert "vlogkit edit" in r.stderr and "expiré" not in r.stderr


def test_a_bank_export_with_nothing_cleared_names_each_reason_in_dutch(window, clip12: Path, tmp_path: Path) -> None:
    from vlogkit.domain import ConsentScope
    from vlogkit.errors import ConsentError
    from vlogkit.services.library import ImportOptions
    from vlogkit.ui.i18n import error_text, set_language

    app = window.app
    vid = app.library.import_file(clip12, ImportOptions(consent=ConsentScope.INTERNAL)).vlog.id
    q = app.bank.add_range(vid, 0, 2500, text="Our team shipped the new onboarding flow")
    with pytest.raises(ConsentError) as caught:
        app.bank.export("md", tmp_path / "extern.md", audience="external")
    assert str(caught.value).startswith(f"Nothing to export for the external audience: left out 1 quote: {q.id}: ")
    set_language("nl")
    assert error_text(caught.value).startswith(f"Niets te exporteren voor extern gebruik: 1 citaat weggelaten: {q.id}: ")
    assert "intern" in error_text(caught.value).split(f"{q.id}: ", 1)[1]  # the rule's Dutch reason
    assert not list(tmp_path.glob("extern*"))


def test_a_missing_camera_reads_dutch_with_the_help_for_this_system() -> None:
    from vlogkit.capture.backend import CaptureConfig
    from vlogkit.capture.devices import permission_help
    from vlogkit.errors import DeviceError
    from vlogkit.services.capture import CaptureService
    from vlogkit.ui.i18n import error_text, set_language, tr

    with pytest.raises(DeviceError) as caught:
        CaptureService(None).check_devices(CaptureConfig(), {"cameras": [], "microphones": []})  # type: ignore[arg-type]
    assert str(caught.value) == f"No camera and no microphone found. {permission_help('camera')}"
    set_language("nl")
    shown = error_text(caught.value)
    assert shown == f"Geen camera en geen microfoon gevonden. {tr(permission_help('camera'))}"
    assert tr(permission_help("camera")) != permission_help("camera")  # the help itself is Dutch too


def test_a_nested_reason_is_worded_in_the_ui_language_too() -> None:
    from vlogkit.errors import N_, MediaError, VlogkitError
    from vlogkit.ui.i18n import error_text, set_language

    inner = MediaError(N_("{path}: the file is empty."), path="take.mp4")
    outer = VlogkitError(N_("The take could not be added to the library: {reason}"), reason=inner)
    assert str(outer) == "The take could not be added to the library: take.mp4: the file is empty."
    set_language("fr")
    assert error_text(outer) == "La prise n'a pas pu être ajoutée à la bibliothèque : take.mp4 : le fichier est vide."


def test_an_unreachable_team_library_is_said_in_dutch_before_the_window_opens(qapp, home: Path, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    from vlogkit.config import Paths
    from vlogkit.services import App
    from vlogkit.ui.main import open_library

    desk = App(Paths(home))
    desk.settings.ui_language = "nl"
    desk.save_settings()
    monkeypatch.setenv("VLOGKIT_LIBRARY_URL", "postgresql://comms:secret@127.0.0.1:1/team")
    shown: list[tuple[str, str]] = []

    def answer(box: QMessageBox) -> int:
        shown.append((box.text(), box.informativeText()))
        box.buttons()[1].click()  # Quit
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert open_library(App(Paths(home))) is False
    text, question = shown[0]
    assert text.startswith("De teambibliotheek op postgresql://comms:***@127.0.0.1:1/team is niet bereikbaar (de server "
                           "draait niet of aanvaardt geen verbindingen).")
    assert text.endswith("Er is niets veranderd. Controleer het netwerk of de server, of werk met de eigen bibliotheek "
                         "van deze computer.")
    assert "secret" not in text and question.startswith("Voorlopig met de eigen bibliotheek van deze computer werken?")


def test_an_external_clip_with_an_unconfirmed_swear_word_reads_dutch(home: Path, synth, tmp_path: Path) -> None:  # noqa: ANN001
    from tests.services.bank_fixtures import make_app, synth_vlog
    from vlogkit.domain import ConsentScope
    from vlogkit.errors import UnconfirmedWordError
    from vlogkit.ui.i18n import error_text, set_language

    text = "Hoi, ik ben Els.\nDie vergadering was echt klote, maar het resultaat is goed."
    app, vlog, _ = make_app(home, synth_vlog(synth), consent=ConsentScope.EXTERNAL, text=text)
    t = app.transcription.transcribe(vlog.id)
    klote = next(w for w in t.words if w.text.startswith("klote"))
    second = t.segments[1]
    with pytest.raises(UnconfirmedWordError) as caught:
        app.export.export(app.export.request(vlog.id, ranges=[(second.start, second.end)], presets=["square"],
                                             captions="line", audience="external", out_dir=tmp_path / "out"))
    at = f"{klote.start / 1000:.1f}"
    assert f"vlogkit confirm {vlog.id} {at}" in str(caught.value)  # the CLI's line names the command
    set_language("nl")
    assert error_text(caught.value) == (
        f"De ondertitels van de clip: 'klote,' op {at.replace('.', ',')} s (vlog {vlog.id}) zou aan een extern publiek getoond worden, "
        "en niemand bevestigde dat het gezegd werd. Controleer de opname en bevestig het woord (rechtsklik op het "
        "woord), of verbeter het.")


def test_numbers_take_the_decimal_comma_in_dutch_and_french() -> None:
    from vlogkit.errors import UsageError
    from vlogkit.render.timeline import validate_ranges
    from vlogkit.ui.i18n import error_text, set_language

    with pytest.raises(UsageError) as caught:
        validate_ranges([(30_500, 31_000)], 12_250)
    assert str(caught.value) == "The range starts at 30.50 s but the vlog is only 12.25 s long."
    set_language("fr")
    assert error_text(caught.value) == "La plage commence à 30,50 s, mais le vlog ne dure que 12,25 s."
    set_language("en")
    assert error_text(caught.value) == str(caught.value)


def test_a_damaged_library_at_start_is_said_in_a_french_dialog(qapp, home: Path, monkeypatch) -> None:  # noqa: ANN001
    """Started from the menu there is no terminal for the CLI's line: the app says it in a window, in its language,
    and leaves the file untouched."""
    from PySide6.QtWidgets import QMessageBox

    from vlogkit.config import Paths
    from vlogkit.errors import LibraryError
    from vlogkit.services import App
    from vlogkit.ui.main import open_library

    desk = App(Paths(home))
    desk.settings.ui_language = "fr"
    desk.save_settings()
    db = desk.paths.library_db
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_text('{"vlogs": {"1": ', encoding="utf-8")  # cut off mid-write by something else
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    with pytest.raises(LibraryError) as caught:
        open_library(App(Paths(home)))
    assert str(caught.value).startswith(f"The database {db} is damaged (")  # the CLI's line stays English
    assert len(shown) == 1 and shown[0].startswith(f"La base de données {db} est endommagée (")
    assert shown[0].endswith("Mettez-la de côté (ou restaurez la sauvegarde) et relancez vlogkit.")
    assert db.read_text(encoding="utf-8") == '{"vlogs": {"1": '


def test_the_jobs_area_says_how_many_files_failed_not_done(qtbot, window, clip12: Path, tmp_path: Path) -> None:
    """An import where one file of two fails used to read "Klaar" (Done) with a full bar beside the error dialog."""
    from vlogkit.services.library import ImportOptions
    from vlogkit.ui.i18n import set_language

    empty = tmp_path / "leeg.mp4"
    empty.write_bytes(b"")
    set_language("nl")
    job = window.start_import([str(clip12), str(empty)], ImportOptions())
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    row = next(r for r in window.jobs_panel.rows if r.job is job)
    assert row.status.text() == "1 vlog geïmporteerd, 1 bestand mislukt"
    assert "#b00020" in row.status.styleSheet()
    assert len(window.app.library.list()) == 1

    good = window.start_import([str(clip12)], ImportOptions())  # nothing failed: the plain word, not red
    qtbot.waitUntil(lambda: not good.running, timeout=60000)
    row = next(r for r in window.jobs_panel.rows if r.job is good)
    assert row.status.text() == "Klaar" and not row.status.styleSheet()
