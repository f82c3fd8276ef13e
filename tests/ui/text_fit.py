"""Find text that does not fit its widget: labels, buttons, check boxes, combo boxes, group titles, tabs, table
headers and the placeholder hints of line edits - as a person sees them, in the language in use."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QToolButton,
    QWidget,
)

SLACK = 1  # px: rounding


@dataclass(frozen=True)
class Cut:
    screen: str
    kind: str
    text: str
    needed: int
    has: int

    def __str__(self) -> str:
        return f"{self.screen}: {self.kind} '{self.text}' needs {self.needed} px, has {self.has}"


def _label(w: QLabel) -> tuple[int, int] | None:
    text = w.text()
    if not text or w.pixmap() is not None and not w.pixmap().isNull():
        return None
    rect = w.contentsRect()
    avail = rect.width() - 2 * max(0, w.margin()) - max(0, w.indent())
    if w.wordWrap():
        if w.textFormat() == Qt.TextFormat.PlainText or not Qt.mightBeRichText(text):
            longest = max((QFontMetrics(w.font()).horizontalAdvance(word) for word in text.split()), default=0)
            return (longest, avail) if longest > avail + SLACK else None
        return None  # wrapped rich text: Qt lays it out to the width
    if Qt.mightBeRichText(text) and w.textFormat() != Qt.TextFormat.PlainText:
        doc = QTextDocument()
        doc.setDefaultFont(w.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        needed = int(doc.idealWidth())
    else:
        needed = max(QFontMetrics(w.font()).horizontalAdvance(line) for line in text.split("\n"))
    return (needed, avail) if needed > avail + SLACK else None


def _button(w: QAbstractButton) -> tuple[int, int] | None:
    if not w.text():
        return None
    hint = w.sizeHint().width()
    if isinstance(w, QPushButton | QToolButton):  # the frame padding may be squeezed; the text may not
        fm = QFontMetrics(w.font())
        icon = w.iconSize().width() + 4 if not w.icon().isNull() else 0
        if isinstance(w, QToolButton) and w.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextUnderIcon:
            icon = 0
        hint = max(fm.horizontalAdvance(line) for line in w.text().replace("&", "").split("\n")) + icon + 8
    return (hint, w.width()) if hint > w.width() + SLACK else None


def _combo(w: QComboBox) -> tuple[int, int] | None:
    text = w.currentText()
    if not text:
        return None
    opt = QStyleOptionComboBox()
    w.initStyleOption(opt)
    field = w.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, w)
    needed = QFontMetrics(w.font()).horizontalAdvance(text) + (w.iconSize().width() + 4 if not w.itemIcon(
        w.currentIndex()).isNull() else 0)
    return (needed, field.width()) if needed > field.width() + SLACK else None


def _placeholder(w: QLineEdit) -> tuple[int, int] | None:
    text = w.placeholderText()
    if not text or w.text():
        return None
    avail = w.width() - 14 - 22 * len(w.actions())  # frame, text margins and leading/trailing actions
    needed = QFontMetrics(w.font()).horizontalAdvance(text)
    return (needed, avail) if needed > avail + SLACK else None


def _group(w: QGroupBox) -> tuple[int, int] | None:
    needed = QFontMetrics(w.font()).horizontalAdvance(w.title()) + 16
    return (needed, w.width()) if w.title() and needed > w.width() + SLACK else None


def cuts(root: QWidget, screen: str) -> list[Cut]:
    """Every visible text in `root` that is wider than the room it has."""
    found: list[Cut] = []

    def add(kind: str, text: str, res: tuple[int, int] | None) -> None:
        if res is not None:
            found.append(Cut(screen, kind, text, res[0], res[1]))

    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(root) or w.width() <= 1:
            continue
        if isinstance(w, QLabel):
            add("label", w.text(), _label(w))
        elif isinstance(w, QCheckBox | QRadioButton | QPushButton | QToolButton) and not isinstance(w, QTabBar):
            add(type(w).__name__, w.text(), _button(w))
        elif isinstance(w, QComboBox):
            add("combo", w.currentText(), _combo(w))
        elif isinstance(w, QLineEdit):
            add("placeholder", w.placeholderText(), _placeholder(w))
        if isinstance(w, QGroupBox):
            add("group", w.title(), _group(w))
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                needed, has = w.tabSizeHint(i).width(), w.tabRect(i).width()
                if w.tabRect(i).right() > w.width() + SLACK:  # scrolled out of the bar's view
                    has = max(0, w.width() - w.tabRect(i).left())
                if needed > has + SLACK:
                    found.append(Cut(screen, "tab", w.tabText(i), needed, has))
        if isinstance(w, QHeaderView) and w.orientation() == Qt.Orientation.Horizontal:
            model = w.model()
            fm = QFontMetrics(w.font())
            margin = 2 * w.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, w)
            for i in range(w.count()):
                if w.isSectionHidden(i):
                    continue
                text = str(model.headerData(i, Qt.Orientation.Horizontal) or "")
                needed = fm.horizontalAdvance(text) + margin
                if text and needed > w.sectionSize(i) + SLACK:
                    found.append(Cut(screen, "column", text, needed, w.sectionSize(i)))
    return found
