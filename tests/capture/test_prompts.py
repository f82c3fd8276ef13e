"""Prompt cards in the library database: add, order, shuffle, import/export as a text file."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from vlogkit.errors import MediaError, UsageError


def test_prompts_keep_their_order_and_survive_a_restart(app) -> None:
    repo = app.prompts
    a = repo.add("What did you ship this week?")
    b = repo.add("  Who helped   you most? ")
    assert repo.add("What did you ship this week?") == a  # no duplicates
    assert [p.text for p in repo.all()] == ["What did you ship this week?", "Who helped you most?"]
    from vlogkit.config import Paths
    from vlogkit.services import App

    again = App(Paths(app.paths.home)).prompts  # stored in the library file
    assert [p.id for p in again.all()] == [a.id, b.id]
    again.update(b.id, "Who helped you most this month?")
    again.remove(a.id)
    assert [p.text for p in repo.all()] == ["Who helped you most this month?"]
    with pytest.raises(UsageError):
        repo.add("   ")


def test_prompts_shuffle_never_repeats_the_one_shown(app) -> None:
    repo = app.prompts
    for t in ("One?", "Two?", "Three?"):
        repo.add(t)
    shown = repo.all()[0]
    rng = random.Random(7)
    picks = {repo.pick(rng, exclude=shown.id).text for _ in range(30)}
    assert picks == {"Two?", "Three?"}


def test_prompts_import_and_export_a_text_file(app, tmp_path: Path) -> None:
    src = tmp_path / "prompts.txt"
    src.write_text("\ufeff# questions for Q3\nWhy did you join?\n\nWhat surprised you?\nWhy did you join?\n",
                   encoding="utf-8")
    assert app.prompts.import_text(src) == 2
    assert app.prompts.import_text(src) == 0  # importing twice adds nothing
    out = tmp_path / "out" / "exported.txt"
    assert app.prompts.export_text(out) == 2
    assert out.read_text(encoding="utf-8") == "Why did you join?\nWhat surprised you?\n"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(MediaError, match="UTF-8"):
        app.prompts.import_text(bad)
    long = tmp_path / "long.txt"
    long.write_text("ok?\n" + "x" * 400 + "\n")
    with pytest.raises(UsageError, match="line 2"):
        app.prompts.import_text(long)
    assert len(app.prompts.all()) == 2  # nothing from the bad file was imported


def test_capture_take_in_progress_is_not_offered_for_recovery(app, file_camera) -> None:
    import time

    session = app.capture.new_session(file_camera(), limit_s=30, countdown_s=0)
    session.open()
    session.start()
    time.sleep(0.8)
    assert app.capture.interrupted() == []  # this process owns it (locked)
    session.stop()
    assert app.capture.interrupted() == []  # still owned while it waits to be kept
    session.close()  # the app closed without keeping: next time it is offered
    [left] = app.capture.interrupted()
    assert left.status == "stopped"
    take = app.capture.recover(left)
    assert take.duration_ms > 500 and app.capture.interrupted() == []
    app.capture.discard(take)
    assert not list(app.paths.captures_dir.glob("take-*"))
