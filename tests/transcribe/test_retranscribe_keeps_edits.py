"""Transcribing a vlog again (another language, `--no-cache`, a changed glossary or model) keeps the user's word fixes,
fillers and confirmations on the words it hears again, and says which edits it could not place (trial 6: a re-run
silently gave "neighbor's" back after the user fixed it). Real Whisper, real ffmpeg, a real TinyDB library."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from vlogkit.config import Paths
from vlogkit.domain.transcript_edits import insert_word_after, toggle_filler
from vlogkit.services import App
from vlogkit.services.library import ImportOptions


@pytest.fixture
def short_cut(desk_vlog: Path, ffmpeg_exe: str, tmp_path: Path) -> Path:
    """Eight seconds of the desk vlog: 'The long journey home took a year. She saw a cat in the neighbor's house.'"""
    out = tmp_path / "cut.mp4"
    subprocess.run([ffmpeg_exe, "-v", "error", "-ss", "15", "-t", "7", "-i", str(desk_vlog), "-c:v", "libx264",
                    "-preset", "ultrafast", "-c:a", "aac", str(out)], check=True)
    return out


def _words(app: App, vid: str) -> list[str]:
    return [w.display for w in app.transcription.require(vid).words]


def test_a_new_run_keeps_the_fix_and_the_filler_and_names_a_typed_word_it_lost(
        home: Path, short_cut: Path, whisper_engine, cli) -> None:  # noqa: ANN001
    app = App(Paths(home), transcriber=whisper_engine)
    vid = app.library.import_file(short_cut, ImportOptions(language="auto")).vlog.id
    first = app.transcription.transcribe(vid)
    words = [w.text for w in first.words]
    assert "neighbor's" in words, words
    at = first.words[words.index("neighbor's")].start
    app.transcription.fix_word(vid, at, "neighbours")
    t = app.transcription.require(vid)
    app.transcription.save(vid, toggle_filler(t, [w.text for w in t.words].index("took")))

    again = app.transcription.transcribe(vid, language="en")  # another key: Whisper runs again
    assert not app.transcription.last_from_cache
    shown = [w.display for w in again.words]
    assert "neighbours" in shown and "neighbor's" not in shown
    fixed = again.words[shown.index("neighbours")]
    assert fixed.text == "neighbor's" and fixed.corrected == "neighbours"  # the recognised word stays beside it
    assert [w.filler for w in again.words if w.text == "took"] == [True]
    assert app.transcription.last_edits_lost == ()
    assert _words(App(Paths(home)), vid) == shown  # stored so

    # a word typed in cannot be heard again: the CLI keeps the fix and says which edit it could not keep
    t = app.transcription.require(vid)
    app.transcription.save(vid, insert_word_after(t, [w.text for w in t.words].index("took"), "almost"))
    r = cli("transcribe", vid, "--no-cache", "--words")
    assert r.returncode == 0, r.stderr
    assert "neighbours  (recognised: neighbor's)" in r.stdout
    assert "1 edit(s) of the previous transcript are not in this one" in r.stderr and "'almost' at" in r.stderr
    assert "almost" not in _words(App(Paths(home)), vid)
