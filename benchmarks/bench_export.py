"""Export benchmark: vlogkit's reel against one hand-written ffmpeg command, and one process for three presets
against three separate renders. Run: .venv/bin/python benchmarks/bench_export.py [--seconds 20] [--repeat 1]

Needs ../shared/media/video/desk_vlog_en_1080p.mp4 (or VLOGKIT_TEST_MEDIA). Uses the stored real transcript of the
desk vlog (tests/render/data/desk_transcript.json), so the Whisper model is not part of the timings.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MEDIA = Path(os.environ.get("VLOGKIT_TEST_MEDIA", ROOT.parent / "shared" / "media"))


def timed(fn) -> tuple[float, object]:  # noqa: ANN001
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--start", type=float, default=1.0)
    ap.add_argument("--repeat", type=int, default=1, help="best of N for each measurement")
    ap.add_argument("--skip-presets", action="store_true", help="only the reel-vs-ffmpeg comparison")
    args = ap.parse_args()
    desk = MEDIA / "video" / "desk_vlog_en_1080p.mp4"
    if not desk.exists():
        print(f"skipped: {desk} not found", file=sys.stderr)
        print("RESULT " + json.dumps({"name": "export", "skipped": True}))
        return 0
    from vlogkit.config import Paths
    from vlogkit.domain import ConsentScope, Transcript
    from vlogkit.domain.export import PRESETS, CaptionStyle
    from vlogkit.render.ass import build_ass
    from vlogkit.render.ffmpeg_graph import escape_value
    from vlogkit.render.fonts import fonts_dir
    from vlogkit.render.timeline import build_timeline
    from vlogkit.services import App
    from vlogkit.services.library import ImportOptions

    work = Path(tempfile.mkdtemp(prefix="vlogkit-bench-"))
    app = App(Paths(work / "home"))
    vid = app.library.import_file(desk, ImportOptions(consent=ConsentScope.INTERNAL)).vlog.id
    transcript = Transcript.from_dict(json.loads((ROOT / "tests/render/data/desk_transcript.json").read_text()))
    app.transcription.save(vid, transcript)
    s_ms, e_ms = int(args.start * 1000), int((args.start + args.seconds) * 1000)
    results: dict[str, float] = {}

    t_faces, track = timed(lambda: app.export.analyse_faces(vid))
    results["face_track_s"] = t_faces
    results["face_track_fraction_of_duration"] = t_faces / (track.duration_ms / 1000)

    def vlogkit_reel(n: int = 0) -> float:
        return timed(lambda: app.export.export(vid, ranges=[(s_ms, e_ms)], presets=["reel"], captions="karaoke",
                                               out_dir=work / f"vk{n}"))[0]

    # the baseline: one hand-written command, centre crop, the same captions, one-pass loudnorm, x264 veryfast
    words = build_timeline([(s_ms, e_ms)], transcript.words).retime(transcript.words)
    ass = work / "captions.ass"
    ass.write_text(build_ass(words, PRESETS["reel"], CaptionStyle.KARAOKE), encoding="utf-8")
    vf = (f"crop=608:1080:656:0,scale=1080:1920,ass=filename={escape_value(str(ass))}"
          f":fontsdir={escape_value(str(fonts_dir()))},format=yuv420p")

    def baseline(n: int = 0) -> float:
        cmd = [app.ffmpeg.exe, "-hide_banner", "-loglevel", "error", "-y", "-ss", str(args.start), "-t",
               str(args.seconds), "-i", str(desk), "-vf", vf, "-af", "loudnorm=I=-14:TP=-1:LRA=11,aresample=48000",
               "-c:v", "libx264", "-preset", "veryfast", "-crf", "21", "-c:a", "aac", "-b:a", "160k",
               "-movflags", "+faststart", str(work / f"baseline{n}.mp4")]
        return timed(lambda: subprocess.run(cmd, check=True))[0]

    vk, base = [], []
    for n in range(args.repeat):  # interleaved, so load from elsewhere hits both alike
        base.append(baseline(n))
        vk.append(vlogkit_reel(n))
    results["reel_ffmpeg_baseline_s"] = min(base)
    results["reel_vlogkit_s"] = min(vk)
    results["reel_ratio"] = min(vk) / min(base)

    if not args.skip_presets:
        three = ["reel", "square", "landscape"]
        one, sep = [], []
        for n in range(args.repeat):
            one.append(timed(lambda n=n: app.export.export(vid, ranges=[(s_ms, e_ms)], presets=three,
                                                           captions="karaoke", out_dir=work / f"one{n}"))[0])
            sep.append(timed(lambda n=n: [app.export.export(vid, ranges=[(s_ms, e_ms)], presets=[p],
                                                            captions="karaoke", out_dir=work / f"sep{n}")
                                          for p in three])[0])
        results["three_presets_one_process_s"] = min(one)
        results["three_presets_separate_s"] = min(sep)
        results["three_presets_ratio"] = min(one) / min(sep)

    for k, v in results.items():
        print(f"{k:36s} {v:8.3f}")
    print(f"(cpu count {os.cpu_count()}, load average {os.getloadavg()[0]:.1f})")
    result = {"name": "export", "seconds": args.seconds, "cpus": os.cpu_count(),
              "load": round(os.getloadavg()[0], 1), **{k: round(v, 3) for k, v in results.items()}}
    print("RESULT " + json.dumps(result))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "export.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if results["reel_ratio"] < 1.3 else 1


if __name__ == "__main__":
    raise SystemExit(main())
