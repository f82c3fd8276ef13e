"""`vlogkit fix` on words that touch (one ends where the next begins, as Whisper gives them): the time a fix prints,
and the times `vlogkit transcribe --words` lists, hit that same word again - through the real entry point, on a real
TinyDB library and bank with a real (synthetic) video."""

from __future__ import annotations

from pathlib import Path

import pytest

from vlogkit.config import Paths
from vlogkit.domain import ConsentScope, Speaker
from vlogkit.services import App
from vlogkit.services.library import ImportOptions

VTT = "WEBVTT\n\n00:00:18.640 --> 00:00:21.040\nShe saw a cat in the neighbor's house.\n"  # 0.3 s a word, touching


@pytest.fixture
def vlog_id(home: Path, synth, cli, tmp_path: Path) -> str:  # noqa: ANN001
    video = synth("fix_cli.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x240:r=10:d=22", "-f", "lavfi", "-i",
                  "sine=f=300:d=22", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                  "-shortest")
    app = App(Paths(home))
    r = app.library.import_file(video, ImportOptions(speaker=Speaker("Lies Janssens", "Woordvoerder", "Brussel"),
                                                     consent=ConsentScope.INTERNAL, language="en"))
    vtt = tmp_path / "teams.vtt"
    vtt.write_text(VTT, encoding="utf-8")
    listed = cli("transcribe", r.vlog.id, "--from-subtitles", str(vtt), "--words")
    assert listed.returncode == 0, listed.stderr
    app.bank.add_range(r.vlog.id, 18640, 21040)
    return r.vlog.id, listed.stdout


def shown(home: Path, vlog_id: str) -> str:
    return " ".join(w.display for w in App(Paths(home)).transcription.get(vlog_id).words)


def test_the_time_a_fix_prints_takes_it_back_and_a_boundary_is_the_next_word(cli, home: Path, vlog_id) -> None:  # noqa: ANN001
    vlog_id, _listed = vlog_id
    r = cli("fix", vlog_id, "20.14", "le")  # where 'in' ends and 'the' begins: the word starting there
    assert r.returncode == 0, r.stderr
    assert shown(home, vlog_id) == "She saw a cat in le neighbor's house."
    assert "20.14 s  'the' -> 'le' in “She saw a cat in [le] neighbor's house.”" in r.stdout  # the word in its line
    assert App(Paths(home)).bank.search("")[0].text == "She saw a cat in le neighbor's house."

    at = r.stdout.split(" s ", 1)[0]  # the time the fix printed takes it back - the same word, not 'in'
    r = cli("fix", vlog_id, at, "the")
    assert r.returncode == 0 and "'the' as recognised again" in r.stdout, r.stdout
    assert shown(home, vlog_id) == "She saw a cat in the neighbor's house."
    assert App(Paths(home)).bank.search("")[0].text == "She saw a cat in the neighbor's house."


def test_transcribe_words_lists_the_times_fix_takes(cli, home: Path, vlog_id, capsys) -> None:  # noqa: ANN001
    from vlogkit.cli.transcribe_cmds import print_segments

    vlog_id, listed = vlog_id
    rows = [ln.split() for ln in listed.splitlines() if ln.startswith("    ")]
    assert [w for _t, w in rows] == "She saw a cat in the neighbor's house.".split()
    at = next(t for t, w in rows if w == "neighbor's")
    assert at == "20.44"
    r = cli("fix", vlog_id, at, "neighbour's")
    assert r.returncode == 0, r.stderr
    assert shown(home, vlog_id) == "She saw a cat in the neighbour's house."
    print_segments(App(Paths(home)).transcription.get(vlog_id), words=True)  # what `transcribe --words` prints now
    assert "   20.44  neighbour's  (recognised: neighbor's)" in capsys.readouterr().out
    assert "--words" in cli("fix", vlog_id, "300", "x").stderr  # the error says where the times are
