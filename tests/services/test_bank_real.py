"""The whole quote path on the real desk vlog: the real Whisper transcript (session fixture), the real video file."""

from __future__ import annotations

from pathlib import Path

import pytest

from vlogkit.config import Paths
from vlogkit.domain import ConsentScope, Speaker
from vlogkit.services import App
from vlogkit.services.library import ImportOptions
from vlogkit.transcribe.scripted import ScriptedTranscriber

pytestmark = pytest.mark.slow


def test_desk_vlog_candidate_to_slide_with_a_face_centred_still(
    home: Path, desk_vlog: Path, desk_transcript, tmp_path: Path  # noqa: ANN001
) -> None:
    from pptx import Presentation

    app = App(Paths(home), transcriber=ScriptedTranscriber(desk_transcript))
    speaker = Speaker("Dana Desk", "Engineer", "Platform", "Acme")
    vlog = app.library.import_file(desk_vlog, ImportOptions(speaker=speaker, consent=ConsentScope.EXTERNAL)).vlog
    top = app.quotes.candidates(vlog.id, top=3)[0]
    assert "ask not what your country" in top.text.lower()
    q = app.bank.approve([app.bank.add_candidate(vlog.id, 1, tags=["roadshow"]).id], by="Press Office")[0]
    report = app.bank.export("pptx", tmp_path / "deck.pptx", audience="external")
    prs = Presentation(str(report.path))
    slide = prs.slides[1]
    texts = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
    assert texts[0] == f"“{q.text}”" and "Dana Desk, Engineer - Platform" in texts
    pic = next(sh for sh in slide.shapes if sh.shape_type == 13)
    # the face sits left of centre in this video: the portrait strip is cropped around it, not around the middle
    assert pic.crop_left < pic.crop_right
    assert q.id in slide.notes_slide.notes_text_frame.text
