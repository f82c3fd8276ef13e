"""Run every `benchmarks/bench_*.py` in its own process and print their results.

Each bench prints what it measured and ends with a line `RESULT {json}`; this runner shows those lines and a summary,
and exits 1 when any bench failed (non-zero exit). Usage: .venv/bin/python benchmarks/run_all.py [NAME_FILTER]
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    pattern = argv[0] if argv else ""
    benches = sorted(p for p in HERE.glob("bench_*.py") if pattern in p.stem)
    if not benches:
        print(f"no benchmarks match '{pattern}'")
        return 1
    summary = []
    for bench in benches:
        print(f"== {bench.name}", flush=True)
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, str(bench)], capture_output=True, text=True, cwd=HERE.parent)
        wall = time.perf_counter() - t0
        result = None
        for line in proc.stdout.splitlines():
            if line.startswith("RESULT "):
                try:
                    result = json.loads(line[len("RESULT "):])
                except ValueError:
                    result = None
            else:
                print(f"   {line}")
        if proc.returncode != 0:
            print("   " + "\n   ".join(proc.stderr.strip().splitlines()[-8:]))
        summary.append((bench.stem, proc.returncode, wall, result))
    print("\n== summary")
    for name, rc, wall, result in summary:
        state = "ok" if rc == 0 else f"FAILED (exit {rc})"
        print(f"{name:<28} {state:<16} {wall:6.1f} s  {json.dumps(result) if result else ''}")
    return 0 if all(rc == 0 for _, rc, _, _ in summary) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
