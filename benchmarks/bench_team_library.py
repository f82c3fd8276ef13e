"""A team library at scale: 10,000 vlogs and 100,000 quotes on PostgreSQL against the same data in TinyDB files.

Measured through the same services the CLI and the app use, in the same run, on both backends: `list` (every vlog),
a bank search (two words over every quote), a CSV export of all 100,000 quotes, and a PPTX deck of 200. The data
is loaded in bulk first (not timed: TinyDB files written whole, PostgreSQL with COPY). PostgreSQL is a throw-away
cluster on 127.0.0.1 (tests/pgcluster.py); without its server binaries the bench says so and exits 0.
Prints a table, `RESULT {json}`, and writes benchmarks/results/team_library.json.
Usage: .venv/bin/python benchmarks/bench_team_library.py [N_VLOGS N_QUOTES]
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORDS = ("safety", "team", "customer", "proud", "weekend", "machine", "bridge", "nurse", "school", "night",
         "shift", "quality", "together", "learned", "first", "day", "plant", "Ghent", "Brussels", "always")


def make_data(n_vlogs: int, n_quotes: int) -> tuple[list[dict], list[dict]]:
    from vlogkit.domain import Consent, ConsentScope, MediaInfo, Quote, QuoteStatus, Speaker, Vlog
    from vlogkit.domain.media import AudioStream, VideoStream
    from vlogkit.store.bank import make_quote_id
    from vlogkit.store.library import make_id

    rnd = random.Random(17)
    vlogs = []
    for i in range(n_vlogs):
        fp = f"{i:08d}" + "cd" * 28
        consent = Consent(ConsentScope.INTERNAL if i % 4 else ConsentScope.EXTERNAL, dt.date(2026, 3, 1))
        vlogs.append(Vlog(
            id=make_id(fp, 8), path=f"/share/media/{fp[:2]}/{fp}.mp4", fingerprint=fp,
            media=MediaInfo(60_000, "mp4", (VideoStream(1080, 1920, 30.0, "h264"),), (AudioStream(2, 48000, "aac"),)),
            speaker=Speaker(f"Speaker {i}", "Engineer", f"Team {i % 40}", "Acme"), language="en", consent=consent,
            consent_history=(consent,), created=f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00+01:00",
            title=f"Roadshow take {i}").to_dict())
    quotes = []
    for j in range(n_quotes):
        v = vlogs[j % n_vlogs]
        start = (j // n_vlogs) * 6000
        text = " ".join(rnd.choice(WORDS) for _ in range(14)) + "."
        quotes.append(Quote(
            id=make_quote_id(v["id"], start, start + 5000, 8), vlog_id=v["id"], start=start, end=start + 5000,
            text=text, verbatim=text, language="en", speaker=Speaker.from_dict(v["speaker"]), tags=("roadshow",),
            status=QuoteStatus.CANDIDATE, created=f"2026-05-01T10:00:00.{j:06d}+01:00",
            updated=f"2026-05-01T10:00:00.{j:06d}+01:00").to_dict())
    return vlogs, quotes


def load_tinydb(home: Path, vlogs: list[dict], quotes: list[dict]) -> None:
    home.mkdir(parents=True, exist_ok=True)
    meta = {"_meta": {"1": {"schema_version": 1}}}
    (home / "library.json").write_text(json.dumps({**meta, "vlogs": {str(i + 1): v for i, v in enumerate(vlogs)}}))
    (home / "bank.json").write_text(json.dumps({**meta, "quotes": {str(i + 1): q for i, q in enumerate(quotes)}}))


def load_postgres(url: str, vlogs: list[dict], quotes: list[dict]) -> None:
    import psycopg

    with psycopg.connect(url) as conn, conn.cursor() as cur:
        with cur.copy("COPY vlogs (id, fingerprint, created, consent_scope, consent_expires, doc) FROM STDIN") as cp:
            for v in vlogs:
                cp.write_row((v["id"], v["fingerprint"], v["created"], v["consent"]["scope"], "", json.dumps(v)))
        with cur.copy("COPY quotes (id, vlog_id, start_ms, end_ms, status, created, doc) FROM STDIN") as cp:
            for q in quotes:
                cp.write_row((q["id"], q["vlog_id"], q["start"], q["end"], q["status"], q["created"], json.dumps(q)))
        cur.execute("ANALYZE")


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, object]:
    """(first run, median of the runs, result)."""
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return times[0], statistics.median(times), out


def measure(app, out: Path) -> dict[str, dict[str, float]]:  # noqa: ANN001
    res: dict[str, dict[str, float]] = {}
    first, med, vl = timed(app.library.list, 3)
    res["list"] = {"first": first, "median": med, "n": len(vl)}
    first, med, hits = timed(lambda: app.bank.search("safety nurse"), 3)
    res["bank search"] = {"first": first, "median": med, "n": len(hits)}
    first, med, rep = timed(lambda: app.bank.export("csv", out / "all.csv", audience="internal"), 1)
    res["CSV export (all)"] = {"first": first, "median": med, "n": rep.count}
    some = app.bank.search("safety")[:200]
    first, med, rep = timed(lambda: app.bank.export("pptx", out / "deck.pptx", audience="internal", quotes=some), 1)
    res["PPTX of 200"] = {"first": first, "median": med, "n": rep.count}
    return res


def main(argv: list[str]) -> int:
    n_vlogs, n_quotes = (int(argv[0]), int(argv[1])) if len(argv) >= 2 else (10_000, 100_000)
    from tests.pgcluster import Cluster, server_bin_dir

    bin_dir = server_bin_dir()
    if bin_dir is None:
        print("PostgreSQL server binaries not found: skipped (apt-get install postgresql)")
        print("RESULT " + json.dumps({"skipped": "no postgresql"}))
        return 0
    from vlogkit.config import Paths
    from vlogkit.services import App
    from vlogkit.store.postgres import init_library

    t0 = time.perf_counter()
    vlogs, quotes = make_data(n_vlogs, n_quotes)
    print(f"made {n_vlogs} vlogs and {n_quotes} quotes in {time.perf_counter() - t0:.1f} s")
    cluster = Cluster(bin_dir)
    cluster.start()
    results: dict[str, dict[str, dict[str, float]]] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="vlogkit-bench-team-") as tmp:
            work = Path(tmp)
            os.environ.pop("VLOGKIT_LIBRARY_URL", None)
            load_tinydb(work / "tiny", vlogs, quotes)
            (work / "out-tiny").mkdir()
            results["tinydb"] = measure(App(Paths(work / "tiny")), work / "out-tiny")
            cluster.execute("CREATE DATABASE bench")
            url = cluster.url("bench")
            init_library(url, work / "media")
            t0 = time.perf_counter()
            load_postgres(url, vlogs, quotes)
            print(f"loaded PostgreSQL with COPY in {time.perf_counter() - t0:.1f} s")
            os.environ["VLOGKIT_LIBRARY_URL"] = url
            os.environ["VLOGKIT_MEDIA_ROOT"] = str(work / "media")
            (work / "out-pg").mkdir()
            results["postgresql"] = measure(App(Paths(work / "pg")), work / "out-pg")
    finally:
        cluster.stop()
    print(f"\n{n_vlogs} vlogs, {n_quotes} quotes; seconds (first run / median of 3 where repeated)")
    print(f"{'operation':<18} {'TinyDB':>16} {'PostgreSQL':>16} {'PG/TinyDB':>10}  rows")
    summary = {}
    for op in results["tinydb"]:
        t, p = results["tinydb"][op], results["postgresql"][op]
        assert t["n"] == p["n"], (op, t["n"], p["n"])  # the same answer from both backends
        ratio = p["median"] / t["median"] if t["median"] else float("nan")
        print(f"{op:<18} {t['first']:7.2f} / {t['median']:6.2f} {p['first']:7.2f} / {p['median']:6.2f} "
              f"{ratio:10.2f}  {int(t['n'])}")
        summary[op] = {"tinydb_s": round(t["median"], 3), "tinydb_first_s": round(t["first"], 3),
                       "postgresql_s": round(p["median"], 3), "postgresql_first_s": round(p["first"], 3),
                       "ratio": round(ratio, 2), "rows": int(t["n"])}
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "team_library.json").write_text(json.dumps(summary, indent=2))
    print("RESULT " + json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
