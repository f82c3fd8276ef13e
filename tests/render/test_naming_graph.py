"""Output names (safe, never overwriting) and the ffmpeg graph: one process, one split, one encoder per preset."""

from __future__ import annotations

from pathlib import Path

from vlogkit.domain import AudioStream, MediaInfo, VideoStream
from vlogkit.domain.export import PRESETS, CaptionStyle, ExportRequest, parse_preset
from vlogkit.render.ffmpeg_graph import command, crop_options, escape_value
from vlogkit.render.loudness import parse_loudnorm_json
from vlogkit.render.naming import base_name, reserve_stems
from vlogkit.render.plan import WORK, ExportPlan, OutputPlan
from vlogkit.render.reframe import CropPlan
from vlogkit.render.timeline import Piece, Timeline


def test_names_are_safe_on_every_os() -> None:
    name = base_name('Zoë "CEO" / Ops:', "2026-05-01", 'We did it: {really} <big> "win"? CON')
    assert name == "Zoe-CEO-Ops_2026-05-01_we-did-it-really-big-win"
    assert not set(name) & set('<>:"/\\|?*{} ')


def test_never_overwrite_any_output_or_sidecar() -> None:
    common, per = reserve_stems(set(), "ana_2026_hello", ["reel", "square"])
    assert common == "ana_2026_hello" and per["reel"] == "ana_2026_hello_reel"
    common2, per2 = reserve_stems({"ana_2026_hello_square.jpg"}, "ana_2026_hello", ["reel", "square"])
    assert common2 == "ana_2026_hello-2" and per2["reel"] == "ana_2026_hello-2_reel"


def test_presets_and_custom_sizes() -> None:
    assert (PRESETS["reel"].width, PRESETS["reel"].height) == (1080, 1920)
    assert (PRESETS["landscape"].width, PRESETS["landscape"].height) == (1920, 1080)
    assert (PRESETS["portrait"].width, PRESETS["portrait"].height) == (1080, 1350)
    x0, y0, x1, y1 = PRESETS["reel"].safe_box()
    assert 1920 - y1 > 0.15 * 1920 and 1080 - x1 > 0.1 * 1080  # clear of the 9:16 buttons
    assert parse_preset("story=720x1280").height == 1280
    for bad in ("tiktok", "721x1280"):
        try:
            parse_preset(bad)
        except ValueError as exc:
            assert "reel" in str(exc) or "even" in str(exc)
        else:
            raise AssertionError(bad)


def plan(tmp_path: Path, n: int = 3) -> ExportPlan:
    media = MediaInfo(46_500, "mp4", (VideoStream(1920, 1080, 30.0, "h264"),), (AudioStream(2, 48000, "aac"),))
    crop = CropPlan("face", 1920, 1080, 608, 1080, ((9000, 200, 0), (10_000, 260, 0), (12_000, 260, 0)))
    presets = tuple(PRESETS.values())[:n]
    outs = tuple(OutputPlan(p, crop, tmp_path / f"{p.name}.mp4", ass="[Script Info]\n") for p in presets)
    request = ExportRequest("v1", ((9000, 13_000),), presets, tmp_path, captions=CaptionStyle.LINE)
    return ExportPlan(request, Path("/v/desk vlog.mp4"), media, Timeline((Piece(9000, 11_000), Piece(12_000, 13_000))),
                      outs, fonts_dir=Path("/f/fonts"), title="Safety first")


def test_several_presets_are_one_process_with_one_split(tmp_path: Path) -> None:
    p = plan(tmp_path)
    args = command(p, WORK, [tmp_path / "a.mp4", tmp_path / "b.mp4", tmp_path / "c.mp4"])
    assert args[0] == "ffmpeg" and args.count("-i") == 1 and args.count("-filter_complex") == 1
    graph = args[args.index("-filter_complex") + 1]
    assert "split=3" in graph and "asplit=3" in graph and graph.count("concat=") == 2
    assert graph.count("ass=filename=<work>/") == 3
    assert args.count("libx264") == 3 and args.count("+faststart") == 3
    assert args[args.index("-ss") + 1] == "9" and args[args.index("-t") + 1] == "4"
    assert "reel" in p.describe() and "2 piece(s)" in p.describe()


def test_outputs_carry_none_of_the_sources_metadata_only_their_own_title(tmp_path: Path) -> None:
    args = command(plan(tmp_path, 1), WORK, [tmp_path / "a.mp4"])
    assert args[args.index("-map_metadata") + 1] == "-1" and args[args.index("-map_chapters") + 1] == "-1"
    assert args[args.index("-metadata") + 1] == "title=Safety first"


def test_crop_path_jumps_at_the_cut_and_moves_smoothly_in_between() -> None:
    crop = CropPlan("face", 1920, 1080, 608, 1080, ((0, 100, 0), (1000, 300, 0)))
    opts = crop_options(crop, Timeline((Piece(0, 1000),)))
    assert (opts["w"], opts["h"]) == (608, 1080) and str(opts["x"]).startswith("100+200*clip(") and opts["y"] == "0"


def test_filter_values_are_escaped() -> None:
    assert escape_value("C:\\a'b,c") == "C\\\\:\\\\\\\\a\\\\\\'b\\,c"


def test_loudnorm_measurement_is_parsed() -> None:
    log = 'noise\n[Parsed_loudnorm_0 @ 0x1] \n{\n "input_i" : "-20.13",\n "input_tp" : "-3.01",\n "input_lra" : "4.90",' \
          '\n "input_thresh" : "-30.40",\n "output_i" : "-14.2",\n "target_offset" : "0.21"\n}\n'
    m = parse_loudnorm_json(log)
    assert (m.input_i, m.input_tp, m.target_offset) == (-20.13, -3.01, 0.21)
