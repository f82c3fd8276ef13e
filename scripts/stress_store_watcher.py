"""Stress the GUI's store watcher: another process rewrites the library many times while the main window
follows every change, then the window closes and the interpreter exits.

    python scripts/stress_store_watcher.py [SECONDS]

Prints how many references `None` lost while the window ran and exits 0 when the process ended cleanly. With
PySide6 6.12.0 on Python 3.11 every call of a Qt method that returns nothing drops one reference to `None`
(6.11.3: none), so a session that makes enough calls ends in `Fatal Python error: none_dealloc` - the crash seen at
exit "after heavy store-watcher traffic". pyproject.toml excludes that binding; `tests/ui/test_qt_binding.py`
guards it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WRITER = r"""
import sys, time
from pathlib import Path
from vlogkit.config import Paths
from vlogkit.services import App
app = App(Paths(Path(sys.argv[1])))
vid, end, i = sys.argv[2], time.monotonic() + float(sys.argv[3]), 0
while time.monotonic() < end:
    app.library.edit(vid, title=f"Stress {i}")
    app.library.edit(vid, speaker_changes={"role": f"Role {i}"}) if i % 3 == 0 else None
    i += 1
    time.sleep(0.05)
print(i)
"""


def run_window(home: Path, seconds: float) -> int:
    from PySide6.QtWidgets import QApplication

    from vlogkit.config import Paths
    from vlogkit.services import App
    from vlogkit.ui.main_window import MainWindow

    qapp = QApplication.instance() or QApplication(["vlogkit"])
    app = App(Paths(home))
    vid = app.library.list()[0].id
    window = MainWindow(app)
    window.show()
    window.open_vlog(vid)
    refs = sys.getrefcount(None)
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(home), vid, str(seconds)],
                              env={**os.environ, "VLOGKIT_HOME": str(home)}, stdout=subprocess.PIPE, text=True)
    while writer.poll() is None:
        qapp.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + 1.0
    while time.monotonic() < end:
        qapp.processEvents()
    writes = (writer.stdout.read() if writer.stdout else "").strip() or "no"
    lost = refs - sys.getrefcount(None)
    print(f"{writes} library writes followed; None lost {lost} references meanwhile "
          f"({sys.version.split()[0]}; immortal None from 3.12)", flush=True)
    window.close()
    return 0


def main() -> int:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else 20.0
    if "--window" in sys.argv:
        return run_window(Path(sys.argv[-1]), seconds)
    import PySide6

    from vlogkit.config import Paths
    from vlogkit.services import App
    from vlogkit.services.library import ImportOptions

    home = Path(tempfile.mkdtemp(prefix="vlogkit-stress-"))
    app = App(Paths(home))
    clip = home / "clip.mp4"
    app.ffmpeg.run(["-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=6", "-f", "lavfi", "-i", "sine=d=6", "-c:v",
                    "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(clip)])
    app.library.import_file(clip, ImportOptions())
    proc = subprocess.run([sys.executable, __file__, str(seconds), "--window", str(home)], capture_output=True,
                          text=True, env={**os.environ, "VLOGKIT_HOME": str(home)})
    fatal = [ln for ln in proc.stderr.splitlines() if "Fatal Python error" in ln]
    print(proc.stdout.strip())
    print(f"PySide6 {PySide6.__version__}: exit status {proc.returncode}" + (f" - {fatal[0]}" if fatal else ""))
    return 0 if proc.returncode == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
