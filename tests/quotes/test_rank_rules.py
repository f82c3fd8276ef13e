"""Two ranking rules of FINDER_VERSION 27. Editors pull their lines from different moments of a vlog: a line said
right next to one listed higher costs points, with a reason of its own, and the list still reads best first. A short
set-up something ties to its punchline (an echo, a turn, a parallel start) keeps it: the pair is listed whole."""

from __future__ import annotations

import pytest

from vlogkit.quotes import find_candidates, finder
from vlogkit.quotes.finder import NEIGHBOUR_POINTS, TIED_PAIR_FLOOR, pieces
from vlogkit.quotes.model import default_model
from vlogkit.quotes.reasons import phrase

from .helpers import make_transcript

VLOG = """Hi, I'm Ann from the warehouse team, recording this at my desk.
I believe the best teams are not the ones without problems, but the ones that talk about them early.
Trust is not built in meetings, it is built in the small moments when nobody is watching.
The meeting is on Tuesday at ten in room four, and lunch is at noon.
We moved the pallets to the new racks last week.
Quiet customers worry me more than angry ones.
Thanks for watching, bye!"""


def test_the_sentence_right_after_the_best_line_makes_room_for_a_line_from_elsewhere() -> None:
    t = make_transcript(VLOG)
    model = default_model()
    singles, _ = pieces(t)
    alone = {" ".join(w.display for w in t.words[p.first : p.last]): model.score(p.features, "en")[0]
             for p in singles}
    trust = next(s for line, s in alone.items() if line.startswith("Trust is not built"))
    quiet = next(s for line, s in alone.items() if line.startswith("Quiet customers worry me"))
    assert trust > quiet  # alone, the sentence after the best line would be second

    cands = find_candidates(t, top=50)
    texts = [c.text for c in cands]
    assert texts[0].startswith("I believe the best teams")
    assert texts[1].startswith("Quiet customers worry me")
    after = next(c for c in cands if c.text.startswith("Trust is not built"))
    said = [r for r in after.reasons if r.code == "neighbour"]
    assert [(r.points, r.words) for r in said] == [(-NEIGHBOUR_POINTS, "1")]
    assert said[0].text == "said right next to line 1, listed higher: the list spreads its picks over the vlog"
    assert after.score == trust - NEIGHBOUR_POINTS == round(model.base) + sum(r.points for r in after.reasons)
    assert not any(r.code == "neighbour" for r in cands[0].reasons + cands[1].reasons)
    scores = [c.score for c in cands]
    assert scores == sorted(scores, reverse=True)
    assert find_candidates(t, top=2) == cands[:2]


def test_the_neighbour_reason_reads_in_the_vlogs_language() -> None:
    assert phrase("neighbour", "nl", "2") == "vlak naast zin 2, die hoger staat: de lijst spreidt haar keuzes over de vlog"
    assert phrase("neighbour", "fr", "2").startswith("juste à côté de la phrase 2, mieux classée")


WARD = """Hi everyone, I'm Sam from the emergency ward, recording this in the changing room.
The waiting room was full again yesterday, we had forty patients before noon.
So we fixed the old machine. We did not fix the habit that broke it.
So we now tell everyone at the desk how long the wait will be, even when it is four hours.
That's it for today, see you next week."""


def test_a_short_set_up_tied_to_its_punchline_keeps_it(monkeypatch: pytest.MonkeyPatch) -> None:
    t = make_transcript(WARD)
    model = default_model()
    singles, _ = pieces(t)
    setup = next(p for p in singles if t.words[p.first].display == "we")  # "So" is left out of the line
    assert TIED_PAIR_FLOOR <= model.score(setup.features, "en")[0] < model.pair_floor  # weak alone

    top = find_candidates(t, top=3)[0]
    assert top.text == "We fixed the old machine. We did not fix the habit that broke it."
    assert {"merged", "parallel"} <= {r.code for r in top.reasons}

    monkeypatch.setattr(finder, "TIED_PAIR_FLOOR", model.pair_floor)  # the floor an untied pair needs
    without = find_candidates(t, top=50)
    assert without[0].text.startswith("We did not fix the habit that broke it.")  # the punchline without its set-up
    assert not any("old machine. We did not fix" in c.text for c in without)
