"""PyInstaller runtime hook: runs inside the frozen app before vlogkit is imported.

- Nothing phones home: Hugging Face telemetry and implicit tokens are off (the bundled `base` model needs no hub).
- Started with an empty environment (`env -i`, some deployment tools, cron) there is no locale: Qt then warns and
  switches to UTF-8 itself. Say C.UTF-8 up front for the character type only (messages and the UI language are
  untouched: vlogkit's own i18n ignores C locales). The interpreter itself runs in UTF-8 mode (the spec's `-X utf8`).
- The Windows/macOS app without a console (`console=False`) has no stdout/stderr: Python gives None, and the first
  print or log line would fail. They go to the null device there; `vlogkit-cli` has a console.
- Settings and data go to the platform's user folders through platformdirs (XDG on Linux, %LOCALAPPDATA% on
  Windows, ~/Library on macOS); the Whisper model is assembled from the bundle into the user cache folder on first use.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("HF_HUB_DISABLE_IMPLICIT_TOKEN", "1")
if sys.platform.startswith("linux") and not any(os.environ.get(v) for v in ("LC_ALL", "LC_CTYPE", "LANG")):
    os.environ["LC_CTYPE"] = "C.UTF-8"
for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # lives as long as the process
