from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from vlogkit.domain import ConsentScope, Speaker
from vlogkit.services.library import ImportOptions


def test_import_references_file_and_keeps_it_untouched(app, desk_vlog: Path) -> None:  # type: ignore[no-untyped-def]
    before = desk_vlog.stat().st_mtime_ns, desk_vlog.stat().st_size
    r = app.library.import_file(desk_vlog, ImportOptions(speaker=Speaker("An", "Plant manager", "Ghent")))
    assert r.ok and not r.existing
    v = r.vlog
    assert v.path == str(desk_vlog.resolve()) and not v.copied
    assert v.duration_s == 46.5 and v.media.display_size == (1920, 1080)
    assert v.speaker.name == "An" and v.speaker.team == "Ghent"
    assert (desk_vlog.stat().st_mtime_ns, desk_vlog.stat().st_size) == before
    thumb = Path(v.extra["thumbnail"])
    assert thumb.read_bytes()[:2] == b"\xff\xd8"  # a JPEG


def test_copy_import_and_duplicate_content(app, tmp_path: Path, small_video: Path) -> None:  # type: ignore[no-untyped-def]
    other_name = tmp_path / "same content.mp4"
    shutil.copyfile(small_video, other_name)
    a = app.library.import_file(small_video, ImportOptions(copy=True))
    b = app.library.import_file(other_name, ImportOptions())
    assert a.ok and b.ok and b.existing and a.vlog.id == b.vlog.id
    assert Path(a.vlog.path).is_relative_to(app.paths.media_dir)
    assert len(app.library.list()) == 1


def test_consent_edit_is_dated_and_kept_as_history(app, small_video: Path) -> None:  # type: ignore[no-untyped-def]
    v = app.library.import_file(small_video, ImportOptions(consent=ConsentScope.INTERNAL)).vlog
    assert v.consent.scope is ConsentScope.INTERNAL and v.consent.date
    v2 = app.library.edit(v.id, consent=ConsentScope.EXTERNAL)
    v3 = app.library.edit(v.id, consent=ConsentScope.NONE)
    assert [c.scope for c in v3.consent_history] == [ConsentScope.INTERNAL, ConsentScope.EXTERNAL, ConsentScope.NONE]
    assert v2.consent.scope is ConsentScope.EXTERNAL and all(c.date for c in v3.consent_history)


def test_moved_file_is_detected(app, tmp_path: Path, small_video: Path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from vlogkit.errors import MediaError

    f = tmp_path / "moving.mp4"
    shutil.copyfile(small_video, f)
    v = app.library.import_file(f, ImportOptions()).vlog
    f.rename(tmp_path / "moved.mp4")
    with pytest.raises(MediaError, match="gone"):
        app.library.check_source(v)


def test_remove_never_deletes_the_users_file(app, small_video: Path) -> None:  # type: ignore[no-untyped-def]
    v = app.library.import_file(small_video, ImportOptions()).vlog
    app.library.remove(v.id)
    assert small_video.exists() and app.library.list() == []


def test_odd_names_import(app, tmp_path: Path, small_video: Path, synth: Callable[..., Path]) -> None:  # type: ignore[no-untyped-def]
    names = ["-leading dash.mp4", "quote's \"here\".mp4", "$(touch pwned).mp4", "café ñ 日本.mp4"]
    for i, n in enumerate(names):
        # different content per file so each becomes its own vlog
        src = synth(f"odd{i}.mp4", "-f", "lavfi", "-i", f"testsrc2=s=160x120:d=1:r={10 + i}",
                    "-c:v", "libx264", "-preset", "ultrafast")
        shutil.copyfile(src, tmp_path / n)
        r = app.library.import_file(tmp_path / n, ImportOptions())
        assert r.ok, r.error
    assert len(app.library.list()) == 4
    assert not (tmp_path / "pwned").exists()
