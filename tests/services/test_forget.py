"""The right to be forgotten removes one person's material - and never other people's shared exports."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.services.bank_fixtures import make_app, synth_vlog

from vlogkit.domain import ConsentScope, Speaker
from vlogkit.services.library import ImportOptions


def test_forget_keeps_shared_exports_and_removes_own(home: Path, synth, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    video = synth_vlog(synth)
    app, els, _ = make_app(home, video)
    other_file = tmp_path / "other.mp4"
    shutil.copyfile(video, other_file)
    with open(other_file, "ab") as fh:  # different content: a second vlog
        fh.write(b"\0" * 16)
    jan = app.library.import_file(other_file, ImportOptions(speaker=Speaker("Jan"), consent=ConsentScope.EXTERNAL)).vlog
    q1 = app.bank.add_range(els.id, 3000, 12000)
    q2 = app.bank.add_range(jan.id, 3000, 12000)
    shared = app.bank.export("csv", tmp_path / "both.csv", quotes=[q1, q2])
    own = app.bank.export("csv", tmp_path / "els-only.csv", quotes=[q1])

    preview = app.data.forget(els.id, dry_run=True)
    assert preview.dry_run and "library entry" in preview.removed
    assert app.library.get(els.id) and own.path.exists()  # a dry run changes nothing

    report = app.data.forget(els.id)
    assert not own.path.exists()  # made from her quote alone
    assert shared.path.exists()  # also holds Jan's quote: kept, and said so
    assert any(str(shared.path) in k for k in report.kept)
    assert [q.id for q in app.bank.list()] == [q2.id]
    assert video.exists() and other_file.exists()
