"""The inbox folder: packages arriving slowly are read only whole; bad ones go to rejected/ with the reason."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from vlogkit.config import Paths
from vlogkit.domain import ConsentScope, Speaker
from vlogkit.services import App
from vlogkit.services.inbox import Inbox
from vlogkit.services.library import ImportOptions


@pytest.fixture
def package(tmp_path_factory: pytest.TempPathFactory, small_video: Path) -> Path:
    import os

    os.environ.pop("VLOGKIT_LIBRARY_URL", None)
    home = tmp_path_factory.mktemp("sender")
    app = App(Paths(home))
    v = app.library.import_file(small_video, ImportOptions(speaker=Speaker("Els"), consent=ConsentScope.INTERNAL)).vlog
    return app.handoff.send(v.id, home / "els.vlogkit").path


def slow_copy(src: Path, dest: Path, pieces: int, pause: float, stall_at: int = -1, stall: float = 0.0) -> None:
    data = src.read_bytes()
    step = len(data) // pieces + 1
    with open(dest, "wb") as out:
        for i in range(pieces):
            out.write(data[i * step:(i + 1) * step])
            out.flush()
            time.sleep(stall if i == stall_at else pause)


def test_a_package_still_being_copied_is_never_read_half(tmp_path: Path, package: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VLOGKIT_TEAM_KEY", "")
    inbox_dir = tmp_path / "inbox"
    inbox_dir.mkdir()
    app = App(Paths(tmp_path / "comms"))
    seen_sizes: list[int] = []
    real = app.handoff.import_package

    def watched(path: Path, ctx=None):  # noqa: ANN001, ANN202 - records how much of the file was there when read
        seen_sizes.append(Path(path).stat().st_size)
        return real(path, ctx)

    monkeypatch.setattr(app.handoff, "import_package", watched)
    events = []
    inbox = Inbox(app, inbox_dir, settle_s=0.6, give_up_s=30, on_event=events.append)
    stop = threading.Event()
    runner = threading.Thread(target=inbox.run, args=(stop,), kwargs={"tick_s": 0.1})
    runner.start()
    try:
        # arrives in 8 pieces, with a 1.5 s stall halfway (longer than the settle time): stable but not whole
        slow_copy(package, inbox_dir / "els.vlogkit", pieces=8, pause=0.15, stall_at=3, stall=1.5)
        deadline = time.monotonic() + 20
        while not events and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        stop.set()
        inbox._wake.set()
        runner.join(10)
    assert [e.outcome for e in events] == ["imported"], [e.message for e in events]
    assert seen_sizes == [package.stat().st_size]  # read once, whole
    assert (inbox_dir / "imported" / "els.vlogkit").is_file() and not (inbox_dir / "els.vlogkit").exists()
    [v] = app.vlogs.all()
    assert v.speaker.name == "Els" and v.consent.scope is ConsentScope.NONE  # unsigned: waits for confirmation


def test_bad_packages_go_to_rejected_with_the_reason(tmp_path: Path, package: Path) -> None:
    inbox_dir = tmp_path / "inbox"
    inbox_dir.mkdir()
    raw = bytearray(package.read_bytes())
    raw[raw.find(b"mdat") + 64] ^= 0x10
    (inbox_dir / "tampered.vlogkit").write_bytes(bytes(raw))
    (inbox_dir / "notes.vlogkit").write_text("not a package at all\n")
    (inbox_dir / ".partial.vlogkit").write_bytes(package.read_bytes()[:100])  # a sync tool's hidden temp name
    (inbox_dir / "good.vlogkit").write_bytes(package.read_bytes())
    app = App(Paths(tmp_path / "comms"))
    events = Inbox(app, inbox_dir, settle_s=0.2, give_up_s=1.0).run(threading.Event(), once=True, tick_s=0.1)
    outcomes = {e.path.name: e.outcome for e in events}
    assert outcomes == {"tampered.vlogkit": "rejected", "notes.vlogkit": "rejected", "good.vlogkit": "imported"}
    why = (inbox_dir / "rejected" / "tampered.vlogkit.txt").read_text()
    assert "checksum" in why or "damaged" in why
    assert "not a complete zip" in (inbox_dir / "rejected" / "notes.vlogkit.txt").read_text()
    assert (inbox_dir / ".partial.vlogkit").exists()  # hidden files are left alone
    assert len(app.vlogs.all()) == 1
    assert [e["kind"] for e in app.export_log.entries()].count("inbox-reject") == 2


def test_watch_once_on_the_command_line(cli, tmp_path: Path, package: Path) -> None:  # noqa: ANN001
    inbox_dir = tmp_path / "inbox"
    inbox_dir.mkdir()
    (inbox_dir / "els.vlogkit").write_bytes(package.read_bytes())
    r = cli("watch", str(inbox_dir), "--once", "--settle", "0.2")
    assert r.returncode == 0, r.stderr
    assert "els.vlogkit: imported as" in r.stdout and "waiting for confirmation" in r.stdout
    listed = cli("list").stdout.splitlines()
    assert len(listed) == 2 and listed[0].split()[:3] == ["id", "length", "picture"]  # the header, then one vlog
