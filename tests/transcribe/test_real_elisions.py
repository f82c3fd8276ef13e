"""French elisions and hyphenated names come out as people write them, through the real model."""

from __future__ import annotations

from pathlib import Path

from vlogkit.jobs import JobContext
from vlogkit.media.probe import probe


def test_french_elisions_are_whole_words(media: Path, whisper_engine) -> None:  # type: ignore[no-untyped-def]
    clip = media / "fr" / "fleurs-fr-001.ogg"
    t = whisper_engine.transcribe(str(clip), language="fr", initial_prompt=None,
                                  duration_ms=probe(clip).duration_ms, ctx=JobContext())
    texts = [w.text for w in t.words]
    assert "d'accord" in texts, texts
    assert not any(x.startswith(("'", "\u2019", "-")) for x in texts), texts
    assert " 'a" not in t.text and " -U" not in t.text
