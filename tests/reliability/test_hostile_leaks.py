"""Exports carry only what their audience may see (issue 18): no original wording of an edited quote and no internal
note in external files; the deck's author is the user named in the settings, never anyone else."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

from tests.services.bank_fixtures import make_app, synth_vlog
from vlogkit.domain import ConsentScope

SECRET_NOTE = "Internal: legal asked us to soften this"


@pytest.fixture
def edited(home: Path, synth):  # noqa: ANN001, ANN201
    app, vlog, _ = make_app(home, synth_vlog(synth), consent=ConsentScope.EXTERNAL)
    q = app.bank.add_candidate(vlog.id, 1, note=SECRET_NOTE)
    original = q.verbatim
    q = app.bank.update(q.id, text="Care is personal.")
    app.bank.update(q.id, status="approved")
    return app, app.bank.get(q.id), original


def _all_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig")


@pytest.mark.parametrize("fmt", ["csv", "json", "md"])
def test_external_exports_carry_neither_the_original_wording_nor_the_note(edited, tmp_path: Path,  # noqa: ANN001
                                                                           fmt: str) -> None:
    app, q, original = edited
    assert original and original != q.text
    report = app.bank.export(fmt, tmp_path / f"ext.{fmt}", audience="external", quotes=[q])
    text = _all_text(report.path)
    assert "Care is personal." in text
    assert original not in text and "overtuigd" not in text, text
    assert SECRET_NOTE not in text
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert "note" not in rows[0] and "verbatim" not in rows[0]
    if fmt == "json":
        d = json.loads(text)["quotes"][0]
        assert "note" not in d and "verbatim" not in d


def test_internal_exports_keep_the_note_and_the_wording_for_the_team(edited, tmp_path: Path) -> None:  # noqa: ANN001
    app, q, original = edited
    text = _all_text(app.bank.export("csv", tmp_path / "int.csv", audience="internal", quotes=[q]).path)
    assert SECRET_NOTE in text and original in text


def _core(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read("docProps/core.xml").decode("utf-8") + zf.read("docProps/app.xml").decode("utf-8")


def test_the_deck_author_is_the_user_from_the_settings(edited, tmp_path: Path) -> None:  # noqa: ANN001
    from pptx import Presentation

    app, q, _ = edited
    app.settings.user_name = "Comms Team"
    report = app.bank.export("pptx", tmp_path / "deck.pptx", audience="external", quotes=[q])
    props = Presentation(str(report.path)).core_properties
    assert props.author == "Comms Team" and props.last_modified_by == "Comms Team"
    core = _core(report.path)
    assert "Steve Canny" not in core and "python-pptx" not in core


def test_without_a_user_name_the_deck_names_the_person_logged_in(edited, tmp_path: Path) -> None:  # noqa: ANN001
    import getpass

    from pptx import Presentation

    app, q, _ = edited
    app.settings.user_name = ""
    report = app.bank.export("pptx", tmp_path / "deck.pptx", audience="external", quotes=[q])
    props = Presentation(str(report.path)).core_properties
    assert props.author == getpass.getuser() and props.last_modified_by == getpass.getuser()
    assert "Steve Canny" not in _core(report.path) and "python-pptx" not in _core(report.path)
