"""`vlogkit process` end to end on a 60 s vlog with one reel, as a ratio to the vlog's own duration (realtime).

The 60 s vlog is the desk vlog (46.5 s, a face left of centre, real speech) followed by its first 13.5 s again,
encoded once before timing. `vlogkit process FILE --top 1 --preset reel` is one whole process: import (probe,
fingerprint, thumbnail), transcription with the bundled Whisper model (model load included), quotes, then the
export (faces over the chosen stretch only, loudness, the render, posters and subtitles). The target is at most
0.5x realtime on 2 cores.

The machine's own speed at that moment is measured in the same run, as the floor no tool can go under: a bare
faster-whisper script transcribing the file (same model, beam 5, word timestamps, VAD) plus one hand-written
ffmpeg command rendering the reel vlogkit chose (its crop, its ASS captions, loudnorm, x264 veryfast crf 21).
`floor_ratio` is vlogkit's time over that floor: what vlogkit itself adds, whatever the load.
Usage: .venv/bin/python benchmarks/bench_process.py [--runs N]
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
TARGET = 0.5
BARE = """
import os, sys
from faster_whisper import WhisperModel
model_dir, device, compute_type, media = sys.argv[1:5]
model = WhisperModel(model_dir, device=device, compute_type=compute_type, cpu_threads=os.cpu_count() or 0)
segments, info = model.transcribe(media, beam_size=5, word_timestamps=True, vad_filter=True)
print(info.language, sum(len(s.words) for s in segments))
"""


def sixty_second_vlog(ffmpeg: str, desk: Path, out: Path) -> Path:
    subprocess.run([ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-i", str(desk), "-t", "13.5", "-i", str(desk),
                    "-filter_complex", "[0:v][0:a][1:v][1:a]concat=n=2:v=1:a=1[v][a]", "-map", "[v]", "-map", "[a]",
                    "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", "-c:a", "aac",
                    "-t", "60", str(out)], check=True)
    return out


def hand_written_reel(ffmpeg: str, vlog: Path, plan: dict, work: Path) -> float:
    """Seconds one hand-written ffmpeg command takes to render the reel of `plan`: its stretch, crop, captions."""
    from vlogkit.render.ffmpeg_graph import escape_value

    work.mkdir(parents=True, exist_ok=True)
    ((start, end),) = plan["timeline"]["pieces_ms"]
    out = plan["outputs"][0]
    ass = work / "captions.ass"
    ass.write_text(out["ass"] or "", encoding="utf-8")
    crop = out["crop"]
    x, y = (crop["points"][0][1], crop["points"][0][2]) if crop["points"] else (0, 0)
    vf = f"crop={crop['width']}:{crop['height']}:{x}:{y},scale=1080:1920"
    if out["ass"]:
        from vlogkit.render.fonts import fonts_dir

        vf += f",ass=filename={escape_value(str(ass))}:fontsdir={escape_value(str(fonts_dir()))}"
    t0 = time.perf_counter()
    subprocess.run([ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-ss", f"{start / 1000:.3f}", "-t",
                    f"{(end - start) / 1000:.3f}", "-i", str(vlog), "-vf", vf + ",format=yuv420p", "-af",
                    "loudnorm=I=-14:TP=-1:LRA=11,aresample=48000", "-c:v", "libx264", "-preset", "veryfast", "-crf", "21",
                    "-c:a", "aac", "-b:a", "160k", "-movflags", "+faststart", str(work / "reel.mp4")], check=True)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=1, help="best of N (each run in a fresh library)")
    args = ap.parse_args()
    desk = MEDIA / "video" / "desk_vlog_en_1080p.mp4"
    if not desk.exists():
        print(f"skipped: {desk} not found", file=sys.stderr)
        print("RESULT " + json.dumps({"name": "process", "skipped": True}))
        return 0
    from vlogkit.media.ffmpeg import find_ffmpeg
    from vlogkit.media.probe import probe

    work = Path(tempfile.mkdtemp(prefix="vlogkit-bench-process-"))
    vlog = sixty_second_vlog(find_ffmpeg(), desk, work / "sixty.mp4")
    duration = probe(vlog).duration_ms / 1000
    walls: list[float] = []
    floors: list[float] = []
    from vlogkit.transcribe.models import pick_device, resolve_model

    model_dir = str(resolve_model("base").path)
    device, compute_type = pick_device()
    for n in range(args.runs):
        env = {**os.environ, "VLOGKIT_HOME": str(work / f"home{n}"), "HF_HUB_OFFLINE": "1"}
        cmd = [sys.executable, "-m", "vlogkit", "process", str(vlog), "--top", "1", "--preset", "reel",
               "--consent", "internal", "--speaker", "Desk Speaker", "--out", str(work / f"out{n}"), "--json"]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
        walls.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            raise SystemExit(f"vlogkit process failed:\n{proc.stderr[-2000:]}")
        (entry,) = json.loads(proc.stdout)
        assert len(entry["outputs"]) == 1 and Path(entry["outputs"][0]["path"]).is_file(), entry
        plan = [json.loads(line.split("export plan ", 1)[1]) for line in
                (work / f"home{n}" / "logs" / "vlogkit.log").read_text(encoding="utf-8").splitlines()
                if "export plan {" in line][-1]
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", BARE, model_dir, device, compute_type, str(vlog)], check=True,
                       capture_output=True, env=env)
        whisper_s = time.perf_counter() - t0
        floors.append(whisper_s + hand_written_reel(find_ffmpeg(), vlog, plan, work / f"floor{n}"))
    floor = min(floors)
    wall = min(walls)
    ratio = wall / duration
    print(f"vlog duration                        {duration:8.2f} s")
    print(f"vlogkit process, one reel            {wall:8.2f} s")
    print(f"floor: bare faster-whisper + one ffmpeg command {floor:8.2f} s ({floor / duration:.2f}x realtime)")
    print(f"process ratio to realtime: {ratio:.2f}x (target <= {TARGET}x); to the floor: {wall / floor:.2f}x")
    print(f"(cpu count {os.cpu_count()}, load average {os.getloadavg()[0]:.1f})")
    result = {"name": "process", "vlog_s": round(duration, 2), "process_s": round(wall, 2),
              "process_ratio": round(ratio, 3), "floor_s": round(floor, 2), "floor_ratio": round(wall / floor, 3),
              "floor_realtime": round(floor / duration, 3), "cpus": os.cpu_count(),
              "load": round(os.getloadavg()[0], 1)}
    print("RESULT " + json.dumps(result))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "process.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
