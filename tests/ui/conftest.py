"""Fixtures for the GUI tests: a temporary library, a scripted transcriber, a main window driven offscreen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from vlogkit.domain import Segment, Transcript, Word

SENTENCES = [
    (0, "Our team shipped the new onboarding flow last week."),
    (3600, "Customers told us it is the easiest setup they have ever seen."),
    (8200, "Honestly, I am proud of what we built together."),
]


def make_transcript() -> Transcript:
    """Three sentences over 12 s, one word every 300 ms; 'easiest' has a low probability."""
    segs = []
    for start, sentence in SENTENCES:
        words = []
        t = start
        for raw in sentence.split():
            p = 0.3 if raw.startswith("easiest") else 0.95
            words.append(Word(raw, t, t + 260, p))
            t += 300
        segs.append(Segment(words[0].start, words[-1].end, tuple(words)))
    return Transcript(tuple(segs), "en", 12000, model="scripted")


@pytest.fixture
def transcript() -> Transcript:
    return make_transcript()


@pytest.fixture(scope="session")
def clip12(synth: Callable[..., Path]) -> Path:
    """12 s 640x360 test pattern with a tone: the scripted transcript's stand-in video."""
    return synth(
        "clip12.mp4", "-f", "lavfi", "-i", "testsrc2=s=640x360:r=25:d=12", "-f", "lavfi", "-i", "sine=f=330:d=12",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
    )


@pytest.fixture
def gui_app(home: Path, transcript: Transcript):
    from vlogkit.config import Paths
    from vlogkit.services import App
    from vlogkit.transcribe.scripted import ScriptedTranscriber

    return App(Paths(home), transcriber=ScriptedTranscriber(transcript))


@pytest.fixture(autouse=True)
def english_ui() -> Iterator[None]:
    from vlogkit.ui.i18n import set_language

    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def window(qtbot, gui_app):
    from vlogkit.ui.main_window import MainWindow

    gui_app.settings.ui_language = "en"
    w = MainWindow(gui_app)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.jobs.cancel_all()
    w.jobs.wait_all(30000)


def import_and_wait(qtbot, window, path: Path, **options) -> str:
    """Import `path` through the window's import job and wait for its transcription; returns the vlog id."""
    from vlogkit.domain import ConsentScope, Speaker
    from vlogkit.services.library import ImportOptions

    opts = ImportOptions(speaker=Speaker(options.pop("name", "Ann Peeters"), "Engineer", "Platform"),
                         consent=options.pop("consent", ConsentScope.INTERNAL), **options)
    window.start_import([str(path)], opts)
    qtbot.waitUntil(lambda: len(window.app.library.list()) == 1, timeout=60000)
    vid = window.app.library.list()[0].id
    qtbot.waitUntil(lambda: vid not in window.transcribing and window.app.library.get(vid).state.value != "new",
                    timeout=60000)
    return vid


def open_and_wait(qtbot, window, path: Path):  # noqa: ANN001, ANN201
    """Import `path`, open it in the editor and wait until its transcript is shown; returns the editor."""
    vid = import_and_wait(qtbot, window, path)
    window.open_vlog(vid)
    ed = window.editor
    qtbot.waitUntil(lambda: ed.transcript is not None and len(ed.transcript_view.spans) > 10, timeout=60000)
    return ed


@pytest.fixture
def opened(qtbot, window, clip12: Path):
    """The scripted 12 s vlog, imported and open in the editor."""
    return open_and_wait(qtbot, window, clip12)


def select_quote(bank, qid: str) -> None:  # noqa: ANN001
    """Select the bank tab's row holding quote `qid` (and only it), as a click would."""
    bank.table.clearSelection()
    bank.table.selectRow(next(r for r, q in enumerate(bank.quotes) if q.id == qid))


def answer_boxes(monkeypatch: pytest.MonkeyPatch, button: int = 0) -> list[str]:
    """Every message box the code opens is read (its text kept, in order) and answered with its `button`-th button
    (at start-up, the first is "work on this computer's library")."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def answer(box: QMessageBox) -> int:
        shown.append(box.text())
        box.buttons()[button].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return shown
