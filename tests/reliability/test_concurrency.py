"""Several `vlogkit` processes and the GUI on one library at once: nothing is lost.

Real CLI processes (imports of different files, `bank add` of different ranges of one vlog, `edit` of different
speaker fields) start together while a `MainWindow` in this process, on the same VLOGKIT_HOME, edits the vlog and adds
a quote through its services. Afterwards every import, every quote and the last edit of each field are there, the
database files parse, and the GUI's library and bank views show the other processes' work without being told.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

N_IMPORTS = 4
CUE_S = 3.0  # one subtitle cue every 3 s on the talk vlog
N_QUOTES = 6


def _spawn(home: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "VLOGKIT_HOME": str(home)}
    return subprocess.Popen([sys.executable, "-m", "vlogkit", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)


def _wait_all(qtbot, procs: dict[str, subprocess.Popen[str]], during: Callable[[float], None], limit: float = 240) -> dict:  # type: ignore[no-untyped-def]
    """Keep the GUI's event loop turning (and let it act) until every process ended; their (rc, out, err)."""
    t0 = time.monotonic()
    while any(p.poll() is None for p in procs.values()):
        during(time.monotonic() - t0)
        qtbot.wait(50)
        assert time.monotonic() - t0 < limit, "a vlogkit process hung"
    return {k: (p.returncode, *p.communicate()) for k, p in procs.items()}


@pytest.fixture
def files(synth: Callable[..., Path]) -> list[Path]:
    """Distinct short videos (different tones: different fingerprints)."""
    return [synth(f"conc{i}.mp4", "-f", "lavfi", "-i", "testsrc2=s=160x120:r=10:d=1.5", "-f", "lavfi", "-i",
                  f"sine=f={300 + 70 * i}:d=1.5", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                  "-c:a", "aac", "-shortest") for i in range(N_IMPORTS)]


@pytest.fixture
def talk(synth: Callable[..., Path], tmp_path: Path) -> tuple[Path, Path]:
    """A 30 s audio vlog and subtitles for it (a transcript without loading the model in every process)."""
    audio = synth("talk30.m4a", "-f", "lavfi", "-i", "sine=f=220:d=30", "-c:a", "aac")
    srt = tmp_path / "talk.srt"
    blocks = []
    for k in range(10):
        a, b = k * CUE_S, k * CUE_S + 2.5
        blocks.append(f"{k + 1}\n00:00:{int(a):02d},000 --> 00:00:{int(b):02d},500\n"
                      f"Line {k} says our team shipped something good.\n")
    srt.write_text("\n".join(blocks), encoding="utf-8")
    return audio, srt


def test_cli_processes_and_the_gui_lose_nothing(qtbot, home: Path, files: list[Path], talk) -> None:  # type: ignore[no-untyped-def]
    from vlogkit.config import Paths
    from vlogkit.domain import ConsentScope, Speaker
    from vlogkit.services import App
    from vlogkit.services.library import ImportOptions
    from vlogkit.ui.main_window import MainWindow

    audio, srt = talk
    app = App(Paths(home))
    vid = app.library.import_file(audio, ImportOptions(speaker=Speaker("Ann", "Engineer", "Ops"),
                                                       consent=ConsentScope.INTERNAL)).vlog.id
    app.transcription.import_subtitles(vid, srt)
    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    assert window.library.list.count() == 1

    # -- wave 1: everything at once -------------------------------------------------------------------------
    procs: dict[str, subprocess.Popen[str]] = {}
    for i, f in enumerate(files):
        procs[f"import{i}"] = _spawn(home, "import", str(f), "--speaker", f"Speaker {i}", "--json")
    for k in range(N_QUOTES):
        a = k * CUE_S
        procs[f"quote{k}"] = _spawn(home, "bank", "add", vid, "--start", f"{a:.1f}", "--end", f"{a + 2.5:.1f}",
                                    "--tag", f"cli{k}")
    procs["role"] = _spawn(home, "edit", vid, "--role", "Lead engineer")
    procs["team"] = _spawn(home, "edit", vid, "--team", "Platform")
    procs["company"] = _spawn(home, "edit", vid, "--company", "Acme")
    gui_done: list[str] = []

    def gui(elapsed: float) -> None:  # the GUI works on the same library meanwhile
        if "title" not in gui_done and elapsed > 0.3:
            window.app.library.edit(vid, title="Shipping week")
            gui_done.append("title")
        if "quote" not in gui_done and elapsed > 0.6:
            q = window.app.bank.add_range(vid, int(27.0 * 1000), int(29.5 * 1000), tags=["gui"])
            gui_done.append("quote")
            gui_done.append(q.id)

    results = _wait_all(qtbot, procs, gui)
    while len(gui_done) < 3:  # the processes may all have ended before the GUI's turn came
        gui(99.0)
    for name, (rc, _out, err) in results.items():
        assert rc == 0, f"{name} failed: {err}"

    # every import is in the library, with its speaker
    lib = {v.id: v for v in app.vlogs.all()}
    imported = {json.loads(results[f"import{i}"][1])[0]["id"]: f"Speaker {i}" for i in range(N_IMPORTS)}
    assert len(lib) == N_IMPORTS + 1
    for iid, name in imported.items():
        assert lib[iid].speaker.name == name
    # every quote, the CLI's and the GUI's, with its tag
    quotes = app.bank.search("")
    assert len(quotes) == N_QUOTES + 1
    assert sorted(t for q in quotes for t in q.tags) == sorted([f"cli{k}" for k in range(N_QUOTES)] + ["gui"])
    assert {q.id for q in quotes} >= {results[f"quote{k}"][1].strip() for k in range(N_QUOTES)} | {gui_done[2]}
    # each field keeps its edit, whoever made it
    v = lib[vid]
    assert (v.speaker.name, v.speaker.role, v.speaker.team, v.speaker.company) == ("Ann", "Lead engineer",
                                                                                   "Platform", "Acme")
    assert v.title == "Shipping week" and v.extra.get("transcript")  # the transcript reference survived too

    # the GUI noticed the other processes' writes by itself
    qtbot.waitUntil(lambda: window.library.list.count() == N_IMPORTS + 1, timeout=5000)
    shown = "\n".join(window.library.list.item(i).text() for i in range(window.library.list.count()))
    assert "Speaker 3" in shown and "Shipping week" in shown
    window.tabs.setCurrentWidget(window.bank)
    qtbot.waitUntil(lambda: window.bank.table.rowCount() == N_QUOTES + 1, timeout=5000)

    # -- wave 2: later edits win, field by field ------------------------------------------------------------
    procs = {"role": _spawn(home, "edit", vid, "--role", "Head of platform"),
             "consent": _spawn(home, "edit", vid, "--consent", "external"),
             "tag": _spawn(home, "bank", "tag", gui_done[2], "approved-by-legal")}
    results = _wait_all(qtbot, procs, lambda t: None)
    assert all(rc == 0 for rc, _o, _e in results.values()), results
    window.app.library.edit(vid, title="Shipping week (final)")
    v = app.vlogs.get(vid)
    assert (v.speaker.role, v.speaker.team, v.speaker.company, v.title) == (
        "Head of platform", "Platform", "Acme", "Shipping week (final)")
    assert v.consent.scope is ConsentScope.EXTERNAL
    assert [c.scope.value for c in v.consent_history][-1] == "external"
    assert "approved-by-legal" in app.bank.get(gui_done[2]).tags and "gui" in app.bank.get(gui_done[2]).tags
    # the GUI's bank view (shown) picks up the new tag; the files are whole JSON with a previous good copy
    qtbot.waitUntil(lambda: any("approved-by-legal" in (window.bank.table.item(r, 5).text())
                                for r in range(window.bank.table.rowCount())), timeout=5000)
    for db in (app.paths.library_db, app.paths.bank_db):
        json.loads(db.read_text(encoding="utf-8"))
        assert db.with_name(db.name + ".bak").exists()


def test_a_long_writer_holding_the_lock_delays_others_and_they_then_succeed(home: Path, files: list[Path]) -> None:
    """While another process holds the library lock (a slow transaction), an import waits instead of failing or
    writing a stale copy; once the lock is free it completes and the holder's change is still there."""
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from vlogkit.store.db import Database\n"
        "db = Database(Path(sys.argv[1]))\n"
        "with db.transaction() as tdb:\n"
        "    tdb.table('notes').insert({'by': 'holder'})\n"
        "    print('locked', flush=True)\n"
        "    time.sleep(2.0)\n"
    ), str(home / "library.json")], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    t0 = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "vlogkit", "import", str(files[0]), "--json"], capture_output=True,
                       text=True, env={**os.environ, "VLOGKIT_HOME": str(home)}, timeout=120)
    waited = time.monotonic() - t0
    assert holder.wait(30) == 0
    assert r.returncode == 0, r.stderr
    assert waited >= 1.0  # it waited for the lock rather than writing around it
    data = json.loads((home / "library.json").read_text(encoding="utf-8"))
    assert list(data["notes"].values()) == [{"by": "holder"}]
    assert len(data["vlogs"]) == 1


def test_an_edit_made_while_a_transcription_runs_survives_its_end(home: Path, files: list[Path]) -> None:
    """Another process edits the vlog while this one transcribes it: when the transcription marks the vlog
    transcribed, the other process's speaker and consent edits stay (the state change is applied under the lock
    to the stored record, never by writing back the copy read at the start)."""
    from tests.ui.conftest import make_transcript  # three quotable sentences over 12 s
    from vlogkit.config import Paths
    from vlogkit.domain import ConsentScope, VlogState
    from vlogkit.services import App
    from vlogkit.services.library import ImportOptions
    from vlogkit.transcribe.scripted import ScriptedTranscriber

    transcript = make_transcript()

    class EditedMeanwhile(ScriptedTranscriber):
        def transcribe(self, audio_path, **kw):  # type: ignore[no-untyped-def, override]
            r = subprocess.run([sys.executable, "-m", "vlogkit", "edit", vid, "--team", "Night shift", "--consent",
                                "internal"], capture_output=True, text=True, env={**os.environ, "VLOGKIT_HOME": str(home)})
            assert r.returncode == 0, r.stderr
            return super().transcribe(audio_path, **kw)

    app = App(Paths(home), transcriber=EditedMeanwhile(transcript))
    vid = app.library.import_file(files[1], ImportOptions()).vlog.id
    app.transcription.transcribe(vid)
    v = app.vlogs.get(vid)
    assert v.state is VlogState.TRANSCRIBED and v.detected_language == "en"
    assert v.speaker.team == "Night shift" and v.consent.scope is ConsentScope.INTERNAL
    app.quotes.candidates(vid)  # finding quotes marks the vlog too - and keeps the edits as well
    v = app.vlogs.get(vid)
    assert v.state is VlogState.HAS_QUOTES and v.speaker.team == "Night shift"
