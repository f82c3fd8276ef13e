"""The subtitle line rules (render.captions) on made-up words, on random words, and on the real desk vlog."""

from __future__ import annotations

from dataclasses import replace

import pysubs2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vlogkit.domain import Word
from vlogkit.render.caption_rules import NETFLIX, CaptionProfile, check_cues
from vlogkit.render.captions import Cue, build_cues, layout
from vlogkit.render.subtitles import format_timestamp, srt_text, to_srt, to_vtt


def words_from(text: str, start: int = 0, step: int = 300, gap: int = 0) -> list[Word]:
    out, t = [], start
    for tok in text.split():
        out.append(Word(tok, t, t + step - 20, 0.9))
        t += step + gap
    return out


def check_rules(cues: list[Cue], rules: CaptionProfile) -> None:
    for i, c in enumerate(cues):
        assert 1 <= len(c.lines) <= rules.max_lines, c.text
        for line in c.lines:
            text = " ".join(w.display for w in line)
            assert len(text) <= rules.max_chars or len(line) == 1, text
        assert c.end - c.start <= rules.max_ms, c
        next_start = cues[i + 1].start if i + 1 < len(cues) else None
        if c.end - c.start < rules.min_ms:  # only allowed when the next cue leaves no room
            assert next_start is not None and c.end >= next_start, c
        if next_start is not None:
            assert c.end <= next_start or cues[i + 1].words[0].speaker != c.words[-1].speaker


def test_format_timestamp() -> None:
    assert format_timestamp(0) == "00:00:00,000"
    assert format_timestamp(3_723_004) == "01:02:03,004"
    assert format_timestamp(61_500, ".") == "00:01:01.500"


def test_short_sentence_is_one_line_cue_lengthened_to_five_sixths_of_a_second() -> None:
    cues = build_cues(words_from("Hello there.", step=200))
    assert [c.text for c in cues] == ["Hello there."]
    assert cues[0].start == 0 and cues[0].end == 833


def test_long_sentence_breaks_into_two_balanced_lines_never_mid_word() -> None:
    text = "We shipped the new onboarding flow last week and customers already love how simple it feels"
    cues = build_cues(words_from(text, step=150))
    rules = NETFLIX
    check_rules(cues, rules)
    assert " ".join(c.text.replace("\n", " ") for c in cues) == text
    two_line = [c for c in cues if len(c.lines) == 2]
    assert two_line, [c.text for c in cues]
    a, b = (len(" ".join(w.text for w in line)) for line in two_line[0].lines)
    assert abs(a - b) <= 12  # balanced lines


def test_pause_and_sentence_end_start_new_cues() -> None:
    words = words_from("First part here", step=400) + words_from("after a pause", start=2900, step=400)
    assert [c.text for c in build_cues(words)] == ["First part here", "after a pause"]
    words = words_from("That was the first sentence. And this is the second one.", step=300)
    cues = build_cues(words, language="en")
    assert [c.text for c in cues] == ["That was the first sentence.", "And this is the second one."]
    # read at Dutch/French speed (17 characters a second) the first sentence has too little time on its own
    assert len(build_cues(words, language="nl")) == 1


def test_overflow_breaks_at_punctuation_rather_than_mid_phrase() -> None:
    text = ("Our team in Ghent builds the planning tool, and every Friday we show customers what changed "
            "during the week")
    cues = build_cues(words_from(text, step=200))
    check_rules(cues, NETFLIX)
    assert cues[0].text.replace("\n", " ").endswith("tool,")


def test_max_duration_splits_slow_speech() -> None:
    cues = build_cues(words_from("one two three four five six seven eight nine ten eleven twelve", step=1000))
    assert len(cues) >= 2
    check_rules(cues, NETFLIX)


def test_narrow_rules_for_burnt_in_captions() -> None:
    rules = CaptionProfile(max_chars=16, max_lines=2, max_ms=3000)
    text = "Captions on a phone screen need short lines so nobody has to squint at them"
    cues = build_cues(words_from(text, step=250), rules)
    check_rules(cues, rules)
    assert " ".join(c.text.replace("\n", " ") for c in cues) == text


def test_overlong_word_gets_its_own_line_and_corrections_are_shown() -> None:
    long = "Donaudampfschifffahrtsgesellschaftskapitaenswitwe"
    words = [Word("a", 0, 300), Word(long, 300, 1500), Word("teh", 1500, 1800, corrected="the")]
    lines = layout(words, 20, 2)
    assert lines is None or all(len(line) == 1 or len(" ".join(w.display for w in line)) <= 20 for line in lines)
    cues = build_cues(words, CaptionProfile(max_chars=20))
    assert "the" in cues[-1].text and "teh" not in cues[-1].text
    assert any(c.text.strip() == long or long in c.text.split("\n") for c in cues)


def test_speaker_change_starts_a_new_cue() -> None:
    words = [Word("Hi", 0, 300, speaker="left"), Word("there", 300, 600, speaker="left"),
             Word("Hello", 650, 900, speaker="right")]
    assert [c.text for c in build_cues(words)] == ["Hi there", "Hello"]


def test_srt_and_vtt_parse_back_with_pysubs2() -> None:
    words = words_from("Fish & chips <today>. Second sentence follows here, with a comma.", step=350)
    cues = build_cues(words)
    for text, fmt in ((to_srt(cues), "srt"), (to_vtt(cues), "vtt")):
        subs = pysubs2.SSAFile.from_string(text, format_=fmt)
        assert len(subs) == len(cues)
        for ev, cue in zip(subs, cues, strict=True):
            assert (ev.start, ev.end) == (cue.start, cue.end)
            plain = ev.plaintext.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
            assert plain == (cue.text if fmt == "vtt" else srt_text(cue.text))
    assert to_vtt(cues).startswith("WEBVTT\n\n")
    assert "&lt;today&gt;" in to_vtt(cues)
    assert "‹today›" in to_srt(cues)


word_st = st.builds(
    lambda text, dur, gap: (text, dur, gap),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz,.?é'", min_size=1, max_size=14).filter(lambda s: s.strip(",.?'")),
    st.integers(50, 1500),
    st.integers(0, 1200),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(word_st, min_size=1, max_size=60), st.integers(12, 50), st.integers(1, 3))
def test_random_words_always_obey_the_rules(spec, max_chars, max_lines) -> None:
    words, t = [], 0
    for text, dur, gap in spec:
        words.append(Word(text, t, t + dur))
        t += dur + gap
    rules = CaptionProfile(max_chars=max_chars, max_lines=max_lines)
    cues = build_cues(words, rules)
    check_rules(cues, rules)
    assert [w.text for c in cues for w in c.words] == [w.text for w in words]  # nothing lost, order kept


@pytest.mark.slow
def test_desk_vlog_subtitles_obey_the_rules_and_round_trip(desk_transcript) -> None:
    rules = NETFLIX
    cues = build_cues(desk_transcript.words, rules)
    assert len(cues) >= 10
    check_rules(cues, rules)
    srt = pysubs2.SSAFile.from_string(to_srt(cues), format_="srt")
    vtt = pysubs2.SSAFile.from_string(to_vtt(cues), format_="vtt")
    assert [e.plaintext for e in srt] == [c.text for c in cues] == [e.plaintext for e in vtt]
    assert [(e.start, e.end) for e in srt] == [(c.start, c.end) for c in cues]
    assert "Americans," in srt[0].plaintext + srt[1].plaintext


def test_no_cue_outlasts_the_clip_it_belongs_to() -> None:
    words = words_from("A short end.", start=4300, step=200)  # lengthened to 1 s it would reach 5300
    cues = build_cues(words, until=4950)
    assert cues[-1].end == 4950 and cues[-1].start == 4300


JFK = [("And", 0, 520), ("so,", 520, 840), ("my", 1020, 1180), ("fellow", 1180, 1580), ("Americans,", 1580, 2100),
       ("ask", 3280, 3720), ("not", 3720, 4220), ("what", 4220, 5520), ("your", 5520, 5760), ("country", 5760, 6260),
       ("can", 6260, 6620), ("do", 6620, 6840), ("for", 6840, 7060), ("you,", 7060, 7360), ("ask", 7840, 8480),
       ("what", 8480, 8760), ("you", 8760, 9040), ("can", 9040, 9320), ("do", 9320, 9560), ("for", 9560, 9780),
       ("your", 9780, 10020), ("country.", 10020, 10380)]  # faster-whisper base on jfk.flac


def jfk() -> list[Word]:
    return [Word(t, s, e, 0.9) for t, s, e in JFK]


@pytest.mark.parametrize("max_chars", [42, 32, 28, 22, 18])
def test_no_cue_or_line_ends_on_a_function_word_mid_sentence(max_chars: int) -> None:
    """The karaoke faults from issue 13: "...can do for / you, ask what..." and "ask not what your / country"."""
    profile = replace(NETFLIX, max_chars=max_chars)
    cues = build_cues(jfk(), profile, language="en")
    rules = {i.rule for i in check_cues(cues, profile, "en")}
    assert not rules & {"dangling-line", "dangling-cue", "chars", "lines", "long"}, [c.text for c in cues]
    lines = [" ".join(w.display for w in line) for c in cues for line in c.lines]
    assert not any(line.endswith((" for", " your")) for line in lines), lines
    assert " ".join(lines) == " ".join(t for t, _, _ in JFK)


def test_the_sidecar_profile_puts_the_famous_line_in_whole_phrases() -> None:
    assert [c.text for c in build_cues(jfk(), NETFLIX, language="en")] == [
        "And so, my fellow Americans,", "ask not what your country can do for you,",
        "ask what you can do for your country."]


@pytest.mark.parametrize(("language", "text"), [
    ("nl", "We hebben het nieuwe rooster samen met de verpleegkundigen van de afdeling gemaakt en dat werkt echt goed"),
    ("fr", "Nous avons construit le nouveau planning avec les infirmières de la maternité et donc ça marche vraiment"),
    ("en", "We rebuilt the new planning tool with the nurses of the ward and so it finally works for all of us"),
])
def test_each_language_keeps_its_articles_prepositions_and_conjunctions_with_what_follows(language: str, text: str) -> None:
    profile = replace(NETFLIX, max_chars=24)
    cues = build_cues(words_from(text, step=260), profile, language=language)
    issues = [i for i in check_cues(cues, profile, language) if i.rule.startswith("dangling")]
    assert issues == [], [c.text for c in cues]


def test_a_words_own_language_decides_in_a_mixed_vlog() -> None:
    from vlogkit.render.caption_rules import dangles

    word = Word("de", 0, 100)
    assert dangles(word, "nl") and not dangles(word, "de")  # German: no list, no claim
    assert dangles(_with_language(word, "fr"), "de")  # the word's own language wins


def _with_language(w: Word, language: str) -> Word:
    class Tagged:  # a transcript that records the language per word (issue 15) gives words a `language`
        def __init__(self) -> None:
            self.display, self.language = w.display, language

    return Tagged()  # type: ignore[return-value]


def test_the_check_names_every_rule_a_cue_breaks() -> None:
    said = words_from("This line is much too long for anyone to read comfortably at all and", step=60)
    bad = [Cue(0, 500, (tuple(said),)), Cue(2000, 9500, ((Word("so", 2000, 2100),),)),
           Cue(9500, 9900, ((Word("end.", 9500, 9600),),))]
    rules = {i.rule for i in check_cues(bad, NETFLIX, "en")}
    assert {"chars", "short", "cps", "long", "dangling-cue", "orphan"} <= rules
