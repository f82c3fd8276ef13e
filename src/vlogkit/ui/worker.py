"""The GUI's worker process: `python -m vlogkit.ui.worker TASK JSON_KWARGS`.

Builds its own `App` on `VLOGKIT_HOME`, runs one task and writes JSON lines to stdout: `{"pid"}`, then
`{"progress", "message"}`..., then `{"result"}` or `{"error"}` (one readable line). No Qt here.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from vlogkit.errors import N_, Cancelled, VlogkitError
from vlogkit.jobs import JobContext


def _emit(**msg: Any) -> None:
    sys.stdout.write(json.dumps(msg) + "\n")
    sys.stdout.flush()


def transcribe(app: Any, ctx: JobContext, vlog_id: str, language: str | None = None) -> dict[str, Any]:
    t = app.transcription.transcribe(vlog_id, language=language, ctx=ctx)
    lost = [w.display for w in app.transcription.last_edits_lost]
    return {"vlog_id": vlog_id, "language": t.language, "words": len(t.words), "edits_lost": lost}


def download_model(app: Any, ctx: JobContext, name: str) -> dict[str, Any]:
    from vlogkit.transcribe.models import resolve_model

    ctx.report(0.05, f"Downloading model {name}")
    resolved = resolve_model(name, download=True)
    return {"name": name, "path": str(resolved.path)}


def analyse_faces(app: Any, ctx: JobContext, vlog_id: str) -> dict[str, Any]:
    """Face track for reframing, analysed once per vlog after import and cached (exports then skip it)."""
    track = app.export.analyse_faces(vlog_id, ctx=ctx)
    return {"vlog_id": vlog_id, "faces": bool(track)}


TASKS: dict[str, Callable[..., Any]] = {
    "transcribe": transcribe,
    "download_model": download_model,
    "analyse_faces": analyse_faces,
}


def main(argv: list[str]) -> int:
    from vlogkit.services import App

    task, kwargs = argv[0], json.loads(argv[1]) if len(argv) > 1 else {}
    import os

    if hasattr(os, "nice"):
        try:
            os.nice(5)  # the window stays first in line for the CPU; the work only waits when the GUI needs it
        except OSError:
            pass
    _emit(pid=os.getpid())
    ctx = JobContext(on_progress=lambda f, m: _emit(progress=round(f, 4), message=m))
    try:
        result = TASKS[task](App(), ctx, **kwargs)
    except Cancelled:
        _emit(cancelled=True)
        return 130
    except VlogkitError as exc:
        _emit(**exc.to_dict())  # the app words it in its own language
        return 1
    except Exception as exc:  # noqa: BLE001 - the GUI shows one line; the traceback goes to the log
        import logging

        logging.getLogger("vlogkit.ui.worker").exception("worker task %s failed", task)
        _emit(**VlogkitError(N_("Something went wrong ({kind}). Details are in the log file."),
                             kind=f"{type(exc).__name__}: {exc}").to_dict())
        return 1
    _emit(result=result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
