"""The library: vlogs as a grid of cards (thumbnail, name, role, duration, language, state, consent badge); search
and filters; drag-and-drop import; multi-select to transcribe or remove; a first-run page that teaches the ways in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vlogkit.domain import ConsentScope, Vlog, VlogState
from vlogkit.quotes.text import fold
from vlogkit.ui import theme
from vlogkit.ui.badges import badge_label, consent_badge, state_label
from vlogkit.ui.i18n import tr, trn
from vlogkit.ui.icons import icon
from vlogkit.ui.library_card import BADGE_ROLE, CARD, STATE_ROLE, VLOG_ROLE, VlogCardDelegate, format_duration
from vlogkit.ui.library_empty import EmptyLibrary

if TYPE_CHECKING:
    from vlogkit.services import App

__all__ = ["LibraryView", "badge_label", "format_duration", "state_label"]


class LibraryView(QWidget):
    vlog_opened = Signal(str)
    files_dropped = Signal(list)  # paths (files or folders)
    import_clicked = Signal()
    folder_clicked = Signal()
    record_clicked = Signal()
    sample_clicked = Signal()
    transcribe_requested = Signal(list)  # vlog ids
    remove_requested = Signal(list)
    send_requested = Signal(list)  # vlog ids to pack for the comms team

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.busy: set[str] = set()  # vlog ids being transcribed right now
        self.vlogs: list[Vlog] = []  # as last read from the library; typing a search filters these
        self.setAcceptDrops(True)
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search title, speaker, team…"))
        self.search.setClearButtonEnabled(True)
        self.state_filter = QComboBox()
        self.state_filter.addItem(tr("All states"), "")
        for st in VlogState:
            self.state_filter.addItem(state_label(st.value), st.value)
        self.consent_filter = QComboBox()
        self.consent_filter.addItem(tr("Any consent"), "")
        for sc in ConsentScope:
            self.consent_filter.addItem(badge_label(sc.value), sc.value)
        self.search.addAction(icon("search", "muted"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setAccessibleName(tr("Search the library"))
        self.state_filter.setAccessibleName(tr("Filter by state"))
        self.consent_filter.setAccessibleName(tr("Filter by consent"))
        self.import_button = QPushButton(icon("import"), tr("Import…"))
        self.import_button.setToolTip(tr("Import videos (Ctrl+O), or drop them on this window"))
        self.transcribe_button = QPushButton(icon("transcribe"), tr("Transcribe"))
        self.remove_button = QPushButton(icon("remove"), tr("Remove from library"))
        self.remove_button.setToolTip(tr("Remove the selected vlogs from the library; your files stay where they are"))
        self.send_button = QPushButton(icon("export"), tr("Send to comms…"))
        self.send_button.setToolTip(tr("Pack the video, transcript, speaker and consent record into one file for "
                                       "the comms team"))
        for w in (self.search, self.state_filter, self.consent_filter):
            bar.addWidget(w)
        bar.setStretch(0, 1)
        lay.addLayout(bar)
        actions = QHBoxLayout()  # a row of its own: the labels stay whole in every language on a small screen
        for w in (self.import_button, self.transcribe_button, self.send_button, self.remove_button):
            actions.addWidget(w)
        actions.addStretch(1)
        self.count = theme.set_role(QLabel(), "muted")
        actions.addWidget(self.count)
        lay.addLayout(actions)
        self.stack = QStackedWidget()
        self.empty = EmptyLibrary()
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setGridSize(QSize(CARD.width() + theme.SPACE, CARD.height() + theme.SPACE))
        self.list.setUniformItemSizes(True)
        self.list.setSpacing(0)
        self.list.setItemDelegate(VlogCardDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setFrameShape(QListWidget.Shape.NoFrame)
        self.list.setAccessibleName(tr("Vlogs"))
        self.no_match = QLabel(tr("No vlog matches the search or filters."))
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for w in (self.empty, self.list, self.no_match):
            self.stack.addWidget(w)
        lay.addWidget(self.stack)
        self.search.textChanged.connect(self._fill)
        self.state_filter.currentIndexChanged.connect(self._fill)
        self.consent_filter.currentIndexChanged.connect(self._fill)
        self.import_button.clicked.connect(self.import_clicked)
        self.empty.import_clicked.connect(self.import_clicked)
        self.empty.folder_clicked.connect(self.folder_clicked)
        self.empty.record_clicked.connect(self.record_clicked)
        self.empty.sample_clicked.connect(self.sample_clicked)
        self.transcribe_button.clicked.connect(lambda: self._emit_selected(self.transcribe_requested))
        self.remove_button.clicked.connect(lambda: self._emit_selected(self.remove_requested))
        self.send_button.clicked.connect(lambda: self._emit_selected(self.send_requested))
        self.list.itemActivated.connect(lambda item: self.vlog_opened.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    def selected_ids(self) -> list[str]:
        return [i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()]

    def _emit_selected(self, signal: Signal) -> None:
        ids = self.selected_ids()
        if ids:
            signal.emit(ids)

    def _update_buttons(self) -> None:
        has = bool(self.selected_ids())
        self.transcribe_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.send_button.setEnabled(has)

    def state_of(self, vlog: Vlog) -> str:
        return "transcribing" if vlog.id in self.busy else vlog.state.value

    def matches(self, vlog: Vlog) -> bool:
        q = fold(self.search.text().strip())
        hay = fold(" ".join((vlog.title, vlog.speaker.name, vlog.speaker.role, vlog.speaker.team, vlog.id,
                             vlog.detected_language, Path(vlog.path).name)))
        if q and not all(part in hay for part in q.split()):
            return False
        st, sc = self.state_filter.currentData(), self.consent_filter.currentData()
        return (not st or self.state_of(vlog) == st) and (not sc or vlog.consent.scope.value == sc)

    def refresh(self) -> None:
        """Read the library again (it changed) and show what the search and filters let through."""
        self.vlogs = self.app.library.list()
        self._fill()

    def _fill(self) -> None:
        selected = set(self.selected_ids())
        self.list.clear()
        for v in self.vlogs:
            if not self.matches(v):
                continue
            badge = consent_badge(self.app, v)
            state = self.state_of(v) if Path(v.path).exists() else "missing"  # moved or deleted since the import
            lang = v.language_label or (v.language if v.language != "auto" else "")  # "nl + fr + en" when mixed
            speaker = v.speaker.attribution() or tr("Unknown speaker")
            text = (f"{v.title or Path(v.path).name}\n{speaker}\n{format_duration(v.media.duration_ms)}"
                    f"  ·  {lang.upper() or '—'}  ·  {state_label(state)}  ·  {badge.label}")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            item.setData(VLOG_ROLE, v)
            item.setData(STATE_ROLE, state)
            item.setData(BADGE_ROLE, badge)
            item.setToolTip(f"{badge.tooltip}\n{v.path}")
            self.list.addItem(item)
            item.setSelected(v.id in selected)
        self.stack.setCurrentWidget(self.empty if not self.vlogs else self.list if self.list.count() else self.no_match)
        self.count.setText(trn("{n} of {total} vlog", "{n} of {total} vlogs", len(self.vlogs),
                                n=self.list.count(), total=len(self.vlogs)) if self.vlogs else "")
        self._update_buttons()

    def item_for(self, vlog_id: str) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == vlog_id:
                return self.list.item(i)
        return None

    # drag and drop -------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
