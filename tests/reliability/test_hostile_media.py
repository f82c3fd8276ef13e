"""A file whose header promises more than it holds (issue 18): an MKV that claims 10 h but holds 2 s is refused at
import, and an export whose output comes out empty or short is an error, never a 261-byte MP4 with exit 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.corpus import make_long_claim_mkv
from vlogkit.config import Paths
from vlogkit.domain import ConsentScope
from vlogkit.errors import MediaError
from vlogkit.services import App
from vlogkit.services.library import ImportOptions


@pytest.fixture(scope="module")
def liar(tmp_path_factory: pytest.TempPathFactory, ffmpeg_exe: str) -> Path:
    return make_long_claim_mkv(ffmpeg_exe, tmp_path_factory.mktemp("liar") / "claims10h.mkv")


def test_an_mkv_claiming_10_hours_is_refused_at_import(home: Path, liar: Path) -> None:
    app = App(Paths(home))
    r = app.library.import_file(liar, ImportOptions(consent=ConsentScope.INTERNAL))
    assert not r.ok and "36000" in r.error and "header" in r.error, r.error


@pytest.mark.parametrize("start,end", [(3600_000, 3610_000), (0, 30_000)])
def test_an_export_that_comes_out_empty_or_short_is_an_error(home: Path, small_video: Path, tmp_path: Path,
                                                               start: int, end: int) -> None:
    """A record that believes the file is 10 h long (imported by an older vlogkit, or the file cut since)."""
    app = App(Paths(home))
    r = app.library.import_file(small_video, ImportOptions(consent=ConsentScope.INTERNAL))
    from dataclasses import replace

    app.vlogs.modify(r.vlog.id, lambda v: v.with_(media=replace(v.media, duration_ms=36_000_000)))
    out = tmp_path / "out"
    with pytest.raises(MediaError, match="holds") as err:
        app.export.export(app.export.request(r.vlog.id, ranges=[(start, end)], presets=["square"], captions="off", out_dir=out))
    assert "\n" not in str(err.value)
    assert not out.exists() or [p.name for p in out.iterdir()] == [], list(out.iterdir())
    assert not any(e["kind"] == "clip" for e in app.export_log.entries())
