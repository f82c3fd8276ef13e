"""The repository contract, run against both backends: TinyDB files and a team library on PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vlogkit.config import Paths
from vlogkit.domain import (
    Consent,
    ConsentScope,
    MediaInfo,
    Quote,
    QuoteStatus,
    Segment,
    Speaker,
    Transcript,
    Vlog,
    Word,
)
from vlogkit.errors import NotFoundError
from vlogkit.services import App
from vlogkit.store.bank import make_quote_id
from vlogkit.store.library import make_id

pytestmark = pytest.mark.usefixtures("backend")


def _vlog(fp: str, **kw) -> Vlog:  # noqa: ANN003
    return Vlog(id=make_id(fp), path=f"/videos/{fp}.mp4", fingerprint=fp, media=MediaInfo(12_000, "mp4"),
                created=kw.pop("created", f"2026-01-01T10:00:{len(fp):02d}+00:00"), **kw)


def _quote(vlog_id: str, start: int, text: str = "Een zin.") -> Quote:
    return Quote(id=make_quote_id(vlog_id, start, start + 4000), vlog_id=vlog_id, start=start, end=start + 4000,
                 text=text, verbatim=text, language="nl", speaker=Speaker("Els"), status=QuoteStatus.CANDIDATE,
                 created=f"2026-02-01T10:00:00.{start:06d}+00:00")


@pytest.fixture
def app(home: Path) -> App:
    return App(Paths(home))


def test_the_backend_is_the_one_asked_for(app: App, backend: str) -> None:
    assert app.store.kind == backend
    app.vlogs.add_unique(_vlog("fp"))
    assert "ok (" in app.store.check()


def test_vlogs_add_get_modify_remove(app: App) -> None:
    repo = app.vlogs
    els = Speaker("Els Peeters", "Verpleegkundige", "Geriatrie", "AZ Sint-Jan")
    v, existing = repo.add_unique(_vlog("fp-a", speaker=els, consent=Consent(ConsentScope.INTERNAL, dt.date(2026, 1, 1))))
    assert not existing and repo.get(v.id) == v
    again, existing = repo.add_unique(_vlog("fp-a"))
    assert existing and again == v and len(repo.all()) == 1
    assert repo.find_by_fingerprint("fp-a") == v and repo.find_by_fingerprint("nope") is None
    changed = repo.modify(v.id, lambda x: x.with_(title="Nachtdienst", consent=Consent(ConsentScope.EXTERNAL, dt.date(2026, 2, 1))))
    assert repo.get(v.id).title == "Nachtdienst" and repo.get(v.id).consent.scope is ConsentScope.EXTERNAL
    assert changed == repo.get(v.id)
    repo.update_extra(v.id, thumbnail="t.jpg", faces="f.json")
    repo.update_extra(v.id, faces=None)
    assert repo.get(v.id).extra == {"thumbnail": "t.jpg"}
    repo.save(repo.get(v.id).with_(language="nl"))
    assert repo.get(v.id).language == "nl" and repo.get(v.id).speaker == els
    assert repo.remove(v.id).id == v.id
    assert repo.all() == []
    for call in (lambda: repo.get(v.id), lambda: repo.remove(v.id), lambda: repo.save(v),
                 lambda: repo.modify(v.id, lambda x: x)):
        with pytest.raises(NotFoundError, match=v.id):
            call()


def test_vlogs_are_listed_oldest_first_and_colliding_ids_get_longer(app: App) -> None:
    a, _ = app.vlogs.add_unique(_vlog("first", created="2026-01-01T00:00:00+00:00"))
    b, _ = app.vlogs.add_unique(_vlog("second", created="2025-01-01T00:00:00+00:00").with_(id=a.id))
    assert b.id != a.id and b.id.startswith(make_id("second")[:6]) and len(b.id) == 7
    assert [v.id for v in app.vlogs.all()] == [b.id, a.id]


def test_quotes_same_range_is_one_quote_and_edits_are_kept(app: App) -> None:
    repo = app.store.quotes
    q, existing = repo.add_unique(_quote("v1", 1000))
    assert not existing and repo.get(q.id) == q
    same, existing = repo.add_unique(_quote("v1", 1200).with_(id="qother"))
    assert existing and same.id == q.id and len(repo.all()) == 1
    assert repo.find_range("v1", 1100, 5100) == q and repo.find_range("v1", 9000, 13000) is None
    repo.save(q.with_(text="Een betere zin.", tags=("zorg",), status=QuoteStatus.APPROVED))
    assert repo.get(q.id).text == "Een betere zin." and repo.get(q.id).tags == ("zorg",)
    repo.add_unique(_quote("v1", 20_000))
    repo.add_unique(_quote("v2", 1000))
    assert repo.remove_for_vlog("v1") == 2 and [x.vlog_id for x in repo.all()] == ["v2"]
    gone = repo.all()[0]
    assert repo.remove(gone.id) == gone and repo.all() == []
    with pytest.raises(NotFoundError, match="bank list"):
        repo.get(gone.id)


def test_quotes_merge_adds_updates_and_keeps(app: App) -> None:
    repo = app.store.quotes
    old, _ = repo.add_unique(_quote("v1", 1000, "Oud."))
    incoming = [_quote("v1", 1100, "Nieuw."), _quote("v1", 30_000, "Extra."), _quote("v9", 0, "Ander.")]
    added, updated, unchanged = repo.merge(incoming, lambda existing, new: new)
    assert (added, updated, unchanged) == (2, 1, 0)
    assert repo.get(old.id).text == "Nieuw." and len(repo.all()) == 3
    assert repo.merge(incoming, lambda existing, new: existing) == (0, 0, 3)


def test_transcripts_are_stored_with_their_key(app: App) -> None:
    v, _ = app.vlogs.add_unique(_vlog("talk"))
    words = (Word("Goedemorgen", 0, 600, 0.9), Word("allemaal", 650, 1200, 0.8, corrected="iedereen"))
    t = Transcript((Segment(0, 1200, words),), "nl", 12_000, model="base")
    assert app.store.transcripts.get(v) is None
    app.store.transcripts.put(v.id, t, "key1")
    app.vlogs.update_extra(v.id, transcript=f"{v.id}.json")
    key, back = app.store.transcripts.get(app.vlogs.get(v.id))
    assert key == "key1" and back == t and back.text == "Goedemorgen iedereen"
    assert app.store.transcripts.remove(v.id) and app.store.transcripts.get(app.vlogs.get(v.id)) is None


def test_prompts_keep_order_and_texts_are_unique(app: App) -> None:
    repo = app.store.prompts
    a, b = repo.add_many(["Why did you join?", "What surprised you?"])
    assert repo.add_many(["What surprised you?", "Who helped you?"])[0] == b
    assert [p.text for p in repo.all()] == ["Why did you join?", "What surprised you?", "Who helped you?"]
    repo.update(a.id, "Why did you join us?")
    repo.remove(b.id)
    assert [p.text for p in repo.all()] == ["Why did you join us?", "Who helped you?"]
    with pytest.raises(NotFoundError):
        repo.remove(b.id)


def test_prompts_move_to_a_place_and_the_others_keep_their_order(app: App) -> None:
    repo = app.store.prompts
    a, b, c, d = repo.add_many(["One?", "Two?", "Three?", "Four?"])
    repo.move(d.id, 0)
    assert [p.text for p in repo.all()] == ["Four?", "One?", "Two?", "Three?"]
    repo.move(d.id, 2)
    assert [p.text for p in repo.all()] == ["One?", "Two?", "Four?", "Three?"]
    repo.move(a.id, 99)  # past the end: last
    assert [p.text for p in repo.all()] == ["Two?", "Four?", "Three?", "One?"]
    assert repo.add_many(["Five?"])[0].position > max(p.position for p in repo.all()[:-1])  # still appended last
    with pytest.raises(NotFoundError):
        repo.move("nope", 0)
    assert [p.text for p in repo.all()] == ["Two?", "Four?", "Three?", "One?", "Five?"]


def test_activity_log_keeps_who_did_what(app: App) -> None:
    log = app.export_log
    log.record("clip", vlog_ids=["v1"], outputs=["/out/a.mp4"], audience="external", detail="reel", user="an")
    log.record("bank-csv", vlog_ids=["v1", "v2"], outputs=["/out/b.csv"], audience="internal")
    entries = log.entries()
    assert [(e["kind"], e["user"]) for e in entries] == [("clip", "an"), ("bank-csv", app.user)]
    assert [e["kind"] for e in log.entries("v2")] == ["bank-csv"]
    assert entries[0]["outputs"] == ["/out/a.mp4"] and entries[1]["vlog_ids"] == ["v1", "v2"]


def test_team_settings_round_trip(app: App, backend: str) -> None:
    if backend == "tinydb":
        assert app.store.team_settings is None  # a library of one has only its own settings
        return
    app.store.team_settings.set("brand_color", "#00AA88")
    app.store.team_settings.set("release", {"version": "2026-1", "text": "Ik geef toestemming."})
    app.store.team_settings.set("brand_color", "#112233")
    assert app.store.team_settings.all() == {"brand_color": "#112233",
                                             "release": {"version": "2026-1", "text": "Ik geef toestemming."}}


def test_tombstones_only_grow_and_refuse_the_forgotten(app: App) -> None:
    from vlogkit.errors import ConsentError

    tomb = app.tombstones
    before = tomb.signature()
    assert tomb.entries() == [] and not tomb.is_forgotten("v1")
    tomb.add("v1", "fp-1")
    tomb.add("v1", "fp-1")  # twice is once
    tomb.merge([{"id": "v2", "fingerprint": "fp-2", "when": "2026-01-01T00:00:00+00:00"}, {"id": "v1", "fingerprint": "fp-1"}])
    assert tomb.signature() != before
    assert tomb.forgotten_ids() == {"v1", "v2"} and len(tomb.entries()) == 2
    assert tomb.is_forgotten(fingerprint="fp-2") and not tomb.is_forgotten("v3", "fp-3")
    with pytest.raises(ConsentError, match="forgotten"):
        tomb.check(fingerprint="fp-1", what="Vlog v1")
    assert set(tomb.entries()[0]) == {"id", "fingerprint", "when"}  # no name, no words, no path


def test_a_named_lock_is_held_by_one_process_at_a_time(app: App) -> None:
    import threading
    import time

    other = App(Paths(app.paths.home))  # another process's view of the same library (its own connections)
    events: list[str] = []

    def second() -> None:
        with other.store.exclusive("consent"):
            events.append("second in")

    with app.store.exclusive("consent"):
        t = threading.Thread(target=second)
        t.start()
        time.sleep(0.6)
        events.append("first out")
    t.join(10)
    assert events == ["first out", "second in"]
