"""The transcript view: words in paragraphs; the spoken word highlighted while playing; click a word to seek; select
text to set the clip's in/out; low-confidence words underlined; swear words and slurs underlined to check; text
Whisper may have invented greyed out (held back); a language tag where a vlog switches language; fillers struck
through; a context menu to fix, insert, mark as filler, assign a speaker, confirm a word and keep held-back text.

The selection shows whole words - the words the clip's in/out covers - while it is dragged or extended with the keys
(Qt's own character-wise highlight is made invisible; the caret still moves one character at a time)."""

from __future__ import annotations

import bisect

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QWidget

from vlogkit.domain import Transcript
from vlogkit.domain.sensitive import is_sensitive
from vlogkit.domain.transcript import UNSURE_BELOW
from vlogkit.ui import theme
from vlogkit.ui.i18n import tr

WORD_PROPERTY = QTextFormat.Property.UserProperty + 1
LOW_CONFIDENCE = UNSURE_BELOW
PARAGRAPH_PAUSE_MS = 2000  # a pause this long starts a paragraph
SENTENCE_PAUSE_MS = 800  # ... or this long after the end of a sentence


def flag_label(flag: str) -> str:
    """Why a segment is held back, in the UI language."""
    return {"credit": tr("a subtitle credit or sign-off"),
            "repeat": tr("it repeats earlier words with low confidence")}.get(flag, flag)


class TranscriptView(QTextEdit):
    word_clicked = Signal(int)  # word index
    range_selected = Signal(int, int)  # first, last word index (inclusive)
    edit_requested = Signal(int)
    insert_requested = Signal(int)
    filler_toggled = Signal(int)
    speaker_requested = Signal(int, int)
    confirm_toggled = Signal(int)  # word index: a swear word confirmed as said (or not any more)
    keep_toggled = Signal(int)  # segment index: text held back as possibly invented, kept (or held back again)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFont(QFont(self.font().family(), 12))
        self.transcript: Transcript | None = None
        self.spans: list[tuple[int, int]] = []  # document positions of each word
        self.starts: list[int] = []
        self.segment_of: list[int] = []  # segment index of each word
        self.current = -1
        self.selection_range: tuple[int, int] | None = None
        # painted by paintEvent, wrapped: Qt's own placeholder of a QTextEdit is cut after its first line
        self.hint_text = tr("No transcript yet. Click Transcribe to make one.")
        pal = self.palette()  # Qt's highlight would show part of a word; the word-wise one is painted instead
        pal.setColor(QPalette.ColorRole.Highlight, QColor(0, 0, 0, 0))
        pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))  # as on the word-wise highlight
        self.setPalette(pal)
        self.selectionChanged.connect(self._on_self_selection_changed)

    def set_transcript(self, t: Transcript | None) -> None:
        self.transcript = t
        self.spans, self.current = [], -1
        self.clear()
        if t is None:
            return
        words = t.words
        self.starts = [w.start for w in words]
        self.segment_of = [si for si, seg in enumerate(t.segments) for _ in seg.words]
        mixed = len(t.languages) > 1
        cur = QTextCursor(self.document())
        block = QTextBlockFormat()
        block.setBottomMargin(8)
        cur.setBlockFormat(block)
        plain = QTextCharFormat()
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        tag = QTextCharFormat()
        tag.setForeground(QColor("#00796b"))
        tag.setFontWeight(QFont.Weight.Bold)
        prev_end, prev_speaker, prev_text, prev_lang = None, None, "", ""
        for i, w in enumerate(words):
            seg = t.segments[self.segment_of[i]]
            lang = t.word_language(w)
            gap = w.start - prev_end if prev_end is not None else 0
            sentence_end = prev_text.endswith((".", "?", "!", "…"))
            new_par = prev_end is not None and (gap >= PARAGRAPH_PAUSE_MS or w.speaker != prev_speaker
                                                or (sentence_end and gap >= SENTENCE_PAUSE_MS)
                                                or (mixed and lang != prev_lang))
            if new_par:
                cur.insertBlock(block)
            if mixed and (prev_end is None or new_par):
                cur.insertText(f"{lang.upper()}  ", tag)  # where a vlog switches language, each stretch says which
            if (prev_end is None or new_par) and w.speaker:
                cur.insertText(f"{w.speaker}: ", bold)
            elif prev_end is not None and not new_par:
                cur.insertText(" ", plain)
            fmt = QTextCharFormat()
            fmt.setProperty(WORD_PROPERTY, i)
            if w.probability is not None and w.probability < LOW_CONFIDENCE and w.corrected is None:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(QColor("#e53935"))
                fmt.setToolTip(tr("Low confidence ({p}%): check this word", p=int(w.probability * 100)))
            if w.filler:
                fmt.setFontStrikeOut(True)
                fmt.setForeground(QColor("#9e9e9e"))
            if w.corrected is not None:
                fmt.setForeground(QColor("#1565c0"))
                fmt.setToolTip(tr("Corrected (heard: {w})", w=w.text))
            if is_sensitive(w.display, lang):
                if w.confirmed:
                    fmt.setToolTip(tr("Confirmed as said: external exports may show it"))
                else:
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                    fmt.setUnderlineColor(QColor("#8e24aa"))
                    fmt.setBackground(QColor(142, 36, 170, 40))
                    fmt.setToolTip(tr("Check this word: a swear word or slur. Confirm it was said (right-click) or "
                                      "fix it before an external export shows it."))
            if seg.held_back:
                fmt.setForeground(QColor("#9e9e9e"))
                fmt.setFontItalic(True)
                fmt.setToolTip(tr("Held back: Whisper may have invented this ({why}). It stays out of subtitles, "
                                  "captions and quotes until you keep it (right-click).", why=flag_label(seg.flag)))
            a = cur.position()
            cur.insertText(w.display, fmt)
            self.spans.append((a, cur.position()))
            prev_end, prev_speaker, prev_text, prev_lang = w.end, w.speaker, w.display, lang
        self._paint_extra()

    # -- positions ---------------------------------------------------------------------------------
    def word_at_position(self, pos: int) -> int:
        """The word at a document position, or the nearest word before it (-1 when none)."""
        i = bisect.bisect_right([a for a, _ in self.spans], pos) - 1
        return i

    def word_at_point(self, point: QPoint) -> int:
        cursor = self.cursorForPosition(point)
        return self.word_at_position(cursor.position())

    def word_rect_center(self, index: int) -> QPoint:
        """Viewport point in the middle of word `index` (tests click there)."""
        a, b = self.spans[index]
        c = QTextCursor(self.document())
        c.setPosition(a)
        ra = self.cursorRect(c)
        c.setPosition(b)
        rb = self.cursorRect(c)
        x = (ra.left() + rb.left()) // 2 if rb.top() == ra.top() else ra.left() + 3
        return QPoint(x, ra.center().y())

    def select_words(self, first: int, last: int, emit: bool = True) -> None:
        """Select words first..last; `emit=False` when the selection follows the timeline (no echo back)."""
        c = QTextCursor(self.document())
        c.setPosition(self.spans[first][0])
        c.setPosition(self.spans[last][1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(c)
        if emit:
            self._selection_done()
        else:
            self.selection_range = (first, last)
            self._paint_extra()
            self._ensure_visible(c)

    def clear_selection(self) -> None:
        c = self.textCursor()
        c.clearSelection()
        self.setTextCursor(c)
        self.selection_range = None
        self._paint_extra()

    # -- highlight of the spoken word ----------------------------------------------------------------
    def highlight_time(self, ms: int) -> None:
        if not self.spans:
            return
        i = bisect.bisect_right(self.starts, ms) - 1
        words = self.transcript.words if self.transcript else ()
        if i >= 0 and ms > words[i].end + 400:
            i = -1
        if i != self.current:
            self.current = i
            self._paint_extra()
            if i >= 0:
                c = QTextCursor(self.document())
                c.setPosition(self.spans[i][0])
                self._ensure_visible(c)

    def _ensure_visible(self, c: QTextCursor) -> None:
        r = self.cursorRect(c)
        if not self.viewport().rect().contains(r):
            sb = self.verticalScrollBar()
            sb.setValue(sb.value() + r.top() - self.viewport().height() // 3)

    def _paint_extra(self) -> None:
        extra = []
        if self.selection_range:
            a, b = self.selection_range
            sel = QTextEdit.ExtraSelection()
            c = QTextCursor(self.document())
            c.setPosition(self.spans[a][0])
            c.setPosition(self.spans[b][1], QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = c
            sel.format.setBackground(theme.qcolor("selection"))
            sel.format.setForeground(QColor("#ffffff"))
            extra.append(sel)
        if 0 <= self.current < len(self.spans):
            sel = QTextEdit.ExtraSelection()
            c = QTextCursor(self.document())
            c.setPosition(self.spans[self.current][0])
            c.setPosition(self.spans[self.current][1], QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = c
            a, b = self.selection_range or (-1, -2)
            if not a <= self.current <= b:  # inside the selection it stays on the selection's colour, in bold
                sel.format.setBackground(QColor("#ffd54f"))
            sel.format.setFontWeight(QFont.Weight.Bold)
            extra.append(sel)
        self.setExtraSelections(extra)

    # -- mouse ---------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.hint_text and self.document().isEmpty():
            p = QPainter(self.viewport())
            p.setPen(self.palette().placeholderText().color())
            m = int(self.document().documentMargin())
            p.drawText(self.viewport().rect().adjusted(m, m, -m, -m),
                       int(Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), self.hint_text)
            p.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or not self.spans:
            return
        if self.textCursor().hasSelection():
            self._selection_done()
        else:
            i = self.word_at_point(event.position().toPoint())
            if i >= 0:
                self.word_clicked.emit(i)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        i = self.word_at_point(event.position().toPoint())
        if i >= 0:
            self.edit_requested.emit(i)

    # -- keyboard --------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Shift+arrows, Shift+Home/End, Ctrl+A...: a selection made with the keys sets the clip's in/out exactly as
        one dragged with the mouse does (the same `_selection_done`)."""
        before = self._selected_chars()
        super().keyPressEvent(event)
        after = self._selected_chars()
        if self.spans and after is not None and after != before:
            self._selection_done()

    def _selected_chars(self) -> tuple[int, int] | None:
        c = self.textCursor()
        return (c.selectionStart(), c.selectionEnd()) if c.hasSelection() else None

    def _selected_words(self) -> tuple[int, int]:
        """The words a selection covers: from the one holding its first character to the one holding its last."""
        c = self.textCursor()
        a = max(0, self.word_at_position(c.selectionStart()))
        return a, max(a, self.word_at_position(max(c.selectionStart(), c.selectionEnd() - 1)))

    def _on_self_selection_changed(self) -> None:
        """While a selection is dragged or extended, show the whole words it covers (in/out follows when it is
        finished: `_selection_done`)."""
        if self.spans and self.textCursor().hasSelection():
            self.selection_range = self._selected_words()
            self._paint_extra()

    def _selection_done(self) -> None:
        """The one place a selection (made with the mouse or the keys) becomes the words first..last."""
        a, b = self._selected_words()
        self.selection_range = (a, b)
        self._paint_extra()
        self.range_selected.emit(a, b)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        if not self.spans:
            return
        self.word_menu(self.word_at_point(event.pos())).exec(event.globalPos())

    def word_menu(self, i: int) -> QMenu:
        """The context menu for word `i` (-1: none) and the selection."""
        menu = QMenu(self)
        if i >= 0:
            word = self.transcript.words[i] if self.transcript else None
            menu.addAction(tr("Fix this word… (double-click)"), lambda: self.edit_requested.emit(i))
            menu.addAction(tr("Insert a missing word after it…"), lambda: self.insert_requested.emit(i))
            label = tr("Keep this word") if word and word.filler else tr("Mark as filler to cut")
            menu.addAction(label, lambda: self.filler_toggled.emit(i))
            t = self.transcript
            if word is not None and t is not None and is_sensitive(word.display, t.word_language(word)):
                label = tr("Take back the confirmation") if word.confirmed else tr("Confirm this word was said")
                menu.addAction(label, lambda: self.confirm_toggled.emit(i))
            seg = t.segments[self.segment_of[i]] if t is not None else None
            if seg is not None and seg.flag:
                label = tr("Hold this text back again") if seg.kept else tr("Keep this text: it was really said")
                menu.addAction(label, lambda: self.keep_toggled.emit(self.segment_of[i]))
        if self.selection_range:
            a, b = self.selection_range
            menu.addAction(tr("Assign a speaker to the selection…"), lambda: self.speaker_requested.emit(a, b))
        return menu
