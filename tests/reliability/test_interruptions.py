"""Crashes and full disks in the middle of writes: nothing is lost, nothing half-written appears."""

from __future__ import annotations

import shutil
from pathlib import Path


def test_kill_during_import_leaves_a_usable_library(cli, home: Path, small_video: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.mp4"
    shutil.copyfile(small_video, other)
    assert cli("import", str(small_video)).returncode == 0
    before = (home / "library.json").read_bytes()
    killed = cli("import", str(other), env={"VLOGKIT_FAILPOINT": "import.after_probe=kill"})
    assert killed.returncode == -9
    assert (home / "library.json").read_bytes() == before
    # a crash right before the atomic rename of the database: the old file stays whole
    killed2 = cli("edit", cli("list", "--json").json()[0]["id"], "--speaker", "X",
                  env={"VLOGKIT_FAILPOINT": "atomic_write.before_rename=kill"})
    assert killed2.returncode == -9
    assert cli("list", "--json").returncode == 0
    leftovers = [p.name for p in home.glob(".library.json.*.tmp")]
    assert len(leftovers) <= 1  # the orphaned temp file, never under the real name
    # the interrupted job runs again
    assert cli("import", str(other)).returncode == 0
    assert len(cli("list", "--json").json()) == 1  # same content as small_video: one vlog


def test_full_disk_while_writing_the_library_is_a_clear_error(cli, home: Path, small_video: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("import", str(small_video), env={"VLOGKIT_FAILPOINT": "atomic_write.before_rename=enospc"})
    assert r.returncode == 1
    assert "disk is full" in r.stderr and "Traceback" not in r.stderr
    assert not list(home.glob(".library.json.*.tmp"))
