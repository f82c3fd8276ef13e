"""Resource limits (issue 18): a bank file from /dev/zero, a 16000x16000 preset, a large bank import holding the
lock, are each stopped with a clear error or done in linear time."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.reliability.hostile import bank_file, quote_dict
from vlogkit.errors import UsageError
from vlogkit.store.db import AtomicJSONStorage


def test_bank_import_of_dev_zero_stops_at_a_bound_with_a_clear_error(app) -> None:  # noqa: ANN001
    t0 = time.monotonic()
    with pytest.raises(UsageError, match="larger than"):
        app.bank.import_file("/dev/zero")
    assert time.monotonic() - t0 < 30


def test_bank_import_of_a_huge_file_is_refused_unread(app, tmp_path: Path) -> None:  # noqa: ANN001
    big = tmp_path / "big.json"
    with open(big, "wb") as fh:
        fh.truncate(200 << 20)  # sparse: 200 MiB that take no disk
    with pytest.raises(UsageError, match="larger than"):
        app.bank.import_file(big)


@pytest.mark.parametrize("preset", [
    {"width": 16000, "height": 16000}, {"width": 1080, "height": 99999}, {"width": -2, "height": 1080},
    {"width": "1080", "height": 1920}, {"width": 1081, "height": 1920}, {"width": 1080.0, "height": 1920},
    {"width": True, "height": 1920}, {"width": 1080}, "1080x1920", {"width": 1080, "height": 1920, "safe_top": 3},
    {"width": 1080, "height": 1920, "caption_size": 100}, {"width": 1080, "height": 1920, "caption_chars": 10**9},
])
def test_a_preset_beyond_the_bounds_is_refused_naming_the_file(app, preset) -> None:  # noqa: ANN001
    (app.paths.home / "presets.json").write_text(json.dumps({"huge": preset}))
    with pytest.raises(UsageError) as err:
        app.export.custom_presets()
    assert "presets.json" in str(err.value)


def test_a_preset_within_the_bounds_is_kept(app) -> None:  # noqa: ANN001
    (app.paths.home / "presets.json").write_text(json.dumps({"story4k": {"width": 2160, "height": 3840}}))
    p = app.export.custom_presets()["story4k"]
    assert (p.width, p.height) == (2160, 3840)


def test_a_bank_import_writes_the_bank_once_however_many_quotes_it_changes(app, tmp_path: Path,  # noqa: ANN001
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    n = 400
    first = [quote_dict(id=f"q{'abcdefghjk'[i // 100]}{'abcdefghjk'[i // 10 % 10]}{'abcdefghjk'[i % 10]}zz",
                        start=i * 1000, end=i * 1000 + 800) for i in range(n)]
    app.bank.import_file(bank_file(tmp_path / "a.json", first))
    later = [{**q, "text": q["text"] + " (edited)", "updated": "2026-03-01T10:00:00+00:00"} for q in first]
    writes = []
    real = AtomicJSONStorage.write
    monkeypatch.setattr(AtomicJSONStorage, "write", lambda self, data: (writes.append(self.path), real(self, data)))
    r = app.bank.import_file(bank_file(tmp_path / "b.json", later))
    assert r.updated == n
    assert len([p for p in writes if p.name == "bank.json"]) <= 2, len(writes)
    # a shared file's edits arrive as proposals, never overriding what this bank holds
    assert all(q.proposals[-1].text.endswith("(edited)") and not q.text.endswith("(edited)") for q in app.bank.list())


def test_other_user_files_are_read_bounded_too(cli, app, small_video: Path, tmp_path: Path) -> None:  # noqa: ANN001
    from vlogkit.errors import MediaError

    vid = cli("import", str(small_video), "--json").json()[0]["id"]
    endless = tmp_path / "endless.srt"
    endless.symlink_to("/dev/zero")
    r = cli("transcribe", vid, "--from-subtitles", str(endless), timeout=60)
    assert r.returncode == 1 and "larger than" in r.stderr and "Traceback" not in r.stderr, r.stderr
    with pytest.raises(MediaError, match="larger than"):
        app.prompts.import_text("/dev/zero")  # the record tab's "import prompts"


def test_bank_import_of_a_fifo_without_a_writer_does_not_wait_forever(cli, home: Path, tmp_path: Path) -> None:  # noqa: ANN001
    import os

    fifo = tmp_path / "quotes.json"
    os.mkfifo(fifo)
    r = cli("bank", "import", str(fifo), timeout=60)
    assert r.returncode == 2 and "pipe" in r.stderr and "Traceback" not in r.stderr, r.stderr
