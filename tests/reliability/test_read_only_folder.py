"""An output folder that cannot be written to (a read-only mount): one line that says what failed and what to do,
exit 1, nothing left behind, the library untouched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.prepared import library, prepared_home, snapshot  # noqa: F401 - fixtures
from tests.reliability.procs import message_lines, vk
from tests.reliability.test_full_disk import small_tmpfs

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="mounts: Linux only")


@pytest.mark.timeout(240)
@pytest.mark.parametrize("what", ["csv", "pptx", "clip"])
def test_export_into_a_read_only_folder_says_to_choose_another(library: tuple[Path, str, str],  # noqa: F811
                                                               tmp_path: Path, what: str) -> None:
    home, vid, qid = library
    before = snapshot(home)
    with small_tmpfs(tmp_path / "share", "1m") as share:
        r = subprocess.run(["mount", "-o", "remount,ro", str(share)], capture_output=True, text=True, timeout=30)
        if r.returncode != 0:
            pytest.skip(f"cannot remount read-only here: {r.stderr.strip()}")
        if what == "clip":
            r = vk(home, "export", vid, "--quote", qid, "--preset", "square", "--captions", "off", "--out", str(share))
        else:
            r = vk(home, "bank", "export", "--format", what, "--out", str(share / f"quotes.{what}"))
        assert r.returncode == 1, r.stderr
        lines = message_lines(r.stderr)
        assert len(lines) == 1 and "Read-only file system" in lines[0], r.stderr
        assert "choose another folder" in lines[0].lower(), lines[0]  # what to do, not only what failed
        assert sorted(p.name for p in share.iterdir()) == []
    assert snapshot(home) == before
