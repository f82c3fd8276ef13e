"""Form features that travel across writers: restarts, definitions, value talk, learned everyday words, fragments."""

from __future__ import annotations

import pytest

from vlogkit.quotes import find_candidates
from vlogkit.quotes.form import definition, restarts
from vlogkit.quotes.lexicons import lexicon_for
from vlogkit.quotes.scoring import score_words
from vlogkit.quotes.tokens import span_text
from vlogkit.quotes.wording import default_words, grams, wording

from .helpers import make_transcript


def reasons(line: str, language: str = "en") -> dict[str, int]:
    _, found = score_words(make_transcript(line, language).words, language)
    return {r.code: r.points or 0 for r in found}


def test_a_self_correction_is_a_restart_not_a_rhetorical_repetition() -> None:
    assert restarts("i thought i was i thought i was terrible at this".split()) == ([0, 1, 2, 3], "i thought i was")
    found = reasons("I thought I was, I thought I was terrible at this, honestly.")
    assert found.get("restart", 0) < 0 and "repetition" not in found and "triad" not in found


@pytest.mark.parametrize(("language", "line", "said"), [
    ("en", "It was a very, very long night for all of us in the hangar.", "very, very"),
    ("nl", "Een klant vergeet nooit, nooit hoe ge hem aan de telefoon hebt behandeld.", "nooit, nooit"),
    ("fr", "On est toujours, toujours là quand le premier client arrive.", "toujours, toujours"),
])
def test_a_word_said_twice_for_emphasis_is_told_as_emphasis_not_as_starting_over(
        language: str, line: str, said: str) -> None:
    _, found = score_words(make_transcript(line, language).words, language)
    codes = {r.code: r for r in found}
    assert "restart" not in codes
    # what emphasis is worth is fitted; when it is worth points, the reason quotes the doubled word
    if "doubled" in codes:
        assert said in codes["doubled"].text
    assert restarts(line.lower().replace(",", "").replace(".", "").split())[1] == said.split(",")[0]  # still read once


def test_a_word_inside_a_conviction_is_not_also_an_intensifier_against_it() -> None:
    found = reasons("I really believe people do their best work when nobody is watching the clock.")
    assert found.get("conviction", 0) > 0 and "intensifier" not in found
    assert "intensifier" in reasons("The trucks were really late again this morning, because of the rain.")


@pytest.mark.parametrize(("language", "line"), [
    ("en", "A near miss is a free lesson, and the next one comes with an invoice."),
    ("nl", "Een klant is geen dossier, het is iemand die op u wacht."),
    ("fr", "La nuit, un hangar, c'est un orchestre sans chef."),
])
def test_a_definition_or_metaphor_is_found_in_each_language(language: str, line: str) -> None:
    assert definition(span_text(line, language, lexicon_for(language)))
    # what it is worth is fitted (it may be nothing); its points never speak against a definition
    assert reasons(line, language).get("definition", 0) >= 0
    assert not definition(span_text("The buses leave at eight from the car park.", "en", lexicon_for("en")))


def test_company_value_talk_costs_points_and_says_which_words() -> None:
    _, found = score_words(make_transcript("Our values, our passion and our family spirit are our strength.").words, "en")
    value = next(r for r in found if r.code == "values")
    assert (value.points or 0) < 0 and "values" in value.words and value.text.startswith("company-value words")


def test_learned_everyday_words_are_common_words_of_each_language_and_weigh_both_ways() -> None:
    table = default_words()
    assert set(table) == {"en", "nl", "fr"}
    for lang, words in table.items():
        assert len(words) >= 100, lang
        assert any(w > 0 for w in words.values()) and any(w < 0 for w in words.values())
    pairs = [w for words in table.values() for w in words if " " in w]  # two neighbouring words ("is not")
    assert pairs and all(len(w.split()) == 2 for w in pairs)
    # rarer words become `_` in the pairs (never in the words themselves); `^` and `$` mark the sentence's edges
    assert grams(["you", "can", "tell", "hygrometer"], "en") == [
        "you", "can", "tell", "hygrometer", "^ you", "you can", "can tell", "tell _", "_ $"]
    plus, minus, found_plus, found_minus = wording("nobody never people so also thanks".split(), "en")
    assert plus > 0 and minus > 0 and found_plus and found_minus
    assert not {"_", "^", "$"} & set((found_plus + ", " + found_minus).replace(",", " ").split())  # reasons quote words
    general = reasons("Nobody remembers the plan, people remember who showed up when it went wrong.")
    update = reasons("So also thanks to the team, we are really on track with the new planning now.")
    assert general.get("quotable_words", 0) > 0 and update.get("plain_words", 0) < 0


def test_a_fragment_is_never_glued_onto_the_line_that_follows() -> None:
    t = make_transcript("Right, my dear colleagues.\n"
                        "A customer forgets the price within a month, but never who showed up when it went wrong.")
    top = find_candidates(t)[0]
    assert top.text.startswith("A customer forgets") and "merged" not in {r.code for r in top.reasons}


@pytest.mark.parametrize(("line", "language", "intro"), [
    ("Hi everyone, I'm Tom from the payments team.", "en", True),
    ("Dag iedereen, ik ben Els van de planning.", "nl", True),
    ("Bonjour à tous, je suis Marc, de la logistique.", "fr", True),
    # a full stop the recogniser dropped: "... goed is. Zoet, ..." is not someone called Zoet introducing themselves
    ("Ge ruikt het als een partij niet goed is Zoet, een beetje gelijk cider.", "nl", False),
    ("The whole point is Trust, and trust takes years to build.", "en", False),
])
def test_an_introduction_needs_its_speaker_not_just_a_capital_after_is(line: str, language: str, intro: bool) -> None:
    assert ("greeting" in reasons(line, language)) is intro, reasons(line, language)


def test_a_contrast_reason_quotes_the_words_as_said_never_their_stems() -> None:
    _, found = score_words(make_transcript("One woman told me she'd never worked, and she'd raised four kids.").words,
                           "en")
    contrast = next(r.text for r in found if r.code == "contrast")
    assert "she'd ... never ... she'd" in contrast and "she''" not in contrast, contrast


def test_am_is_a_time_only_after_a_number() -> None:
    """'I am proud' is no time of day (the reason read "a date or time ('am')"); '10 am' is."""
    assert "time" not in reasons("Honestly, I am proud of what we built together as a team.")
    _, found = score_words(make_transcript("The training is at 10 am in the big room upstairs.").words, "en")
    time = next(r for r in found if r.code == "time")
    assert time.points < 0 and time.words == "10 am"


def test_an_ordinal_is_a_date_only_when_it_is_one() -> None:
    """'The first thing a kid makes' is no date (the reason read "a date or time ('the first')"); 'on the fifth' is."""
    assert "time" not in reasons("The first thing a kid makes on a laser cutter is usually crooked.")
    assert reasons("The new rota starts on the fifth, so check your shifts before then.").get("time", 0) < 0
