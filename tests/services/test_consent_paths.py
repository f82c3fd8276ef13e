"""Every path asks the one rule: once a vlog's consent goes to `none`, no bank format (pptx, cards, csv, md, json) for
any audience, no clip (range, candidate or bank quote), no preview and no subtitle file lets its content out; a
quote's own cap and review status hold on the clip path too."""

from __future__ import annotations

from pathlib import Path

import pytest

from vlogkit.domain import ConsentScope
from vlogkit.errors import ConsentError

from .bank_fixtures import make_app, synth_vlog

FORMATS = ("pptx", "cards", "csv", "md", "json")


@pytest.fixture
def setup(home: Path, synth):  # noqa: ANN001, ANN201
    app, vlog, _ = make_app(home, synth_vlog(synth))
    q = app.bank.approve([app.bank.add_candidate(vlog.id, 1).id], by="Press Office")[0]
    return app, vlog, q


def test_after_consent_none_nothing_of_the_vlog_goes_out_on_any_path(setup, tmp_path: Path) -> None:  # noqa: ANN001
    app, vlog, q = setup
    ok = app.bank.export("csv", tmp_path / "before.csv", audience="external")  # cleared before the withdrawal
    assert ok.count == 1
    app.library.edit(vlog.id, consent=ConsentScope.NONE)
    for fmt in FORMATS:
        for audience in ("internal", "external"):
            out = tmp_path / f"{fmt}-{audience}" / ("cards" if fmt == "cards" else f"q.{fmt}")
            with pytest.raises(ConsentError, match="consent withdrawn on"):
                app.bank.export(fmt, out, audience=audience)
            assert not out.exists() or not any(out.iterdir()), (fmt, audience)
    for audience in ("internal", "external"):
        for kwargs in ({"ranges": [(q.start, q.end)]}, {"ranges": [(q.start, q.end)], "quote_id": q.id}):
            request = app.export.request(vlog.id, presets=["240x240"], captions="off", audience=audience,
                                         out_dir=tmp_path / "clips", **kwargs)
            with pytest.raises(ConsentError, match="consent withdrawn on"):
                app.export.export(request)
            with pytest.raises(ConsentError, match="consent withdrawn on"):
                app.export.plan(request)  # the dry run and the preview read the same refusal
        with pytest.raises(ConsentError):
            app.transcription.export_text(vlog.id, tmp_path / "t.srt", "1\n", audience=audience)
    with pytest.raises(ConsentError):
        app.export.preview_frame(app.export.request(vlog.id, ranges=[(q.start, q.end)]), q.start)
    assert not (tmp_path / "clips").exists() and not (tmp_path / "t.srt").exists()
    # the one file that went out before is what `vlogkit log ID` lists for comms to take down
    assert [p for p, _ in app.data.exported_files(vlog.id)] == [str(ok.path)]


def test_a_quotes_cap_and_review_hold_on_the_clip_path(setup, tmp_path: Path) -> None:  # noqa: ANN001
    app, vlog, q = setup
    tmp_path = tmp_path / "clips"
    app.bank.update(q.id, consent="internal")
    def clip(**kw):  # noqa: ANN003, ANN202
        return app.export.export(app.export.request(vlog.id, ranges=[(q.start, q.end)], audience="external",
                                                    captions="off", presets=["240x240"], out_dir=tmp_path, **kw))

    with pytest.raises(ConsentError, match="cleared for internal use only"):
        clip(quote_id=q.id)
    app.bank.update(q.id, consent="external", text="An edited line.")  # editing the text undoes the approval
    assert app.bank.get(q.id).status.value == "candidate"
    with pytest.raises(ConsentError, match="not approved yet"):
        clip(quote_id=q.id)
    assert not tmp_path.exists() or list(tmp_path.iterdir()) == []
    # the same range as a plain range needs only the vlog's consent (it is not the bank quote's text)
    res = clip()
    assert res.outputs[0].path.exists()
