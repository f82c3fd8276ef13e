"""A bank quote reads the same wherever it shows: its seconds (rounded, never truncated) in the quote panel, the bank
and the text exports, and its attribution ("Name, Role - Team (Company)") in the copy text, CSV, Markdown, the bank
list and "Copy with attribution". Real widgets offscreen, a real TinyDB bank."""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from vlogkit.domain import Candidate, ConsentScope, Quote, Speaker
from vlogkit.render.bank_formats import Row, to_csv, to_markdown

SPEAKER = Speaker("Els Peeters", "Nurse", "Geriatrics", "AZ Sint-Jan")
WHO = "Els Peeters, Nurse - Geriatrics (AZ Sint-Jan)"


@pytest.fixture
def bank_view(qtbot, gui_app, home):  # noqa: ANN001, ANN201
    from vlogkit.ui.bank_view import BankView
    from vlogkit.ui.jobs import JobManager

    q = Quote(id="q3050", vlog_id="v1", start=3050, end=7450, text="We never give up.", verbatim="We never give up.",
              language="en", speaker=SPEAKER, source_title="Ward vlog")
    gui_app.store.quotes.add_unique(q)
    view = BankView(gui_app, JobManager(str(home)))
    qtbot.addWidget(view)
    view.refresh()
    assert view.table.rowCount() == 1
    return view, q


def test_a_quote_shows_the_same_rounded_seconds_in_the_panel_the_bank_and_the_exports(qtbot, bank_view) -> None:  # noqa: ANN001
    from vlogkit.ui.quote_panel import CandidateCard

    view, q = bank_view
    cand = Candidate(1, q.start, q.end, q.text, q.verbatim, 80, (), "en", 0, 4)
    card = CandidateCard(cand, "v1")
    qtbot.addWidget(card)
    assert "0:03.1–0:07.5" in [label.text() for label in card.findChildren(QLabel)]  # was 0:03.0–0:07.4 (truncated)
    assert view.table.item(0, 2).text() == "Ward vlog @ 0:03.1"
    assert "vlog v1 3.1-7.5 s" in to_markdown([Row(q, ConsentScope.INTERNAL)], "Bank")  # was 3.0-7.5 (float)
    [row] = csv.DictReader(io.StringIO(to_csv([Row(q, ConsentScope.INTERNAL)]).decode("utf-8-sig")))
    assert (row["start_s"], row["end_s"]) == ("3.05", "7.45")


def test_the_team_is_in_every_attribution_of_a_quote(qtbot, bank_view) -> None:  # noqa: ANN001
    view, q = bank_view
    assert q.copy_text() == f"“We never give up.” - {WHO}"
    [row] = csv.DictReader(io.StringIO(to_csv([Row(q, ConsentScope.INTERNAL)]).decode("utf-8-sig")))
    assert row["copy_text"] == q.copy_text()
    assert f"> — {WHO}" in to_markdown([Row(q, ConsentScope.INTERNAL)], "Bank")
    assert view.table.item(0, 1).text() == WHO  # the bank list's speaker cell
    view.table.selectRow(0)
    view.copy_button.click()  # "Copy with attribution"
    assert QGuiApplication.clipboard().text() == q.copy_text()
    # parts nobody filled in are left out, never a stray dash or bracket
    assert Speaker("Bo", "", "Sales", "").credit() == "Bo - Sales"
    assert Speaker("", "", "", "Acme").credit() == "Acme"
    assert q.with_(speaker=Speaker()).copy_text() == "“We never give up.”"


def test_the_quote_panel_counts_one_candidate_in_the_singular(qtbot) -> None:  # noqa: ANN001
    from vlogkit.ui.quote_panel import QuotePanel

    panel = QuotePanel()
    qtbot.addWidget(panel)
    one = Candidate(1, 1000, 4000, "A line worth a slide.", "A line worth a slide.", 70, (), "en", 0, 5)
    panel.set_candidates([one], "v1")
    assert panel.status.text() == "One candidate."
    panel.set_candidates([one, Candidate(2, 5000, 8000, "Another one here.", "Another one here.", 60, (), "en", 6, 9)],
                         "v1")
    assert panel.status.text() == "2 candidates, best first."


def test_a_french_quote_reads_in_guillemets_on_slides_in_markdown_and_in_the_copy_text(tmp_path) -> None:  # noqa: ANN001
    from pptx import Presentation

    from vlogkit.render.slides import SlideItem, build_deck

    fr = Quote(id="q1", vlog_id="v1", start=0, end=2000, text="On ne lâche rien.", verbatim="On ne lâche rien.",
               language="fr", speaker=SPEAKER)
    assert fr.copy_text() == f"«\u00a0On ne lâche rien.\u00a0» - {WHO}"
    assert "> «\u00a0On ne lâche rien.\u00a0»" in to_markdown([Row(fr, ConsentScope.INTERNAL)], "Banque")
    deck = build_deck([SlideItem(fr.text, "Els Peeters", language="fr"), SlideItem("We never give up.", "Els")],
                      tmp_path / "deck.pptx", title="Citations")
    texts = [sh.text_frame.text for s in Presentation(str(deck)).slides for sh in s.shapes if sh.has_text_frame]
    assert "«\u00a0On ne lâche rien.\u00a0»" in texts and "“We never give up.”" in texts


def test_a_bank_quote_named_in_a_message_has_its_language_s_quotation_marks() -> None:
    from vlogkit.ui.bank_actions import describe

    fr = Quote(id="q1", vlog_id="v1", start=3050, end=7450, text="On ne lâche rien.", verbatim="", language="fr")
    assert describe(fr) == "«\u00a0On ne lâche rien.\u00a0» (0:03.1–0:07.5)"
    assert describe(fr.with_(language="en")) == "“On ne lâche rien.” (0:03.1–0:07.5)"
