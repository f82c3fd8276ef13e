"""A Belgian vlog that switches language, on the real bundled model (issue 15): Flemish Dutch, 25 s of near-silent
noise, French, then English - each stretch transcribed in its own language, nothing invented.

One transcription for the whole module (the model is loaded once per session); the time ratio against a forced
language is measured in benchmarks/bench_languages.py, not here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from vlogkit.domain.sensitive import sensitive_words
from vlogkit.transcribe.invented import credit

pytestmark = pytest.mark.slow

NL_END, FR_START, EN_START = 17.4, 42.4, 49.07  # seconds: nl 17.4 s + 25 s noise + fr 6.67 s + en 11 s


def mixed_file(synth, media: Path) -> Path:
    parts = ["[0:a]aformat=sample_rates=16000:channel_layouts=mono[a]",
             "[1:a]aformat=sample_rates=16000:channel_layouts=mono[b]",
             "[2:a]aresample=16000,aformat=sample_rates=16000:channel_layouts=mono[c]",
             "[3:a]aresample=16000,aformat=sample_rates=16000:channel_layouts=mono[d]",
             "[a][b][c][d]concat=n=4:v=0:a=1"]
    return synth("nl_noise_fr_en.wav", "-i", str(media / "nl" / "vl_concat_5_sentences_16k.wav"),
                 "-f", "lavfi", "-t", "25", "-i", "anoisesrc=r=16000:a=0.002",
                 "-i", str(media / "fr" / "picovoice_test_fr.wav"), "-i", str(media / "en" / "jfk.flac"),
                 "-filter_complex", ";".join(parts), "-ar", "16000", "-ac", "1")


@pytest.fixture(scope="module")
def mixed(media, synth, whisper_engine, tmp_path_factory):  # noqa: ANN001, ANN201
    """(home, vlog id, transcript): the file imported and transcribed with the default `auto` through the service."""
    from vlogkit.config import Paths
    from vlogkit.services import App
    from vlogkit.services.library import ImportOptions

    home = tmp_path_factory.mktemp("mixed-home")
    app = App(Paths(home), transcriber=whisper_engine)
    r = app.library.import_file(mixed_file(synth, media), ImportOptions())
    assert r.ok, r.error
    return home, r.vlog.id, app.transcription.transcribe(r.vlog.id)


def text_between(t, start_s: float, end_s: float) -> str:  # noqa: ANN001
    return " ".join(w.text for w in t.words if start_s * 1000 <= (w.start + w.end) / 2 < end_s * 1000)


def test_each_part_is_read_in_its_own_language(mixed, media, word_error_rate) -> None:  # noqa: ANN001
    _home, _vid, t = mixed
    refs = {lang: (media / lang / name).read_text(encoding="utf-8") for lang, name in
            (("nl", "vl_concat_5_sentences_16k.txt"), ("fr", "picovoice_test_fr.txt"), ("en", "jfk.txt"))}
    got = {"nl": text_between(t, 0, NL_END), "fr": text_between(t, FR_START, EN_START),
           "en": text_between(t, EN_START, 61)}
    assert word_error_rate(refs["fr"], got["fr"]) <= 0.40, got["fr"]
    assert word_error_rate(refs["en"], got["en"]) <= 0.25, got["en"]
    assert word_error_rate(refs["nl"], got["nl"]) <= 0.35, got["nl"]
    assert t.languages == ("nl", "fr", "en") and t.language == "nl" and t.language_label == "nl + fr + en"
    for s in t.segments:  # each segment and each word carries the language of the stretch it lies in
        mid = (s.start + s.end) / 2000
        assert s.language == ("nl" if mid < NL_END + 5 else "fr" if mid < EN_START else "en"), (s.language, s.text)
        assert {w.language for w in s.words} == {s.language}
    starts = [w.start for w in t.words]
    assert starts == sorted(starts) and all(w.start <= w.end for w in t.words)  # one clock across the stretches
    americans = next(w for w in t.words if w.text.strip(",.").lower() == "americans")
    assert EN_START + 1.2 <= americans.start / 1000 <= EN_START + 2.2  # word times stay on the recording's clock


def test_nothing_nobody_said(mixed) -> None:  # noqa: ANN001
    _home, _vid, t = mixed
    assert sensitive_words(t.words) == ()
    assert not [s.text for s in t.segments if credit(s)] and not t.flagged
    assert not text_between(t, NL_END + 0.5, FR_START)  # nothing in the 25 s of noise


def test_cli_subtitles_json_and_show_carry_the_languages(mixed) -> None:  # noqa: ANN001
    home, vid, _t = mixed
    env = {**os.environ, "VLOGKIT_HOME": str(home)}

    def cli(*args: str) -> str:
        proc = subprocess.run([sys.executable, "-m", "vlogkit", *args], capture_output=True, text=True, env=env,
                              timeout=120)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    data = json.loads(cli("subtitles", vid, "--format", "json"))
    assert [s["language"] for s in data["segments"]][-2:] == ["fr", "en"] and data["languages"] == ["nl", "fr", "en"]
    fr = next(s for s in data["segments"] if s["language"] == "fr")
    assert FR_START < fr["start"] < EN_START and isinstance(fr["start"], float)
    assert "detected nl + fr + en" in cli("show", vid)
    shown = json.loads(cli("show", vid, "--json"))
    assert shown["spoken_languages"] == ["nl", "fr", "en"] and shown["detected_language"] == "nl"
