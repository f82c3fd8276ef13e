"""TranscriptionService: storing with the vlog, the cache, corrections, languages, errors, subtitles, no network."""

from __future__ import annotations

import shutil
import socket
from dataclasses import replace
from pathlib import Path

import pytest

from vlogkit.config import Paths
from vlogkit.domain import Segment, Transcript, VlogState, Word
from vlogkit.errors import Cancelled, LibraryError, MediaError, NoAudioError
from vlogkit.jobs import JobContext
from vlogkit.services import App
from vlogkit.transcribe.scripted import ScriptedTranscriber

SCRIPT = Transcript(
    segments=(
        Segment(0, 2000, (Word("Hallo", 0, 600, 0.9), Word("iedereen.", 600, 2000, 0.8))),
        Segment(2500, 4000, (Word("Welkom", 2500, 3000, 0.95), Word("bij", 3000, 3300, 0.9),
                             Word("Acme.", 3300, 4000, 0.7))),
    ),
    language="nl", duration=4000, model="scripted",
)


@pytest.fixture
def scripted_app(home: Path) -> tuple[App, ScriptedTranscriber]:
    fake = ScriptedTranscriber(SCRIPT)
    return App(Paths(home), transcriber=fake), fake


def _import(app: App, path: Path, language: str = "auto") -> str:
    from vlogkit.services.library import ImportOptions

    r = app.library.import_file(path, ImportOptions(language=language))
    assert r.ok, r.error
    return r.vlog.id


def test_transcript_is_stored_with_the_vlog_and_cached(scripted_app, small_video) -> None:
    app, fake = scripted_app
    vid = _import(app, small_video, language="nl")
    t = app.transcription.transcribe(vid)
    assert t == SCRIPT and fake.calls == 1 and fake.last_call["language"] == "nl"
    vlog = app.vlogs.get(vid)
    assert vlog.state is VlogState.TRANSCRIBED and vlog.detected_language == "nl"
    assert (app.paths.transcripts_dir / vlog.extra["transcript"]).is_file()
    # a second run - and a second App on the same home (a new process) - is served without the model
    assert app.transcription.transcribe(vid) == SCRIPT and fake.calls == 1 and app.transcription.last_from_cache
    other = App(app.paths, transcriber=fake)
    assert other.transcription.get(vid) == SCRIPT
    assert other.transcription.transcribe(vid) == SCRIPT and fake.calls == 1
    app.transcription.transcribe(vid, use_cache=False)
    assert fake.calls == 2 and not app.transcription.last_from_cache


def test_language_override_and_auto(scripted_app, small_video) -> None:
    app, fake = scripted_app
    vid = _import(app, small_video, language="nl")
    app.transcription.transcribe(vid, language="auto")
    assert fake.last_call["language"] is None and fake.calls == 1
    app.transcription.transcribe(vid, language="fr")  # other options: another cache entry
    assert fake.last_call["language"] == "fr" and fake.calls == 2


def test_corrections_keep_original_words_and_timings(scripted_app, small_video) -> None:
    app, fake = scripted_app
    vid = _import(app, small_video)
    t = app.transcription.transcribe(vid)
    seg = t.segments[1]
    fixed = replace(seg, words=(seg.words[0], seg.words[1], replace(seg.words[2], corrected="ACME.")))
    app.transcription.save(vid, t.with_segments((t.segments[0], fixed)))
    again = App(app.paths, transcriber=fake).transcription.transcribe(vid)  # served from the store, with the fix
    w = again.segments[1].words[2]
    assert (w.text, w.corrected, w.display, w.start, w.end) == ("Acme.", "ACME.", "ACME.", 3300, 4000)
    assert "Welkom bij ACME." in again.text and fake.calls == 1


def test_glossary_setting_becomes_the_initial_prompt(scripted_app, small_video) -> None:
    app, fake = scripted_app
    app.settings.glossary = "Acme, vlogkit, Gympulse"
    vid = _import(app, small_video)
    app.transcription.transcribe(vid)
    assert fake.last_call["initial_prompt"] == "Acme, vlogkit, Gympulse"


def test_cancel_stores_nothing(scripted_app, small_video) -> None:
    app, fake = scripted_app
    vid = _import(app, small_video)
    ctx = JobContext()
    ctx.cancel()
    with pytest.raises(Cancelled):
        app.transcription.transcribe(vid, ctx=ctx)
    assert app.transcription.get(vid) is None and app.vlogs.get(vid).state is VlogState.NEW


def test_file_gone_and_no_audio_are_one_line_errors(scripted_app, small_video, synth, tmp_path) -> None:
    app, fake = scripted_app
    moved = tmp_path / "moved.mp4"
    shutil.copyfile(small_video, moved)
    vid = _import(app, moved)
    moved.unlink()
    with pytest.raises(MediaError, match="is gone"):
        app.transcription.transcribe(vid)
    silent = synth("noaudio_svc.mp4", "-f", "lavfi", "-i", "testsrc2=s=160x120:r=10:d=1", "-c:v", "libx264",
                   "-preset", "ultrafast", "-pix_fmt", "yuv420p")
    with pytest.raises(NoAudioError, match="no audio track"):
        app.transcription.transcribe(_import(app, silent))
    with pytest.raises(LibraryError, match="no transcript yet"):
        app.transcription.require(vid)
    assert fake.calls == 0


def test_import_subtitles_as_transcript(scripted_app, small_video, tmp_path) -> None:
    app, _ = scripted_app
    vid = _import(app, small_video, language="en")
    srt = tmp_path / "teams.srt"
    srt.write_text("1\n00:00:00,000 --> 00:00:02,000\nHello from Teams\n", encoding="utf-8")
    t = app.transcription.import_subtitles(vid, srt)
    assert t.source == "subtitles" and t.language == "en" and t.text == "Hello from Teams"
    assert app.transcription.get(vid) == t and app.vlogs.get(vid).state is VlogState.TRANSCRIBED


@pytest.mark.slow
def test_real_engine_never_opens_a_network_connection(app, media, monkeypatch) -> None:
    attempts: list[object] = []

    def refuse(self, address, *args):  # type: ignore[no-untyped-def]
        attempts.append(address)
        raise OSError("network disabled by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    vid = _import(app, media / "en" / "jfk.flac")
    t = app.transcription.transcribe(vid)  # the real engine (nothing injected), bundled model
    assert "fellow Americans" in t.text and t.model == "base"
    assert attempts == []


@pytest.mark.slow
def test_real_engine_second_run_is_served_from_the_cache(home, media, whisper_engine) -> None:
    class Counting:
        def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
            self.inner, self.name, self.options, self.calls = inner, inner.name, inner.options, 0

        def transcribe(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            self.calls += 1
            return self.inner.transcribe(*args, **kwargs)

    engine = Counting(whisper_engine)
    app = App(Paths(home), transcriber=engine)
    vid = _import(app, media / "fr" / "picovoice_test_fr.wav", language="fr")
    first = app.transcription.transcribe(vid)
    second = App(Paths(home), transcriber=engine).transcription.transcribe(vid)
    assert engine.calls == 1 and second == first and first.language == "fr"


@pytest.mark.slow
def test_glossary_fixes_a_product_name_with_the_real_model(home, media) -> None:
    app = App(Paths(home))
    vid = _import(app, media / "en" / "hotwords.mp3", language="en")
    plain = app.transcription.transcribe(vid)
    assert "ComfyUI" not in plain.text  # base alone writes "confu i"
    app.settings.glossary = "ComfyUI, Acme"
    prompted = app.transcription.transcribe(vid)  # another prompt: not served from the cache
    assert "ComfyUI" in prompted.text and prompted.options["initial_prompt"] == "ComfyUI, Acme"
