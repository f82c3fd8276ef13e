"""Cache clearing reports what it freed: the cache and the half-written files a crash left, each counted once."""

from __future__ import annotations

import pytest


@pytest.mark.usefixtures("own_tmp")
def test_cache_clear_counts_each_freed_byte_once(app) -> None:  # type: ignore[no-untyped-def]
    cached = app.paths.cache_dir / "faces" / "x.json"
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(b"c" * 3000)
    folder = app.paths.default_export_dir
    folder.mkdir(parents=True, exist_ok=True)
    dead = folder / ".clip_reel.part999999.mp4"  # no such process
    dead.write_bytes(b"x" * 1000)
    assert app.data.leftovers() == [dead]
    assert app.data.clear_cache() == 3000 + 1000
    assert not cached.exists() and not dead.exists()
