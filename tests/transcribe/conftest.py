"""Helpers for the transcription tests: word error rate on normalised text, importing a file as a vlog."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

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


@pytest.fixture
def import_vlog(app):
    """import_vlog(path, language="auto") -> the new vlog's id, through the real library service."""
    from vlogkit.services.library import ImportOptions

    def run(path: Path, language: str = "auto") -> str:
        result = app.library.import_file(Path(path), ImportOptions(language=language))
        assert result.ok, result.error
        return result.vlog.id

    return run


def test_wer_normalisation() -> None:
    assert normalise("Don't stop, he said: \"GO!\" 10 times.") == ["don't", "stop", "he", "said", "go", "10", "times"]
    assert wer("a b c d", "a x c") == 0.5
    assert wer("Zee-engte aan het uiteinde.", "zee engte aan het uiteinde") == 0.0
