"""The editor's waveform: GUI event-loop latency while it is computed, its cost against ffmpeg decoding alone, and the
time to paint the timeline.

A 10 ms QTimer runs in the GUI process (offscreen) and its lateness (actual interval - 10 ms) is recorded
  1. idle (baseline, same run),
  2. while the waveform is computed in the background job the editor runs for a vlog without a cached one.
The waveform job's wall time is compared with ffmpeg decoding the same audio to /dev/null (the floor).
Writes benchmarks/results/waveform.json and prints a table.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_waveform.py [MEDIA_FILE]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_gui_latency import (
    stats,  # same lateness statistics (benchmarks/ is on the path when run as a script)
)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_MEDIA = ROOT.parent / "shared" / "media" / "video" / "desk_vlog_en_1080p.mp4"


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    media = Path(argv[0]) if argv else DEFAULT_MEDIA
    if not media.exists():
        print(f"bench_waveform: {media} not found (the shared test media); pass a media file.", file=sys.stderr)
        return 2
    home = Path(tempfile.mkdtemp(prefix="vlogkit-bench-wave-"))
    os.environ["VLOGKIT_HOME"] = str(home)
    _qapp = QApplication.instance() or QApplication(["vlogkit-bench"])
    from vlogkit.config import Paths
    from vlogkit.services import App
    from vlogkit.services.library import ImportOptions
    from vlogkit.ui.main_window import MainWindow

    app = App(Paths(home))
    app.settings.auto_transcribe = False
    window = MainWindow(app)
    window.resize(1400, 900)
    window.show()
    vid = app.library.import_file(media, ImportOptions()).vlog.id

    def measure(done) -> tuple[list[float], float]:  # noqa: ANN001
        clock = QElapsedTimer()
        clock.start()
        last = [clock.nsecsElapsed() / 1e6]
        lateness: list[float] = []

        def tick() -> None:
            now = clock.nsecsElapsed() / 1e6
            lateness.append(max(0.0, now - last[0] - 10))
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        timer.start()
        t0 = time.monotonic()
        loop = QEventLoop()
        check = QTimer()
        check.setInterval(20)
        check.timeout.connect(lambda: loop.quit() if done() else None)
        check.start()
        loop.exec()
        check.stop()
        timer.stop()
        return lateness, time.monotonic() - t0

    results: dict[str, object] = {"media": str(media), "cpu_count": os.cpu_count(),
                                  "load_average": round(os.getloadavg()[0], 1)}
    until = time.monotonic() + 3
    idle, _ = measure(lambda: time.monotonic() > until)
    results["idle"] = stats(idle)

    job = window.jobs.run("waveform", app.waveform.compute, vid, quiet=True)  # the editor's background job
    busy, secs = measure(lambda: not job.running)
    assert job.state == "done", job.error
    results["while_computing"] = {**stats(busy), "seconds": round(secs, 2)}
    window.open_vlog(vid)  # now cached: drawn at once
    ed = window.editor
    assert ed.timeline.peaks

    t0 = time.monotonic()
    subprocess.run([app.ffmpeg.exe, "-hide_banner", "-nostdin", "-loglevel", "error", "-i", str(media), "-vn",
                    "-ac", "1", "-ar", "8000", "-f", "null", "-"], check=True)
    floor = time.monotonic() - t0
    results["ffmpeg_decode_alone_s"] = round(floor, 2)
    results["ratio_to_ffmpeg"] = round(secs / floor, 2) if floor else None

    tl = ed.timeline
    t0 = time.perf_counter()
    for _ in range(20):
        tl.repaint()
    results["timeline_paint_ms"] = round((time.perf_counter() - t0) / 20 * 1000, 1)
    results["timeline_width_px"] = tl.width()

    out = ROOT / "benchmarks" / "results" / "waveform.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"{'case':<18}{'p50':>8}{'p99':>8}{'max':>9}")
    for case in ("idle", "while_computing"):
        r = results[case]
        print(f"{case:<18}{r['p50_ms']:>8}{r['p99_ms']:>8}{r['max_ms']:>9}")  # type: ignore[index]
    print(f"waveform job {secs:.2f} s = {results['ratio_to_ffmpeg']}x ffmpeg decoding alone ({floor:.2f} s); "
          f"timeline paint {results['timeline_paint_ms']} ms at {tl.width()} px; load {results['load_average']}")
    print("RESULT " + json.dumps({k: results[k] for k in ("while_computing", "ratio_to_ffmpeg", "timeline_paint_ms")}))
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
