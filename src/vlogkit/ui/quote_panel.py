"""The quote panel: ranked candidates with a score bar and the reasons; play one, add it to the bank, export it."""

from __future__ import annotations

import hashlib
import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vlogkit.domain.times import format_clock
from vlogkit.ui import theme
from vlogkit.ui.i18n import tr
from vlogkit.ui.icons import icon
from vlogkit.ui.reasons import reason_points, reason_text, reason_tone

__all__ = ["CandidateCard", "QuotePanel", "reason_text", "span_key", "status_label"]


def span_key(transcript: Any, start: int, end: int) -> str:
    """A short digest of the words (text and times) in one quote's range [start, end): a card carries the key of its
    own words and is out of date once a word in its range is fixed or one is inserted there - not when a word
    elsewhere in the transcript changes. A card's padded range never reaches into a neighbouring word, so the words
    whose middle falls inside it are exactly the line's."""
    if transcript is None:
        return ""
    h = hashlib.sha1(usedforsecurity=False)
    for w in transcript.words_between(start, end):
        h.update(f"{w.start}:{w.end}:{w.display}\n".encode())
    return h.hexdigest()[:16]


def reasons_html(reasons: Any) -> str:
    """Each reason on its row, marked for or against the line with a sign and a colour (never colour alone), its
    points in a right-aligned column of their own: a long reason wraps within its column and its points stay beside
    it, never alone on a line."""
    c = theme.colors()
    rows = []
    for r in reasons:
        tone = reason_tone(r)
        mark, color = ("✓", c.success) if tone > 0 else ("!", c.warning) if tone < 0 else ("•", c.muted)
        rows.append(f"<tr><td valign='top' width='16' style='color:{color}'><b>{mark}</b></td>"
                    f"<td valign='top' width='100%'>{html.escape(reason_text(r))}</td>"
                    f"<td valign='top' align='right' style='white-space:nowrap'>&nbsp;{reason_points(r)}</td></tr>")
    return "<table cellspacing='0' cellpadding='0' width='100%'>" + "".join(rows) + "</table>"


def status_label(status: str) -> str:
    return {"candidate": tr("Candidate"), "approved": tr("Approved"), "rejected": tr("Rejected")}.get(status, status)


class CandidateCard(QFrame):
    """One quotable line. The card carries its vlog's id, its own words and range, and the key of its words as they
    were when it was made (`span_key`): "Add to bank" saves exactly what it shows, for that vlog only; once a word in
    its range changes the card is out of date and its actions are off (undoing the change brings them back)."""

    play_clicked = Signal(object)
    add_clicked = Signal(str, object, list, str)  # vlog id, candidate, tags, status
    export_clicked = Signal(str, object)  # vlog id, candidate

    def __init__(self, cand: Any, vlog_id: str = "", key: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cand, self.vlog_id, self.key, self.stale, self.added = cand, vlog_id, key, False, False
        theme.set_role(self, "card")
        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        chip = QLabel(f"#{cand.rank}")
        chip.setStyleSheet(f"background: {theme.QUOTE_COLORS[(cand.rank - 1) % len(theme.QUOTE_COLORS)]}; color: #ffffff; "
                           "border-radius: 4px; padding: 1px 6px; font-weight: 600;")
        chip.setToolTip(tr("The same colour marks this line on the timeline."))
        head.addWidget(chip)
        self.times = QLabel(f"{format_clock(cand.start)}–{format_clock(cand.end)}")
        head.addWidget(self.times)
        head.addStretch(1)
        self.score_label = QLabel(tr("score {n}", n=int(cand.score)))
        self.score_label.setToolTip(tr("How quotable the finder thinks this line is (0-100)"))
        head.addWidget(self.score_label)
        self.score = QProgressBar()
        self.score.setRange(0, 100)
        self.score.setValue(int(cand.score))
        self.score.setTextVisible(False)
        self.score.setFixedSize(60, 8)
        self.score.setAccessibleName(tr("score {n}", n=int(cand.score)))
        head.addWidget(self.score)
        lay.addLayout(head)
        text = QLabel(f"“{cand.text}”")
        text.setWordWrap(True)
        text.setStyleSheet("font-size: 13px;")
        lay.addWidget(text)
        self.reasons = QLabel(reasons_html(cand.reasons))
        self.reasons.setWordWrap(True)
        lay.addWidget(self.reasons)
        row = QHBoxLayout()
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(tr("tags, comma separated"))
        self.status = QComboBox()
        for s in ("candidate", "approved", "rejected"):  # saved as a candidate unless someone reviews it here
            self.status.addItem(status_label(s), s)
        self.play_button = QPushButton(icon("play"), tr("Play"))
        self.add_button = QPushButton(icon("bank"), tr("Add to bank"))
        self.export_button = QPushButton(icon("export"), tr("Export…"))
        row.addWidget(self.tags, 1)
        row.addWidget(self.status)
        lay.addLayout(row)
        row2 = QHBoxLayout()
        for b in (self.play_button, self.add_button, self.export_button):
            row2.addWidget(b)
        lay.addLayout(row2)
        self.stale_label = QLabel(tr("Out of date: a word in this line changed since it was found. Click “Find "
                                     "quotes” to see it again."))
        self.stale_label.setWordWrap(True)
        self.stale_label.hide()
        lay.addWidget(self.stale_label)
        self.play_button.clicked.connect(lambda: self.play_clicked.emit(self.cand))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.export_button.clicked.connect(lambda: self.export_clicked.emit(self.vlog_id, self.cand))

    def _on_add_clicked(self) -> None:
        tags = [t.strip() for t in self.tags.text().split(",") if t.strip()]
        self.add_clicked.emit(self.vlog_id, self.cand, tags, str(self.status.currentData()))

    def set_stale(self, stale: bool) -> None:
        self.stale = stale
        self.add_button.setEnabled(not stale and not self.added)
        self.export_button.setEnabled(not stale)
        self.stale_label.setVisible(stale)

    def mark_added(self, quote: Any = None) -> None:
        self.set_in_bank(True, quote)

    def set_in_bank(self, in_bank: bool, quote: Any = None) -> None:
        """The bank holds this line (its words) or, after a removal, no longer does. Once it is in, the tags and the
        review shown are the bank quote's, as it is now (reviewed in the Bank view or by `vlogkit bank approve`),
        and they are read-only here: the Quote bank tab edits them."""
        self.added = in_bank
        self.add_button.setEnabled(not in_bank and not self.stale)
        self.add_button.setText(tr("In the bank ✓") if in_bank else tr("Add to bank"))
        if in_bank and quote is not None:
            self.tags.setText(", ".join(quote.tags))
            self.status.setCurrentIndex(max(0, self.status.findData(quote.status.value)))
        for w in (self.tags, self.status):
            w.setEnabled(not in_bank)
            w.setToolTip(tr("Edit the tags and the review in the Quote bank tab.") if in_bank else "")


class QuotePanel(QWidget):
    refresh_requested = Signal()
    play_requested = Signal(int, int)
    add_requested = Signal(str, object, list, str)  # vlog id, candidate, tags, status
    export_requested = Signal(str, int, int)  # vlog id, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: list[CandidateCard] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        title = QLabel(tr("Quotable lines"))
        title.setStyleSheet("font-weight: bold; font-size: 14px;")
        head.addWidget(title)
        head.addStretch(1)
        self.refresh_button = QPushButton(tr("Find quotes"))
        head.addWidget(self.refresh_button)
        lay.addLayout(head)
        self.status = QLabel(tr("Quotes appear here once the vlog is transcribed."))
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        inner = QWidget()
        self.cards_layout = QVBoxLayout(inner)
        self.cards_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        lay.addWidget(scroll, 1)
        self.refresh_button.clicked.connect(self.refresh_requested)

    def set_busy(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def mark_stale(self, transcript: Any) -> None:
        """The transcript is now `transcript`: a card whose own words changed is out of date; the others stay as they
        are (a fix elsewhere does not touch their words or times)."""
        for card in self.cards:
            card.set_stale(span_key(transcript, card.cand.start, card.cand.end) != card.key)

    def set_candidates(self, candidates: list[Any], vlog_id: str = "", transcript: Any = None) -> None:
        """Show `candidates`, found in `transcript` (each card keeps the key of its own words in it)."""
        for c in self.cards:
            c.setParent(None)
            c.deleteLater()
        self.cards = []
        if not candidates:
            self.set_busy(tr("No quotable line found. Select words in the transcript to make a clip or quote."))
            return
        self.status.setText(tr("One candidate.") if len(candidates) == 1 else
                            tr("{n} candidates, best first.", n=len(candidates)))
        for cand in candidates:
            card = CandidateCard(cand, vlog_id, span_key(transcript, cand.start, cand.end))
            card.play_clicked.connect(lambda c: self.play_requested.emit(c.start, c.end))
            card.add_clicked.connect(self.add_requested)
            card.export_clicked.connect(lambda v, c: self.export_requested.emit(v, c.start, c.end))
            self.cards_layout.insertWidget(self.cards_layout.count() - 1, card)
            self.cards.append(card)
