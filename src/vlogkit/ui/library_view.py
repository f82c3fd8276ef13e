"""The library: vlogs with thumbnails, speaker, duration, language, state and consent badge; search and filters;
drag-and-drop import; multi-select to transcribe or remove."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vlogkit.domain import ConsentScope, Vlog, VlogState
from vlogkit.quotes.text import fold
from vlogkit.ui.i18n import tr

if TYPE_CHECKING:
    from vlogkit.services import App

THUMB = QSize(160, 90)
BADGE_COLOURS = {"none": "#9e9e9e", "internal": "#1e88e5", "external": "#2e7d32"}


def format_duration(ms: int) -> str:
    s = int(round(ms / 1000))
    return f"{s // 60}:{s % 60:02d}"


def state_label(state: str) -> str:
    return {"new": tr("New"), "transcribing": tr("Transcribing…"), "transcribed": tr("Transcribed"),
            "has_quotes": tr("Has quotes")}.get(state, state)


def badge_label(scope: str) -> str:
    return {"none": tr("No consent"), "internal": tr("Internal"), "external": tr("External")}.get(scope, scope)


def thumbnail_icon(vlog: Vlog) -> QIcon:
    pix = QPixmap(THUMB)
    pix.fill(QColor("#263238"))
    thumb = vlog.extra.get("thumbnail")
    painter = QPainter(pix)
    if thumb and Path(thumb).exists():
        img = QPixmap(str(thumb)).scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation)
        painter.drawPixmap((THUMB.width() - img.width()) // 2, (THUMB.height() - img.height()) // 2, img)
    else:
        painter.setPen(QColor("#eceff1"))
        painter.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter, "♪ " + tr("Audio") if not vlog.media.has_video
                         else tr("No preview"))
    scope = vlog.consent.scope.value
    painter.fillRect(4, 4, 12, 12, QColor(BADGE_COLOURS.get(scope, "#9e9e9e")))
    painter.end()
    return QIcon(pix)


class LibraryView(QWidget):
    vlog_opened = Signal(str)
    files_dropped = Signal(list)  # paths (files or folders)
    import_clicked = Signal()
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
        self.import_button = QPushButton(tr("Import…"))
        self.transcribe_button = QPushButton(tr("Transcribe"))
        self.remove_button = QPushButton(tr("Remove from library"))
        self.send_button = QPushButton(tr("Send to comms…"))
        self.send_button.setToolTip(tr("Pack the video, transcript, speaker and consent record into one file for "
                                       "the comms team"))
        for w in (self.search, self.state_filter, self.consent_filter, self.import_button, self.transcribe_button,
                  self.send_button, self.remove_button):
            bar.addWidget(w)
        bar.setStretch(0, 1)
        lay.addLayout(bar)
        self.stack = QStackedWidget()
        self.empty = QLabel(tr(
            "Your library is empty.\n\nDrop videos or folders here, click Import… (Ctrl+O), "
            "or record a take in the Record tab.\nvlogkit transcribes them, finds quotable lines, "
            "and makes captioned clips."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("font-size: 15px; color: #546e7a;")
        self.list = QListWidget()
        self.list.setIconSize(THUMB)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setSpacing(2)
        self.list.setUniformItemSizes(True)
        self.no_match = QLabel(tr("No vlog matches the search or filters."))
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for w in (self.empty, self.list, self.no_match):
            self.stack.addWidget(w)
        lay.addWidget(self.stack)
        self.search.textChanged.connect(self._fill)
        self.state_filter.currentIndexChanged.connect(self._fill)
        self.consent_filter.currentIndexChanged.connect(self._fill)
        self.import_button.clicked.connect(self.import_clicked)
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
            lang = v.detected_language or (v.language if v.language != "auto" else "")
            speaker = v.speaker.attribution() or tr("Unknown speaker")
            text = (f"{v.title or Path(v.path).name}\n{speaker}\n{format_duration(v.media.duration_ms)}"
                    f"  ·  {lang.upper() or '—'}  ·  {state_label(self.state_of(v))}  ·  "
                    f"{badge_label(v.consent.scope.value)}")
            item = QListWidgetItem(thumbnail_icon(v), text)
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            item.setToolTip(v.path)
            self.list.addItem(item)
            item.setSelected(v.id in selected)
        self.stack.setCurrentWidget(self.empty if not self.vlogs else self.list if self.list.count() else self.no_match)
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
