"""Forgetting is final: a tombstone; the person's own exports deleted, shared ones rebuilt without them; no file under
the home keeps their name or words; an export running during the forget never finishes with their content; nothing
brings them back (import, bank import)."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest
from tests.quotes.helpers import make_transcript
from tests.services.bank_fixtures import make_app, synth_vlog

from vlogkit.config import Paths
from vlogkit.domain import ConsentScope, Speaker
from vlogkit.errors import ConsentError
from vlogkit.jobs import JobContext
from vlogkit.services import App
from vlogkit.services.library import ImportOptions

JAN_TEXT = """Goedemorgen, ik ben Jan van de logistiek.
Onze vrachtwagens rijden sinds dit jaar volledig elektrisch naar de klanten in de haven.
Dat scheelt elke maand duizenden liters diesel en veel lawaai in de straat."""
ELS_WORDS = ("Els Peeters", "Els-Peeters", "Ik ben ervan overtuigd dat je dit werk niet doet voor het loon",
             "een patiënt je hand vastpakt")


def _two_people(home: Path, synth, tmp_path: Path):  # noqa: ANN001, ANN202
    video = synth_vlog(synth)
    app, els, _ = make_app(home, video)
    other = tmp_path / "jan.mp4"
    shutil.copyfile(video, other)
    with open(other, "ab") as fh:  # different content: a second person's vlog
        fh.write(b"\0" * 32)
    jan = app.library.import_file(other, ImportOptions(speaker=Speaker("Jan Janssens", "Chauffeur"),
                                                       consent=ConsentScope.EXTERNAL, language="nl")).vlog
    app.transcription.save(jan.id, make_transcript(JAN_TEXT, "nl"))
    qe = app.bank.add_candidate(els.id, 1)
    qj = app.bank.add_range(jan.id, 3000, 9000)
    app.bank.approve([qe.id, qj.id], by="Press Office")
    return app, els, jan, app.bank.get(qe.id), app.bank.get(qj.id)


def _files_mentioning(folder: Path, words: tuple[str, ...]) -> list[str]:
    found = []
    for p in folder.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            if any(w.encode("utf-8") in data for w in words):
                found.append(str(p.relative_to(folder)))
    return found


def test_forget_deletes_own_exports_rebuilds_shared_ones_and_leaves_no_trace_under_the_home(
        home: Path, synth, tmp_path: Path) -> None:  # noqa: ANN001
    app, els, jan, qe, qj = _two_people(home, synth, tmp_path)
    out = tmp_path / "out"
    clip = app.export.export(app.export.request(els.id, ranges=[(qe.start, qe.end)], presets=["240x240"],
                                                captions="line", out_dir=out / "clips"))
    own_files = [o.path for o in clip.outputs] + clip.subtitles + clip.posters
    assert len(own_files) >= 4 and all(p.exists() for p in own_files)
    cards = app.bank.export("cards", out / "cards", quotes=[qe, qj])
    els_cards = [p for p in cards.files if p.name.startswith(qe.id)]
    jan_cards = [p for p in cards.files if p.name.startswith(qj.id)]
    assert els_cards and jan_cards
    own_md = app.bank.export("md", out / "els.md", quotes=[qe]).path
    shared_csv = app.bank.export("csv", out / "both.csv", quotes=[qe, qj], separator=";").path
    shared_json = app.bank.export("json", out / "both.json", quotes=[qe, qj]).path
    handed_on = tmp_path / "handed-on.json"  # a copy someone passed around: vlogkit never wrote or logged it
    shutil.copyfile(shared_json, handed_on)
    (home / "library.json.before-restore").write_bytes((home / "library.json").read_bytes())  # an old safety copy
    assert _files_mentioning(home, ELS_WORDS)  # before: her name and words are all over the home

    listed = dict(app.data.exported_files(els.id))  # what `vlogkit log ID` lists for comms to take down
    assert {str(p) for p in own_files} <= set(listed) and str(shared_csv) in listed and listed[str(shared_csv)]

    report = app.data.forget(els.id, rebuild_shared=True)

    assert not any(p.exists() for p in [*own_files, *els_cards, own_md])  # her clip, sidecars, poster, cards, deck
    assert all(p.exists() for p in jan_cards)  # a colleague's card stays
    csv_text = shared_csv.read_text(encoding="utf-8-sig")
    assert "vrachtwagens" in csv_text and "overtuigd" not in csv_text  # rebuilt without her
    assert csv_text.startswith("id;text;")  # with the separator it was written with, not this computer's
    assert sorted(q["id"] for q in json.loads(shared_json.read_text(encoding="utf-8"))["quotes"]) == [qj.id]
    assert set(report.rebuilt) == {str(shared_csv), str(shared_json)} and report.kept == []
    # nothing under the home holds her name or words: databases and their .bak copies, caches, logs, the log
    assert _files_mentioning(home, ELS_WORDS) == [] and report.leftovers == []
    tomb = json.loads((home / "forgotten.json").read_text(encoding="utf-8"))
    assert [(e["id"], e["fingerprint"]) for e in tomb["entries"]] == [(els.id, els.fingerprint)]
    assert app.data.exported_files(els.id) == []
    # Jan is untouched
    assert [q.id for q in app.bank.list()] == [qj.id] and app.transcription.get(jan.id) is not None

    # nothing brings her back: the same file, a bank file holding her quote, a package of her vlog
    again = app.library.import_file(Path(els.path), ImportOptions(consent=ConsentScope.EXTERNAL))
    assert not again.ok and "forgotten" in again.error
    r = app.bank.import_file(handed_on)
    assert r.refused and r.refused[0].startswith(qe.id) and [q.id for q in app.bank.list()] == [qj.id]
    # forgetting again after the fact says so, and changes nothing
    assert "forgotten already" in app.data.forget(els.id).removed[0]


def test_a_shared_file_is_listed_when_not_rebuilt_and_rebuilt_later(home: Path, synth, tmp_path: Path) -> None:  # noqa: ANN001
    app, els, jan, qe, qj = _two_people(home, synth, tmp_path)
    deck = app.bank.export("md", tmp_path / "both.md", quotes=[qe, qj]).path
    report = app.data.forget(els.id)
    assert deck.exists() and any(str(deck) in k and "--rebuild-shared" in k for k in report.kept)
    waiting = [e for e in app.export_log.entries(els.id) if e.get("needs_rebuild")]
    assert [e["outputs"] for e in waiting] == [[str(deck)]]
    later = app.data.forget(els.id, rebuild_shared=True)  # the vlog is gone; its tombstone still finds the file
    assert later.rebuilt == [str(deck)]
    text = deck.read_text(encoding="utf-8")
    assert "vrachtwagens" in text and "overtuigd" not in text
    assert not [e for e in app.export_log.entries(els.id) if e.get("needs_rebuild")]


def test_an_export_running_during_forget_never_finishes_with_the_persons_content(
        home: Path, synth, tmp_path: Path) -> None:  # noqa: ANN001
    app, els, jan, qe, qj = _two_people(home, synth, tmp_path)
    other_process = App(Paths(home))  # `vlogkit forget` run from another terminal
    out = tmp_path / "clips"
    forgot = threading.Event()

    def progress(fraction: float, message: str) -> None:
        if fraction >= 0.5 and not forgot.is_set():  # ffmpeg is writing the clip now
            forgot.set()
            other_process.data.forget(els.id)

    request = app.export.request(els.id, ranges=[(qe.start, qe.end)], presets=["240x240"], captions="line",
                                 out_dir=out)
    with pytest.raises(ConsentError, match="forgotten"):
        app.export.export(request, ctx=JobContext(progress))
    assert forgot.is_set()
    assert not out.exists() or list(out.iterdir()) == []  # no clip, no partial file, no sidecar
    assert not [e for e in app.export_log.entries(els.id) if e["kind"] == "clip"]
    assert not list((home / "cache").rglob(f"{els.fingerprint}*"))  # no face track or loudness kept for her


def test_forget_between_render_and_logging_removes_the_finished_files(home: Path, synth, tmp_path: Path,  # noqa: ANN001
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The last window: the clip is renamed into place, the forget runs before the export logs it. The export's
    final check under the consent lock sees the tombstone and deletes what it wrote."""
    app, els, jan, qe, qj = _two_people(home, synth, tmp_path)
    other_process = App(Paths(home))
    from vlogkit.render import run

    real_render = run.render

    def render_then_forget(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        files = real_render(*args, **kwargs)  # the clip, its poster and sidecars are in place now
        other_process.data.forget(els.id)
        return files

    monkeypatch.setattr(run, "render", render_then_forget)
    out = tmp_path / "clips"
    request = app.export.request(els.id, ranges=[(qe.start, qe.end)], presets=["240x240"], captions="line",
                                 out_dir=out)
    with pytest.raises(ConsentError, match="forgotten"):
        app.export.export(request)
    assert list(out.iterdir()) == []  # the export's last check, under the consent lock, removed what it wrote
    assert not [e for e in app.export_log.entries(els.id) if e["kind"] == "clip"]


def test_a_bank_export_that_loses_its_clearance_while_it_writes_leaves_nothing(home: Path, synth, tmp_path: Path,  # noqa: ANN001
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    app, els, jan, qe, qj = _two_people(home, synth, tmp_path)
    from vlogkit.render import bank_formats

    real = bank_formats.to_csv

    def withdraw_while_writing(rows, audience, separator):  # noqa: ANN001, ANN202
        App(Paths(home)).library.edit(els.id, consent=ConsentScope.NONE)  # another desk withdraws her consent
        return real(rows, audience, separator)

    monkeypatch.setattr(bank_formats, "to_csv", withdraw_while_writing)
    with pytest.raises(ConsentError, match="consent withdrawn"):
        app.bank.export("csv", tmp_path / "q.csv", quotes=[qe, qj])
    assert not (tmp_path / "q.csv").exists()
