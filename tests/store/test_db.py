from __future__ import annotations

import json
import multiprocessing as mp
from pathlib import Path

import pytest

from vlogkit.domain import MediaInfo, Vlog
from vlogkit.errors import LibraryError, NotFoundError
from vlogkit.store.db import SCHEMA_VERSION, Database
from vlogkit.store.library import LibraryRepository, make_id


def _vlog(fp: str) -> Vlog:
    return Vlog(id=make_id(fp), path=f"/x/{fp}.mp4", fingerprint=fp, media=MediaInfo(1000, "mp4"))


def test_records_survive_reopen_and_schema_version_is_written(tmp_path: Path) -> None:
    repo = LibraryRepository(tmp_path / "lib.json")
    v, existing = repo.add_unique(_vlog("aaa"))
    assert not existing
    again = LibraryRepository(tmp_path / "lib.json")
    assert again.get(v.id) == v
    data = json.loads((tmp_path / "lib.json").read_text())
    assert data["_meta"]["1"]["schema_version"] == SCHEMA_VERSION


def test_same_fingerprint_is_one_record(tmp_path: Path) -> None:
    repo = LibraryRepository(tmp_path / "lib.json")
    a, _ = repo.add_unique(_vlog("same"))
    b, existing = repo.add_unique(_vlog("same"))
    assert existing and a.id == b.id and len(repo.all()) == 1


def test_damaged_database_is_reported_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "lib.json"
    repo = LibraryRepository(path)
    repo.add_unique(_vlog("one"))
    repo.add_unique(_vlog("two"))  # leaves a .bak of the one-record version
    path.write_text('{"vlogs": {"1": {"id": ', encoding="utf-8")  # torn write from an old tool
    with pytest.raises(LibraryError) as err:
        repo.all()
    msg = str(err.value)
    assert str(path) in msg and "damaged" in msg and "backup" in msg
    assert path.read_text() == '{"vlogs": {"1": {"id": '  # never replaced by an empty db
    with pytest.raises(LibraryError):
        repo.add_unique(_vlog("three"))
    assert path.read_text() == '{"vlogs": {"1": {"id": '
    assert json.loads(path.with_name("lib.json.bak").read_text())["vlogs"]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.json"
    path.write_text(json.dumps({"_meta": {"1": {"schema_version": SCHEMA_VERSION + 1}}}))
    with pytest.raises(LibraryError, match="newer vlogkit"):
        Database(path).check()


def test_missing_id_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="vlogkit list"):
        LibraryRepository(tmp_path / "lib.json").get("nope42")


def _add_many(path: str, prefix: str, n: int) -> None:
    repo = LibraryRepository(Path(path))
    for i in range(n):
        repo.add_unique(_vlog(f"{prefix}-{i}"))


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "lib.json"
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_add_many, args=(str(path), f"p{k}", 15)) for k in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    assert len(LibraryRepository(path).all()) == 60
