"""The blind second editor beside the held-out halves: every line they pulled is found in its vlog, and their picks
are scored exactly as the finder's top 3 are."""

from __future__ import annotations

import pytest

from .corpus import is_hit, load, locate, names, second_editor, second_picks
from .helpers import transcript_from_lines

HALVES_READ_TWICE = ("test", "fresh13", "fresh16", "fresh20", "fresh21", "fresh22")


@pytest.mark.parametrize("half", HALVES_READ_TWICE)
def test_every_line_the_second_editor_pulled_is_said_in_its_vlog(half: str) -> None:
    picks = second_picks(half)
    assert sorted(picks) == names(half)  # every vlog of the half, and no other
    for name, lines in picks.items():
        transcript, _ = load(half, name)
        assert len(lines) == 3, name
        for line in lines:
            span = locate(transcript.words, line)
            assert span is not None, f"{name}: {line}"
            assert span[1] - span[0] >= 4


def test_a_line_is_located_without_case_accents_or_punctuation() -> None:
    t, _ = transcript_from_lines(["Bonjour à tous.", "Un four, c'est septante mètres de tube.", "Voilà, à demain."],
                                 "fr")
    words = t.words
    assert locate(words, "un four c'est SEPTANTE metres de tube") == (3, 10)
    assert locate(words, "Un four, c'est quatre-vingts mètres de tube.") is None


def test_the_second_editors_picks_are_scored_like_the_finders_top_three() -> None:
    stats = second_editor("test")
    by_hand = 0
    for name, lines in second_picks("test").items():
        transcript, gold = load("test", name)
        spans = [locate(transcript.words, line) for line in lines]
        by_hand += sum(any(s is not None and is_hit(s, g) for s in spans) for g in gold)
    assert stats["all"].found == by_hand
    both = stats["nl+fr"]
    assert both.gold == stats["nl"].gold + stats["fr"].gold
    # a reader finds most of another reader's lines: the measure is not empty or broken
    assert stats["all"].recall_loose >= stats["all"].recall > 0.5
