"""Segments Whisper may have invented are flagged (never deleted): subtitle credits, sign-offs into silence, and
low-confidence loops that repeat an earlier sentence."""

from __future__ import annotations

from vlogkit.domain import Segment, Word
from vlogkit.transcribe.invented import flag_invented


def seg(start: int, text: str, p: float | None = 0.9, language: str = "nl", kept: bool = False, flag: str = "") -> Segment:
    words = tuple(Word(t, start + i * 300, start + i * 300 + 250, p, language=language)
                  for i, t in enumerate(text.split()))
    return Segment(words[0].start, words[-1].end, words, "", language, flag, kept)


def flags(segments: list[Segment]) -> list[str]:
    return [s.flag for s in flag_invented(segments)]


def test_subtitle_credits_are_flagged_in_any_of_the_three_languages() -> None:
    said = seg(0, "De plant van de aardappel is giftig.")
    assert flags([said, seg(5000, "Ondertiteld door de Amara.org gemeenschap", 0.95)]) == ["", "credit"]
    assert flags([said, seg(5000, "Sous-titrage ST' 501", 0.6, "fr")]) == ["", "credit"]
    assert flags([said, seg(5000, "Sous-titres réalisés para la communauté d'Amara.org", 0.8, "fr")]) == ["", "credit"]
    assert flags([seg(0, "Thanks for watching!", 0.9, "en")]) == ["credit"]
    assert flags([seg(0, "Bedankt voor het kijken.", 0.9)]) == ["credit"]


def test_a_real_sentence_that_mentions_watching_or_subtitles_is_not_a_credit() -> None:
    long = seg(0, "So that was my day on the line at the plant in Ghent, and thanks for watching everyone.", 0.9, "en")
    assert flags([long]) == [""]
    assert flags([seg(0, "We maken nu ondertitels voor elke video van het team.", 0.9)]) == [""]
    assert flags([seg(0, "Subscribe", None, "en")]) == [""]  # typed or imported text: nobody's guess to flag


def test_a_low_confidence_loop_repeating_earlier_speech_is_flagged_a_confident_repeat_is_not() -> None:
    first = seg(0, "De Straat van Gibraltar is een zee-engte aan het uiteinde van de Middellandse Zee.")
    loop = seg(40000, "We zullen de zee-engte aan het uiteinde van de Middellandse Zee.", 0.35)
    assert flags([first, loop]) == ["", "repeat"]
    confident = seg(40000, "een zee-engte aan het uiteinde van de Middellandse Zee", 0.93)
    assert flags([first, confident]) == ["", ""]  # a speaker repeating themselves, heard clearly
    stutter = seg(0, "van de Z-engte aan het uiteindel van de Z-engte aan het uiteindel van de Z", 0.4)
    assert flags([stutter]) == ["repeat"]  # a loop inside one segment


def test_kept_segments_stay_kept_and_count_as_said() -> None:
    kept = seg(0, "Thanks for watching!", 0.9, "en", kept=True, flag="credit")
    out = flag_invented([kept, seg(3000, "Thanks for watching!", 0.5, "en")])
    assert (out[0].flag, out[0].kept, out[0].held_back) == ("credit", True, False)
    assert out[1].held_back
