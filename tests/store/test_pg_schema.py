"""The team library's schema: numbered SQL migrations applied in one transaction, idempotent, upgrade in place."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from vlogkit.errors import LibraryError
from vlogkit.store.postgres import init_library, open_store
from vlogkit.store.postgres.database import Database, latest_version, migrations


def test_an_old_library_is_upgraded_in_place_keeping_its_data(pg_cluster) -> None:
    pg_cluster.execute("CREATE DATABASE upgrade_me")
    url = pg_cluster.url("upgrade_me")
    db = Database(url)
    with db.begin() as conn:  # what vlogkit with schema 1 made
        conn.exec_driver_sql("CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, "
                             "applied_at timestamptz NOT NULL DEFAULT now())")
        conn.exec_driver_sql(migrations()[0][2])
        conn.exec_driver_sql("INSERT INTO schema_migrations (version, name) VALUES (1, 'team_library')")
        conn.exec_driver_sql("INSERT INTO prompts (id, text, position) VALUES ('p1', 'Why did you join?', 0)")
    with pytest.raises(LibraryError, match="library init` to upgrade"):
        open_store(url, None)
    applied, schema = init_library(url, None)
    assert applied == [2, 3] and schema == latest_version() == 3
    store = open_store(url, None)
    assert [p.text for p in store.prompts.all()] == ["Why did you join?"]
    store.prompts.add_many(["What surprised you?"])  # the new revision trigger works on upgraded tables
    assert init_library(url, None) == ([], 3)


def test_a_library_from_a_newer_vlogkit_is_refused(pg_url: str) -> None:
    with Database(pg_url).begin() as conn:
        conn.exec_driver_sql("INSERT INTO schema_migrations (version, name) VALUES (99, 'future')")
    for call in (lambda: open_store(pg_url, None), lambda: init_library(pg_url, None)):
        with pytest.raises(LibraryError, match="newer vlogkit"):
            call()


def test_two_desks_initialising_at_once_apply_each_migration_once(pg_cluster) -> None:
    pg_cluster.execute("CREATE DATABASE race")
    url = pg_cluster.url("race")
    code = f"from vlogkit.store.postgres import init_library; print(init_library({url!r}, None)[0])"
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1][-500:] for o in outs]
    assert sorted(o[0].strip() for o in outs) == ["[1, 2, 3]", "[]", "[]"]
    with Database(url).begin() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM schema_migrations").scalar() == 3


def test_a_failing_migration_leaves_nothing_half_applied(pg_cluster, monkeypatch: pytest.MonkeyPatch) -> None:
    from vlogkit.store.postgres import database

    pg_cluster.execute("CREATE DATABASE half")
    url = pg_cluster.url("half")
    broken = [*migrations(), (4, "broken", "CREATE TABLE extra_thing (x int); SELECT no_such_function();")]
    monkeypatch.setattr(database, "migrations", lambda: broken)
    with pytest.raises(LibraryError, match="refused"):
        init_library(url, None)
    with Database(url).begin() as conn:  # not even the good migrations before it: one transaction
        assert conn.exec_driver_sql("SELECT to_regclass('vlogs') IS NULL AND to_regclass('extra_thing') IS NULL "
                                    "AND to_regclass('schema_migrations') IS NULL").scalar()


def test_a_cached_read_sees_every_committed_change(pg_url: str) -> None:
    a, b = open_store(pg_url, None), open_store(pg_url, None)
    assert a.prompts.all() == []
    stop = threading.Event()
    seen: list[int] = []

    def reader() -> None:
        while not stop.is_set():
            seen.append(len(a.quotes.all()))

    from vlogkit.domain import Quote, QuoteStatus

    t = threading.Thread(target=reader)
    t.start()
    for i in range(30):
        b.quotes.add_unique(Quote(id=f"q{i}", vlog_id="v", start=i * 5000, end=i * 5000 + 1000, text="t",
                                  verbatim="t", language="en", status=QuoteStatus.CANDIDATE))
    stop.set()
    t.join()
    assert len(a.quotes.all()) == 30 and seen == sorted(seen)  # never stale after a change, never going back
