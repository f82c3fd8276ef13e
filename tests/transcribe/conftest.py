"""Helpers for the transcription tests: word error rate on normalised text."""

from __future__ import annotations

import re
import unicodedata

import pytest


def normalise(text: str) -> list[str]:
    """Lower-case, punctuation removed (apostrophes inside words kept), digits as written."""
    text = unicodedata.normalize("NFC", text.lower()).replace("\u2019", "'")
    text = re.sub(r"(?<![\w])'|'(?![\w])", " ", text)
    text = re.sub(r"[^\w\s']", " ", text)
    return text.split()


def wer(reference: str, hypothesis: str) -> float:
    ref, hyp = normalise(reference), normalise(hypothesis)
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1] / max(len(ref), 1)


@pytest.fixture
def word_error_rate():
    return wer
