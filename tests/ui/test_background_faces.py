"""After import, the face track is analysed in a worker process in the background and cached for exports."""

from __future__ import annotations

from pathlib import Path


def test_import_analyses_faces_in_the_background(qtbot, home: Path, desk_vlog: Path) -> None:  # type: ignore[no-untyped-def]
    from vlogkit.config import Paths
    from vlogkit.services import App
    from vlogkit.services.library import ImportOptions
    from vlogkit.ui.main_window import MainWindow

    app = App(Paths(home))  # the real set-up: no injected engine
    app.settings.auto_transcribe = False
    w = MainWindow(app)
    qtbot.addWidget(w)
    try:
        w.start_import([str(desk_vlog)], ImportOptions())
        from vlogkit.media.faces import FaceTrackCache

        cache = FaceTrackCache(home / "cache" / "faces")
        qtbot.waitUntil(lambda: bool(app.library.list()), timeout=120000)
        vlog = app.library.list()[0]
        vid = vlog.id
        qtbot.waitUntil(lambda: cache.get(vlog.fingerprint) is not None, timeout=150000)  # the whole file's track
        track = app.export.analyse_faces(vid)  # served from the cache now
        assert track is not None and track.hit_rate > 0.5
        centres = [f.x + f.w / 2 for s in track.samples for f in s.faces]
        assert sum(centres) / len(centres) < 0.5  # the desk vlog's face sits left of centre
    finally:
        w.jobs.cancel_all()
        w.jobs.wait_all(30000)
