"""Screenshots of the Record tab, offscreen: the no-device state, and a file-backed "camera" (the desk vlog) showing
the prompt card, the countdown, the timer while recording, and the keep form after the take.

    python scripts/screenshots_record.py [OUT_DIR] [--media PATH_TO_VIDEO]

The GUI engineer's scripts/screenshots.py may call `take_screenshots(out_dir, video)`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_VIDEO = ROOT.parent / "shared" / "media" / "video" / "desk_vlog_en_1080p.mp4"

TAB_SIZE = (1276, 555)  # what the Record page gets in a 1280x660 window (a 1280x720 screen, less title bar and panel)

PROMPTS = [
    "What did your team ship this month, and who noticed?",
    "Tell us about a customer moment that made your week.",
    "What would you tell a friend who is thinking of joining us?",
]


def _pump(qapp, seconds: float) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        qapp.processEvents()
        time.sleep(0.02)


def take_screenshots(out_dir: Path, video: Path = DEFAULT_VIDEO) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from vlogkit.capture.backend import DeviceInfo
    from vlogkit.config import Paths
    from vlogkit.services import App
    from vlogkit.ui.record_tab import RecordTab

    out_dir.mkdir(parents=True, exist_ok=True)
    qapp = QApplication.instance() or QApplication(["vlogkit"])
    home = Path(tempfile.mkdtemp(prefix="vlogkit-shots-"))
    app = App(Paths(home))
    for p in PROMPTS:
        app.capture.prompts.add(p)
    shots: list[Path] = []

    def grab(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        path = out_dir / name
        widget.grab().save(str(path))
        shots.append(path)

    none = RecordTab(app, devices={"cameras": [], "microphones": []})
    none.resize(*TAB_SIZE)
    none.show()
    _pump(qapp, 0.3)
    grab(none, "record-no-device.png")
    none.close()

    if not video.exists():
        print(f"screenshots_record: {video} not found; only the no-device state was taken", file=sys.stderr)
        return shots
    cam = DeviceInfo("file", f"File camera: {video.name}", True)
    tab = RecordTab(app, devices={"cameras": [cam], "microphones": [cam]},
                    backend_factory=lambda: app.capture.file_backend(video))
    tab.resize(*TAB_SIZE)
    tab.prompt_card.refresh(select=PROMPTS[0])
    tab.keep_form.name.setText("Ann Peeters")
    tab.keep_form.role.setText("Engineer")
    tab.keep_form.team.setText("Platform")
    tab.limit_box.setValue(12)
    tab.show()
    _pump(qapp, 0.5)
    grab(tab, "record-file-ready.png")
    tab.start_recording()
    _pump(qapp, 1.3)
    grab(tab, "record-file-countdown.png")
    _pump(qapp, 3.2)
    grab(tab, "record-file-recording.png")
    _pump(qapp, 6.5)
    grab(tab, "record-file-warning.png")
    tab.stop_recording()
    _pump(qapp, 0.3)
    grab(tab, "record-file-stopped.png")
    tab.confirm = lambda _text: True
    tab.retake()
    tab.close()
    return shots


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", nargs="?", default="screenshots", type=Path)
    ap.add_argument("--media", type=Path, default=DEFAULT_VIDEO)
    a = ap.parse_args()
    for p in take_screenshots(a.out, a.media):
        print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
