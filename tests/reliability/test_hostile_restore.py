"""Restore of a hostile or damaged backup (issue 18): extracted aside, checked (allow-list, sizes, CRCs, schema), then
swapped in under the locks; the current library is kept in numbered `.before-restore` copies."""

from __future__ import annotations

import json
import os
import stat
import zipfile
from pathlib import Path

import pytest

from tests.reliability.hostile import crafted_backup, library_doc, vlog_dict
from vlogkit.config import Paths
from vlogkit.errors import VlogkitError
from vlogkit.services import App
from vlogkit.services.library import ImportOptions


def _tree(home: Path) -> dict[str, bytes]:
    return {str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*"))
            if p.is_file() and "logs" not in p.parts and not p.name.endswith(".lock")}


def _app(home: Path) -> App:
    return App(Paths(home))


def _imported(home: Path, video: Path, copy: bool = False) -> tuple[App, str]:
    app = _app(home)
    r = app.library.import_file(video, ImportOptions(copy=copy))
    assert r.ok, r.error
    return app, r.vlog.id


def test_backups_are_private(app, small_video: Path, tmp_path: Path) -> None:  # noqa: ANN001
    app.library.import_file(small_video, ImportOptions())
    dest = app.data.backup(tmp_path / "b.zip")
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600


def test_a_zip_bomb_is_refused_before_anything_is_written(app, tmp_path: Path) -> None:  # noqa: ANN001
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("vlogkit-backup.txt", "vlogkit backup\n")
        zf.writestr("library.json", library_doc([vlog_dict()]))
        with zf.open("transcripts/k3x9qa.json", "w") as fh:
            zero = bytes(1 << 20)
            for _ in range(300):  # 300 MiB of zeros: a 300 KB zip
                fh.write(zero)
    assert bomb.stat().st_size < 2 << 20
    before = _tree(app.paths.home)
    with pytest.raises(VlogkitError, match="(?i)expand"):
        app.data.restore(bomb)
    assert _tree(app.paths.home) == before
    assert sum(p.stat().st_size for p in app.paths.home.rglob("*") if p.is_file()) < 5 << 20


def test_a_planted_export_log_entry_cannot_make_forget_delete_a_file(app, tmp_path: Path) -> None:  # noqa: ANN001
    victim = tmp_path / "victim" / "thesis.docx"
    victim.parent.mkdir()
    victim.write_text("years of work")
    planted = {"when": "2026-01-01T10:00:00+00:00", "kind": "clip", "vlog_ids": ["k3x9qa"],
               "outputs": [str(victim)], "audience": "internal", "user": "x", "detail": ""}
    backup = crafted_backup(tmp_path / "b.zip", {"library.json": library_doc([vlog_dict()], log=[planted])})
    app.data.restore(backup)
    fresh = _app(app.paths.home)
    report = fresh.data.forget("k3x9qa")
    assert victim.read_text() == "years of work", report.removed


def test_the_current_export_log_survives_a_restore(home: Path, small_video: Path, tmp_path: Path) -> None:
    app, vid = _imported(home, small_video)
    app.export_log.record("clip", vlog_ids=[vid], outputs=[str(tmp_path / "clip.mp4")], audience="internal")
    backup = crafted_backup(tmp_path / "b.zip", {"library.json": library_doc([vlog_dict()])})
    app.data.restore(backup, force=True)
    kinds = [(e["kind"], e["outputs"]) for e in _app(home).export_log.entries()]
    assert ("clip", [str(tmp_path / "clip.mp4")]) in kinds


def test_before_restore_copies_are_numbered_and_never_overwritten(home: Path, small_video: Path,
                                                                  tmp_path: Path) -> None:
    app, _ = _imported(home, small_video)
    original = app.paths.library_db.read_bytes()
    backup = crafted_backup(tmp_path / "b.zip", {"library.json": library_doc([vlog_dict()])})
    app.data.restore(backup, force=True)
    _app(home).data.restore(backup, force=True)
    copies = sorted(home.glob("library.json.before-restore*"))
    assert len(copies) == 2, copies
    assert any(c.read_bytes() == original for c in copies), "the original library was lost"


def test_duplicate_entries_are_refused(app, tmp_path: Path) -> None:  # noqa: ANN001
    b = tmp_path / "dup.zip"
    with zipfile.ZipFile(b, "w") as zf:
        zf.writestr("vlogkit-backup.txt", "x")
        zf.writestr("library.json", library_doc([vlog_dict()]))
        with pytest.warns(UserWarning):
            zf.writestr("library.json", library_doc([vlog_dict(vid="zzzzzz")]))
    with pytest.raises(VlogkitError, match="twice"):
        app.data.restore(b)


@pytest.mark.parametrize("entry", ["settings.json", "presets.json", "library.json.lock", "logs/vlogkit.log",
                                   "cache/faces/x.json", "export_log.json", ".bashrc", "transcripts/../../x.json",
                                   "transcripts/sub/dir.json", "media/.hidden.mp4", "thumbnails/x.txt"])
def test_restore_writes_only_allow_listed_paths(app, tmp_path: Path, entry: str) -> None:  # noqa: ANN001
    (app.paths.home / "settings.json").write_text('{"model": "base"}')
    before = _tree(app.paths.home)
    backup = crafted_backup(tmp_path / "b.zip", {"library.json": library_doc([vlog_dict()]),
                                                 entry: '{"model": "/tmp/attacker-model", "x": 1}'})
    try:
        app.data.restore(backup)
    except VlogkitError as exc:
        assert entry in str(exc) or "settings" in str(exc)
        assert _tree(app.paths.home) == before  # refused: nothing written
    else:  # accepted: only the library came in; the odd entry went nowhere
        after = _tree(app.paths.home)
        assert set(after) - set(before) <= {"library.json"}, set(after) - set(before)
        assert after["settings.json"] == before["settings.json"]
    assert not (tmp_path.parent / "x.json").exists()


def test_a_symlink_entry_is_refused(app, tmp_path: Path) -> None:  # noqa: ANN001
    b = tmp_path / "link.zip"
    with zipfile.ZipFile(b, "w") as zf:
        zf.writestr("vlogkit-backup.txt", "x")
        info = zipfile.ZipInfo("media/evil.mp4")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(VlogkitError, match="media/evil.mp4"):
        app.data.restore(b)


def test_a_checksum_error_halfway_leaves_nothing_partial(home: Path, small_video: Path, tmp_path: Path) -> None:
    app, _ = _imported(home, small_video)
    before = _tree(home)
    b = tmp_path / "crc.zip"
    with zipfile.ZipFile(b, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("vlogkit-backup.txt", "x")
        zf.writestr("library.json", library_doc([vlog_dict()]))
        zf.writestr("bank.json", json.dumps({"_meta": {"1": {"schema_version": 1}}, "quotes": {}}))
        zf.writestr("transcripts/k3x9qa.json", json.dumps({"transcript": "A" * 5000}))
    data = bytearray(b.read_bytes())
    at = data.index(b"A" * 5000) + 2500
    data[at] = ord("B")  # one flipped byte in the last entry: its CRC no longer matches
    b.write_bytes(bytes(data))
    with pytest.raises(VlogkitError, match="(?i)damaged|CRC"):
        app.data.restore(b, force=True)
    assert _tree(home) == before
    assert not [p for p in home.iterdir() if p.name.startswith(".restore")]


@pytest.mark.parametrize("library", [
    "this is not json",
    library_doc([vlog_dict()], schema=99),
    library_doc([vlog_dict(vid="../../x")]),
    library_doc([vlog_dict(fingerprint="../../cache")]),
    library_doc([vlog_dict(media="nope")]),
    json.dumps([1, 2, 3]),
])
def test_a_damaged_newer_or_crafted_library_in_a_backup_is_refused(app, tmp_path: Path, library: str) -> None:  # noqa: ANN001
    before = _tree(app.paths.home)
    backup = crafted_backup(tmp_path / "b.zip", {"library.json": library})
    with pytest.raises(VlogkitError, match="library.json"):
        app.data.restore(backup)
    assert _tree(app.paths.home) == before


def test_a_damaged_current_library_does_not_block_force(home: Path, tmp_path: Path) -> None:
    home.mkdir(parents=True)
    (home / "library.json").write_text("{ damaged")
    backup = crafted_backup(tmp_path / "b.zip", {"library.json": library_doc([vlog_dict()])})
    app = _app(home)
    with pytest.raises(VlogkitError, match="--force"):
        app.data.restore(backup)
    app.data.restore(backup, force=True)
    assert [v.id for v in _app(home).vlogs.all()] == ["k3x9qa"]
    assert any(p.read_text() == "{ damaged" for p in home.glob("library.json.before-restore*"))


def test_media_paths_are_rebased_on_a_new_machine(home: Path, small_video: Path, tmp_path: Path) -> None:
    app, vid = _imported(home, small_video, copy=True)
    old_path = Path(app.vlogs.get(vid).path)
    assert old_path.is_relative_to(home / "media")
    backup = app.data.backup(tmp_path / "b.zip")
    new_home = tmp_path / "new-laptop"
    new = _app(new_home)
    new.data.restore(backup)
    vlog = _app(new_home).vlogs.get(vid)
    assert Path(vlog.path) == new_home / "media" / old_path.name and Path(vlog.path).exists()
    assert _app(new_home).library.check_source(vlog) == Path(vlog.path)
    thumb = vlog.extra.get("thumbnail")
    assert thumb is None or Path(thumb).is_relative_to(new_home)


def test_a_restore_never_follows_a_planted_link_in_the_home(home: Path, tmp_path: Path) -> None:
    app = _app(home)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    (home / "transcripts").mkdir(exist_ok=True)
    os.symlink(victim, home / "transcripts" / "k3x9qa.json")
    backup = crafted_backup(tmp_path / "b.zip", {"library.json": library_doc([vlog_dict()]),
                                                 "transcripts/k3x9qa.json": json.dumps({"x": 1})})
    app.data.restore(backup)
    assert victim.read_text() == "keep"


def test_an_older_backup_never_brings_a_forgotten_vlog_back(home: Path, small_video: Path, tmp_path: Path) -> None:
    app, vid = _imported(home, small_video)
    backup = app.data.backup(tmp_path / "before-forget.zip")
    fp = app.vlogs.get(vid).fingerprint
    app.tombstones.add(vid, fp)  # what `forget` leaves behind
    app.vlogs.remove(vid)
    before = _tree(home)
    with pytest.raises(VlogkitError, match="forgotten"):
        _app(home).data.restore(backup, force=True)
    assert _tree(home) == before


def test_a_backup_carries_the_tombstones_and_the_export_log_and_a_restore_only_adds_to_them(
        home: Path, small_video: Path, tmp_path: Path) -> None:
    app, vid = _imported(home, small_video)
    app.tombstones.add("zzzzzz", "a" * 48)
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"x")
    app.export_log.record("clip", vlog_ids=[vid], outputs=[str(clip)], audience="internal")
    backup = app.data.backup(tmp_path / "b.zip")
    with zipfile.ZipFile(backup) as zf:
        assert {"forgotten.json", "export-log.json"} <= set(zf.namelist())
    new_home = tmp_path / "new"
    new = _app(new_home)
    new.tombstones.add("yyyyyy", "b" * 48)
    new.data.restore(backup)
    fresh = _app(new_home)
    assert fresh.tombstones.is_forgotten("zzzzzz") and fresh.tombstones.is_forgotten("yyyyyy")
    logged = [e for e in fresh.export_log.entries(vid) if e["kind"] == "clip"]
    assert logged and logged[0]["outputs"] == [str(clip)] and logged[0].get("restored_from") == "b.zip"
    fresh.data.forget(vid)
    assert clip.exists()  # an entry that came with a backup never makes forget delete a file


@pytest.mark.parametrize("entry,content", [("forgotten.json", "not json"), ("forgotten.json", '{"entries": 5}'),
                                           ("export-log.json", "[1]")])
def test_a_damaged_tombstone_or_log_file_in_a_backup_is_refused(app, tmp_path: Path, entry: str,  # noqa: ANN001
                                                                  content: str) -> None:
    before = _tree(app.paths.home)
    backup = crafted_backup(tmp_path / "b.zip", {"library.json": library_doc([vlog_dict()]), entry: content})
    with pytest.raises(VlogkitError, match=entry):
        app.data.restore(backup)
    assert _tree(app.paths.home) == before


def test_a_backup_library_with_broken_unicode_is_restored_readable(app, tmp_path: Path) -> None:  # noqa: ANN001
    lib = library_doc([vlog_dict(title="x")]).replace('"title": "x"', '"title": "\\ud800 broken"')
    backup = crafted_backup(tmp_path / "b.zip", {"library.json": lib})
    app.data.restore(backup)
    (v,) = _app(app.paths.home).vlogs.all()
    assert v.title == "\ufffd broken"
