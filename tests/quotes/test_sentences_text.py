"""Sentences from word timings, and the display text beside the verbatim one."""

from __future__ import annotations

from vlogkit.domain import Segment, Transcript, Word
from vlogkit.quotes.sentences import build_sentences
from vlogkit.quotes.text import display_text, fold, verbatim_text

from .helpers import make_transcript


def test_a_segment_holding_two_sentences_is_split_at_the_full_stop_with_exact_word_times() -> None:
    t = make_transcript("We shipped it on time. Nobody believed we could do it.\n")
    sents = build_sentences(t.words)
    assert [s.verbatim for s in sents] == ["We shipped it on time.", "Nobody believed we could do it."]
    assert sents[1].start == t.words[5].start and sents[1].end == t.words[-1].end
    assert (sents[1].first, sents[1].last) == (5, 11)


def test_a_sentence_straddling_two_segments_is_one_sentence() -> None:
    t = make_transcript("What I learned this year is that\nnobody wins alone in this company.")
    assert len(t.segments) == 2
    sents = build_sentences(t.words)
    assert [s.verbatim for s in sents] == ["What I learned this year is that nobody wins alone in this company."]


def test_a_long_pause_ends_a_sentence_without_punctuation() -> None:
    words = [Word("we", 0, 200), Word("did", 250, 400), Word("it", 450, 600), Word("honestly", 2200, 2600),
             Word("great", 2650, 2900)]
    t = Transcript((Segment(0, 2900, tuple(words)),), "en", 3000)
    assert [s.verbatim for s in build_sentences(t.words)] == ["we did it", "honestly great"]


def test_abbreviations_do_not_end_a_sentence_but_a_pause_after_an_initial_does() -> None:
    tokens = "I met Dr. Peeters in room B. She said yes.".split()
    words, t = [], 0
    for tok in tokens:
        words.append(Word(tok, t, t + 250))
        t += 250 + (400 if tok in ("B.", "yes.") else 40)  # speakers pause after sentences, not after "Dr."
    assert [s.verbatim for s in build_sentences(words)] == ["I met Dr. Peeters in room B.", "She said yes."]


def test_a_quoted_question_or_an_ellipsis_the_sentence_carries_on_after_does_not_end_it() -> None:
    t = make_transcript('The first question I teach them is not "is it true?" but "how would I know?" It works.\n'
                        "We waited... and nothing came. Did it work? Nobody knew.")
    texts = [s.text for s in build_sentences(t.words)]
    assert texts == ['The first question I teach them is not "is it true?" but "how would I know?"', "It works.",
                     "We waited... and nothing came.", "Did it work?", "Nobody knew."]


def test_display_text_drops_fillers_lightly_and_verbatim_keeps_them() -> None:
    words = [Word(w, i * 300, i * 300 + 250) for i, w in enumerate("Uh, so, um, I think, euh, trust matters.".split())]
    assert verbatim_text(words) == "Uh, so, um, I think, euh, trust matters."
    assert display_text(words) == "So, I think, trust matters."


def test_user_corrections_and_marked_fillers_show_in_the_display_text() -> None:
    words = [Word("We", 0, 100), Word("like", 150, 250, filler=True), Word("love", 300, 400, corrected="loved"),
             Word("it.", 450, 600)]
    assert display_text(words) == "We loved it."
    assert verbatim_text(words) == "We like loved it."


def test_fold_ignores_case_and_accents_in_all_three_languages() -> None:
    assert fold("ÉCOLE") == fold("école") == "ecole"
    assert fold("één") == "een"
    assert fold("Çà et là, NOËL") == "ca et la, noel"


def test_whisper_word_pieces_are_joined_back_in_french() -> None:
    words = [Word(w, i * 300, i * 300 + 250) for i, w in enumerate(["Nous", "sommes", "d", "'accord", "avec", "les",
                                                                      "États", "-Unis", "-", "vraiment."])]
    assert verbatim_text(words) == "Nous sommes d'accord avec les États-Unis - vraiment."
