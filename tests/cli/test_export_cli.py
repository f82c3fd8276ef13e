"""`vlogkit export` and `vlogkit process` through the real entry point."""

from __future__ import annotations

from pathlib import Path

import pytest


def imported(cli, path: Path, consent: str = "internal") -> str:  # noqa: ANN001
    r = cli("import", str(path), "--consent", consent, "--speaker", "Ana", "--json")
    assert r.returncode == 0, r.stderr
    return r.json()[0]["id"]


def test_export_a_range_prints_json_with_the_outputs(cli, small_video: Path, tmp_path: Path) -> None:  # noqa: ANN001
    vid = imported(cli, small_video)
    r = cli("export", vid, "--range", "0.5:2.5", "--captions", "off", "--preset", "square,360x640", "--out",
            str(tmp_path / "clips"), "--json")
    assert r.returncode == 0, r.stderr
    data = r.json()
    assert [(o["preset"], o["width"], o["height"]) for o in data["outputs"]] == [("square", 1080, 1080),
                                                                                   ("360x640", 360, 640)]
    for o in data["outputs"]:
        assert Path(o["path"]).is_file() and abs(o["duration"] - 2.0) < 0.05
    assert data["subtitles"] == []  # captions off and no transcript: nothing to subtitle


def test_dry_run_prints_the_plan_and_renders_nothing(cli, small_video: Path, tmp_path: Path) -> None:  # noqa: ANN001
    vid = imported(cli, small_video)
    r = cli("export", vid, "--start", "0:01", "--end", "2", "--captions", "off", "--dry-run", "--out", str(tmp_path / "clips"))
    assert r.returncode == 0, r.stderr
    assert "timeline: 1 piece(s), 1.00 s" in r.stdout and "reel 1080x1920" in r.stdout
    assert not (tmp_path / "clips").exists()


@pytest.mark.parametrize(
    ("consent", "audience", "message"),
    [("none", "internal", "no consent"), ("internal", "external", "internal use only")],
)
def test_consent_refusals_are_one_line_and_exit_1(cli, small_video: Path, tmp_path: Path, consent: str,  # noqa: ANN001
                                                  audience: str, message: str) -> None:
    vid = imported(cli, small_video, consent)
    r = cli("export", vid, "--range", "0:1", "--captions", "off", "--audience", audience, "--out", str(tmp_path / "clips"))
    assert r.returncode == 1
    assert message in r.stderr and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert not (tmp_path / "clips").exists()


@pytest.mark.parametrize(
    "args",
    [[], ["--start", "1"], ["--range", "abc"], ["--range", "1:2", "--start", "1", "--end", "2"], ["--preset", "tiktok",
                                                                                                  "--range", "0:1"]],
)
def test_usage_mistakes_exit_2_with_a_message(cli, small_video: Path, args: list[str]) -> None:  # noqa: ANN001
    vid = imported(cli, small_video)
    r = cli("export", vid, "--captions", "off", *args)
    assert r.returncode == 2 and "Traceback" not in r.stderr and r.stderr.strip()


@pytest.mark.slow
def test_process_imports_transcribes_finds_quotes_and_exports_the_top_clip(cli, media: Path,  # noqa: ANN001
                                                                          tmp_path: Path) -> None:
    r = cli("process", str(media / "en" / "jfk.flac"), "--top", "1", "--preset", "360x640", "--consent", "internal",
            "--speaker", "John F. Kennedy", "--out", str(tmp_path), "--json", timeout=600)
    assert r.returncode == 0, r.stderr
    (entry,) = r.json()
    (clip,) = entry["outputs"]
    assert clip["rank"] == 1 and "country" in clip["text"].lower()
    assert Path(clip["path"]).is_file() and Path(clip["path"]).name.startswith("John-F-Kennedy_")
    srt = Path(entry["subtitles"][0]).read_text(encoding="utf-8")
    assert "country" in srt.lower()


def test_export_a_candidate_and_a_bank_quote(cli, home: Path, desk_vlog: Path, tmp_path: Path) -> None:  # noqa: ANN001
    import json

    from vlogkit.config import Paths
    from vlogkit.domain import Transcript
    from vlogkit.services import App

    vid = imported(cli, desk_vlog)  # 16:9 to 16:9 below: no face track needed
    app = App(Paths(home))
    data = Path(__file__).resolve().parents[1] / "render" / "data" / "desk_transcript.json"
    app.transcription.save(vid, Transcript.from_dict(json.loads(data.read_text(encoding="utf-8"))))
    cand = app.quotes.candidate(vid, 1)
    r = cli("export", vid, "--candidate", "1", "--preset", "640x360", "--captions", "line", "--out",
            str(tmp_path / "c"), "--json")
    assert r.returncode == 0, r.stderr
    (o,) = r.json()["outputs"]
    assert abs(o["duration"] - (cand.end - cand.start) / 1000) < 0.05
    words = cand.text.lower().replace(",", "").replace(".", "").split()[:3]
    assert "-".join(words) in Path(o["path"]).name.lower()  # named after the quote
    q = app.bank.add_candidate(vid, 1)
    r = cli("export", vid, "--quote", q.id, "--preset", "640x360", "--captions", "off", "--out", str(tmp_path / "q"),
            "--audience", "external")
    assert r.returncode == 1 and "internal use only" in r.stderr
    # a quote saved from a selection keeps its words' exact times; its clip gets the padding a card's clip has
    words = app.transcription.get(vid).words[cand.word_start : cand.word_end]
    exact = app.bank.add_range(vid, words[0].start, words[-1].end)
    assert (exact.start, exact.end) == (words[0].start, words[-1].end)
    assert app.export.quote_clip(exact) == (cand.start, cand.end) == app.export.quote_clip(q)
    r = cli("export", vid, "--quote", exact.id, "--preset", "640x360", "--captions", "off", "--out",
            str(tmp_path / "e"), "--json")
    assert r.returncode == 0, r.stderr
    (o,) = r.json()["outputs"]
    assert abs(o["duration"] - (cand.end - cand.start) / 1000) < 0.05
    assert "edited in the bank" not in r.stderr
    # a text edited in the bank is not what the clip will say: the export says so, and how to fix a word
    assert app.export.quote_says_what_was_said(exact)
    edited = app.bank.update(exact.id, text="Ask not what your country can do for you.")
    assert not app.export.quote_says_what_was_said(edited)
    r = cli("export", vid, "--quote", exact.id, "--preset", "640x360", "--captions", "off", "--out",
            str(tmp_path / "x"), "--dry-run")
    assert r.returncode == 0 and "text was edited in the bank" in r.stderr and f"vlogkit fix {vid} SECONDS WORD" in r.stderr


def with_words(home: Path, vid: str, words: list[tuple[str, int, int]], duration: int = 3000) -> None:
    """Store a transcript for `vid` (the scripted words a real one would hold) in the test's library."""
    from vlogkit.config import Paths
    from vlogkit.domain import Segment, Transcript, Word
    from vlogkit.services import App

    ws = tuple(Word(t, s, e, 0.9) for t, s, e in words)
    App(Paths(home)).transcription.save(vid, Transcript((Segment(ws[0].start, ws[-1].end, ws),), "en", duration))


SAID = [("Safety", 300, 700), ("comes", 750, 1100), ("first,", 1150, 1600), ("every", 1900, 2200),
        ("single", 2250, 2550), ("day.", 2600, 2900)]


def test_dry_run_json_is_the_plan_the_export_runs_and_names_every_file_it_writes(  # noqa: ANN001
        cli, home: Path, small_video: Path, tmp_path: Path) -> None:
    import json

    vid = imported(cli, small_video)
    with_words(home, vid, SAID)
    out = tmp_path / "clips"
    args = ["export", vid, "--range", "0.5:2.7", "--preset", "square,360x640", "--captions", "karaoke",
            "--lower-third", "--out", str(out)]
    dry = cli(*args, "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    plan = dry.json()  # stdout is the plan alone: progress went to stderr
    assert not out.exists()
    assert all(Path(f).is_absolute() and Path(f).parent == out for f in plan["files"])
    assert all("Dialogue:" in o["ass"] and "Ana" in o["ass"] for o in plan["outputs"])  # captions and lower third
    assert plan["timeline"]["pieces_ms"] == [[180, 2950]]  # 0.5 and 2.7 s fell inside words: taken whole
    assert plan["command"][0] == "ffmpeg" and "-filter_complex" in plan["command"]
    real = cli(*args, "--json")
    assert real.returncode == 0, real.stderr
    assert real.json()["plan"] == plan
    assert sorted(str(p) for p in out.iterdir()) == sorted(plan["files"])  # exactly those files, nothing else
    logged = [json.loads(line.split("export plan ", 1)[1]) for line in
              (home / "logs" / "vlogkit.log").read_text(encoding="utf-8").splitlines() if "export plan {" in line]
    assert logged[-1] == plan  # the plan the real export logged is the one the dry run printed


def test_ranges_are_made_whole_and_the_user_is_told(cli, home: Path, small_video: Path, tmp_path: Path) -> None:  # noqa: ANN001
    vid = imported(cli, small_video)
    with_words(home, vid, SAID)
    r = cli("export", vid, "--range", "0.5:2.7", "--captions", "off", "--dry-run", "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert '0.50 s falls inside "Safety": the clip now starts at 0.18 s' in r.stderr
    assert '2.70 s falls inside "day.": the clip now ends at 2.95 s' in r.stderr
    r = cli("export", vid, "--range", "2:9", "--captions", "off", "--dry-run", "--out", str(tmp_path))
    assert r.returncode == 0 and "runs past the end of the vlog: it now ends at 3.00 s" in r.stderr
    r = cli("export", vid, "--range", "5:6", "--captions", "off", "--dry-run", "--out", str(tmp_path))
    assert r.returncode == 2 and "starts at 5.00 s but the vlog is only 3.00 s long" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_progress_is_lines_or_json_on_stderr_never_stdout(cli, small_video: Path, tmp_path: Path) -> None:  # noqa: ANN001
    import json

    vid = imported(cli, small_video)
    r = cli("export", vid, "--range", "0:2", "--captions", "off", "--preset", "360x640", "--out", str(tmp_path / "a"))
    assert r.returncode == 0 and r.stdout.strip().endswith("2.0 s)")  # stdout: the file, nothing else
    steps = [ln for ln in r.stderr.splitlines() if ln.startswith("export: ")]
    assert any("Rendering" in s for s in steps) and steps[-1] == "export: 100% Exported"
    r = cli("export", vid, "--range", "0:2", "--captions", "off", "--preset", "360x640", "--out", str(tmp_path / "b"),
            "--progress", "json", "--json")
    assert r.returncode == 0 and r.json()["outputs"]
    events = [json.loads(ln) for ln in r.stderr.splitlines() if ln.startswith("{")]
    assert events and events[-1] == {"job": "export", "percent": 100, "message": "Exported"}
    assert [e["percent"] for e in events] == sorted(e["percent"] for e in events)


def test_an_untranscribed_vlog_is_transcribed_first_and_says_so(cli, media: Path, tmp_path: Path) -> None:  # noqa: ANN001
    vid = imported(cli, media / "en" / "jfk.flac")
    r = cli("export", vid, "--range", "0:2.5", "--preset", "360x640", "--captions", "line", "--dry-run",
            "--out", str(tmp_path), timeout=600)
    assert r.returncode == 0, r.stderr
    assert f"Transcribing {vid} first (it has no transcript yet)" in r.stderr
    assert "captions: line" in r.stdout and "caption events" in r.stdout


def test_cues_that_still_break_a_rule_are_reported_in_json_and_in_one_warning_line(  # noqa: ANN001
        cli, home: Path, small_video: Path, tmp_path: Path) -> None:
    vid = imported(cli, small_video)
    # 22 characters a reel line: "in the neighbor's house." (24) cannot stay whole, and no other break keeps the rules
    with_words(home, vid, [("She", 100, 300), ("saw", 320, 500), ("a", 520, 580), ("cat", 600, 900), ("in", 950, 1050),
                           ("the", 1070, 1200), ("neighbor's", 1220, 1800), ("house.", 1850, 2300)])
    r = cli("export", vid, "--range", "0:2.6", "--preset", "reel", "--captions", "line", "--dry-run", "--json",
            "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    issues = r.json()["caption_issues"]
    assert issues and all(i["where"] == "reel" for i in issues) and {"orphan"} >= {i["rule"] for i in issues}
    warnings = [ln for ln in r.stderr.splitlines() if "break a subtitle rule" in ln]
    assert len(warnings) == 1 and "house." in warnings[0]


def test_out_that_is_a_file_is_refused_before_any_work(cli, small_video: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """`--out notes.txt` (a file) rendered the whole clip, then said "Could not write notes.txt/...mp4: File
    exists." - now one line saying it is a file, not a folder, before anything runs; the file is untouched."""
    vid = imported(cli, small_video)
    (tmp_path / "out").mkdir()
    notes = tmp_path / "out" / "notes.txt"
    notes.write_text("mine", encoding="utf-8")
    r = cli("export", vid, "--range", "0.5:1.5", "--captions", "off", "--out", str(notes))
    assert r.returncode == 2, r.stderr
    assert "is a file, not a folder" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert notes.read_text(encoding="utf-8") == "mine" and list((tmp_path / "out").iterdir()) == [notes]
