"""The vlog editor's widgets and their layout (as a Designer `setupUi` would make them): title, consent badge and
actions; a note banner; player | transcript | quotes and details, over the timeline and its tools. Splitters let
the user give the player the room; the editor remembers them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vlogkit.ui import theme
from vlogkit.ui.badges import ConsentBadge
from vlogkit.ui.i18n import tr
from vlogkit.ui.icons import icon
from vlogkit.ui.live_preview import LivePreviewPanel
from vlogkit.ui.player import PlayerWidget
from vlogkit.ui.quote_panel import QuotePanel
from vlogkit.ui.timeline import TimelineWidget
from vlogkit.ui.transcript_view import TranscriptView
from vlogkit.ui.vlog_details import VlogDetails

if TYPE_CHECKING:
    from vlogkit.ui.vlog_editor import VlogEditor


def setup_editor(self: VlogEditor) -> None:
    lay = QVBoxLayout(self)
    lay.setSpacing(theme.SPACE)
    head = QHBoxLayout()
    self.title = theme.set_role(QLabel(tr("Open a vlog from the library.")), "title")
    self.title.setWordWrap(True)  # a long title takes two lines rather than widening the window
    self.badge = ConsentBadge(self.app)
    self.transcribe_button = QPushButton(icon("transcribe"), tr("Transcribe"))
    self.add_range_button = QPushButton(icon("bank"), tr("Add selection to bank"))
    self.export_button = theme.set_role(QPushButton(icon("export", "accent_text"), tr("Export clip…")), "primary")
    self.export_button.setToolTip(tr("Export the selection (or the best quote) as captioned clips (Ctrl+E)"))
    head.addWidget(self.title, 1)
    head.addWidget(self.badge)
    for b in (self.transcribe_button, self.add_range_button, self.export_button):
        head.addWidget(b)
    lay.addLayout(head)
    self.note = theme.set_role(QFrame(), "banner")
    nl = QHBoxLayout(self.note)
    self.note_icon = QLabel()
    self.note_icon.setPixmap(icon("warning", "warning").pixmap(20, 20))
    self.note_text = QLabel()
    self.note_text.setWordWrap(True)
    self.note_close = QToolButton()
    self.note_close.setIcon(icon("reject"))
    self.note_close.setAccessibleName(tr("Close the note"))
    self.note_close.setAutoRaise(True)
    nl.addWidget(self.note_icon)
    nl.addWidget(self.note_text, 1)
    nl.addWidget(self.note_close)
    self.note.hide()
    lay.addWidget(self.note)

    self.player = PlayerWidget(show_scrubber=False)
    self.transcript_view = TranscriptView()
    self.transcript_view.setAccessibleName(tr("Transcript"))
    self.hint = QLabel(tr("Click a word to jump there. Select words to set the clip's in and out. "
                          "Double-click a word to fix it; right-click for more. Underlined words: the model was unsure - "
                          "check them."))
    self.hint.setWordWrap(True)
    theme.set_role(self.hint, "muted")
    mid = QWidget()
    ml = QVBoxLayout(mid)
    ml.setContentsMargins(0, 0, 0, 0)
    ml.addWidget(self.transcript_view, 1)
    ml.addWidget(self.hint)
    self.quotes = QuotePanel()
    self.details = VlogDetails(self.app)
    self.side = QTabWidget()
    self.side.addTab(self.quotes, icon("quote"), tr("Quotes"))
    self.preview = LivePreviewPanel(self.app, self.jobs)
    self.side.addTab(self.preview, icon("preview"), tr("Preview"))
    self.side.setTabToolTip(1, tr("Live preview of the clip as it will be published"))
    self.details_page = QScrollArea()  # on a small screen the form, its history and a package's origin scroll
    self.details_page.setWidgetResizable(True)
    self.details_page.setFrameShape(QFrame.Shape.NoFrame)
    self.details_page.setWidget(self.details)
    self.side.addTab(self.details_page, icon("info"), tr("Speaker"))
    self.side.setTabToolTip(2, tr("Speaker and consent"))
    self.hsplit = QSplitter(Qt.Orientation.Horizontal)
    self.hsplit.setObjectName("editor-h")
    for w in (self.player, mid, self.side):
        w.setMinimumSize(220, 200)  # explicit minimums: the window fits a small laptop screen
        self.hsplit.addWidget(w)
    self.hsplit.setStretchFactor(0, 3)
    self.hsplit.setStretchFactor(1, 2)
    self.hsplit.setStretchFactor(2, 2)
    self.hsplit.setSizes([560, 420, 380])

    bottom = QWidget()
    bl = QVBoxLayout(bottom)
    bl.setContentsMargins(0, 0, 0, 0)
    bl.setSpacing(4)
    tools = QHBoxLayout()
    self.mark_in_button = _tool("mark-in", tr("Mark in"), tr("Set the clip's in at the playhead (I)"))
    self.mark_out_button = _tool("mark-out", tr("Mark out"), tr("Set the clip's out at the playhead (O)"))
    self.play_clip_button = _tool("play-range", tr("Play clip"), tr("Play the clip from in to out"))
    self.zoom_out_button = _tool("zoom-out", "", tr("Zoom out (-)"))
    self.zoom_in_button = _tool("zoom-in", "", tr("Zoom in (+, or the mouse wheel)"))
    self.fit_button = _tool("refresh", tr("Fit"), tr("Show the whole vlog (0)"))
    for b in (self.mark_in_button, self.mark_out_button, self.play_clip_button):
        tools.addWidget(b)
    tools.addStretch(1)
    for b in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
        tools.addWidget(b)
    bl.addLayout(tools)
    self.timeline = TimelineWidget()
    bl.addWidget(self.timeline)
    self.vsplit = QSplitter(Qt.Orientation.Vertical)
    self.vsplit.setObjectName("editor-v")
    self.vsplit.addWidget(self.hsplit)
    self.vsplit.addWidget(bottom)
    self.vsplit.setStretchFactor(0, 1)
    self.vsplit.setCollapsible(1, False)
    lay.addWidget(self.vsplit, 1)

def _tool(name: str, text: str, tip: str) -> QToolButton:
    b = QToolButton()
    b.setIcon(icon(name))
    b.setText(text)
    b.setToolTip(tip)
    b.setAccessibleName(text or tip)
    b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if text else
                         Qt.ToolButtonStyle.ToolButtonIconOnly)
    b.setAutoRaise(True)
    b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return b
