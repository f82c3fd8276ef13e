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
from vlogkit.ui.reasons import reason_line, reason_text, reason_tone

__all__ = ["CandidateCard", "QuotePanel", "reason_text", "status_label", "transcript_key"]


def transcript_key(transcript: Any) -> str:
    """A short digest of a transcript's words (text and times): cards made from one transcript carry it, and are
    out of date once the transcript's key changes (a word fixed, inserted or marked)."""
    if transcript is None:
        return ""
    h = hashlib.sha1(usedforsecurity=False)
    for w in transcript.words:
        h.update(f"{w.start}:{w.end}:{w.display}\n".encode())
    return h.hexdigest()[:16]


def reasons_html(reasons: Any) -> str:
    """Each reason on its line with its points, marked for or against the line with a sign and a colour (never colour
    alone)."""
    c = theme.colors()
    lines = []
    for r in reasons:
        tone = reason_tone(r)
        mark, color = ("✓", c.success) if tone > 0 else ("!", c.warning) if tone < 0 else ("•", c.muted)
        lines.append(f"<span style='color:{color}'><b>{mark}</b></span>&nbsp;{html.escape(reason_line(r))}")
    return "<br>".join(lines)


def status_label(status: str) -> str:
    return {"candidate": tr("Candidate"), "approved": tr("Approved"), "rejected": tr("Rejected")}.get(status, status)


class CandidateCard(QFrame):
    """One quotable line. The card carries its vlog's id, its own words and range, and the key of the transcript it
    was made from: "Add to bank" saves exactly what it shows, for that vlog only; once the transcript changes the
    card is marked out of date and its actions are off."""

    play_clicked = Signal(object)
    add_clicked = Signal(str, object, list, str)  # vlog id, candidate, tags, status
    export_clicked = Signal(str, object)  # vlog id, candidate

    def __init__(self, cand: Any, vlog_id: str = "", key: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cand, self.vlog_id, self.key, self.stale = cand, vlog_id, key, False
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
        reasons = QLabel(reasons_html(cand.reasons))
        reasons.setWordWrap(True)
        lay.addWidget(reasons)
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
        self.stale_label = QLabel(tr("Out of date: the transcript changed since this line was found. Click “Find "
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

    def mark_stale(self) -> None:
        self.stale = True
        self.add_button.setEnabled(False)
        self.export_button.setEnabled(False)
        self.stale_label.show()

    def mark_added(self) -> None:
        self.add_button.setEnabled(False)
        self.add_button.setText(tr("In the bank ✓"))


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

    def mark_stale(self, key: str) -> None:
        """The transcript is now `key`: every card made from another transcript is out of date."""
        for card in self.cards:
            if card.key != key and not card.stale:
                card.mark_stale()

    def set_candidates(self, candidates: list[Any], vlog_id: str = "", key: str = "") -> None:
        for c in self.cards:
            c.setParent(None)
            c.deleteLater()
        self.cards = []
        if not candidates:
            self.set_busy(tr("No quotable line found. Select words in the transcript to make a clip or quote."))
            return
        self.status.setText(tr("{n} candidates, best first.", n=len(candidates)))
        for cand in candidates:
            card = CandidateCard(cand, vlog_id, key)
            card.play_clicked.connect(lambda c: self.play_requested.emit(c.start, c.end))
            card.add_clicked.connect(self.add_requested)
            card.export_clicked.connect(lambda v, c: self.export_requested.emit(v, c.start, c.end))
            self.cards_layout.insertWidget(self.cards_layout.count() - 1, card)
            self.cards.append(card)
