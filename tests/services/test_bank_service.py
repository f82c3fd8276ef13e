"""BankService and QuoteService on a real TinyDB bank, a real (synthetic) video and a scripted transcript."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vlogkit.domain import ConsentScope, QuoteStatus, VlogState
from vlogkit.errors import ConsentError, NotFoundError, UsageError

from .bank_fixtures import CONVICTION, SPEAKER, STORY, make_app, rank_of, synth_vlog


@pytest.fixture
def setup(home: Path, synth):  # noqa: ANN001, ANN201
    return make_app(home, synth_vlog(synth))


def test_candidates_transcribe_first_set_has_quotes_and_stay_stable(setup) -> None:  # noqa: ANN001
    app, vlog, _ = setup
    cands = app.quotes.candidates(vlog.id)
    assert app._transcriber.calls == 1
    # the two lines an editor would pull lead; the meeting's room and time, the greeting and the sign-off do not
    tops = [c.text for c in cands[:2]]
    assert any(t.startswith(CONVICTION) for t in tops) and any(t.startswith(STORY) for t in tops), tops
    assert app.vlogs.get(vlog.id).state is VlogState.HAS_QUOTES
    assert app.quotes.candidates(vlog.id, top=2) == cands[:2]
    assert app._transcriber.calls == 1  # the stored transcript is reused


def test_add_candidate_keeps_speaker_snapshot_and_consent_and_enters_as_candidate(setup) -> None:  # noqa: ANN001
    app, vlog, _ = setup
    rank = rank_of(app, vlog.id, CONVICTION)
    cand = app.quotes.candidates(vlog.id)[rank - 1]
    q = app.bank.add_candidate(vlog.id, rank, tags=["zorg", "trots"])
    assert (q.start, q.end, q.text, q.verbatim) == (cand.start, cand.end, cand.text, cand.verbatim)
    assert q.speaker == SPEAKER and q.consent is ConsentScope.EXTERNAL
    assert q.status is QuoteStatus.CANDIDATE and (q.approved_by, q.approved_at) == ("", "")
    assert q.tags == ("zorg", "trots") and q.language == "nl"
    # the speaker snapshot does not follow later edits of the vlog
    app.library.edit(vlog.id, speaker=SPEAKER.__class__("Els P.", "Hoofdverpleegkundige", "Geriatrie", "AZ"))
    assert app.bank.get(q.id).speaker == SPEAKER
    # same range again: the same quote, no duplicate
    assert app.bank.add_candidate(vlog.id, rank).id == q.id and len(app.bank.list()) == 1
    assert q.copy_text() == ("“Ik ben ervan overtuigd dat je dit werk niet doet voor het loon, maar voor het moment "
                             "dat een patiënt je hand vastpakt.” - Els Peeters, Verpleegkundige - Geriatrie (AZ Sint-Jan)")


def test_add_range_snaps_to_whole_words(setup) -> None:  # noqa: ANN001
    app, vlog, transcript = setup
    words = transcript.words
    niemand = next(i for i, w in enumerate(words) if w.text == "Niemand")
    mid = (words[niemand].start + words[niemand].end) // 2
    q = app.bank.add_range(vlog.id, mid - 1, words[niemand + 3].end - 5, tags=["x"])
    assert q.verbatim == "Niemand had het haar"
    assert (q.start, q.end) == (words[niemand].start, words[niemand + 3].end)  # the words' own times, no padding
    with pytest.raises(UsageError, match="Nothing was said"):
        app.bank.add_range(vlog.id, 29_500, 29_900)
    with pytest.raises(UsageError):
        app.bank.add_candidate(vlog.id, 99)


def test_consent_can_be_narrowed_never_widened_and_follows_the_vlog(setup) -> None:  # noqa: ANN001
    app, vlog, _ = setup
    q = app.bank.add_candidate(vlog.id, 1)
    q = app.bank.update(q.id, consent="internal")
    assert app.bank.effective_scope(q) is ConsentScope.INTERNAL
    app.library.edit(vlog.id, consent=ConsentScope.INTERNAL)
    with pytest.raises(ConsentError, match="never widen"):
        app.bank.update(q.id, consent="external")
    # withdrawing on the vlog withdraws on its quotes
    app.library.edit(vlog.id, consent=ConsentScope.NONE)
    assert app.bank.effective_scope(app.bank.get(q.id)) is ConsentScope.NONE
    # an expired consent counts as withdrawn
    app.library.edit(vlog.id, consent=ConsentScope.EXTERNAL, consent_expires="2000-01-01")
    assert app.bank.effective_scope(app.bank.get(q.id)) is ConsentScope.NONE
    # a vlog removed from the library leaves its quotes without consent
    app.library.edit(vlog.id, consent_expires="")
    app.bank.update(q.id, consent="external")
    app.library.remove(vlog.id)
    assert app.bank.effective_scope(app.bank.get(q.id)) is ConsentScope.NONE
    assert "not in this library" in app.bank.why_not(app.bank.get(q.id), "internal")


def test_update_tag_remove_and_not_found(setup) -> None:  # noqa: ANN001
    app, vlog, _ = setup
    q = app.bank.add_candidate(vlog.id, 1, tags=["a"])
    q = app.bank.tag(q.id, add=["B", "a"])
    assert q.tags == ("a", "B")
    q = app.bank.tag(q.id, remove=["A"])
    assert q.tags == ("B",)
    q2 = app.bank.update(q.id, text="Je doet dit werk voor dat ene moment.", note="kort", status="rejected")
    assert q2.text == "Je doet dit werk voor dat ene moment." and q2.verbatim == q.verbatim
    assert q2.status is QuoteStatus.REJECTED and q2.updated >= q.updated
    with pytest.raises(UsageError):
        app.bank.update(q.id, status="maybe")
    app.bank.remove(q.id)
    with pytest.raises(NotFoundError, match="bank list"):
        app.bank.get(q.id)


def test_json_export_and_import_merge_without_duplicates_changes_as_proposals_consent_never_widened(
    setup, tmp_path: Path, home: Path  # noqa: ANN001
) -> None:
    app, vlog, _ = setup
    a = app.bank.add_candidate(vlog.id, 1, tags=["zorg"])
    b = app.bank.add_candidate(vlog.id, 2)
    app.bank.approve([a.id, b.id], by="Press Office")
    report = app.bank.export("json", tmp_path / "share.json")
    assert report.count == 2 and report.path == tmp_path / "share.json"
    doc = json.loads(report.path.read_text(encoding="utf-8"))
    assert doc["format"] == "vlogkit-bank" and doc["quotes"][0]["source_consent"]["scope"] == "external"

    # a colleague's machine: no vlogs, an empty bank
    from vlogkit.config import Paths
    from vlogkit.services import App

    colleague = App(Paths(tmp_path / "colleague"))
    r = colleague.bank.import_file(report.path)
    assert (r.added, r.updated, r.unchanged) == (2, 0, 0)
    got = colleague.bank.get(a.id)
    assert got.speaker == SPEAKER and got.tags == ("zorg",)
    # the file's claims never widen: internal use rests on the claimed consent, external needs the vlog here;
    # the claimed approval is a proposal for the colleague's own reviewer
    assert colleague.bank.effective_scope(got) is ConsentScope.INTERNAL
    assert got.status is QuoteStatus.CANDIDATE and got.approved_by == ""
    assert [p.status for p in got.proposals] == [QuoteStatus.APPROVED]
    assert colleague.bank.import_file(report.path).unchanged == 2  # no duplicates

    # the colleague edits a quote and narrows the other; I widen nothing and override nothing reviewed here
    colleague.bank.update(a.id, text="Edited by a colleague.", tags=["zorg", "roadshow"])
    colleague.bank.update(b.id, consent="internal")
    back = colleague.bank.export("json", tmp_path / "back.json", audience="internal")
    r = app.bank.import_file(back.path)
    assert (r.added, r.updated, r.proposals) == (0, 2, 2)  # a: text + status proposed; b: status proposed
    mine = app.bank.get(a.id)
    assert mine.text != "Edited by a colleague." and mine.status is QuoteStatus.APPROVED
    assert mine.approved_by == "Press Office" and mine.tags == ("zorg", "roadshow")
    assert mine.proposals[-1].text == "Edited by a colleague."
    assert app.bank.get(b.id).consent is ConsentScope.INTERNAL

    # accepting the proposal applies it as an edit made here: text changed, so no longer approved
    accepted = app.bank.accept_proposal(a.id)
    assert accepted.text == "Edited by a colleague." and accepted.status is QuoteStatus.CANDIDATE

    # an older file does not undo edits, and never widens consent
    r = app.bank.import_file(report.path)
    assert app.bank.get(a.id).text == "Edited by a colleague."
    assert app.bank.get(b.id).consent is ConsentScope.INTERNAL


def test_import_rejects_files_that_are_not_bank_exports(setup, tmp_path: Path) -> None:  # noqa: ANN001
    app, _, _ = setup
    bad = tmp_path / "x.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(UsageError, match="not a vlogkit bank export"):
        app.bank.import_file(bad)
    bad.write_text("not json", encoding="utf-8")
    with pytest.raises(UsageError, match="not JSON"):
        app.bank.import_file(bad)
    with pytest.raises(UsageError, match="does not exist"):
        app.bank.import_file(tmp_path / "missing.json")


def test_a_quote_saved_before_consent_was_recorded_follows_the_vlogs_consent(home: Path, synth) -> None:  # noqa: ANN001
    app, vlog, _ = make_app(home, synth_vlog(synth), consent=ConsentScope.NONE)
    q = app.bank.add_candidate(vlog.id, 1)
    assert app.bank.effective_scope(q) is ConsentScope.NONE
    assert app.bank.why_not(q, "internal") == "no consent recorded"
    app.library.edit(vlog.id, consent=ConsentScope.INTERNAL)
    assert app.bank.effective_scope(app.bank.get(q.id)) is ConsentScope.INTERNAL
    assert app.bank.why_not(app.bank.get(q.id), "external") == (
        "consent is for internal use only, not for an external audience")


def test_quotes_saved_before_the_speaker_was_named_take_the_name(home: Path, synth, tmp_path: Path) -> None:  # noqa: ANN001
    """The everyday order in the app: import (speaker left empty), quotes to the bank, then the name in the Speaker
    tab. The quotes stayed unattributed - a card and a Markdown list with no name under the quote. A quote whose
    snapshot had no name takes the vlog's speaker when it is given; a named snapshot stays as it was."""
    from vlogkit.domain import Speaker

    app, vlog, _ = make_app(home, synth_vlog(synth), speaker=Speaker())
    a = app.bank.add_candidate(vlog.id, 1)
    b = app.bank.add_candidate(vlog.id, 2)
    app.bank.approve([a.id], by="Persdienst")
    app.bank.update(b.id, speaker=Speaker("Els P.", "Verpleegkundige"))  # named by hand: kept
    assert app.bank.get(a.id).speaker.name == ""
    app.library.edit(vlog.id, speaker=SPEAKER)
    named = app.bank.get(a.id)
    assert named.speaker == SPEAKER and named.status is QuoteStatus.APPROVED  # the approved text is unchanged
    assert app.bank.get(b.id).speaker == Speaker("Els P.", "Verpleegkundige")
    md = tmp_path / "quotes.md"
    app.bank.export("md", md, audience="external", quotes=[named])
    assert "Els Peeters, Verpleegkundige" in md.read_text(encoding="utf-8")
