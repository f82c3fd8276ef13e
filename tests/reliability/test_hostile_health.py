"""Health (issue 18): a damaged settings file or library record, a read-only home, odd searches, malformed bank files
and terminal escape codes each give a clear answer and keep the rest usable."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest

from tests.reliability.hostile import MALFORMED_BANK_FILES, bank_file, quote_dict, write_malformed
from tests.services.bank_fixtures import make_app, synth_vlog
from vlogkit.domain import ConsentScope, Quote, Speaker
from vlogkit.store.bank import BankRepository


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from vlogkit.cli.main import main

    term = signal.getsignal(signal.SIGTERM)
    try:
        code = main(argv)
    except SystemExit as exc:
        code = int(exc.code or 0)
    finally:
        signal.signal(signal.SIGTERM, term)
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("vlogkit: error: "), err
    assert "Traceback" not in err and "unexpected error" not in err, err
    return lines[0]


# -- searches -------------------------------------------------------------------------------------------------------


@pytest.fixture
def banked(home: Path, synth):  # noqa: ANN001, ANN201
    app, vlog, _ = make_app(home, synth_vlog(synth), consent=ConsentScope.INTERNAL)
    app.bank.add_candidate(vlog.id, 1)
    app.bank.add_candidate(vlog.id, 2)
    return app, vlog


@pytest.mark.parametrize("query", ["😀", "!!!", "'", "’’", "...", "___", "-- --", "🎥 🙂", "“”", "\u200b"])
def test_a_search_without_words_matches_nothing(banked, query: str) -> None:  # noqa: ANN001
    app, _ = banked
    assert len(app.bank.list()) == 2
    assert app.bank.search(query) == []


def test_bank_export_of_an_emoji_exports_nothing(banked, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    code, out, err = run(["bank", "export", "😀", "--format", "csv", "--out", str(tmp_path / "all.csv")], capsys)
    assert code == 1 and not (tmp_path / "all.csv").exists()
    assert "No quotes match" in one_error_line(err)


# -- bank files -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("index", range(len(MALFORMED_BANK_FILES)), ids=[m[0] for m in MALFORMED_BANK_FILES])
def test_a_malformed_bank_file_names_the_field(app, tmp_path: Path, capsys, index: int) -> None:  # noqa: ANN001
    path, name, needle = write_malformed(tmp_path, index)
    code, out, err = run(["bank", "import", str(path)], capsys)
    line = one_error_line(err)
    assert code == 2 and needle in line, (name, line)
    assert not app.paths.bank_db.exists() or BankRepository(app.paths.bank_db).all() == []


def test_tags_given_as_one_string_are_one_tag(app, tmp_path: Path) -> None:  # noqa: ANN001
    app.bank.import_file(bank_file(tmp_path / "t.json", [quote_dict(tags="secret")]))
    (q,) = app.bank.list()
    assert q.tags == ("secret",)
    assert app.bank.list(tag="secret") == [q]


# -- terminal output ------------------------------------------------------------------------------------------------

EVIL = "Nice\x1b[2J\x1b]0;owned\x07 words\x1b[31m\u202e\r\x08"


def test_terminal_escape_codes_in_user_data_are_neutralised(banked, capsys) -> None:  # noqa: ANN001
    app, vlog = banked
    q = app.bank.list()[0]
    BankRepository(app.paths.bank_db).save(q.with_(text=EVIL, speaker=Speaker(EVIL), tags=(EVIL,)))
    app.library.edit(vlog.id, speaker=Speaker(EVIL), title=EVIL)
    for argv in (["bank", "list"], ["bank", "search", "nice"], ["list"], ["show", vlog.id], ["log"]):
        code, out, err = run(argv, capsys)
        assert code == 0, err
        for ch in ("\x1b", "\x07", "\u202e", "\x08", "\r"):
            assert ch not in out and ch not in err, (argv, out)
    code, out, err = run(["bank", "list"], capsys)
    assert "Nice" in out and "words" in out


def test_json_output_keeps_the_data_exactly(banked, capsys) -> None:  # noqa: ANN001
    app, _ = banked
    q = app.bank.list()[0]
    BankRepository(app.paths.bank_db).save(q.with_(text=EVIL))
    code, out, _ = run(["bank", "list", "--json"], capsys)
    assert code == 0 and EVIL in [d["text"] for d in json.loads(out)]


# -- settings and library records -----------------------------------------------------------------------------------


@pytest.mark.parametrize("settings", ["[1, 2]", "not json", '{"record_limit_s": "long", "brand_color": 5}',
                                      '{"last_speaker": "An", "loudness_target": "loud"}', '"text"', "null",
                                      '{"model": ["base"], "auto_transcribe": "yes"}'])
def test_a_bad_settings_file_breaks_no_command_and_doctor_names_it(app, capsys, settings: str) -> None:  # noqa: ANN001
    app.paths.settings_file.write_text(settings)
    for argv in (["list"], ["bank", "list"], ["log"]):
        code, out, err = run(argv, capsys)
        assert code == 0, (argv, err)
    code, out, err = run(["doctor", "--json"], capsys)
    checks = {c["check"]: c for c in json.loads(out)}
    assert checks["settings"]["status"] in ("warn", "fail") and "settings.json" in checks["settings"]["detail"]


def test_good_settings_are_ok_in_doctor(app, capsys) -> None:  # noqa: ANN001
    app.save_settings()
    code, out, _ = run(["doctor", "--json"], capsys)
    assert {c["check"]: c for c in json.loads(out)}["settings"]["status"] == "ok"


def _damage_one_record(home: Path, vid: str) -> None:
    db = home / "library.json"
    doc = json.loads(db.read_text())
    rows = doc["vlogs"]
    key = next(k for k, r in rows.items() if r["id"] == vid)
    rows[key]["media"] = "broken"
    db.write_text(json.dumps(doc))


def test_one_malformed_library_record_is_named_and_the_rest_stays_usable(home: Path, synth, small_video: Path,  # noqa: ANN001
                                                                         capsys) -> None:
    app, good, _ = make_app(home, synth_vlog(synth), consent=ConsentScope.INTERNAL)
    r = app.library.import_file(small_video, __import__("vlogkit.services.library", fromlist=["x"]).ImportOptions())
    bad = r.vlog.id
    _damage_one_record(home, bad)
    code, out, err = run(["list"], capsys)
    assert code == 0 and good.id in out and bad in err  # the damaged record is named, the rest listed
    code, out, err = run(["show", good.id], capsys)
    assert code == 0
    code, out, err = run(["show", bad], capsys)
    assert code == 1 and bad in one_error_line(err) and "damaged" in err
    code, out, err = run(["bank", "list"], capsys)
    assert code == 0, err
    code, out, err = run(["doctor", "--json"], capsys)
    lib = {c["check"]: c for c in json.loads(out)}["library"]
    assert lib["status"] in ("warn", "fail") and bad in lib["detail"], lib


def test_one_malformed_bank_record_is_named_and_the_rest_stays_usable(banked, capsys) -> None:  # noqa: ANN001
    app, _ = banked
    db = app.paths.bank_db
    doc = json.loads(db.read_text())
    first = next(iter(doc["quotes"]))
    doc["quotes"][first]["speaker"] = "not an object"
    doc["quotes"][first]["start"] = "soon"
    db.write_text(json.dumps(doc))
    code, out, err = run(["bank", "list"], capsys)
    assert code == 0 and len([ln for ln in out.splitlines() if ln.startswith("q")]) == 1
    assert doc["quotes"][first]["id"] in err
    code, out, err = run(["doctor", "--json"], capsys)
    bank = {c["check"]: c for c in json.loads(out)}["bank"]
    assert bank["status"] in ("warn", "fail") and doc["quotes"][first]["id"] in bank["detail"]


# -- a read-only home -----------------------------------------------------------------------------------------------


def _mount_read_only(where: Path, source: Path | None) -> None:
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a read-only folder needs root")
    cmd = (["mount", "--bind", str(source), str(where)] if source else
           ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(where)])
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    if r.returncode != 0:
        pytest.skip(f"cannot mount here: {r.stderr.strip()}")
    if source:
        r = subprocess.run(["mount", "-o", "remount,ro,bind", str(where)], capture_output=True, text=True, timeout=30)
        if r.returncode != 0:
            subprocess.run(["umount", "-l", str(where)], timeout=30)
            pytest.skip(f"cannot remount read-only here: {r.stderr.strip()}")


COMMANDS = [["list"], ["doctor"], ["show", "k3x9qa"], ["bank", "list"], ["log"], ["cache", "clear"], ["import", "x"],
            ["list", "--json"]]


@pytest.mark.parametrize("populated", [False, True], ids=["empty", "with-a-library"])
def test_a_read_only_home_gives_one_line_naming_the_folder_for_every_command(cli, home: Path, tmp_path: Path,  # noqa: ANN001
                                                                               small_video: Path, populated: bool) -> None:
    ro = tmp_path / "ro"
    if populated:
        assert cli("import", str(small_video)).returncode == 0
        _mount_read_only(ro, home)
        target = ro
    else:
        _mount_read_only(ro, None)
        target = ro / "home"
    try:
        for argv in COMMANDS:
            r = cli(*argv, env={"VLOGKIT_HOME": str(target)}, timeout=120)
            assert r.returncode == 1, (argv, r.stdout, r.stderr)
            line = one_error_line(r.stderr)
            assert str(target) in line and ("read-only" in line or "cannot be written" in line), (argv, line)
    finally:
        subprocess.run(["umount", "-l", str(ro)], capture_output=True, timeout=30)


def test_quote_ids_in_a_bank_repository_are_whatever_the_file_says_but_cli_shows_them_safely(banked, capsys) -> None:  # noqa: ANN001
    app, vlog = banked
    q = Quote(id="q\x1b[31mred", vlog_id=vlog.id, start=9000, end=12000, text="x", verbatim="x", language="nl")
    BankRepository(app.paths.bank_db).add_unique(q)
    code, out, err = run(["bank", "list"], capsys)
    assert code == 0 and "\x1b" not in out


@pytest.mark.parametrize("damage", ["not an object", ["a", "list"], 42, None])
def test_a_library_record_that_is_not_an_object_is_named_and_the_rest_stays_usable(home: Path, synth, capsys,  # noqa: ANN001
                                                                                   damage) -> None:
    app, good, _ = make_app(home, synth_vlog(synth), consent=ConsentScope.INTERNAL)
    db = home / "library.json"
    doc = json.loads(db.read_text())
    doc["vlogs"]["999"] = damage
    db.write_text(json.dumps(doc))
    code, out, err = run(["list"], capsys)
    assert code == 0 and good.id in out and "999" in err, err
    code, out, err = run(["show", good.id], capsys)
    assert code == 0, err


@pytest.mark.parametrize("meta", ['{"1": {"schema_version": "one"}}', '{"1": {"schema_version": true}}'])
def test_a_damaged_schema_version_is_one_line_naming_the_file(app, capsys, meta: str) -> None:  # noqa: ANN001
    app.paths.library_db.write_text('{"_meta": ' + meta + ', "vlogs": {}}')
    code, out, err = run(["list"], capsys)
    assert code == 1 and "library.json" in one_error_line(err)


@pytest.mark.parametrize("field,value", [("text", "Nice \u001b[2J words"), ("text", "\ud800 broken"),
                                         ("note", "a\u0000b"), ("tags", ["ok", "\u0007bell"])])
def test_a_bank_file_with_control_characters_or_broken_unicode_is_refused_naming_the_field(
        app, tmp_path: Path, field: str, value) -> None:  # noqa: ANN001
    from vlogkit.errors import UsageError

    path = bank_file(tmp_path / "c.json", [quote_dict(**{field: value})])
    with pytest.raises(UsageError, match=f"'{field}'"):
        app.bank.import_file(path)


def test_control_characters_and_broken_unicode_already_in_the_bank_never_break_an_export(banked, tmp_path: Path,  # noqa: ANN001
                                                                                          capsys) -> None:
    app, _ = banked
    q = app.bank.list()[0]
    BankRepository(app.paths.bank_db).save(q.with_(text="Nice \x1b[2J\x00 words", note="n\x07"))
    raw = app.paths.bank_db.read_text(encoding="utf-8")
    app.paths.bank_db.write_text(raw.replace("Nice ", "Nice \\ud800"), encoding="utf-8")  # a hand edit
    for fmt in ("pptx", "csv", "md", "json", "cards"):
        code, out, err = run(["bank", "export", "--format", fmt, "--out", str(tmp_path / f"x-{fmt}")], capsys)
        assert code == 0, (fmt, err)
    from pptx import Presentation

    texts = [sh.text_frame.text for s in Presentation(str(tmp_path / "x-pptx.pptx")).slides for sh in s.shapes
             if sh.has_text_frame]
    assert any("words" in t for t in texts)
