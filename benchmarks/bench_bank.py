"""Quote bank at 10,000 quotes: time to open (read every quote), to search (full text, accent-insensitive) and to filter.

Run: .venv/bin/python benchmarks/bench_bank.py [N]
The baseline is a bare `json.loads` of the same bank file, measured in the same run. "cold" = a new process would
pay this; later reads in the same process reuse the parsed quotes until the file changes.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

from vlogkit.config import Paths
from vlogkit.domain import Consent, ConsentScope, Quote, QuoteStatus, Speaker
from vlogkit.quotes.search import _index
from vlogkit.services import App
from vlogkit.store.bank import BankRepository, make_quote_id

WORDS = ("team trust klanten één école équipe niemand personne nobody always never samen ensemble customers learned "
         "geleerd appris veiligheid sécurité people mensen gens travail werk work listen luisteren écouter").split()


def build(app: App, n: int) -> None:
    rnd = random.Random(7)
    speakers = [Speaker(f"Person {i}", "Role", f"Team {i % 12}", "Acme") for i in range(60)]
    rows = []
    for i in range(n):
        text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(10, 30))) + "."
        start = rnd.randint(0, 600_000)
        vid = f"v{i % 400}"
        rows.append(Quote(
            id=make_quote_id(vid, start, start + 8000), vlog_id=vid, start=start, end=start + 8000, text=text,
            verbatim=text, language=rnd.choice(["nl", "fr", "en"]), speaker=rnd.choice(speakers),
            tags=(rnd.choice(["roadshow", "safety", "care"]),), status=rnd.choice(list(QuoteStatus)),
            consent=rnd.choice(list(ConsentScope)), created=f"2026-{rnd.randint(1, 12):02d}-10T10:00:00+00:00",
            updated="2026-12-01T10:00:00+00:00", source_consent=Consent(ConsentScope.EXTERNAL, "2026-01-01"),
        ))
    app.bank.repo.merge(rows, lambda old, new: old)


RESULTS: dict[str, float] = {}


def timed(label: str, fn, repeat: int = 3) -> float:  # noqa: ANN001
    best = min(_once(fn) for _ in range(repeat))
    print(f"{label:<48} {best * 1000:8.1f} ms")
    RESULTS[label.split(" ")[0].rstrip(":")] = round(best * 1000, 1)
    return best


def _once(fn) -> float:  # noqa: ANN001
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        app = App(Paths(Path(tmp)))
        t = time.perf_counter()
        build(app, n)
        print(f"{'build (one merge transaction)':<48} {(time.perf_counter() - t) * 1000:8.1f} ms  ({n} quotes, "
              f"{app.paths.bank_db.stat().st_size / 1e6:.1f} MB)")
        base = timed("baseline: json.loads of bank.json", lambda: json.loads(app.paths.bank_db.read_bytes()))
        def cold_open() -> None:
            BankRepository(app.paths.bank_db).all()

        def cold_search() -> None:
            _index.cache_clear()
            App(Paths(Path(tmp))).bank.search("een")

        opened = timed("open: new repository, parse every quote (cold)", cold_open)
        timed("cold_search: fresh App, parse + index + 'een'", cold_search)
        app.bank.search("warm-up")
        timed("list (newest first, consent per quote)", lambda: app.bank.search())
        timed("search_een 'een' (accent-insensitive)", lambda: app.bank.search("een"))
        timed("search_ecole 'ECOLE equipe'", lambda: app.bank.search("ECOLE equipe"))
        timed("filter team + language + audience=external", lambda: app.bank.search(team="Team 3", language="fr",
                                                                                     audience="external"))
        print(f"open / baseline ratio: {opened / base:.1f}x; hits for 'een': {len(app.bank.search('een'))}")
        print("RESULT " + json.dumps({"quotes": n, "ms": RESULTS, "open_over_json_loads": round(opened / base, 1)}))


if __name__ == "__main__":
    main()
