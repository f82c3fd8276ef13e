"""Fixtures for the interruption tests: a library that already holds a transcribed vlog with a banked quote, built once
per module with the real CLI and copied into each test's home, and a synthetic source long enough to interrupt."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.reliability.procs import vk


@pytest.fixture(scope="module")
def prepared_home(tmp_path_factory: pytest.TempPathFactory, media: Path) -> tuple[Path, str, str]:
    """(template home, vlog id, quote id): jfk.flac imported with internal consent, transcribed, candidate 1 banked."""
    home = tmp_path_factory.mktemp("prepared") / "home"
    r = vk(home, "import", str(media / "en" / "jfk.flac"), "--speaker", "John Kennedy", "--consent", "internal",
           "--json", timeout=120)
    assert r.returncode == 0, r.stderr
    vid = json.loads(r.stdout)[0]["id"]
    r = vk(home, "transcribe", vid, timeout=300)
    assert r.returncode == 0 and "Americans" in r.stdout, r.stderr
    r = vk(home, "bank", "add", vid, "--candidate", "1", "--json", timeout=120)
    assert r.returncode == 0, r.stderr
    return home, vid, json.loads(r.stdout)["id"]


@pytest.fixture
def library(prepared_home: tuple[Path, str, str], home: Path) -> tuple[Path, str, str]:
    """This test's own copy of the prepared library: (home, vlog id, quote id)."""
    template, vid, qid = prepared_home
    shutil.copytree(template, home)
    return home, vid, qid


@pytest.fixture(scope="module")
def render_source(synth: Callable[..., Path]) -> Path:
    """20 s of 1280x720 test pattern with a tone: its export takes a few seconds, long enough to interrupt."""
    return synth(
        "interrupt_720p.mp4", "-f", "lavfi", "-i", "testsrc2=s=1280x720:r=30:d=20", "-f", "lavfi", "-i",
        "sine=f=440:d=20", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
    )


def snapshot(home: Path) -> dict[str, bytes]:
    """The library and bank databases as bytes (to prove a failure changed nothing)."""
    return {name: (home / name).read_bytes() for name in ("library.json", "bank.json") if (home / name).exists()}
