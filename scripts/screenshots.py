"""Screenshots of every main screen in English, Dutch and French: `make screenshots` (offscreen) writes
screenshots/<lang>-<screen>.png - library, library-empty, editor-timeline, live-preview, export-dialog, review-queue,
bank, settings, record, welcome - and a dark-theme set (<lang>-<screen>-dark.png) of the busiest screens.

Uses the sample vlog and, when present, the shared test media (the desk vlog and jfk.flac), transcribed once with the
real bundled model. Each screen is taken once its content is really there (video frame, transcript, waveform, quotes,
rendered export preview).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false;qt.multimedia.*=false")
ROOT = Path(__file__).resolve().parents[1]
MEDIA = Path(os.environ.get("VLOGKIT_TEST_MEDIA", ROOT.parent / "shared" / "media"))
OUT = ROOT / "screenshots"
LANGS = ("en", "nl", "fr")
SIZE = (1400, 900)


def wait_until(qapp, cond: Callable[[], bool], timeout: float = 120.0) -> bool:  # noqa: ANN001
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        qapp.processEvents()
        if cond():
            return True
        time.sleep(0.03)
    return bool(cond())


def build_library(home: Path) -> dict[str, str]:
    """A library with the sample vlog, the desk vlog and an audio-only vlog, transcribed; quotes in the bank."""
    from vlogkit.config import Paths
    from vlogkit.domain import ConsentScope, Speaker
    from vlogkit.services import App
    from vlogkit.services.library import ImportOptions
    from vlogkit.services.sample import import_sample

    app = App(Paths(home))
    ids = {"sample": import_sample(app).vlog.id}
    desk = MEDIA / "video" / "desk_vlog_en_1080p.mp4"
    if desk.exists():
        ids["desk"] = app.library.import_file(desk, ImportOptions(Speaker("Ann Peeters", "Engineer", "Platform"),
                                                                  consent=ConsentScope.INTERNAL,
                                                                  title="Desk vlog")).vlog.id
        ids["audio"] = app.library.import_file(MEDIA / "en" / "jfk.flac", ImportOptions(
            Speaker("John F. Kennedy", "President"), consent=ConsentScope.EXTERNAL, title="Inaugural address")).vlog.id
    for vid in ids.values():
        app.transcription.transcribe(vid)
        app.waveform.compute(vid)
    for key in ids:
        cands = app.quotes.candidates(ids[key], top=3)
        for c in cands[:2]:
            app.bank.add_candidate(ids[key], c.rank, tags=("culture",) if c.rank == 1 else ("team", "product"))
    app.settings.welcome_seen = True
    app.save_settings()
    return ids


class Shooter:
    def __init__(self, qapp, lang: str, suffix: str = "") -> None:  # noqa: ANN001
        self.qapp, self.lang, self.suffix = qapp, lang, suffix
        self.shots: list[Path] = []

    def save(self, widget, screen: str) -> None:  # noqa: ANN001
        wait_until(self.qapp, lambda: False, 0.4)
        path = OUT / f"{self.lang}-{screen}{self.suffix}.png"
        widget.grab().save(str(path))
        self.shots.append(path)


def window_for(home: Path, lang: str, theme: str):  # noqa: ANN201
    from vlogkit.config import Paths
    from vlogkit.services import App
    from vlogkit.ui.main_window import MainWindow

    app = App(Paths(home))
    app.settings.ui_language = lang
    app.settings.theme = theme
    w = MainWindow(app)
    w.resize(*SIZE)
    w.show()
    return w


def open_editor(qapp, w, vid: str, words: tuple[int, int]) -> None:  # noqa: ANN001
    w.open_vlog(vid)
    ed = w.editor
    wait_until(qapp, lambda: ed.transcript is not None and len(ed.quotes.cards) > 0 and bool(ed.timeline.peaks))
    n = len(ed.transcript.words)
    ed.transcript_view.select_words(min(words[0], n - 2), min(words[1], n - 1))
    ed.player.seek(ed.in_out[0] + 700)
    wait_until(qapp, lambda: ed.player.frame.image is not None or not ed.vlog.media.has_video, 20)


def shoot(qapp, home: Path, ids: dict[str, str], lang: str) -> list[Path]:  # noqa: ANN001
    main_id = ids.get("desk", ids["sample"])
    s = Shooter(qapp, lang)
    w = window_for(home, lang, "light")
    s.save(w, "library")
    open_editor(qapp, w, main_id, (2, 14) if "desk" in ids else (14, 24))
    s.save(w, "editor-timeline")
    preview = getattr(w.editor, "preview", None)
    if preview is not None:  # the live preview of the clip as it will be published
        w.editor.side.setCurrentWidget(preview)
        wait_until(qapp, lambda: preview.ready(), 60)
        s.save(w, "live-preview")
        w.editor.side.setCurrentIndex(0)
    w.editor.request_export()
    dlg = w.export_dialog
    wait_until(qapp, lambda: dlg.preview.pixmap() is not None and not dlg.preview.pixmap().isNull(), 180)
    s.save(dlg, "export-dialog")
    dlg.reject()
    review = getattr(w, "review", None)
    if review is not None:
        w.tabs.setCurrentWidget(review)
        wait_until(qapp, lambda: review.ready(), 60)
        s.save(w, "review-queue")
    w.tabs.setCurrentWidget(w.bank)
    w.bank.refresh()
    s.save(w, "bank")
    w.open_settings()
    s.save(w.settings_dialog, "settings")
    w.settings_dialog.reject()
    welcome = w.show_welcome()
    s.save(welcome, "welcome")
    welcome.reject()
    w.tabs.setCurrentWidget(w.record_page)
    s.save(w, "record")
    w.jobs.cancel_all()
    w.jobs.wait_all(30000)
    w.close()

    dark = Shooter(qapp, lang, "-dark")
    w = window_for(home, lang, "dark")
    dark.save(w, "library")
    open_editor(qapp, w, ids["sample"], (14, 24))
    dark.save(w, "editor-timeline")
    w.tabs.setCurrentWidget(w.bank)
    dark.save(w, "bank")
    w.jobs.cancel_all()
    w.jobs.wait_all(30000)
    w.close()

    empty_home = Path(tempfile.mkdtemp(prefix="vlogkit-empty-"))
    w = window_for(empty_home, lang, "light")
    w.app.settings.welcome_seen = True
    s.save(w, "library-empty")
    w.close()
    shutil.rmtree(empty_home, ignore_errors=True)
    return s.shots + dark.shots


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from vlogkit.ui.main import set_app_identity

    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    base = Path(tempfile.mkdtemp(prefix="vlogkit-shots-"))
    try:
        home = base / "home"
        os.environ["VLOGKIT_HOME"] = str(home)
        ids = build_library(home)
        qapp = QApplication.instance() or QApplication(["vlogkit"])
        set_app_identity(qapp)
        for lang in LANGS:
            for p in shoot(qapp, home, ids, lang):
                print(p.relative_to(ROOT), flush=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
