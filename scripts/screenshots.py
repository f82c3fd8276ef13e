"""Screenshots of every main screen, in English and Dutch: `make screenshots` (offscreen) writes screenshots/*.png.

Uses the shared test media when present (the desk vlog and jfk.flac, transcribed once with the real bundled model);
otherwise a synthetic clip with a scripted transcript. Each screen is taken once its content is really there
(video frame, transcript, quotes, rendered export preview).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
MEDIA = Path(os.environ.get("VLOGKIT_TEST_MEDIA", ROOT.parent / "shared" / "media"))
OUT = ROOT / "screenshots"


def wait_until(qapp, cond, timeout: float = 120.0) -> bool:  # noqa: ANN001
    from PySide6.QtCore import QEventLoop, QTimer

    end = time.monotonic() + timeout
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(lambda: loop.quit() if cond() or time.monotonic() > end else None)
    timer.start()
    loop.exec()
    timer.stop()
    return bool(cond())


def build_library(home: Path) -> tuple[str, str | None]:
    """A library with a transcribed desk vlog (and an audio-only vlog), quotes in the bank. Returns vlog ids."""
    from vlogkit.config import Paths
    from vlogkit.domain import ConsentScope, Speaker
    from vlogkit.services import App
    from vlogkit.services.library import ImportOptions

    desk = MEDIA / "video" / "desk_vlog_en_1080p.mp4"
    if desk.exists():
        app = App(Paths(home))
        main = app.library.import_file(desk, ImportOptions(Speaker("Ann Peeters", "Engineer", "Platform"),
                                                          consent=ConsentScope.INTERNAL, title="Desk vlog")).vlog
        audio = app.library.import_file(MEDIA / "en" / "jfk.flac", ImportOptions(
            Speaker("John F. Kennedy", "President"), consent=ConsentScope.EXTERNAL, title="Inaugural address")).vlog
        for v in (main, audio):
            app.transcription.transcribe(v.id)
        second = audio.id
    else:
        sys.path.insert(0, str(ROOT))
        from tests.ui.conftest import make_transcript

        from vlogkit.transcribe.scripted import ScriptedTranscriber

        app = App(Paths(home), transcriber=ScriptedTranscriber(make_transcript()))
        clip = home / "clip.mp4"
        app.ffmpeg.run(["-f", "lavfi", "-i", "testsrc2=s=640x360:r=25:d=12", "-f", "lavfi", "-i", "sine=d=12",
                        "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(clip)], outputs=[])
        main = app.library.import_file(clip, ImportOptions(Speaker("Ann Peeters", "Engineer", "Platform"),
                                                          consent=ConsentScope.INTERNAL)).vlog
        app.transcription.transcribe(main.id)
        second = None
    cands = app.quotes.candidates(main.id, top=5)
    for c in cands[:3]:
        app.bank.add_candidate(main.id, c.rank, tags=("culture",) if c.rank == 1 else ("team", "product"))
    if second:
        app.bank.add_candidate(second, 1, tags=("leadership",))
    app.settings.welcome_seen = True
    app.save_settings()
    return main.id, second


def shoot(lang: str, home: Path, vlog_id: str) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from vlogkit.config import Paths
    from vlogkit.services import App
    from vlogkit.ui.main import set_app_identity
    from vlogkit.ui.main_window import MainWindow

    qapp = QApplication.instance() or QApplication(["vlogkit"])
    set_app_identity(qapp)
    app = App(Paths(home))
    app.settings.ui_language = lang
    app.save_settings()
    w = MainWindow(app)
    w.resize(1400, 900)
    w.show()
    shots: list[Path] = []

    def save(widget, name: str) -> None:  # noqa: ANN001
        wait_until(qapp, lambda: False, 0.3)
        path = OUT / f"{lang}-{name}.png"
        widget.grab().save(str(path))
        shots.append(path)

    save(w, "1-library")
    w.open_vlog(vlog_id)
    ed = w.editor
    wait_until(qapp, lambda: ed.transcript is not None and len(ed.quotes.cards) > 0)
    words = ed.transcript.words
    ed.transcript_view.select_words(2, min(len(words) - 1, 14))
    ed.player.seek(words[6].start)
    wait_until(qapp, lambda: ed.player.frame.image is not None, 20)
    save(w, "2-editor")
    ed.request_export()
    dlg = w.export_dialog
    wait_until(qapp, lambda: dlg.preview.pixmap() is not None and not dlg.preview.pixmap().isNull(), 180)
    save(dlg, "3-export-dialog")
    dlg.reject()
    w.tabs.setCurrentWidget(w.bank)
    save(w, "4-bank")
    w.open_settings()
    save(w.settings_dialog, "5-settings")
    w.settings_dialog.reject()
    welcome = w.show_welcome()
    save(welcome, "6-welcome")
    welcome.reject()
    w.tabs.setCurrentWidget(w.record_page)
    save(w, "7-record")
    w.resize(1280, 660)  # a 1280x720 laptop screen, less the title bar and the panel: no scrolling
    save(w, "8-record-1280x720")
    w.close()
    return shots


def main() -> int:
    OUT.mkdir(exist_ok=True)
    base = Path(tempfile.mkdtemp(prefix="vlogkit-shots-"))
    try:
        home = base / "home"
        os.environ["VLOGKIT_HOME"] = str(home)
        vlog_id, _ = build_library(home)
        for lang in ("en", "nl"):
            for p in shoot(lang, home, vlog_id):
                print(p.relative_to(ROOT))
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
