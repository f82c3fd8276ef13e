"""Privacy: the whole pipeline runs with an audit hook on socket connections and fails on any network attempt."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

_attempts: list[str] = []
_armed = False


def _hook(event: str, args: tuple) -> None:  # type: ignore[type-arg]
    if _armed and event in ("socket.connect", "socket.getaddrinfo", "socket.sendto", "socket.bind"):
        _attempts.append(f"{event} {args[1:] if event == 'socket.connect' else args}")


sys.addaudithook(_hook)  # audit hooks cannot be removed: it only records while armed


@pytest.fixture
def armed():  # type: ignore[no-untyped-def]
    global _armed
    _attempts.clear()
    _armed = True
    yield _attempts
    _armed = False


def test_the_guard_sees_a_connection_attempt(armed) -> None:  # type: ignore[no-untyped-def]
    s = socket.socket()
    s.settimeout(0.2)
    try:
        s.connect(("127.0.0.1", 9))
    except OSError:
        pass
    finally:
        s.close()
    assert armed, "the audit hook must catch a connect (else the real test proves nothing)"


def test_pipeline_makes_no_network_connection(armed, home: Path, desk_vlog: Path, whisper_engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from vlogkit.config import Paths
    from vlogkit.domain import ConsentScope, Speaker
    from vlogkit.services import App
    from vlogkit.services.library import ImportOptions

    app = App(Paths(home), transcriber=whisper_engine)
    vlog = app.library.import_file(desk_vlog, ImportOptions(speaker=Speaker("An", "Manager", "Ghent"),
                                                             consent=ConsentScope.EXTERNAL)).vlog
    transcript = app.transcription.transcribe(vlog.id)
    assert "Americans" in transcript.text
    cands = app.quotes.candidates(vlog.id, top=3)
    assert cands
    q = app.bank.approve([app.bank.add_candidate(vlog.id, 1).id])[0]
    result = app.export.export(app.export.request(vlog.id, ranges=[(q.start, min(q.end, q.start + 3000))],
                                                  presets=["square"], captions="line", out_dir=tmp_path / "out"))
    assert result.outputs and result.outputs[0].path.exists()
    report = app.bank.export("md", tmp_path / "quotes.md", audience="external")
    assert report.count == 1
    assert armed == [], f"network attempts: {armed}"
    kinds = [e["kind"] for e in app.export_log.entries(vlog.id)]
    assert "bank-md" in kinds
