"""A team library on a real PostgreSQL: init, imports into the shared media folder, two desks, offline."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest


def desk(home: Path, env: dict[str, str]):  # noqa: ANN201
    """Run `vlogkit` as one desk: its own VLOGKIT_HOME, the team's library URL and media share."""

    def run(*args: str, timeout: float = 180, extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        e = {**os.environ, **env, "VLOGKIT_HOME": str(home), **(extra or {})}
        return subprocess.run([sys.executable, "-m", "vlogkit", *args], capture_output=True, text=True,
                              timeout=timeout, env=e)

    return run


def test_library_init_is_idempotent_and_creates_the_media_folder(pg_cluster, tmp_path: Path) -> None:
    pg_cluster.execute("CREATE DATABASE fresh_init")
    env = {"VLOGKIT_LIBRARY_URL": pg_cluster.url("fresh_init"), "VLOGKIT_MEDIA_ROOT": str(tmp_path / "share" / "m")}
    a = desk(tmp_path / "a", env)
    first = a("library", "init", "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["applied"] == [1, 2, 3] and (tmp_path / "share" / "m").is_dir()
    again = a("library", "init", "--json")
    assert again.returncode == 0 and json.loads(again.stdout)["applied"] == [] and json.loads(again.stdout)["schema"] == 3
    status = a("library", "status")
    assert status.returncode == 0 and "postgresql library" in status.stdout and "schema 3" in status.stdout


def test_an_uninitialised_database_says_what_to_run(pg_cluster, tmp_path: Path) -> None:
    pg_cluster.execute("CREATE DATABASE never_init")
    r = desk(tmp_path / "a", {"VLOGKIT_LIBRARY_URL": pg_cluster.url("never_init")})("list")
    assert r.returncode == 1 and "vlogkit library init" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_unreachable_server_is_one_line_naming_the_url_without_its_password(
    tmp_path: Path, small_video: Path
) -> None:
    env = {"VLOGKIT_LIBRARY_URL": "postgresql://comms:s3cret@127.0.0.1:1/team"}
    a = desk(tmp_path / "a", env)
    r = a("import", str(small_video), "--consent", "internal")
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 1 and len(lines) == 1, r.stderr
    assert "postgresql://comms:***@127.0.0.1:1/team" in lines[0] and "s3cret" not in r.stderr
    assert "Nothing was changed" in lines[0]
    # the desk's own library still works
    local = a("--local", "import", str(small_video), "--consent", "internal")
    assert local.returncode == 0, local.stderr
    listed = a("--local", "list").stdout.splitlines()
    assert len(listed) == 2 and listed[0].startswith("id ")  # the column names, then the one vlog
    assert a("list").returncode == 1


def test_import_into_a_team_library_copies_the_file_once_content_addressed(
    pg_url: str, tmp_path: Path, small_video: Path
) -> None:
    root = tmp_path / "share" / "media"
    env = {"VLOGKIT_LIBRARY_URL": pg_url, "VLOGKIT_MEDIA_ROOT": str(root)}
    before = small_video.read_bytes()
    a, b = desk(tmp_path / "desk-a", env), desk(tmp_path / "desk-b", env)
    r = a("import", str(small_video), "--speaker", "An Peeters", "--consent", "internal", "--json")
    assert r.returncode == 0, r.stderr
    digest = hashlib.sha256(before).hexdigest()
    copy = root / digest[:2] / f"{digest[2:]}.mp4"
    assert copy.read_bytes() == before and not stat.S_IMODE(copy.stat().st_mode) & 0o222  # read-only
    assert small_video.read_bytes() == before  # the user's file is never modified
    assert [p.name for p in root.rglob("*") if p.is_file()] == [copy.name]  # no temporary leftovers
    # desk B sees desk A's import at once, its file under B's own mount of the share
    listed = b("list", "--json")
    assert listed.returncode == 0, listed.stderr
    [v] = json.loads(listed.stdout)
    assert v["speaker"]["name"] == "An Peeters" and Path(v["path"]) == copy
    # importing the same video at desk B is the same vlog, and no second copy
    again = b("import", str(small_video), "--json")
    assert json.loads(again.stdout)[0]["existing"] is True
    assert len([p for p in root.rglob("*") if p.is_file()]) == 1
    # the desks' own homes hold no library files: it lives in PostgreSQL
    assert not (tmp_path / "desk-a" / "library.json").exists() and not (tmp_path / "desk-b" / "bank.json").exists()


def test_import_into_a_team_library_without_a_media_folder_is_refused(pg_url: str, tmp_path: Path,
                                                                       small_video: Path) -> None:
    r = desk(tmp_path / "a", {"VLOGKIT_LIBRARY_URL": pg_url})("import", str(small_video))
    assert r.returncode == 1 and "VLOGKIT_MEDIA_ROOT" in r.stderr
    assert desk(tmp_path / "a", {"VLOGKIT_LIBRARY_URL": pg_url})("list").stdout.startswith("The library is empty")


@pytest.mark.parametrize("url", ["mysql://x@h/db", "not a url"])
def test_a_library_url_that_is_not_postgresql_is_a_usage_error(tmp_path: Path, url: str) -> None:
    r = desk(tmp_path / "a", {"VLOGKIT_LIBRARY_URL": url})("list")
    assert r.returncode == 2 and "postgresql://user@host/database" in r.stderr


def test_backup_and_restore_point_a_team_library_to_pg_dump(pg_url: str, tmp_path: Path) -> None:
    a = desk(tmp_path / "a", {"VLOGKIT_LIBRARY_URL": pg_url})
    for args in (("backup", str(tmp_path / "b.zip")), ("restore", str(tmp_path / "b.zip"))):
        r = a(*args)
        assert r.returncode == 2 and ("pg_dump" in r.stderr or "pg_restore" in r.stderr), r.stderr
        assert "--local" in r.stderr
    assert a("--local", "backup", str(tmp_path / "b.zip")).returncode == 0  # the desk's own library
