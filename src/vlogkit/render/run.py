"""`render(plan)`: the one step of an export that touches files - the plan's ASS documents into a temporary
folder of its own, one ffmpeg run writing every clip and its poster under temporary names (renamed when complete),
then the subtitle files. Nothing is decided here: every name and setting comes from the plan."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from vlogkit.errors import N_, FfmpegError, UsageError
from vlogkit.failpoints import failpoint
from vlogkit.fileutil import atomic_write_text, export_mode, output_file
from vlogkit.jobs import JobContext
from vlogkit.media.ffmpeg import Ffmpeg
from vlogkit.media.probe import check_output
from vlogkit.render.ffmpeg_graph import command
from vlogkit.render.plan import ExportPlan


def render(plan: ExportPlan, ffmpeg: Ffmpeg, ctx: JobContext | None = None,
           before_rename: Callable[[], None] | None = None) -> list[Path]:
    """Write every file of the plan (`plan.files`, in that order); returns them. Each clip is checked (its streams
    and duration) before it is renamed into place; `before_rename` runs right before that (the consent rule asked
    again) and may raise, which leaves nothing behind."""
    ctx = ctx or JobContext()
    appeared = [p for p in plan.files if p.exists()]
    if appeared:
        raise UsageError(N_("{path} appeared after the export was planned: run the export again."), path=appeared[0])

    def rendering(fraction: float, message: str) -> None:
        if fraction > 0:  # ffmpeg has started writing the temporary outputs
            failpoint("export.during_render")
        ctx.report(fraction, message)

    work = Path(tempfile.mkdtemp(prefix="vlogkit-export-"))
    try:
        for o in plan.outputs:
            if o.ass:
                (work / o.ass_name).write_text(o.ass, encoding="utf-8")
        with contextlib.ExitStack() as stack:
            clips = [stack.enter_context(output_file(o.path, replace=False)) for o in plan.outputs]
            posters = [stack.enter_context(output_file(o.poster, replace=False)) for o in plan.outputs
                       if o.poster is not None]
            ctx.report(0.0, "Rendering")
            args = command(plan, work, clips, posters)[1:]
            try:  # the clips' temporary files go when this block fails (output_file); posters at once
                ffmpeg.run(args, ctx=JobContext(rendering, ctx.cancel_event), duration_ms=plan.duration_ms,
                           outputs=posters)
            except FfmpegError:
                for clip in clips:  # no media in the range (a header that promises more): say that, not ffmpeg's last line
                    if clip.exists():
                        check_output(clip, plan.duration_ms, video=True, audio=True)
                raise
            for clip in clips:  # ffmpeg exits 0 for a range the file does not hold: never rename an empty clip
                check_output(clip, plan.duration_ms, video=True, audio=True)
            failpoint("export.before_rename")
            if before_rename is not None:
                before_rename()
        for s in plan.sidecars:
            atomic_write_text(s.path, s.text, mode=export_mode())  # sidecars share the clip's mode
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return plan.files
