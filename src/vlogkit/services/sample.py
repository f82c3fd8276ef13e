"""The sample vlog a new user can try the whole flow on: a 29 s English clip with a synthetic voice over a drawn
robot (no real person), shipped in `resources/sample/` (made by `scripts/make_sample_vlog.py`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from vlogkit.domain import ConsentScope, Speaker
from vlogkit.errors import N_, MediaError
from vlogkit.resources import resource

if TYPE_CHECKING:
    from vlogkit.jobs import JobContext
    from vlogkit.services.app import App
    from vlogkit.services.library import ImportResult

SAMPLE_SPEAKER = Speaker("Alex (sample)", "Synthetic voice", "vlogkit")
SAMPLE_TITLE = "Sample vlog - try me"


def sample_path() -> Path:
    return resource("sample", "sample_vlog_en.mp4")


def import_sample(app: App, ctx: JobContext | None = None) -> ImportResult:
    """Import the sample (a copy in vlogkit's media folder, so it survives an upgrade). Importing it twice gives the
    same vlog. Its speaker is synthetic, so its consent is external: every export path can be tried on it."""
    from vlogkit.services.library import ImportOptions

    path = sample_path()
    if not path.is_file():
        raise MediaError(N_("The sample vlog is missing from this installation ({path}). Reinstall vlogkit, or import "
                            "a video of your own."), path=path)
    options = ImportOptions(speaker=SAMPLE_SPEAKER, language="en", consent=ConsentScope.EXTERNAL, copy=True,
                            title=SAMPLE_TITLE)
    return app.library.import_file(path, options, ctx=ctx)
