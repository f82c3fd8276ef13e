"""`vlogkit process` end to end on a 60 s vlog with one reel, as a ratio to the vlog's own duration (realtime).

The 60 s vlog is the desk vlog (46.5 s, a face left of centre, real speech) followed by its first 13.5 s again,
encoded once before timing. `vlogkit process FILE --top 1 --preset reel` is one whole process: import (probe,
fingerprint, thumbnail), transcription with the bundled Whisper model (model load included), quotes, then the
export (faces over the chosen stretch only, loudness, the render, posters and subtitles). The target is at most
0.5x realtime on 2 cores. Usage: .venv/bin/python benchmarks/bench_process.py [--runs N]
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


def sixty_second_vlog(ffmpeg: str, desk: Path, out: Path) -> Path:
    subprocess.run([ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-i", str(desk), "-t", "13.5", "-i", str(desk),
                    "-filter_complex", "[0:v][0:a][1:v][1:a]concat=n=2:v=1:a=1[v][a]", "-map", "[v]", "-map", "[a]",
                    "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", "-c:a", "aac",
                    "-t", "60", str(out)], check=True)
    return out


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
    steps: list[str] = []
    for n in range(args.runs):
        env = {**os.environ, "VLOGKIT_HOME": str(work / f"home{n}")}
        cmd = [sys.executable, "-m", "vlogkit", "process", str(vlog), "--top", "1", "--preset", "reel",
               "--consent", "internal", "--speaker", "Desk Speaker", "--out", str(work / f"out{n}"), "--json"]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
        walls.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            raise SystemExit(f"vlogkit process failed:\n{proc.stderr[-2000:]}")
        (entry,) = json.loads(proc.stdout)
        assert len(entry["outputs"]) == 1 and Path(entry["outputs"][0]["path"]).is_file(), entry
        steps = [ln for ln in proc.stderr.splitlines() if "%" in ln]
    wall = min(walls)
    ratio = wall / duration
    print(f"vlog duration                        {duration:8.2f} s")
    print(f"vlogkit process, one reel            {wall:8.2f} s")
    print(f"process ratio to realtime: {ratio:.2f}x (target <= {TARGET}x)")
    print(f"(cpu count {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}; {len(steps)} progress lines)")
    result = {"name": "process", "vlog_s": round(duration, 2), "process_s": round(wall, 2),
              "process_ratio": round(ratio, 3), "cpus": os.cpu_count(), "load": round(os.getloadavg()[0], 1)}
    print("RESULT " + json.dumps(result))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "process.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
