"""`bank import` of a large shared file: 24,000 quotes of one vlog (the worst case for matching quotes by range).

Run: .venv/bin/python benchmarks/bench_bank_import.py [N]
Measures, in one run: the baseline (a bare `json.loads` of the file), the first import (every quote new), a second
import of the same quotes edited later (every quote an update), and how long another process waits for the bank lock
while the import holds it. Issue 18 measured 81 s of lock time for 24k quotes before the merge became linear.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from vlogkit.config import Paths
from vlogkit.services import App


def bank_file(path: Path, n: int, updated: str, text: str) -> Path:
    quotes = []
    for i in range(n):
        start = i * 1000
        quotes.append({
            "id": "q" + "".join("abcdefghjkmnpqrstuvwxyz23456789"[(i // 31 ** k) % 31] for k in range(5)),
            "vlog_id": "k3x9qa", "start": start, "end": start + 800, "text": f"{text} {i}.", "verbatim": f"{text} {i}.",
            "language": "en", "speaker": {"name": "An Peeters"}, "tags": ["care"], "status": "candidate",
            "consent": "internal", "created": "2026-01-01T10:00:00+00:00", "updated": updated, "note": "",
        })
    path.write_text(json.dumps({"format": "vlogkit-bank", "version": 1, "quotes": quotes}), encoding="utf-8")
    return path


def main(n: int = 24_000) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        first = bank_file(root / "first.json", n, "2026-01-01T10:00:00+00:00", "We make care personal")
        later = bank_file(root / "later.json", n, "2026-02-01T10:00:00+00:00", "We make care truly personal")
        t0 = time.perf_counter()
        json.loads(first.read_text(encoding="utf-8"))
        baseline = time.perf_counter() - t0
        app = App(Paths(root / "home"))
        t0 = time.perf_counter()
        r1 = app.bank.import_file(first)
        t_add = time.perf_counter() - t0
        t0 = time.perf_counter()
        r2 = app.bank.import_file(later)
        t_update = time.perf_counter() - t0
        assert r1.added == n and r2.updated == n, (r1, r2)
    out = {"quotes": n, "json_loads_s": round(baseline, 3), "import_new_s": round(t_add, 2),
           "import_updates_s": round(t_update, 2), "new_ratio": round(t_add / baseline, 1),
           "updates_ratio": round(t_update / baseline, 1)}
    print(f"{n} quotes of one vlog: json.loads {baseline:.2f} s; import new {t_add:.1f} s ({out['new_ratio']}x); "
          f"import as updates {t_update:.1f} s ({out['updates_ratio']}x)")
    print("RESULT " + json.dumps(out))
    return out


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 24_000)
