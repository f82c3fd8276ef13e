"""A bank quote follows a misheard word fixed in its vlog's transcript (and the fix taken back), unless its text was
edited in the bank - on a real TinyDB bank and a real (synthetic) video with a scripted transcript."""

from __future__ import annotations

from pathlib import Path

import pytest

from vlogkit.domain import ConsentScope, QuoteStatus
from vlogkit.domain.transcript_edits import correct_word

from .bank_fixtures import CONVICTION, STORY, make_app, rank_of, synth_vlog

LINE = ("Ik ben ervan overtuigd dat je dit werk niet doet voor het loon, maar voor het moment dat een patiënt je hand "
        "vastpakt.")


@pytest.fixture
def setup(home: Path, synth):  # noqa: ANN001, ANN201
    app, vlog, transcript = make_app(home, synth_vlog(synth))
    app.quotes.candidates(vlog.id)  # transcribes: the stored transcript is the scripted one
    loon = next(i for i, w in enumerate(transcript.words) if w.text == "loon,")
    return app, vlog.id, loon


def test_bank_quotes_holding_the_word_read_the_fix_and_undo_brings_their_text_back(setup) -> None:  # noqa: ANN001
    app, vid, loon = setup
    card = app.bank.add_candidate(vid, rank_of(app, vid, CONVICTION))  # a quote card's line
    words = app.transcription.require(vid).words
    part = app.bank.add_range(vid, words[loon - 2].start, words[loon + 1].end)  # "voor het loon, maar", approved
    app.bank.approve([part.id], by="Press Office")
    other = app.bank.add_candidate(vid, rank_of(app, vid, STORY))  # another line: its words do not change
    assert card.text == LINE and part.text == "Voor het loon, maar"
    before = app.transcription.require(vid)

    at = (words[loon].start + words[loon].end) // 2
    fix = app.transcription.fix_word(vid, at, "salaris")  # `vlogkit fix` and the editor's word box
    assert app.bank.get(card.id).text == LINE.replace("loon,", "salaris,")  # the quote keeps its own comma
    assert "het salaris maar voor" in app.bank.get(card.id).verbatim
    fixed = app.bank.get(part.id)
    assert fixed.text == "Voor het salaris, maar"
    assert fixed.status is QuoteStatus.CANDIDATE  # the approved text changed: what goes out is reviewed again
    assert {q.id for q in fix.bank.updated} == {card.id, part.id} and fix.bank.kept == ()
    assert app.bank.get(other.id) == other
    assert app.bank.get(card.id).consent is ConsentScope.EXTERNAL
    assert app.bank.get(card.id).speaker == card.speaker

    app.transcription.save(vid, before)  # the editor's Ctrl+Z stores the transcript as it was
    back = app.bank.get(card.id)
    assert (back.text, back.verbatim) == (card.text, card.verbatim)
    assert app.bank.get(part.id).text == "Voor het loon, maar"


def test_a_quote_edited_in_the_bank_keeps_its_words_and_is_named(setup) -> None:  # noqa: ANN001
    app, vid, loon = setup
    q = app.bank.add_candidate(vid, rank_of(app, vid, CONVICTION))
    edited = app.bank.update(q.id, text="Je doet dit werk niet voor het loon, maar voor dat ene moment.")
    t = app.transcription.require(vid)
    follow = app.transcription.save(vid, correct_word(t, loon, "salaris"))  # the editor's word box
    assert app.bank.get(q.id) == edited
    assert [k.id for k in follow.kept] == [q.id] and follow.updated == ()


def test_edits_that_change_no_words_leave_the_bank_alone(setup) -> None:  # noqa: ANN001
    app, vid, loon = setup
    q = app.bank.add_candidate(vid, 1)
    t = app.transcription.require(vid)
    follow = app.transcription.save(vid, correct_word(t, loon, "loon,"))  # typed as recognised: nothing changes
    assert follow.updated == () and follow.kept == () and app.bank.get(q.id) == q
