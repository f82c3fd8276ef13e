"""The finder on real Whisper transcripts of the shared media (bundled `base` model, loaded once per session)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vlogkit.quotes import find_candidates
from vlogkit.quotes.sentences import build_sentences

pytestmark = pytest.mark.slow


def _check_times(transcript, cands) -> None:  # noqa: ANN001
    words = transcript.words
    for c in cands:
        assert c.start <= words[c.word_start].start and c.end >= words[c.word_end - 1].end
        if c.word_start:
            assert c.start >= words[c.word_start - 1].end
        if c.word_end < len(words):
            assert c.end <= words[c.word_end].start
        assert 0 <= c.start < c.end <= transcript.duration


def test_desk_vlog_ranks_the_kennedy_line_first_with_clip_ready_times(desk_transcript) -> None:  # noqa: ANN001
    cands = find_candidates(desk_transcript)
    top = cands[0]
    print(f"\n  desk vlog: {len(cands)} candidates; top: [{top.score}] {top.text} "
          f"({top.start / 1000:.2f}-{top.end / 1000:.2f} s) {[r.code for r in top.reasons]}")
    assert "ask not what your country can do for you" in top.text.lower().replace(",", "")
    assert "contrast" in {r.code for r in top.reasons}
    # the famous line itself, whole and alone (the long pause after "my fellow Americans," ends a sentence where
    # Whisper hears it; on some CPUs it writes "And so my fellow Americans, ask not ..." as one sentence)
    assert top.text.lower().startswith(("ask not", "and so my fellow", "my fellow americans, ask not"))
    assert top.verbatim.rstrip(".").endswith("country") and top.end < 12_000  # jfk.flac is the first 11 s
    _check_times(desk_transcript, cands)
    # the Harvard sentences come out as separate sentences, not one block per Whisper segment
    assert len(build_sentences(desk_transcript.words)) >= 9


def test_french_read_speech_gives_french_candidates(whisper_engine, media: Path) -> None:  # noqa: ANN001
    from vlogkit.jobs import JobContext
    from vlogkit.media.probe import probe

    clip = media / "fr" / "fleurs-fr-007.ogg"
    t = whisper_engine.transcribe(str(clip), language=None, initial_prompt=None,
                                  duration_ms=probe(clip).duration_ms, ctx=JobContext())
    assert t.language == "fr"
    cands = find_candidates(t)
    print(f"\n  fleurs-fr-007: {[(c.score, c.text) for c in cands]}")
    assert cands and all(c.language == "fr" for c in cands)
    assert "d'étudier" in cands[0].text  # Whisper's "d" + "'étudier" joined back
    _check_times(t, cands)
