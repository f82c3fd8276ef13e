"""The embarrassment guard at the export gates: an external clip or card never shows a swear word nobody confirmed;
a confirmation (or a fix) lets it through; internal outputs are not held up."""

from __future__ import annotations

from pathlib import Path

import pytest

from vlogkit.domain import ConsentScope
from vlogkit.errors import UnconfirmedWordError
from vlogkit.services.wordcheck import require_confirmed

from .bank_fixtures import make_app, synth_vlog

TEXT = """Hoi, ik ben Els, en ik neem dit op met mijn gsm.
Die vergadering was echt klote, maar het resultaat is goed voor elke patiënt.
Ik ben ervan overtuigd dat je dit werk niet doet voor het loon, maar voor het moment dat een patiënt je hand vastpakt."""


@pytest.fixture
def setup(home: Path, synth):  # noqa: ANN001, ANN201
    app, vlog, _ = make_app(home, synth_vlog(synth), consent=ConsentScope.EXTERNAL, text=TEXT)
    t = app.transcription.transcribe(vlog.id)
    klote = next(w for w in t.words if w.text.startswith("klote"))
    return app, vlog, t, klote


def test_an_external_clip_waits_for_the_word_to_be_confirmed(setup, tmp_path: Path) -> None:  # noqa: ANN001
    app, vlog, t, klote = setup
    second = t.segments[1]
    out = tmp_path / "out"
    with pytest.raises(UnconfirmedWordError) as err:
        app.export.export(app.export.request(vlog.id, ranges=[(second.start, second.end)], presets=["square"], captions="line",
                          audience="external", out_dir=out))
    msg = str(err.value)
    assert "'klote,'" in msg and f"vlogkit confirm {vlog.id} {klote.start / 1000:.1f}" in msg and "\n" not in msg
    assert not out.exists() or not any(out.iterdir())  # nothing was rendered
    require_confirmed("internal", t.words, vlog_id=vlog.id, what="x")  # inside the company: listed, not blocked
    confirmed = app.transcription.confirm(vlog.id, klote.start + 50)
    assert [w.confirmed for w in confirmed.words if w.text.startswith("klote")] == [True]
    result = app.export.export(app.export.request(vlog.id, ranges=[(second.start, second.end)], presets=["square"], captions="line",
                               audience="external", out_dir=out))
    assert result.outputs and result.outputs[0].path.is_file()
    assert "klote" in result.subtitles[0].read_text(encoding="utf-8")  # said and confirmed: kept, authentically


def test_a_card_with_the_word_is_left_out_until_confirmed_or_fixed(setup, tmp_path: Path) -> None:  # noqa: ANN001
    app, vlog, t, klote = setup
    clean = app.bank.add_range(vlog.id, t.segments[2].start, t.segments[2].end)
    rude = app.bank.add_range(vlog.id, t.segments[1].start, t.segments[1].end)
    app.bank.approve([clean.id, rude.id], by="Press Office")
    report = app.bank.export("cards", tmp_path / "cards", audience="external")
    assert report.count == 1 and len(report.skipped) == 1
    assert report.skipped[0].startswith(f"{rude.id}: Quote {rude.id} would show 'klote,'")
    assert app.bank.export("cards", tmp_path / "cards-int", audience="internal").count == 2
    app.bank.update(rude.id, text=rude.text.replace("klote", "lastig"))
    app.bank.approve([rude.id], by="Press Office")  # an edited quote is reviewed again
    assert app.bank.export("cards", tmp_path / "cards-fixed", audience="external").count == 2
    app.bank.update(rude.id, text=rude.text)
    app.bank.approve([rude.id], by="Press Office")
    assert app.bank.export("cards", tmp_path / "cards-again", audience="external").count == 1
    app.transcription.confirm(vlog.id, klote.start)
    report = app.bank.export("pptx", tmp_path / "deck.pptx", audience="external")
    assert report.count == 2 and report.skipped == [] and clean.id
    with pytest.raises(Exception, match="No word to check at 1 s"):
        app.transcription.confirm(vlog.id, 1000)
