"""The finder on hand-built transcripts: reasons, clip-ready times, merging, duplicates, determinism."""

from __future__ import annotations

import pytest

from vlogkit.domain import Segment, Transcript, Word
from vlogkit.quotes import clip_range, find_candidates
from vlogkit.quotes.scoring import score_words

from .helpers import make_transcript

VLOG = """Hi everyone, uh, I'm Tom from the payments team and I'm recording this at my desk.
The camera is on my laptop, so bear with me.
I believe the best teams are not the ones without problems, but the ones that talk about them early.
The meeting is on Tuesday at ten in room four, and lunch is at noon.
Can everyone send me their slides before Friday?
Thanks for watching, bye!"""


def codes(c) -> set[str]:  # noqa: ANN001
    return {r.code for r in c.reasons}


def test_the_insight_ranks_first_and_logistics_greetings_and_questions_do_not_make_the_top() -> None:
    t = make_transcript(VLOG)
    cands = find_candidates(t)
    assert cands[0].text.startswith("I believe the best teams are not the ones")
    assert {"contrast", "conviction", "self_contained", "good_length"} <= codes(cands[0])
    assert [c.rank for c in cands] == list(range(1, len(cands) + 1))
    assert all(c.score >= 30 for c in cands)
    texts = " ".join(c.text for c in cands)
    assert "Thanks for watching" not in texts
    assert "slides before Friday" not in texts


@pytest.mark.parametrize(
    ("language", "line", "opener"),
    [("en", "And that is why our customers keep coming back to us every single year.", "and"),
     ("nl", "Maar dat is waarom onze klanten elk jaar opnieuw bij ons terugkomen.", "maar"),
     ("fr", "Donc c'est pour ça que nos clients reviennent chez nous chaque année.", "donc")],
)
def test_a_dangling_opener_is_named_in_the_reasons_in_each_language(language: str, line: str, opener: str) -> None:
    t = make_transcript(line, language)
    _, reasons = score_words(t.words, language)
    assert ("dangling_opener", f"opens with '{opener}'") in [(r.code, r.text) for r in reasons]


@pytest.mark.parametrize(
    ("language", "line", "code"),
    [("en", "Nobody in this warehouse works alone, and that is exactly why we hit our targets.", "general"),
     ("nl", "Niemand in dit magazijn werkt alleen, en precies daarom halen we onze doelen.", "general"),
     ("fr", "Personne dans cet entrepôt ne travaille seul, et c'est pour ça qu'on atteint nos objectifs.", "general"),
     ("en", "It is not about the tools we buy, but about the people who use them every day.", "contrast"),
     ("nl", "Het gaat niet om de tools die we kopen, maar om de mensen die ze elke dag gebruiken.", "contrast"),
     ("fr", "Ce n'est pas une question d'outils, mais de personnes qui les utilisent chaque jour.", "contrast"),
     ("fr", "Je suis convaincu que la confiance se construit dans les petits gestes de tous les jours.", "conviction"),
     ("nl", "Ik ben ervan overtuigd dat vertrouwen groeit in de kleine dingen van elke dag.", "conviction")],
)
def test_stance_features_are_found_in_dutch_french_and_english(language: str, line: str, code: str) -> None:
    t = make_transcript(line, language)
    score, reasons = score_words(t.words, language)
    assert code in {r.code for r in reasons}
    assert score >= 60


def test_meta_talk_and_questions_are_penalised_with_reasons() -> None:
    t = make_transcript("Sorry, I am recording this on my phone and the camera keeps moving around a lot.")
    score, reasons = score_words(t.words, "en")
    assert "meta" in {r.code for r in reasons} and score < 40
    t = make_transcript("Do you think we could ever have done this project without the night shift team?")
    assert "question" in {r.code for r in score_words(t.words, "en")[1]}


def test_low_confidence_and_filler_density_lower_the_score() -> None:
    clean = make_transcript("Trust is the one thing you can never buy, you can only earn it slowly.")
    shaky = make_transcript("Trust is the ~one ~thing you ~can ~never ~buy, ~you can ~only earn ~it slowly.")
    filled = make_transcript("Trust is, uh, the one thing, um, you can never, uh, buy, you can only, um, earn it.")
    s_clean = score_words(clean.words, "en")[0]
    s_shaky, r_shaky = score_words(shaky.words, "en")
    s_filled, r_filled = score_words(filled.words, "en")
    assert s_shaky < s_clean and "low_confidence" in {r.code for r in r_shaky}
    assert s_filled < s_clean and "fillers" in {r.code for r in r_filled}


def test_candidate_times_are_padded_and_never_cut_into_a_neighbouring_word() -> None:
    t = make_transcript(VLOG)
    words = t.words
    for c in find_candidates(t):
        first, last = words[c.word_start], words[c.word_end - 1]
        assert c.start <= first.start and c.end >= last.end
        assert first.start - c.start <= 250 and c.end - last.end <= 350
        if c.word_start > 0:
            assert c.start >= words[c.word_start - 1].end
        if c.word_end < len(words):
            assert c.end <= words[c.word_end].start


def test_clip_range_with_touching_words_stays_on_the_boundaries() -> None:
    words = (Word("a", 0, 500), Word("b", 500, 900), Word("c", 900, 1400))
    assert clip_range(words, 1, 2) == (500, 900)
    assert clip_range(words, 0, 3, duration=1500) == (0, 1500)


def test_two_sentences_that_belong_together_are_merged_and_say_so() -> None:
    t = make_transcript("Last winter half the team was sick for a week.\nAnd nobody asked for overtime, "
                        "everyone just showed up, I learned more about trust that week than in years.")
    top = find_candidates(t)[0]
    assert "merged" in codes(top)
    assert top.text.startswith("Last winter") and top.text.endswith("than in years.")


def test_a_repeated_line_appears_once() -> None:
    line = "The customer does not buy our product, the customer buys the trust in our people."
    t = make_transcript(f"{line}\nSorry, let me say that again.\n{line}")
    cands = find_candidates(t)
    assert sum(1 for c in cands if "trust in our people" in c.text) == 1


def test_ranks_are_deterministic_and_top_truncates_the_same_list() -> None:
    t = make_transcript(VLOG)
    full = find_candidates(t)
    assert find_candidates(t) == full
    assert find_candidates(t, top=2) == full[:2]


def test_an_empty_or_filler_only_transcript_has_no_candidates() -> None:
    assert find_candidates(Transcript((), "en", 0)) == []
    words = tuple(Word(w, i * 400, i * 400 + 300) for i, w in enumerate(["uh", "um", "euh"]))
    assert find_candidates(Transcript((Segment(0, 1200, words),), "en", 1300)) == []
