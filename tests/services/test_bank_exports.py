"""Bank exports: the PPTX deck opened with python-pptx, PNG cards, CSV, Markdown; audiences and consent."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from vlogkit.domain import ConsentScope, Speaker
from vlogkit.errors import ConsentError

from .bank_fixtures import CONVICTION, STORY, make_app, rank_of, synth_vlog


@pytest.fixture
def setup(home: Path, synth):  # noqa: ANN001, ANN201
    app, vlog, t = make_app(home, synth_vlog(synth))
    q1 = app.bank.add_candidate(vlog.id, rank_of(app, vlog.id, CONVICTION), tags=["zorg"])
    q2 = app.bank.add_candidate(vlog.id, rank_of(app, vlog.id, STORY))
    app.bank.update(q2.id, consent="internal")
    app.bank.approve([q1.id, q2.id], by="Press Office")
    return app, vlog, app.bank.get(q1.id), app.bank.get(q2.id)


def slide_texts(path: Path) -> list[list[str]]:
    from pptx import Presentation

    prs = Presentation(str(path))
    return [[sh.text_frame.text for sh in s.shapes if sh.has_text_frame and sh.text_frame.text] for s in prs.slides]


def test_internal_deck_has_a_title_slide_then_one_quote_per_slide_with_attribution_and_a_still(
    setup, tmp_path: Path  # noqa: ANN001
) -> None:
    from pptx import Presentation
    from pptx.util import Emu

    app, vlog, q1, q2 = setup
    report = app.bank.export("pptx", tmp_path / "deck.pptx", audience="internal", quotes=[q1, q2])
    assert report.count == 2 and report.skipped == []
    prs = Presentation(str(report.path))
    assert round(Emu(prs.slide_width).inches / Emu(prs.slide_height).inches, 2) == round(16 / 9, 2)
    texts = slide_texts(report.path)
    assert len(texts) == 3
    assert "Quotes for internal use" in texts[0][0] and "2 quotes" in texts[0][1]
    assert texts[1][0] == f"“{q1.text}”"
    assert "Els Peeters, Verpleegkundige - Geriatrie" in texts[1] and "AZ Sint-Jan" in texts[1]
    assert texts[2][0] == f"“{q2.text}”"
    pics = [sh for sh in prs.slides[1].shapes if sh.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    assert len(pics) == 1, "a speaker still from the video at the quote's time"
    assert q1.id in prs.slides[1].notes_slide.notes_text_frame.text


def test_the_deck_speaks_the_apps_language_and_prints_apostrophes_as_a_typesetter_would(
    setup, tmp_path: Path  # noqa: ANN001
) -> None:
    """A Flemish comms officer's deck opened on "Quotes for internal use · 2 quotes": the title slide now reads in
    the app's language (Settings > Language); the quotes stay as said, in their own language's quotation marks."""
    from dataclasses import replace

    app, vlog, q1, q2 = setup
    app.settings = replace(app.settings, ui_language="nl")
    texts = slide_texts(app.bank.export("pptx", tmp_path / "nl.pptx", audience="internal", quotes=[q1, q2]).path)
    assert texts[0][0] == "Citaten voor intern gebruik" and texts[0][1].startswith("2 citaten · voor intern gebruik · 20")
    assert texts[1][0] == f"“{q1.text}”"
    app.settings = replace(app.settings, ui_language="fr")
    fr = app.bank.add_range(vlog.id, 0, 1500)
    app.bank.update(fr.id, text="C'est l'équipe de nuit qui voit tout", language="fr")
    texts = slide_texts(app.bank.export("pptx", tmp_path / "fr.pptx", audience="internal",
                                        quotes=[app.bank.get(fr.id)]).path)
    assert texts[0][0] == "Citations à usage interne" and texts[0][1].startswith("1 citation · à usage interne")
    assert texts[1][0] == "«\u00a0C’est l’équipe de nuit qui voit tout\u00a0»"
    assert app.bank.get(fr.id).text == "C'est l'équipe de nuit qui voit tout"  # the bank keeps what was said


def test_the_markdown_lines_under_each_quote_speak_the_apps_language(setup, tmp_path: Path) -> None:  # noqa: ANN001
    """The title was already Dutch; the line under each quote (status, consent, where in the vlog, the note) was
    still English ("approved by ... · consent: internal") - now it reads as the rest of the file."""
    from dataclasses import replace

    app, vlog, q1, q2 = setup
    q2 = app.bank.update(q2.id, note="Checken met Els")
    app.settings = replace(app.settings, ui_language="nl")
    nl = app.bank.export("md", tmp_path / "nl.md", audience="internal", quotes=[q1, q2]).path.read_text("utf-8")
    assert nl.startswith("# Citaten voor intern gebruik\n")
    assert "goedgekeurd door Press Office · toestemming: extern · vlog " in nl
    assert "toestemming: intern" in nl and "labels: zorg" in nl and "*Notitie:* Checken met Els" in nl
    assert "consent:" not in nl and "approved by" not in nl and "Note:" not in nl
    app.settings = replace(app.settings, ui_language="fr")
    fr = app.bank.export("md", tmp_path / "fr.md", audience="internal", quotes=[q1, q2]).path.read_text("utf-8")
    assert "approuvée par Press Office · consentement : externe · vlog " in fr
    assert "étiquettes : zorg" in fr and "*Note :* Checken met Els" in fr
    app.settings = replace(app.settings, ui_language="en")
    en = app.bank.export("md", tmp_path / "en.md", audience="internal", quotes=[q1, q2]).path.read_text("utf-8")
    assert "approved by Press Office · consent: external · vlog " in en and "*Note:* Checken met Els" in en


def test_external_deck_leaves_out_the_internal_only_quote_and_says_why(setup, tmp_path: Path) -> None:  # noqa: ANN001
    app, vlog, q1, q2 = setup
    report = app.bank.export("pptx", tmp_path / "ext.pptx", audience="external")
    assert report.count == 1
    assert report.skipped == [f"{q2.id}: this quote is cleared for internal use only"]
    texts = slide_texts(report.path)
    assert len(texts) == 2 and texts[1][0] == f"“{q1.text}”"
    assert "cleared for external use" in texts[0][0]


def test_nothing_eligible_is_an_error_that_lists_the_reasons(setup, tmp_path: Path) -> None:  # noqa: ANN001
    app, vlog, q1, q2 = setup
    app.library.edit(vlog.id, consent=ConsentScope.NONE)
    with pytest.raises(ConsentError, match=r"left out 2 quotes: .*consent withdrawn on"):
        app.bank.export("csv", tmp_path / "none.csv", audience="internal")
    assert not (tmp_path / "none.csv").exists()
    app.library.edit(vlog.id, consent=ConsentScope.EXTERNAL)
    app.bank.update(q1.id, status="candidate")
    app.bank.update(q2.id, status="rejected")
    with pytest.raises(ConsentError, match="not approved yet"):
        app.bank.export("md", tmp_path / "x.md", audience="external")


def test_exports_never_overwrite_an_existing_file(setup, tmp_path: Path) -> None:  # noqa: ANN001
    app, *_ = setup
    target = tmp_path / "quotes.md"
    target.write_text("mine", encoding="utf-8")
    report = app.bank.export("md", target)
    assert report.path == tmp_path / "quotes-2.md"
    assert target.read_text(encoding="utf-8") == "mine"


def test_cards_are_png_at_both_sizes_with_text_drawn(setup, tmp_path: Path) -> None:  # noqa: ANN001
    import numpy as np
    from PIL import Image

    app, vlog, q1, q2 = setup
    report = app.bank.export("cards", tmp_path / "cards", audience="internal")
    assert report.count == 2 and len(report.files) == 4
    sizes = sorted(Image.open(p).size for p in report.files)
    assert sizes == [(1080, 1080), (1080, 1080), (1920, 1080), (1920, 1080)]
    for p in report.files:
        img = Image.open(p).convert("L")
        w, h = img.size
        body = img.crop((int(w * 0.08), int(h * 0.25), int(w * 0.92), int(h * 0.75)))
        bright = int((np.asarray(body) > 200).sum())
        assert bright > 0.02 * body.width * body.height, f"{p.name}: the quote text is not drawn"
        brand = Image.open(p).convert("RGB").getpixel((w // 2, h - 3))
        assert brand == (0xFF, 0xC4, 0x00)  # the brand colour bar


def test_a_french_card_opens_on_a_guillemet_and_prints_typographic_apostrophes(tmp_path: Path) -> None:
    """The trial: a French quote's card opened on an English “ while its slide used « »."""
    import numpy as np
    from PIL import Image

    from vlogkit.render.cards import render_card

    text = "C'est l'équipe de nuit qui voit tout ce que le jour oublie"
    marks = {}
    for lang in ("fr", "en"):
        img = np.asarray(Image.open(render_card(text, "Marie Dubois", tmp_path / f"{lang}.png", language=lang))
                         .convert("RGB")).astype(int)
        h = img.shape[0]
        top = img[: int(h * 0.25)]
        ys, _ = np.nonzero(abs(top - (0xFF, 0xC4, 0x00)).sum(axis=2) < 60)  # the brand-coloured opening mark
        assert len(ys) > 200, lang
        marks[lang] = (ys.mean(), img[int(h * 0.25):])
    # « sits on the middle of its line, “ high up; below the mark the two cards are the same quote, same apostrophes
    assert marks["fr"][0] > marks["en"][0] + 10
    assert (marks["fr"][1] == marks["en"][1]).all()


def test_csv_has_a_bom_keeps_accents_and_neutralises_formulas(setup, tmp_path: Path) -> None:  # noqa: ANN001
    app, vlog, q1, q2 = setup
    app.bank.update(q1.id, note="=HYPERLINK(\"http://evil\")", speaker=Speaker("@Els", "-Nurse", "+Geri", "AZ"))
    report = app.bank.export("csv", tmp_path / "q.csv")
    raw = report.path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    by_id = {r["id"]: r for r in rows}
    assert "patiënt" in by_id[q1.id]["text"]
    assert by_id[q1.id]["note"] == "'=HYPERLINK(\"http://evil\")"
    assert by_id[q1.id]["speaker"] == "'@Els" and by_id[q1.id]["role"] == "'-Nurse" and by_id[q1.id]["team"] == "'+Geri"
    assert by_id[q2.id]["consent"] == "internal"
    assert by_id[q1.id]["copy_text"].startswith("“Ik ben ervan overtuigd")


@pytest.mark.parametrize(("locale_name", "want"), [("nl_BE.UTF-8", ";"), ("fr_BE.UTF-8", ";"), ("en_BE.UTF-8", ";"),
                                                     ("Dutch_Belgium", ";"), ("en_GB.UTF-8", ","), ("C.UTF-8", ",")])
def test_csv_cells_are_split_as_this_computers_spreadsheet_expects(
        setup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, locale_name: str, want: str) -> None:  # noqa: ANN001
    """Excel with Belgian settings splits a CSV at semicolons: with commas, every quote lands in one column."""
    app, vlog, q1, q2 = setup
    monkeypatch.setenv("LC_ALL", locale_name)
    raw = app.bank.export("csv", tmp_path / "q.csv").path.read_text(encoding="utf-8-sig")
    assert raw.startswith(f"id{want}text{want}copy_text{want}")
    rows = list(csv.DictReader(io.StringIO(raw), delimiter=want))
    assert {r["id"] for r in rows} == {q1.id, q2.id} and "patiënt" in rows[0]["text"] + rows[1]["text"]
    assert all(len(r) == len(rows[0]) and None not in r for r in rows)  # no cell spilled over: the text's commas
    # and the tags' "; " stay inside their quoted cells


def test_the_csv_separator_setting_and_the_export_call_override_the_locale(
        setup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    app, vlog, q1, _ = setup
    monkeypatch.setenv("LC_ALL", "nl_BE.UTF-8")
    app.settings.csv_separator = ","
    assert app.bank.export("csv", tmp_path / "a.csv").path.read_text(encoding="utf-8-sig").startswith("id,text,")
    assert app.bank.export("csv", tmp_path / "b.csv", separator=";").path.read_text(
        encoding="utf-8-sig").startswith("id;text;")
    app.settings.csv_separator = "tab"  # a hand-edited settings file: an unknown value falls back to the locale's
    assert app.bank.export("csv", tmp_path / "c.csv").path.read_text(encoding="utf-8-sig").startswith("id;text;")


def test_markdown_escapes_what_people_said(setup, tmp_path: Path) -> None:  # noqa: ANN001
    app, vlog, q1, _ = setup
    app.bank.update(q1.id, text="We *never* give up <b>ever</b> [link](x) #1")
    text = app.bank.export("md", tmp_path / "q.md").path.read_text(encoding="utf-8")
    assert r"We \*never\* give up \<b\>ever\</b\> \[link\](x) \#1" in text
    assert "— Els Peeters, Verpleegkundige - Geriatrie (AZ Sint-Jan)" in text
