"""Shared fixtures: an isolated VLOGKIT_HOME per test, the shared test media, synthetic lavfi media."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["LC_ALL"] = "C.UTF-8"  # what depends on the locale (the interface language, a CSV's separator) is the
# same on every developer's machine; a test that needs another locale sets it

ROOT = Path(__file__).resolve().parents[1]


def _media_root() -> Path:
    env = os.environ.get("VLOGKIT_TEST_MEDIA")
    return Path(env) if env else ROOT.parent / "shared" / "media"


@pytest.fixture(scope="session")
def media() -> Path:
    """The shared real media folder. Skips when absent - except under CI=true, where that is an error."""
    root = _media_root()
    if not (root / "MANIFEST.md").exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but the test media folder {root} is missing")
        pytest.skip(f"test media not found at {root} (set VLOGKIT_TEST_MEDIA)")
    return root


@pytest.fixture(scope="session")
def desk_vlog(media: Path) -> Path:
    return media / "video" / "desk_vlog_en_1080p.mp4"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    h = tmp_path / "home"
    monkeypatch.setenv("VLOGKIT_HOME", str(h))
    return h


@pytest.fixture
def app(home: Path):
    from vlogkit.config import Paths
    from vlogkit.services import App

    return App(Paths(home))


@pytest.fixture
def own_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder as the system's temporary folder for this test: `cache clear` sweeps day-old vlogkit-*
    folders there, and must see only what the test puts there - not what killed exports of other runs left in /tmp."""
    import tempfile

    t = tmp_path / "tmp"
    t.mkdir()
    monkeypatch.setenv("TMPDIR", str(t))
    monkeypatch.setattr(tempfile, "tempdir", str(t))
    return t


@pytest.fixture(scope="session")
def ffmpeg_exe() -> str:
    from vlogkit.media.ffmpeg import find_ffmpeg

    return find_ffmpeg()


@pytest.fixture(scope="session")
def synth(tmp_path_factory: pytest.TempPathFactory, ffmpeg_exe: str) -> Callable[..., Path]:
    """make(name, *ffmpeg_args) -> a media file generated once per session with ffmpeg's lavfi sources."""
    folder = tmp_path_factory.mktemp("synth")
    cache: dict[str, Path] = {}

    def make(name: str, *args: str) -> Path:
        if name not in cache:
            out = folder / name
            subprocess.run([ffmpeg_exe, "-hide_banner", "-loglevel", "error", "-y", *args, str(out)], check=True)
            cache[name] = out
        return cache[name]

    return make


@pytest.fixture(scope="session")
def small_video(synth: Callable[..., Path]) -> Path:
    """3 s 320x240 test pattern with a 440 Hz tone."""
    return synth(
        "small.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=3", "-f", "lavfi", "-i", "sine=f=440:d=3",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
    )


class CliResult:
    def __init__(self, proc: subprocess.CompletedProcess[str]) -> None:
        self.returncode = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr

    def json(self):  # type: ignore[no-untyped-def]
        import json

        return json.loads(self.stdout)


@pytest.fixture
def cli(home: Path) -> Callable[..., CliResult]:
    """Run the real `vlogkit` entry point in a subprocess against the test's home."""

    def run(*args: str, timeout: float = 300, env: dict[str, str] | None = None, cwd: Path | None = None) -> CliResult:
        e = dict(os.environ)
        e["VLOGKIT_HOME"] = str(home)
        e.update(env or {})
        proc = subprocess.run(
            [sys.executable, "-m", "vlogkit", *args], capture_output=True, text=True, timeout=timeout, env=e, cwd=cwd
        )
        return CliResult(proc)

    return run


@pytest.fixture(scope="session")
def whisper_engine():
    """The real faster-whisper engine with the bundled `base` model, loaded once per test session."""
    from vlogkit.transcribe.engine import WhisperEngine

    engine = WhisperEngine("base")
    engine.load()
    return engine


@pytest.fixture(scope="session")
def desk_transcript(desk_vlog: Path, whisper_engine):
    """The real `Transcript` of desk_vlog_en_1080p.mp4 (jfk + Harvard sentences), transcribed once per session."""
    from vlogkit.jobs import JobContext
    from vlogkit.media.probe import probe

    return whisper_engine.transcribe(
        str(desk_vlog), language=None, initial_prompt=None, duration_ms=probe(desk_vlog).duration_ms, ctx=JobContext()
    )


# -- PostgreSQL (the team library) ----------------------------------------------------------------------------

@pytest.fixture(scope="session")
def pg_cluster():
    """A throw-away PostgreSQL cluster for the session. Skips when the server binaries are missing - except under
    CI=true, where that is an error (`scripts/system-deps.sh` installs them)."""
    from tests.pgcluster import Cluster, server_bin_dir

    bin_dir = server_bin_dir()
    if bin_dir is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but PostgreSQL's server binaries (initdb, pg_ctl) are missing: run scripts/system-deps.sh")
        pytest.skip("PostgreSQL server binaries not found (apt-get install postgresql)")
    cluster = Cluster(bin_dir)
    cluster.start()
    from vlogkit.store.postgres import init_library

    cluster.execute("CREATE DATABASE vlogkit_template")
    init_library(cluster.url("vlogkit_template"), None)
    try:
        yield cluster
    finally:
        cluster.stop()


_pg_counter = iter(range(1, 1_000_000))


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """A fresh, migrated team-library database for one test."""
    name = f"t{os.getpid()}_{next(_pg_counter)}"
    pg_cluster.execute(f"CREATE DATABASE {name} TEMPLATE vlogkit_template")
    return pg_cluster.url(name)


@pytest.fixture
def team(pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The environment of a desk on a team library: VLOGKIT_LIBRARY_URL and a shared VLOGKIT_MEDIA_ROOT."""
    root = tmp_path / "share" / "media"
    monkeypatch.setenv("VLOGKIT_LIBRARY_URL", pg_url)
    monkeypatch.setenv("VLOGKIT_MEDIA_ROOT", str(root))
    return {"VLOGKIT_LIBRARY_URL": pg_url, "VLOGKIT_MEDIA_ROOT": str(root)}


@pytest.fixture(params=["tinydb", "postgresql"])
def backend(request: pytest.FixtureRequest, home: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test against both library backends: the TinyDB files and a team library on PostgreSQL."""
    monkeypatch.delenv("VLOGKIT_LIBRARY_URL", raising=False)
    if request.param == "postgresql":
        request.getfixturevalue("team")
    return str(request.param)
