from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vlogkit.errors import VlogkitError
from vlogkit.fileutil import output_file, safe_filename, unique_path

RESERVED = {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_safe_filename_never_escapes_or_breaks_on_any_os(text: str) -> None:
    name = safe_filename(text)
    assert name and len(name) <= 80 + len("untitled-")
    assert "/" not in name and "\\" not in name and ":" not in name and "\x00" not in name
    assert name not in (".", "..") and not name.endswith((".", " ")) and not name.startswith(("-", "."))
    assert name.split(".")[0].upper() not in RESERVED
    assert name.isascii()


@pytest.mark.parametrize("evil", ["../../etc/passwd", "/abs/path", "CON", "con.txt", "name...", "  ", "..", "NUL"])
def test_safe_filename_known_attacks(tmp_path: Path, evil: str) -> None:
    name = safe_filename(evil)
    target = (tmp_path / name).resolve()
    assert target.parent == tmp_path.resolve()


def test_unique_path_never_overwrites(tmp_path: Path) -> None:
    p = tmp_path / "clip.mp4"
    p.write_text("x")
    q = unique_path(p)
    assert q.name == "clip-2.mp4" and not q.exists()


def test_output_file_appears_only_when_complete(tmp_path: Path) -> None:
    final = tmp_path / "out.txt"
    with pytest.raises(RuntimeError):
        with output_file(final) as tmp:
            tmp.write_text("half")
            raise RuntimeError("crash mid-write")
    assert not final.exists() and list(tmp_path.iterdir()) == []
    with pytest.raises(VlogkitError):
        with output_file(final):
            pass  # nothing written
    with output_file(final) as tmp:
        tmp.write_text("whole")
    assert final.read_text() == "whole"
