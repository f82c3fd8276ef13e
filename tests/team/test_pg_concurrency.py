"""A team library under load: 8 processes writing quotes at once lose nothing; kill -9 mid-write leaves no half."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from vlogkit.store.postgres import open_store

WRITER = textwrap.dedent("""
    import sys
    from vlogkit.domain import Quote, QuoteStatus
    from vlogkit.store.bank import make_quote_id
    from vlogkit.store.postgres import open_store

    url, worker, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    repo = open_store(url, None).quotes
    def q(vlog, start):
        return Quote(id=make_quote_id(vlog, start, start + 2000), vlog_id=vlog, start=start, end=start + 2000,
                     text=f"{vlog} at {start}", verbatim="", language="en", status=QuoteStatus.CANDIDATE)
    for i in range(n):
        repo.add_unique(q("shared", (worker * n + i) * 5000))  # all writers on one vlog: the same-range lock
        repo.add_unique(q("shared", i * 5000 + 2500))  # the same lines from every writer: one quote each
    print("done", flush=True)
""")

BATCHES = textwrap.dedent("""
    import sys
    from vlogkit.domain import Quote, QuoteStatus
    from vlogkit.store.postgres import open_store

    repo = open_store(sys.argv[1], None).quotes
    for b in range(10_000):
        batch = [Quote(id=f"qb{b}x{i}", vlog_id=f"batch{b}", start=i * 3000, end=i * 3000 + 2000,
                       text="word " * 400, verbatim="", language="en", status=QuoteStatus.CANDIDATE)
                 for i in range(200)]
        repo.merge(batch, lambda old, new: new)  # 200 quotes in one transaction
        print(b, flush=True)
""")


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}


def test_eight_processes_writing_quotes_in_parallel_lose_nothing(pg_url: str) -> None:
    n = 15
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, pg_url, str(w), str(n)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=_env()) for w in range(8)]
    for p in procs:
        out, err = p.communicate(timeout=240)
        assert p.returncode == 0 and out.strip() == "done", err[-2000:]
    quotes = open_store(pg_url, None).quotes.all()
    starts = sorted(q.start for q in quotes)
    assert len(quotes) == 8 * n + n  # every distinct line once; the shared lines once, not eight times
    assert starts.count(2500) == 1 and len({q.id for q in quotes}) == len(quotes)
    assert {q.start for q in quotes} >= {(w * n + i) * 5000 for w in range(8) for i in range(n)}


def test_kill_9_in_the_middle_of_a_write_loses_nothing_and_leaves_no_half_row(pg_url: str) -> None:
    proc = subprocess.Popen([sys.executable, "-c", BATCHES, pg_url], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=_env())
    committed: list[int] = []
    assert proc.stdout is not None
    while len(committed) < 3:
        line = proc.stdout.readline()
        assert line, proc.stderr.read() if proc.stderr else ""
        committed.append(int(line))
    time.sleep(0.05)  # somewhere inside the next 200-quote transaction
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    committed += [int(x) for x in proc.stdout.read().split()]
    from sqlalchemy import text

    store = open_store(pg_url, None)
    with store.db.begin() as conn:
        per_batch = dict(conn.execute(text("SELECT vlog_id, count(*) FROM quotes GROUP BY vlog_id")).all())
        bad = conn.execute(text(
            "SELECT count(*) FROM quotes WHERE doc->>'id' <> id OR (doc->>'start')::int <> start_ms "
            "OR doc->>'text' IS NULL")).scalar()
    assert bad == 0
    assert all(per_batch.get(f"batch{b}") == 200 for b in committed)  # everything committed is there
    assert set(per_batch.values()) == {200}  # and no batch is there by half
    assert len(per_batch) in (len(committed), len(committed) + 1)  # +1: committed just before the kill
    # the library is still usable at once
    assert len(store.quotes.all()) == 200 * len(per_batch)
