"""A reason's points stay beside its text on a quote card, at any card width (trial 4, c6)."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from vlogkit.domain import Candidate, Reason


def _card_reasons() -> tuple[Reason, ...]:
    return (Reason("form", "phrased the way quotable lines are ('your, what')", 11, "your, what"),
            Reason("repeat", "a word that comes back ('your ... can ... can ... your')", 4, "your ... can ... can ... your"),
            Reason("everyday", "phrased the way everyday updates are ('not, do')", -3, "not, do"))


def _line_top(doc: QTextDocument, pos: int) -> float:
    block = doc.findBlock(pos)
    layout = block.layout()
    line = layout.lineForTextPosition(pos - block.position())
    assert line.isValid()
    return layout.position().y() + line.y()


def test_points_never_wrap_onto_a_line_of_their_own(qtbot) -> None:
    from vlogkit.ui.quote_panel import CandidateCard
    from vlogkit.ui.reasons import reason_points, reason_text

    reasons = _card_reasons()
    cand = Candidate(1, 3000, 10700, "Ask not what your country can do for you.", "Ask not what your country can do "
                     "for you.", 77, reasons, "en", 0, 9)
    card = CandidateCard(cand, "v1")
    qtbot.addWidget(card)
    html = card.reasons.text()
    for width in range(160, 420, 7):  # every card width from narrow to wide
        doc = QTextDocument()
        doc.setDefaultFont(card.reasons.font())
        doc.setHtml(html)
        doc.setTextWidth(width)
        doc.size()  # lays the document out
        for r in reasons:
            text_cur = doc.find(reason_text(r))
            assert not text_cur.isNull()
            pts_cur = doc.find(reason_points(r), text_cur.selectionEnd())
            assert not pts_cur.isNull()
            last_line = _line_top(doc, text_cur.selectionEnd() - 1)
            assert _line_top(doc, pts_cur.selectionStart()) <= last_line, (width, reason_text(r))
