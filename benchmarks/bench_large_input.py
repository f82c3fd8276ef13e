"""A long vlog: `vlogkit transcribe` on N minutes (default 120) of looped REAL speech, in a subprocess.

The English clips of the shared test media (jfk, the Harvard sentences, FLEURS, LibriSpeech, three speakers, digits)
are joined with ffmpeg's concat filter and looped to the requested length as a phone-like stereo AAC file (generated
silence would be removed by the VAD and prove nothing). `vlogkit import` + `vlogkit transcribe --no-cache` then run as
real CLI processes. stderr is a pseudo-terminal, so the CLI draws its progress bar there; the bench samples it with
timestamps and asserts it moves, and samples the resident memory of the process tree from /proc (peak reported,
target under 2 GB). With `--decode-minutes M` it also runs, on an M-minute file, only the memory-heavy steps the
engine runs (decode the whole track, then VAD and mel features window by window) and reports their peak, which
checks the 2-hour figure in a few minutes instead of a 14-minute transcription.

Prints a summary and `RESULT {json}`; writes benchmarks/results/large_input.json. Exits 1 when progress did not move,
the words are missing, or the peak exceeds the target.
Usage: .venv/bin/python benchmarks/bench_large_input.py [--minutes N] [--decode-minutes M]
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_RSS_MB = 2048
CLIPS = ("en/jfk.flac", "en/OSR_us_000_0034_8k.wav", "en/picovoice_librispeech_quilter.wav", "en/fleurs-en-003.ogg",
         "en/fleurs-en-005.ogg", "en/picovoice_diarization_3spk.wav", "en/vosk_digits.wav")
_PCT = re.compile(r"\[[#-]{25}\]\s+(\d+)%")


def media_root() -> Path:
    env = os.environ.get("VLOGKIT_TEST_MEDIA")
    return Path(env) if env else ROOT.parent / "shared" / "media"


def build_long_file(ffmpeg: str, folder: Path, minutes: float) -> Path:
    """The real clips joined (mono, 44.1 kHz), looped to `minutes`, as stereo AAC in an .m4a (like a phone)."""
    clips = [media_root() / c for c in CLIPS]
    base = folder / "base.wav"
    inputs: list[str] = []
    for c in clips:
        inputs += ["-i", str(c)]
    chains = "".join(f"[{i}:a]aresample=44100,aformat=sample_fmts=fltp:channel_layouts=mono[a{i}];"
                     for i in range(len(clips)))
    joined = "".join(f"[a{i}]" for i in range(len(clips)))
    subprocess.run([ffmpeg, "-hide_banner", "-loglevel", "error", "-y", *inputs, "-filter_complex",
                    f"{chains}{joined}concat=n={len(clips)}:v=0:a=1[out]", "-map", "[out]", str(base)], check=True)
    out = folder / f"long_{minutes:g}min.m4a"
    subprocess.run([ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-stream_loop", "-1", "-i", str(base),
                    "-t", str(minutes * 60), "-ac", "2", "-c:a", "aac", "-b:a", "96k", str(out)], check=True)
    return out


def tree_rss_kb(pid: int) -> int:
    """Resident memory of `pid` and its descendants, from /proc (kB)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
            for task in Path(f"/proc/{p}/task").iterdir():
                kids = (task / "children").read_text().split()
                todo += [int(k) for k in kids]
        except (OSError, AttributeError, ValueError):
            continue
    return total


def run_with_progress(cmd: list[str], env: dict[str, str]) -> dict:
    """Run `cmd` with stderr on a pty; sample its progress bar and the tree's RSS. Returns the measurements."""
    master, slave = pty.openpty()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=slave, stdin=subprocess.DEVNULL, env=env, cwd=ROOT)
    os.close(slave)
    samples: list[tuple[float, int]] = []
    text: list[str] = []

    def reader() -> None:
        buf = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            buf += chunk
            parts = re.split(rb"[\r\n]", buf)
            buf = parts.pop()
            for p in parts:
                line = p.decode("utf-8", "replace")
                text.append(line)
                m = _PCT.search(line)
                if m:
                    samples.append((time.perf_counter() - t0, int(m.group(1))))

    th = threading.Thread(target=reader, daemon=True)
    th.start()
    peak_kb, rss_trace = 0, []
    while proc.poll() is None:
        kb = tree_rss_kb(proc.pid)
        peak_kb = max(peak_kb, kb)
        rss_trace.append((round(time.perf_counter() - t0, 1), kb // 1024))
        time.sleep(0.5)
    wall = time.perf_counter() - t0
    th.join(timeout=5)
    os.close(master)
    return {"rc": proc.returncode, "wall": wall, "samples": samples, "peak_kb": peak_kb,
            "rss_trace": rss_trace, "stderr": [t for t in text if t.strip() and not _PCT.search(t)]}


DECODE = """
import resource, sys
import numpy as np
from vlogkit.transcribe.audio import load_audio, windows
peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
a = load_audio(sys.argv[1])
decoded = peak()
# what faster-whisper then holds for each window the engine gives it (VAD, speech joined, mel features)
from faster_whisper.feature_extractor import FeatureExtractor
from faster_whisper.vad import VadOptions, collect_chunks, get_speech_timestamps
spans = windows(a.channels[0])
speech_s = 0
for lo, hi in spans:
    part = a.channels[0][lo:hi]
    chunks, _ = collect_chunks(part, get_speech_timestamps(part, VadOptions()))
    joined = np.concatenate(chunks, axis=0)
    vad = peak()
    feats = FeatureExtractor()(joined)
    speech_s += len(joined) // 16000
    del feats, joined, chunks
print(a.duration_ms, decoded, vad, peak(), speech_s, len(spans))
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=120.0, help="length of the looped speech (default 120)")
    ap.add_argument("--decode-minutes", type=float, default=0.0,
                    help="also decode a file this long into memory and report its peak RSS (0: skip)")
    args = ap.parse_args()
    if not (media_root() / "MANIFEST.md").exists():
        print(f"skipped: test media not found at {media_root()} (set VLOGKIT_TEST_MEDIA)")
        print("RESULT " + json.dumps({"name": "large_input", "skipped": True}))
        return 0
    from vlogkit.media.ffmpeg import find_ffmpeg

    ffmpeg = find_ffmpeg()
    py = sys.executable
    result: dict = {"name": "large_input", "minutes": args.minutes, "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="vlogkit-large-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        long_file = build_long_file(ffmpeg, folder, args.minutes)
        result["build_s"] = round(time.perf_counter() - t0, 1)
        env = {**os.environ, "VLOGKIT_HOME": str(folder / "home"), "HF_HUB_OFFLINE": "1",
               "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "120"}
        imp = subprocess.run([py, "-m", "vlogkit", "import", str(long_file), "--language", "en", "--json"],
                             capture_output=True, text=True, env=env, cwd=ROOT)
        if imp.returncode != 0:
            raise SystemExit(f"import failed: {imp.stderr}")
        vid = json.loads(imp.stdout)[0]["id"]
        run = run_with_progress([py, "-m", "vlogkit", "transcribe", vid, "--no-cache"], env)
        shown = subprocess.run([py, "-m", "vlogkit", "subtitles", vid, "--format", "txt"], capture_output=True,
                               text=True, env=env, cwd=ROOT)
        words = len(shown.stdout.split())
        if args.decode_minutes:
            dfile = long_file
            if args.decode_minutes != args.minutes:
                (folder / "decode").mkdir()
                dfile = build_long_file(ffmpeg, folder / "decode", args.decode_minutes)
            dec = subprocess.run([py, "-c", DECODE, str(dfile)], capture_output=True, text=True, env=env, cwd=ROOT)
            if dec.returncode != 0:
                raise SystemExit(f"decode failed: {dec.stderr[-1500:]}")
            ms, decoded_kb, vad_kb, feats_kb, speech_s, n_windows = (int(x) for x in dec.stdout.split())
            result["decode"] = {"minutes": round(ms / 60000, 1), "decoded_rss_mb": decoded_kb // 1024,
                                "after_vad_rss_mb": vad_kb // 1024, "peak_rss_mb": feats_kb // 1024,
                                "speech_minutes": round(speech_s / 60, 1), "windows": n_windows}
    samples = run["samples"]
    pcts = [p for _, p in samples]
    distinct = sorted(set(pcts))
    media_s = args.minutes * 60
    # progress is "moving" when it rose through many distinct values and never went backwards
    monotonic = all(b >= a for a, b in zip(pcts, pcts[1:], strict=False))
    gaps = [b[0] - a[0] for a, b in zip(samples, samples[1:], strict=False) if b[1] > a[1]]
    result.update({
        "exit": run["rc"],
        "wall_s": round(run["wall"], 1),
        "realtime_factor": round(run["wall"] / media_s, 3),
        "x_realtime": round(media_s / run["wall"], 2),
        "words": words,
        "peak_rss_mb": run["peak_kb"] // 1024,
        "target_rss_mb": TARGET_RSS_MB,
        "progress_updates": len(samples),
        "progress_distinct": len(distinct),
        "progress_first_s": round(samples[0][0], 1) if samples else None,
        "progress_max": max(pcts) if pcts else None,
        "progress_monotonic": monotonic,
        "longest_stall_s": round(max(gaps), 1) if gaps else None,
        "progress_trace": [(round(t, 1), p) for t, p in samples[:: max(1, len(samples) // 25)]],
        "rss_trace_mb": run["rss_trace"][:: max(1, len(run["rss_trace"]) // 25)],
        "extrapolated_2h_wall_min": round(run["wall"] / media_s * 7200 / 60, 1),
        "load_avg_1m": round(os.getloadavg()[0], 2),
    })
    ok = run["rc"] == 0 and len(distinct) >= 10 and monotonic and words > args.minutes * 60 \
        and result["peak_rss_mb"] < TARGET_RSS_MB \
        and result.get("decode", {}).get("peak_rss_mb", 0) < TARGET_RSS_MB
    result["ok"] = ok
    print(f"{args.minutes:g} min of looped real speech: transcribed in {run['wall']:.0f} s "
          f"({result['x_realtime']}x realtime, realtime factor {result['realtime_factor']}), {words} words; "
          f"peak RSS {result['peak_rss_mb']} MB (target < {TARGET_RSS_MB}); progress {len(samples)} updates, "
          f"{len(distinct)} distinct values up to {result['progress_max']}%, first after {result['progress_first_s']} s, "
          f"longest stall {result['longest_stall_s']} s; a 2 h file at this speed: "
          f"~{result['extrapolated_2h_wall_min']} min")
    if "decode" in result:
        d = result["decode"]
        print(f"{d['minutes']} min of audio in {d['windows']} windows, the memory-heavy steps: decoded "
              f"{d['decoded_rss_mb']} MB, after VAD ({d['speech_minutes']} min of speech) "
              f"{d['after_vad_rss_mb']} MB, with the mel features of every window {d['peak_rss_mb']} MB peak RSS")
    if run["rc"] != 0:
        print("stderr:", *run["stderr"][-8:], sep="\n  ")
    print("RESULT " + json.dumps({k: v for k, v in result.items() if not k.endswith("trace") and k != "rss_trace_mb"}))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "large_input.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
