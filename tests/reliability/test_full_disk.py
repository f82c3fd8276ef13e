"""A full disk during export and bank export: a clear one-line "disk is full" message, exit 1, no partial file.

Two ways: a real 2 MB tmpfs (needs root and mount rights - skipped with the reason otherwise) and, always, the injected
`enospc` failpoint (an OSError "No space left on device" raised at a named step).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reliability.prepared import library, prepared_home, render_source, snapshot  # noqa: F401 - fixtures
from tests.reliability.procs import message_lines, vk

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="POSIX signals, /proc and pty: Linux only")


def _disk_full_line(stderr: str) -> bool:
    lines = message_lines(stderr)
    return len(lines) == 1 and lines[0].startswith("vlogkit: error: ") and "disk is full" in lines[0].lower()


@contextlib.contextmanager
def small_tmpfs(where: Path, size: str = "2m") -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root; the injected-ENOSPC tests cover this case")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True,
                       text=True, timeout=30)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({r.stderr.strip() or r.returncode}); the injected-ENOSPC tests "
                    "cover this case")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, timeout=30)


def _fill(folder: Path) -> None:
    """Write until the file system says ENOSPC."""
    with open(folder / "filler.bin", "wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


@pytest.mark.timeout(240)
def test_export_onto_a_small_real_disk(home: Path, render_source: Path, tmp_path: Path) -> None:  # noqa: F811
    vid = json.loads(vk(home, "import", str(render_source), "--consent", "internal", "--json").stdout)[0]["id"]
    before = snapshot(home)
    with small_tmpfs(tmp_path / "usb") as usb:
        r = vk(home, "export", vid, "--start", "0", "--end", "20", "--captions", "off", "--preset", "854x480",
               "--out", str(usb))
        assert r.returncode == 1, r.stderr
        assert _disk_full_line(r.stderr), r.stderr
        assert sorted(p.name for p in usb.iterdir()) == [], "a partial clip was left on the full disk"
    assert snapshot(home) == before, "a failed export was recorded in the library"


@pytest.mark.timeout(240)
@pytest.mark.parametrize("fmt", ["pptx", "csv"])
def test_bank_export_onto_a_full_real_disk(library: tuple[Path, str, str], tmp_path: Path, fmt: str) -> None:  # noqa: F811
    home, _, _ = library
    before = snapshot(home)
    with small_tmpfs(tmp_path / "share", "1m") as share:
        _fill(share)
        r = vk(home, "bank", "export", "--format", fmt, "--out", str(share / f"quotes.{fmt}"))
        assert r.returncode == 1, r.stderr
        assert _disk_full_line(r.stderr), r.stderr
        assert sorted(p.name for p in share.iterdir()) == ["filler.bin"]
    assert snapshot(home) == before


@pytest.mark.timeout(240)
@pytest.mark.parametrize("point", ["export.during_render", "export.before_rename", "output.before_rename"])
def test_injected_full_disk_during_export(library: tuple[Path, str, str], tmp_path: Path, point: str) -> None:  # noqa: F811
    home, vid, qid = library
    out = tmp_path / "clips"
    before = snapshot(home)
    r = vk(home, "export", vid, "--quote", qid, "--preset", "square", "--captions", "line", "--out", str(out),
           env={"VLOGKIT_FAILPOINT": f"{point}=enospc"})
    assert r.returncode == 1, r.stderr
    assert _disk_full_line(r.stderr), r.stderr
    assert sorted(p.name for p in out.iterdir()) == [] if out.exists() else True, "partial output left behind"
    assert snapshot(home) == before


@pytest.mark.timeout(240)
@pytest.mark.parametrize("fmt,point", [("pptx", "output.before_rename"), ("csv", "atomic_write.before_rename"),
                                       ("json", "bank_export.before_write")])
def test_injected_full_disk_during_bank_export(library: tuple[Path, str, str], tmp_path: Path, fmt: str,  # noqa: F811
                                                point: str) -> None:
    home, _, _ = library
    share = tmp_path / "share"
    share.mkdir()
    before = snapshot(home)
    r = vk(home, "bank", "export", "--format", fmt, "--out", str(share / f"quotes.{fmt}"),
           env={"VLOGKIT_FAILPOINT": f"{point}=enospc"})
    assert r.returncode == 1, r.stderr
    assert _disk_full_line(r.stderr), r.stderr
    assert list(share.iterdir()) == []
    assert snapshot(home) == before


@pytest.mark.timeout(240)
def test_full_disk_under_the_library_itself(home: Path, small_video: Path, tmp_path: Path) -> None:
    """VLOGKIT_HOME on a disk that fills up: the import fails with the disk-full line (no logging traceback), and the
    library written before stays whole."""
    with small_tmpfs(tmp_path / "home_disk", "4m") as disk:
        h = disk / "home"
        assert vk(h, "import", str(small_video)).returncode == 0
        before = snapshot(h)
        other = tmp_path / "other.mp4"
        other.write_bytes(small_video.read_bytes() + b"\0")  # different content: a new vlog
        _fill(disk)
        r = vk(h, "import", str(other))
        assert r.returncode == 1, r.stderr
        assert _disk_full_line(r.stderr), r.stderr
        assert snapshot(h) == before
        (disk / "filler.bin").unlink()
        r = vk(h, "list", "--json")
        assert r.returncode == 0 and len(json.loads(r.stdout)) == 1
