"""Data never becomes a path: ids from files, temporary names, planted links (issue 18).

Each case was found by an adversarial pass; each test failed before the fix.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

from tests.reliability.hostile import bank_file, quote_dict
from tests.services.bank_fixtures import make_app, synth_vlog
from vlogkit.domain import ConsentScope, Quote, Speaker
from vlogkit.errors import UsageError
from vlogkit.fileutil import output_file
from vlogkit.store.bank import BankRepository

PATH_LIKE_IDS = ["ABS", "../../vk-escaped", "..", "q/../../x", "C:\\evil", "q\x00nul", "~/x"]


def _inside(folder: Path, p: Path) -> bool:
    return Path(os.path.realpath(p)).is_relative_to(os.path.realpath(folder))


def test_a_link_planted_at_the_old_predictable_temporary_name_is_never_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "exports"
    out.mkdir()
    final = out / "clip.txt"
    # the name output_file() used to write to: `.clip.part<PID>.txt` - predictable, and followed through a link
    planted = out / f".clip.part{os.getpid()}.txt"
    planted.symlink_to(victim)
    with output_file(final) as tmp:
        assert not tmp.is_symlink()
        tmp.write_text("the export")
    assert victim.read_text() == "precious"
    assert final.read_text() == "the export" and not final.is_symlink()


def test_the_temporary_file_is_created_new_and_private_to_this_writer(tmp_path: Path) -> None:
    final = tmp_path / "deck.pptx"
    with output_file(final) as a, output_file(final.with_name("deck2.pptx")) as b:
        assert a.exists() and a.parent == tmp_path and a.name.startswith(".")  # made before the writer opens it
        assert a != b and a.name != f".deck.part{os.getpid()}.pptx"  # not guessable from the pid
        a.write_bytes(b"x")
        b.write_bytes(b"y")


def _bank_with(app, vlog, qid: str, **extra) -> Quote:  # noqa: ANN001
    q = Quote(id=qid, vlog_id=vlog.id, start=1000, end=4000, text="Ik ben ervan overtuigd.", verbatim="Ik ben ervan "
              "overtuigd.", language=extra.pop("language", "nl"), speaker=Speaker("Els Peeters"), **extra)
    saved, _ = BankRepository(app.paths.bank_db).add_unique(q)
    assert saved.id == qid
    return saved


@pytest.mark.parametrize("qid", PATH_LIKE_IDS)
def test_a_path_like_quote_id_cannot_place_a_card_outside_out(home: Path, synth, tmp_path: Path, qid: str,  # noqa: ANN001
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    app, vlog, _ = make_app(home, synth_vlog(synth), consent=ConsentScope.INTERNAL)
    if qid == "ABS":
        qid = str(tmp_path / "vk-abs-card")  # an absolute path
    q = _bank_with(app, vlog, qid)
    out = tmp_path / "a" / "b" / "cards"
    before = {p for p in tmp_path.rglob("*")}
    report = app.bank.export("cards", out, audience="internal", quotes=[app.bank.get(q.id)])
    assert report.files and all(_inside(out, f) for f in report.files), report.files
    new = {p for p in tmp_path.rglob("*")} - before
    # vlogkit's own home (its export log) aside, nothing appears outside --out
    assert all(_inside(out, p) or _inside(home, p) or p in (out, out.parent, out.parent.parent) for p in new), new


def test_a_path_like_quote_id_cannot_place_a_deck_still_outside_its_temporary_folder(
        home: Path, synth, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    app, vlog, _ = make_app(home, synth_vlog(synth), consent=ConsentScope.INTERNAL)
    q = _bank_with(app, vlog, "../../vk-still")
    work = tmp_path / "t1" / "t2"
    work.mkdir(parents=True)
    monkeypatch.setattr(tempfile, "tempdir", str(work))
    report = app.bank.export("pptx", tmp_path / "deck.pptx", audience="internal", quotes=[app.bank.get(q.id)])
    assert report.path.exists()
    assert not list(tmp_path.glob("*.jpg")) and not list(tmp_path.glob("t1/*.jpg")), "a still escaped"


def test_markdown_escapes_html_in_every_field(home: Path, synth, tmp_path: Path) -> None:  # noqa: ANN001
    app, vlog, _ = make_app(home, synth_vlog(synth), consent=ConsentScope.INTERNAL)
    q = _bank_with(app, vlog, "q<img src=x onerror=alert(1)>`", language="<script>alert(2)</script>",
                   tags=("<b>t</b>",), note="<i>n</i>")
    report = app.bank.export("md", tmp_path / "q.md", audience="internal", quotes=[app.bank.get(q.id)])
    text = report.path.read_text(encoding="utf-8")
    unescaped = text.replace("\\<", "").replace("\\>", "")
    assert "<" not in unescaped and ">" not in unescaped.replace("> ", "").replace(">\n", ""), text


@pytest.mark.parametrize("qid", [*PATH_LIKE_IDS, "", "Q123", "qabc1", "q" + "a" * 60, 12345])
def test_bank_import_refuses_an_id_that_is_not_a_quote_id_and_names_it(app, tmp_path: Path, qid) -> None:  # noqa: ANN001
    path = bank_file(tmp_path / "in.json", [quote_dict(id=qid)])
    with pytest.raises(UsageError) as err:
        app.bank.import_file(path)
    assert "quote 1" in str(err.value) and "'id'" in str(err.value)
    assert not app.paths.bank_db.exists() or app.bank.list() == []


@pytest.mark.parametrize("vid", ["../x", "/abs", "", "ABC"])
def test_bank_import_refuses_a_vlog_id_that_is_not_a_vlog_id(app, tmp_path: Path, vid: str) -> None:  # noqa: ANN001
    path = bank_file(tmp_path / "in.json", [quote_dict(vlog_id=vid)])
    with pytest.raises(UsageError, match="'vlog_id'"):
        app.bank.import_file(path)


def test_bank_import_keeps_good_ids(app, tmp_path: Path) -> None:  # noqa: ANN001
    path = bank_file(tmp_path / "in.json", [quote_dict()])
    r = app.bank.import_file(path)
    assert r.added == 1 and json.loads(path.read_text())["quotes"][0]["id"] == app.bank.list()[0].id
