"""Temporary files (issue 18): `cache clear` touches only vlogkit's own leftovers; a full disk during a card export
leaves no partial PNG and logs the cards that were written."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.services.bank_fixtures import make_app, synth_vlog
from vlogkit.domain import ConsentScope
from vlogkit.errors import DiskFullError
from vlogkit.fileutil import output_file


def _age(p: Path, hours: float) -> None:
    t = time.time() - hours * 3600
    os.utime(p, (t, t))


@pytest.mark.usefixtures("own_tmp")
def test_cache_clear_keeps_other_programs_hidden_tmp_files_in_export_folders(app) -> None:  # noqa: ANN001
    folder = app.paths.default_export_dir
    folder.mkdir(parents=True, exist_ok=True)
    theirs = [folder / ".~lock.deck.pptx#", folder / ".report.docx.tmp", folder / ".sync-1234.tmp",
              folder / ".Budget.xlsx.part.tmp"]
    for p in theirs:
        p.write_text("another program's work")
        _age(p, 48)
    # vlogkit's own leftovers from a crash: an output_file() temporary of a dead process, in both name forms
    ours = [folder / ".clip_reel.part999999.mp4", folder / ".clip_reel.part999998-abc12345.mp4",
            folder / ".quotes.csv.part999997-x8y7z6w5.tmp"]
    for p in ours:
        p.write_bytes(b"x" * 10)
    assert sorted(app.data.leftovers()) == sorted(ours)
    app.data.clear_cache()
    assert all(p.exists() for p in theirs), [p for p in theirs if not p.exists()]
    assert not any(p.exists() for p in ours)


@pytest.mark.usefixtures("own_tmp")
def test_a_live_writers_temporary_file_is_not_swept(app) -> None:  # noqa: ANN001
    folder = app.paths.default_export_dir
    with output_file(folder / "deck.pptx") as tmp:
        tmp.write_bytes(b"half")
        assert app.data.leftovers() == []  # this process is alive: its file is being written
        app.data.clear_cache()
        assert tmp.exists()


def test_a_full_disk_during_a_card_export_leaves_no_partial_png_and_logs_what_was_written(
        home: Path, synth, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    app, vlog, _ = make_app(home, synth_vlog(synth), consent=ConsentScope.INTERNAL)
    quotes = [app.bank.add_candidate(vlog.id, 1), app.bank.add_candidate(vlog.id, 2)]
    out = tmp_path / "cards"
    monkeypatch.setenv("VLOGKIT_FAILPOINT", "output.before_rename=enospc@3")  # the third PNG hits a full disk
    with pytest.raises(DiskFullError):
        app.bank.export("cards", out, audience="internal", quotes=quotes)
    monkeypatch.delenv("VLOGKIT_FAILPOINT")
    files = sorted(out.iterdir())
    assert len(files) == 2 and all(not p.name.startswith(".") for p in files), files  # two whole cards, no partial
    from PIL import Image

    for p in files:
        with Image.open(p) as im:
            im.load()  # a complete PNG
    logged = [e for e in app.export_log.entries(vlog.id) if e["kind"].startswith("bank-cards")]
    assert len(logged) == 1 and sorted(logged[0]["outputs"]) == [str(p) for p in files], logged
    assert "incomplete" in logged[0]["detail"]
