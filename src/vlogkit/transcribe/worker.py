"""Transcription in a child process, for the GUI: the model's Python-side work then never holds the GUI's GIL.

`WorkerTranscriber` implements the `Transcriber` protocol: it starts `python -m vlogkit.transcribe.worker`, sends one
JSON request on stdin and reads JSON lines back - `{"progress": f, "message": m}` per segment, then `{"result": ...}`
or `{"error": ..., "type": ...}`. Cancelling the job terminates the child. Inject it with
`App(paths, transcriber=WorkerTranscriber(settings.model))`; transcripts and the cache are the same as in-process.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import threading
from typing import Any

from vlogkit import errors
from vlogkit.domain import Transcript
from vlogkit.errors import Cancelled, VlogkitError
from vlogkit.jobs import JobContext


class WorkerTranscriber:
    def __init__(self, model: str | None = None) -> None:
        from vlogkit.transcribe.engine import Options
        from vlogkit.transcribe.models import model_id

        self.name = model_id(model)
        self.options = Options()

    def transcribe(
        self, audio_path: str, *, language: str | None, initial_prompt: str | None, duration_ms: int, ctx: JobContext,
        languages: str = "nl,fr,en",
    ) -> Transcript:
        ctx.raise_if_cancelled()
        request = {"model": self.name, "audio_path": audio_path, "language": language,
                   "initial_prompt": initial_prompt, "duration_ms": duration_ms, "languages": languages}
        stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # a file, so a chatty child never blocks
        proc = subprocess.Popen(
            [sys.executable, "-m", "vlogkit.transcribe.worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, text=True, encoding="utf-8",
        )
        done = threading.Event()

        def watch_cancel() -> None:
            while not done.wait(0.1):
                if ctx.cancelled:
                    proc.terminate()
                    return

        watcher = threading.Thread(target=watch_cancel, daemon=True, name="transcribe-worker-cancel")
        watcher.start()
        reply: dict[str, Any] | None = None
        try:
            assert proc.stdin is not None and proc.stdout is not None
            proc.stdin.write(json.dumps(request))
            proc.stdin.close()
            for line in proc.stdout:
                try:
                    msg = json.loads(line)
                except ValueError:
                    continue
                if "progress" in msg:
                    ctx.report(float(msg["progress"]), str(msg.get("message", "")))
                else:
                    reply = msg
            proc.wait()
        finally:
            done.set()
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        if ctx.cancelled:
            raise Cancelled()
        stderr.seek(0)
        err = stderr.read().strip().splitlines()
        stderr.close()
        if reply is None:
            raise VlogkitError(f"The transcription worker stopped (exit {proc.returncode}): "
                               f"{err[-1] if err else 'no output'}. Details are in the log.")
        if "error" in reply:
            cls = getattr(errors, str(reply.get("type", "")), VlogkitError)
            if not (isinstance(cls, type) and issubclass(cls, VlogkitError)):
                cls = VlogkitError
            raise cls.from_dict(reply)
        return Transcript.from_dict(reply["result"])


def main() -> int:
    """The child: read one request from stdin, transcribe, write JSON lines to stdout."""
    from vlogkit.transcribe.engine import WhisperEngine

    out = sys.stdout

    def send(msg: dict[str, Any]) -> None:
        out.write(json.dumps(msg, ensure_ascii=False) + "\n")
        out.flush()

    try:
        req = json.loads(sys.stdin.read())
        engine = WhisperEngine(req.get("model"))
        ctx = JobContext(on_progress=lambda f, m: send({"progress": f, "message": m}))
        t = engine.transcribe(str(req["audio_path"]), language=req.get("language"),
                              initial_prompt=req.get("initial_prompt"), duration_ms=int(req.get("duration_ms") or 0),
                              ctx=ctx, languages=str(req.get("languages") or "nl,fr,en"))
    except VlogkitError as exc:
        send({**exc.to_dict(), "type": exc.__class__.__name__})
        return 1
    except Exception as exc:  # noqa: BLE001 - reported to the parent as one line
        send({"error": f"transcription failed: {exc.__class__.__name__}: {exc}", "type": "VlogkitError"})
        return 1
    send({"result": t.to_dict()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
