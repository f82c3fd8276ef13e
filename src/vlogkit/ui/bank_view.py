"""The quote bank: a table with accent-insensitive search, filters, status and tags editable inline, multi-select
export (PPTX, cards, CSV, Markdown) for an audience, copy with attribution, and a jump to the quote in its vlog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vlogkit.domain.times import format_clock
from vlogkit.errors import VlogkitError
from vlogkit.quotes.search import relevance
from vlogkit.quotes.text import fold
from vlogkit.ui.bank_actions import ask_text, confirm_remove, describe
from vlogkit.ui.i18n import LANGUAGES, N_, current_language, error_text, tr, trn
from vlogkit.ui.library_view import badge_label
from vlogkit.ui.quote_panel import status_label

if TYPE_CHECKING:
    from vlogkit.services import App
    from vlogkit.ui.jobs import Job, JobManager

COLUMNS = (N_("Quote"), N_("Speaker"), N_("Vlog"), N_("Language"), N_("Status"), N_("Tags"), N_("Consent"))
FORMATS = (("pptx", N_("PowerPoint (.pptx)"), "pptx"), ("cards", N_("Quote cards (PNG)"), ""),
           ("csv", N_("Spreadsheet (.csv)"), "csv"), ("md", N_("Markdown (.md)"), "md"))


def language_name(code: str) -> str:
    """"nl" -> "Nederlands (NL)"; a language the UI has no name for shows its code."""
    name = LANGUAGES.get(code)
    return f"{name} ({code.upper()})" if name else code.upper()


class BankView(QWidget):
    jump_requested = Signal(str)  # quote id: its vlog opens with the quote's words selected as the clip
    clip_requested = Signal(str)  # quote id: the same, then the export dialog for that clip
    error_raised = Signal(str)

    def __init__(self, app: App, jobs: JobManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.jobs = app, jobs
        self.quotes: list[Any] = []
        self.export_job: Job | None = None
        self.refused: dict[str, str] = {}
        self._filling = False
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search quotes, speakers, tags (accents optional)…"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem(tr("Any status"), "")
        for s in ("approved", "candidate", "rejected"):
            self.status_filter.addItem(status_label(s), s)
        self.scope_filter = QComboBox()
        self.scope_filter.addItem(tr("Any consent"), "")
        for s in ("internal", "external", "none"):
            self.scope_filter.addItem(badge_label(s), s)
        self.tag_filter = QComboBox()  # filled from the bank's tags on each refresh
        self.tag_filter.addItem(tr("Any tag"), "")
        self.language_filter = QComboBox()
        self.language_filter.addItem(tr("Any language"), "")
        for w in (self.search, self.status_filter, self.scope_filter, self.tag_filter, self.language_filter):
            bar.addWidget(w)
        bar.setStretch(0, 1)
        lay.addLayout(bar)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(COLUMNS)):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(tr("The bank is empty. Open a vlog and click “Add to bank” on a quote you like."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.empty)
        lay.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.format = QComboBox()
        for code, label, _ext in FORMATS:
            self.format.addItem(tr(label), code)
        self.audience = QComboBox()
        self.audience.addItem(tr("Internal"), "internal")
        self.audience.addItem(tr("External"), "external")
        self.export_button = QPushButton(tr("Export selected…"))
        self.copy_button = QPushButton(tr("Copy with attribution"))
        self.jump_button = QPushButton(tr("Show in vlog"))
        self.jump_button.setToolTip(tr("Open the vlog with the quote's words selected: “Export clip…” there cuts it."))
        self.edit_button = QPushButton(tr("Edit text…"))
        self.edit_button.setToolTip(tr("Change the selected quote's text here (the transcript keeps what was said)."))
        self.clip_button = QPushButton(tr("Export clip…"))
        self.clip_button.setToolTip(tr("A captioned clip of the selected quote, as said in its vlog."))
        self.remove_button = QPushButton(tr("Remove"))
        self.result = QLabel()
        one = QHBoxLayout()  # the selected quote: its text, its vlog, its clip; then the bank's exports
        for w in (self.edit_button, self.jump_button, self.clip_button, self.remove_button):
            one.addWidget(w)
        one.addStretch(1)
        lay.addLayout(one)
        for w in (QLabel(tr("Format")), self.format, QLabel(tr("for")), self.audience, self.export_button,
                  self.copy_button):
            actions.addWidget(w)
        actions.addStretch(1)
        lay.addLayout(actions)
        self.result.setWordWrap(True)
        lay.addWidget(self.result)
        self.search.textChanged.connect(self.refresh)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.scope_filter.currentIndexChanged.connect(self.refresh)
        self.tag_filter.currentIndexChanged.connect(self.refresh)
        self.language_filter.currentIndexChanged.connect(self.refresh)
        self.choose_output: Callable[[str, Path], Path | None] = self._ask_output  # tests replace this seam
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.export_button.clicked.connect(self.export_selected)
        self.copy_button.clicked.connect(self.copy_selected)
        self.jump_button.clicked.connect(self._on_jump_clicked)
        self.clip_button.clicked.connect(self._on_clip_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.table.cellDoubleClicked.connect(lambda r, c: c == 0 and self._on_jump_clicked())
        self.table.itemSelectionChanged.connect(self._name_export_button)
        self._name_export_button()

    def scope_of(self, q: Any, vlogs: dict[str, Any] | None = None) -> str:
        try:
            return str(self.app.bank.effective_scope(q, vlogs).value)
        except VlogkitError:
            return "none"  # fail closed: what cannot be checked is shown, and treated, as unusable

    def matches(self, q: Any, scope: str) -> bool:
        if not relevance(q, self.search.text()):  # the same full-text rule as `vlogkit bank search`
            return False
        st, sc = self.status_filter.currentData(), self.scope_filter.currentData()
        tag, lang = self.tag_filter.currentData(), self.language_filter.currentData()
        return ((not st or q.status.value == st) and (not sc or scope == sc)
                and (not tag or tag in {fold(t) for t in q.tags}) and (not lang or q.language.lower() == lang))

    def refresh(self) -> None:
        try:
            everything = self.app.bank.search("")
        except (VlogkitError, ImportError) as exc:
            self.result.setText(error_text(exc))
            everything = []
        self._filling = True
        self.table.setRowCount(0)
        self.quotes = []
        self._fill_choices(everything)
        vlogs = {v.id: v for v in self.app.library.list()}  # read once, not once per quote
        titles = {vid: v.title for vid, v in vlogs.items()}
        for q in everything:
            scope = self.scope_of(q, vlogs)
            if not self.matches(q, scope):
                continue
            r = self.table.rowCount()
            self.table.insertRow(r)
            self.quotes.append(q)
            cells = [f"“{q.text}”", q.speaker.credit(),
                     f"{titles.get(q.vlog_id, q.source_title or q.vlog_id)} @ {format_clock(q.start)}",
                     q.language.upper(), "", ", ".join(q.tags), badge_label(scope)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c != 5:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setData(Qt.ItemDataRole.UserRole, q.id)
                self.table.setItem(r, c, item)
            if self.app.bank.consent_problem(q, vlogs):
                self._mark_unusable(r, q, vlogs)
            combo = QComboBox()
            for s in ("approved", "candidate", "rejected"):
                combo.addItem(status_label(s), s)
            combo.setCurrentIndex(combo.findData(q.status.value))
            combo.setToolTip(tr("Approved by {by} on {d}.", by=q.approved_by, d=q.approved_at[:10]) if q.approved_by
                             else tr("Approving records your name and the time; external exports take approved "
                                     "quotes only."))
            combo.currentIndexChanged.connect(lambda _i, qid=q.id, cb=combo: self.set_status(qid, cb.currentData()))
            self.table.setCellWidget(r, 4, combo)
        self.table.resizeRowsToContents()
        self._filling = False
        self.empty.setVisible(not everything)
        self.table.setVisible(bool(everything))

    def _mark_unusable(self, row: int, q: Any, vlogs: dict[str, Any]) -> None:
        """A quote no audience may receive (consent withdrawn, expired or never given): greyed, struck through,
        and its consent cell says so in red, with the reason as the tooltip."""
        why = self.app.bank.clearance(q, "internal", vlogs, review=False).text(current_language())
        cell = self.table.item(row, 6)
        cell.setText(tr("Unusable (no consent)"))
        cell.setForeground(QColor("#c62828"))
        cell.setToolTip(why)
        quote = self.table.item(row, 0)
        font = quote.font()
        font.setStrikeOut(True)
        quote.setFont(font)
        quote.setForeground(QColor("#9e9e9e"))
        quote.setToolTip(why)

    def _fill_choices(self, quotes: list[Any]) -> None:
        """The tag and language filters offer what the bank holds; the current choice survives a refresh."""
        tags: dict[str, str] = {}
        for q in quotes:
            for t in q.tags:
                tags.setdefault(fold(t), t)
        langs = sorted({q.language.lower() for q in quotes if q.language})
        for box, items in ((self.tag_filter, sorted(tags.items(), key=lambda kv: kv[0])),
                           (self.language_filter, [(c, language_name(c)) for c in langs])):
            current = box.currentData()
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for data, label in items:
                box.addItem(label, data)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)

    def set_status(self, qid: str, status: str) -> None:
        from vlogkit.domain.quote import QuoteStatus

        try:
            self.app.bank.update(qid, status=QuoteStatus(status))
        except VlogkitError as exc:
            self.error_raised.emit(error_text(exc))

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 5:
            return
        tags = tuple(t.strip() for t in item.text().split(",") if t.strip())
        try:
            self.app.bank.update(str(item.data(Qt.ItemDataRole.UserRole)), tags=tags)
        except VlogkitError as exc:
            self.error_raised.emit(error_text(exc))

    def selected_quotes(self) -> list[Any]:
        """The selected quotes as stored now (an inline status/tag edit may be newer than the last refresh)."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return self._current([self.quotes[r] for r in rows if r < len(self.quotes)])

    def _current(self, quotes: list[Any]) -> list[Any]:
        fresh = []
        for q in quotes:
            try:
                fresh.append(self.app.bank.get(q.id))
            except VlogkitError:
                continue  # removed meanwhile (another window or process)
        return fresh

    def _name_export_button(self) -> None:
        """The button says what it exports: the selected quotes, or - none selected - every quote the list shows."""
        if self.table.selectionModel().hasSelection():
            self.export_button.setText(tr("Export selected…"))
            self.export_button.setToolTip(tr("Export the selected quotes in the format and for the audience chosen."))
        else:
            self.export_button.setText(tr("Export all shown…"))
            self.export_button.setToolTip(tr("No quote selected: every quote the list shows (after search and "
                                             "filters) is exported."))

    def export_selected(self) -> None:
        chosen = self.selected_quotes() or self._current(list(self.quotes))
        if not chosen:
            self.result.setText(tr("Nothing to export: the bank view is empty."))
            return
        fmt = str(self.format.currentData())
        audience = str(self.audience.currentData())
        self.refused = self.refusals(chosen, audience)
        if len(self.refused) == len(chosen):
            self.result.setText(tr("Nothing to export for this audience:") + " " + "; ".join(self.refused.values()))
            return
        out = self.choose_output(fmt, self.default_output(fmt))
        if out is None:
            return  # the dialog was cancelled
        self.result.setText(trn("Exporting {n} quote…", "Exporting {n} quotes…", len(chosen)))
        job = self.jobs.run(tr("Bank export: {f}", f=self.format.currentText()), self.app.bank.export, fmt, out, audience=audience,
                            quotes=chosen, on_result=self._on_export_done)
        job.succeeded.connect(lambda rep, j=job: setattr(j, "outputs", [str(p) for p in (getattr(rep, "files", None) or [rep.path])]))
        job.failed.connect(self.result.setText)
        self.export_job = job

    def default_output(self, fmt: str) -> Path:
        """The export folder (settings) and a dated name: quotes-<stamp>.<ext>, or a quote-cards-<stamp> folder."""
        ext = dict((c, e) for c, _l, e in FORMATS)[fmt]
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        folder = Path(self.app.settings.export_dir or str(self.app.paths.default_export_dir))
        return folder / (f"quotes-{stamp}.{ext}" if ext else f"quote-cards-{stamp}")

    def _ask_output(self, fmt: str, default: Path) -> Path | None:
        """A save dialog for the file (or, for cards, the new folder's name)."""
        from PySide6.QtWidgets import QFileDialog

        label, ext = next((tr(lbl), e) for c, lbl, e in FORMATS if c == fmt)
        default.parent.mkdir(parents=True, exist_ok=True)
        if ext:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export quotes"), str(default), f"{label} (*.{ext})")
        else:
            path, _ = QFileDialog.getSaveFileName(self, tr("Folder for the quote cards"), str(default), label,
                                                  options=QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return None
        out = Path(path)
        return out.with_suffix(f".{ext}") if ext and out.suffix.lower() != f".{ext}" else out

    def refusals(self, quotes: list[Any], audience: str) -> dict[str, str]:
        """The quotes the clearance rule keeps from `audience`: id -> "“the quote…” (times): reason" in the UI
        language (a comms person knows a quote by its words, not its id)."""
        vlogs = {v.id: v for v in self.app.library.list()}
        lang = current_language()
        out = {}
        for q in quotes:
            c = self.app.bank.clearance(q, audience, vlogs)
            if not c.ok:
                out[q.id] = tr("{what}: {why}", what=describe(q, 40), why=c.reason(lang))
        return out

    def _on_export_done(self, report: Any) -> None:
        text = trn("Exported {n} quote to {p}", "Exported {n} quotes to {p}", report.count, p=str(report.path))
        if report.skipped:  # the service's lines are English: the rule's reasons in the UI language where known
            text += "\n" + tr("Left out:") + " " + "; ".join(self.refused.get(s.split(":", 1)[0], s)
                                                           for s in report.skipped)
        self.result.setText(text)

    def copy_selected(self) -> None:
        chosen = self.selected_quotes()
        if chosen:
            QGuiApplication.clipboard().setText("\n\n".join(q.copy_text() for q in chosen))
            self.result.setText(trn("Copied {n} quote with attribution.", "Copied {n} quotes with attribution.", len(chosen)))

    def _on_jump_clicked(self) -> None:
        chosen = self.selected_quotes()
        if chosen:
            self.jump_requested.emit(chosen[0].id)

    def _on_clip_clicked(self) -> None:
        chosen = self.selected_quotes()
        if not chosen:
            self.result.setText(tr("Select the quote to cut a clip of first."))
            return
        self.clip_requested.emit(chosen[0].id)

    def _on_edit_clicked(self) -> None:
        chosen = self.selected_quotes()
        if not chosen:
            self.result.setText(tr("Select the quote to edit first."))
            return
        q = chosen[0]
        text = (ask_text(self, q) or "").strip()
        if not text or text == q.text:
            return
        try:
            saved = self.app.bank.update(q.id, text=text)
        except VlogkitError as exc:
            self.error_raised.emit(error_text(exc))
            return
        self.refresh()
        again = " " + tr("It was approved: it waits for review again.") if saved.status is not q.status else ""
        self.result.setText(tr("Saved the new text: {what}.", what=describe(saved)) + again)

    def _on_remove_clicked(self) -> None:
        chosen = self.selected_quotes()
        if not chosen or not confirm_remove(self, chosen):
            return
        for q in chosen:
            try:
                self.app.bank.remove(q.id)
            except VlogkitError as exc:
                self.error_raised.emit(error_text(exc))
        self.refresh()
