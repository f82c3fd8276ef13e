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
