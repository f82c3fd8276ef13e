"""The engine's language flow with a scripted model at the seam: a vlog judged Dutch from a sample, one doubtful
French sentence found afterwards, transcribed again in French and put in place of the Dutch-sounding guess."""

from __future__ import annotations

import wave
from pathlib import Path
from types import SimpleNamespace

from tests.transcribe.test_languages import language_map

from vlogkit.jobs import JobContext
from vlogkit.transcribe.audio import SAMPLE_RATE
from vlogkit.transcribe.engine import WhisperEngine


def word(text: str, start: float, p: float) -> SimpleNamespace:
    return SimpleNamespace(word=" " + text, start=start, end=start + 0.5, probability=p)


def segment(words: list[SimpleNamespace]) -> SimpleNamespace:
    return SimpleNamespace(start=words[0].start, end=words[-1].end, text=" ".join(w.word for w in words), words=words)


class ScriptedModel:
    """Dutch over the whole file: confident at 0-2 s, a low-confidence guess at 36-38 s (really French);
    French on the stretch it is given again."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, float]] = []

    def transcribe(self, samples, language=None, **_kw):  # noqa: ANN001, ANN201
        self.calls.append((language, round(len(samples) / SAMPLE_RATE, 1)))
        if language == "fr":
            segs = [segment([word("Bonjour", 0.6, 0.95), word("à", 1.1, 0.9), word("tous.", 1.6, 0.92)])]
        else:
            segs = [segment([word("Goeiemorgen", 0.2, 0.95), word("collega's,", 0.8, 0.9), word("hoe", 1.3, 0.9),
                             word("gaat", 1.6, 0.9), word("het?", 1.9, 0.9)]),
                    segment([word("Bons", 36.1, 0.3), word("jour", 36.6, 0.25), word("a", 37.1, 0.3),
                             word("toes.", 37.5, 0.2)])]
        return iter(segs), SimpleNamespace(language=language)


def test_a_french_sentence_missed_by_the_sample_is_read_again_in_french(monkeypatch, tmp_path: Path) -> None:
    _lmap, table = language_map(monkeypatch, "nnnnnnnnnnnnfnnnnnnn")
    path = tmp_path / "silence.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(b"\0\0" * 60 * SAMPLE_RATE)
    engine = WhisperEngine("base")
    model = ScriptedModel()
    monkeypatch.setattr(engine, "load", lambda ctx=None: model)
    t = engine.transcribe(str(path), language=None, initial_prompt=None, duration_ms=0, ctx=JobContext())
    assert model.calls == [("nl", 60.0), ("fr", 3.0)]  # the whole file once, then only the French stretch
    assert [(s.start, s.language, s.text) for s in t.segments] == [
        (200, "nl", "Goeiemorgen collega's, hoe gaat het?"), (36100, "fr", "Bonjour à tous.")]
    assert t.languages == ("nl", "fr") and t.language == "nl"
    assert t.options["stretches"] == [[0, 35500, "nl"], [35500, 38500, "fr"], [38500, 60000, "nl"]]
    assert 36 in table.asked and len(table.asked) == 7  # the sample of 6, then the doubtful piece
