"""`vlogkit transcribe` on the desk vlog against a bare faster-whisper script doing the same work, in one run.

Both are whole processes (imports and model load included), same model folder (the bundled `base`), same device and
compute type, beam 5, word timestamps, VAD filter. Each is run twice, alternating, and the faster run of each is
compared. Then a second `vlogkit transcribe` of the same vlog is timed: it is served from the cache.

Prints a human summary and a last line `RESULT {json}`; exits 1 when vlogkit's overhead exceeds 10%.
Usage: .venv/bin/python benchmarks/bench_transcribe.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_OVERHEAD = 1.10

BARE = """
import os, sys
from faster_whisper import WhisperModel
model_dir, device, compute_type, media = sys.argv[1:5]
model = WhisperModel(model_dir, device=device, compute_type=compute_type, cpu_threads=os.cpu_count() or 0)
segments, info = model.transcribe(media, beam_size=5, word_timestamps=True, vad_filter=True)
words = sum(len(s.words) for s in segments)
print(info.language, words)
"""


def media_file() -> Path:
    env = os.environ.get("VLOGKIT_TEST_MEDIA")
    root = Path(env) if env else ROOT.parent / "shared" / "media"
    return root / "video" / "desk_vlog_en_1080p.mp4"


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the child process, its stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu, proc.stdout


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    media = media_file()
    if not media.exists():
        print(f"skipped: {media} not found (set VLOGKIT_TEST_MEDIA)")
        print("RESULT " + json.dumps({"name": "transcribe", "skipped": True}))
        return 0

    from vlogkit.media.probe import probe
    from vlogkit.transcribe.models import pick_device, resolve_model

    model_dir = str(resolve_model("base").path)
    device, compute_type = pick_device()
    duration = probe(media).duration_ms / 1000
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="vlogkit-bench-") as home:
        env = {**os.environ, "VLOGKIT_HOME": home, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT / "src")}
        _, _, out = timed([py, "-m", "vlogkit", "import", str(media), "--json"], env)
        vid = json.loads(out)[0]["id"]
        bare_times, vk_times, bare_cpu, vk_cpu = [], [], [], []
        for _ in range(args.runs):
            t, c, out = timed([py, "-c", BARE, model_dir, device, compute_type, str(media)], env)
            bare_times.append(t)
            bare_cpu.append(c)
            bare_words = int(out.split()[1])
            t, c, out = timed([py, "-m", "vlogkit", "transcribe", vid, "--json", "--no-cache"], env)
            vk_times.append(t)
            vk_cpu.append(c)
            vk_words = sum(len(s["words"]) for s in json.loads(out)["segments"])
        cached, _, _ = timed([py, "-m", "vlogkit", "transcribe", vid, "--json"], env)
    bare, vk = min(bare_times), min(vk_times)
    ratio = vk / bare
    cpu_ratio = min(vk_cpu) / min(bare_cpu)
    result = {
        "name": "transcribe",
        "device": device,
        "compute_type": compute_type,
        "media_s": round(duration, 2),
        "bare_s": round(bare, 2),
        "vlogkit_s": round(vk, 2),
        "ratio": round(ratio, 3),
        "limit": MAX_OVERHEAD,
        "ok": ratio <= MAX_OVERHEAD,
        "cpu_ratio": round(cpu_ratio, 3),
        "load_avg_1m": round(os.getloadavg()[0], 2),
        "realtime_factor": round(vk / duration, 3),
        "x_realtime": round(duration / vk, 2),
        "cached_s": round(cached, 2),
        "cached_speedup": round(vk / cached, 1),
        "words": {"bare": bare_words, "vlogkit": vk_words},
        "all_runs": {"bare": [round(t, 2) for t in bare_times], "vlogkit": [round(t, 2) for t in vk_times],
                     "bare_cpu": [round(t, 2) for t in bare_cpu], "vlogkit_cpu": [round(t, 2) for t in vk_cpu]},
    }
    print(f"desk vlog {duration:.1f} s on {device}/{compute_type}: bare faster-whisper {bare:.2f} s, "
          f"vlogkit transcribe {vk:.2f} s -> ratio {ratio:.3f} (limit {MAX_OVERHEAD}; CPU-time ratio {cpu_ratio:.3f}); "
          f"realtime factor {vk / duration:.3f} ({duration / vk:.1f}x realtime); "
          f"cached second run {cached:.2f} s ({vk / cached:.0f}x faster)")
    print("RESULT " + json.dumps(result))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "transcribe.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
