"""One vlog as a card in the library grid: thumbnail (or an audio poster), duration, consent badge, title, speaker,
language and state (icon and word). The item's text stays the full description, for screen readers and search."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from vlogkit.domain import Vlog
from vlogkit.ui import theme
from vlogkit.ui.badges import ConsentBadgeInfo, paint_badge, state_icon_name, state_label
from vlogkit.ui.i18n import tr
from vlogkit.ui.icons import icon

VLOG_ROLE = Qt.ItemDataRole.UserRole + 1  # the Vlog
STATE_ROLE = Qt.ItemDataRole.UserRole + 2  # its state as shown (transcribing while a job runs)
BADGE_ROLE = Qt.ItemDataRole.UserRole + 3  # ConsentBadgeInfo

CARD = QSize(264, 240)
PAD = 10
THUMB_H = 138  # 16:9 of the card's inner width


def format_duration(ms: int) -> str:
    s = int(round(ms / 1000))
    return f"{s // 60}:{s % 60:02d}"


class VlogCardDelegate(QStyledItemDelegate):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._thumbs: dict[str, QPixmap] = {}

    def sizeHint(self, _option: QStyleOptionViewItem, _index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        return CARD

    def thumbnail(self, vlog: Vlog, size: QSize) -> QPixmap | None:
        path = str(vlog.extra.get("thumbnail") or "")
        if not path or not Path(path).exists():
            return None
        key = f"{path}:{size.width()}x{size.height()}"
        if key not in self._thumbs:
            pix = QPixmap(path)
            if pix.isNull():
                return None
            self._thumbs[key] = pix.scaled(size, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                                           Qt.TransformationMode.SmoothTransformation)
        return self._thumbs[key]

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        vlog: Vlog | None = index.data(VLOG_ROLE)
        if vlog is None:
            super().paint(p, option, index)
            return
        c = theme.colors()
        state = str(index.data(STATE_ROLE) or vlog.state.value)
        badge: ConsentBadgeInfo = index.data(BADGE_ROLE)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        r = option.rect.adjusted(4, 4, -4, -4)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QColor(c.accent) if selected or focused else QColor(c.border))
        p.setBrush(QColor(c.alt) if selected else QColor(c.base))
        p.drawRoundedRect(r, theme.RADIUS, theme.RADIUS)
        if selected:
            p.setPen(QColor(c.accent))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(r.adjusted(1, 1, -1, -1), theme.RADIUS, theme.RADIUS)
        thumb = QRect(r.left() + PAD, r.top() + PAD, r.width() - 2 * PAD, THUMB_H)
        self._paint_thumb(p, thumb, vlog)
        paint_badge(p, thumb.left() + 6, thumb.top() + 6, badge.scope, badge.label)
        self._paint_duration(p, thumb, vlog)
        y = thumb.bottom() + 8
        inner_w = thumb.width()
        title_font = QFont(option.font)
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(QColor(c.text))
        fm = QFontMetrics(title_font)
        title = vlog.title or Path(vlog.path).name
        lines = _two_lines(title, fm, inner_w)
        for line in lines:
            p.drawText(QRect(thumb.left(), y, inner_w, fm.height()), Qt.AlignmentFlag.AlignLeft, line)
            y += fm.height()
        p.setFont(option.font)
        fm = QFontMetrics(option.font)
        p.setPen(QColor(c.muted))
        speaker = vlog.speaker.attribution() or tr("Unknown speaker")
        p.drawText(QRect(thumb.left(), y + 2, inner_w, fm.height()), Qt.AlignmentFlag.AlignLeft,
                   fm.elidedText(speaker, Qt.TextElideMode.ElideRight, inner_w))
        y = r.bottom() - PAD - 20
        lang = (vlog.detected_language or (vlog.language if vlog.language != "auto" else "")).upper() or "—"
        x = thumb.left()
        chip_w = fm.horizontalAdvance(lang) + 12
        p.setPen(QColor(c.border))
        p.setBrush(QColor(c.alt))
        p.drawRoundedRect(QRect(x, y, chip_w, 20), 4, 4)
        p.setPen(QColor(c.text))
        p.drawText(QRect(x, y, chip_w, 20), Qt.AlignmentFlag.AlignCenter, lang)
        x += chip_w + 10
        role = {"transcribing": "accent", "has_quotes": "success", "missing": "danger"}.get(state, "text")
        icon(state_icon_name(state), role).paint(p, QRect(x, y + 2, 16, 16))
        p.setPen(QColor(c.text))
        words = state_label(state)
        p.drawText(QRect(x + 20, y, thumb.right() - x - 20, 20), Qt.AlignmentFlag.AlignVCenter,
                   fm.elidedText(words, Qt.TextElideMode.ElideRight, thumb.right() - x - 20))
        p.restore()

    def _paint_thumb(self, p: QPainter, rect: QRect, vlog: Vlog) -> None:
        c = theme.colors()
        clip = QPainterPath()
        clip.addRoundedRect(rect, 4, 4)
        p.save()
        p.setClipPath(clip)
        p.fillRect(rect, QColor(c.video))
        pix = self.thumbnail(vlog, rect.size()) if vlog.media.has_video else None
        if pix is not None:
            sx = max(0, (pix.width() - rect.width()) // 2)
            sy = max(0, (pix.height() - rect.height()) // 2)
            p.drawPixmap(rect, pix, QRect(sx, sy, rect.width(), rect.height()))
        else:
            name, words = ("audio", tr("Audio only")) if not vlog.media.has_video else ("no-picture", tr("No preview"))
            icon(name, "muted").paint(p, QRect(rect.center().x() - 20, rect.center().y() - 30, 40, 40))
            p.setPen(QColor("#cfd6dd"))
            p.drawText(QRect(rect.left(), rect.center().y() + 14, rect.width(), 20), Qt.AlignmentFlag.AlignCenter,
                       words)
        p.restore()

    def _paint_duration(self, p: QPainter, thumb: QRect, vlog: Vlog) -> None:
        text = format_duration(vlog.media.duration_ms)
        fm = QFontMetrics(p.font())
        w = fm.horizontalAdvance(text) + 10
        box = QRect(thumb.right() - w - 6, thumb.bottom() - 24, w, 18)
        p.save()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(0, 0, 0, 170))
        p.drawRoundedRect(box, 4, 4)
        p.setPen(QColor("#ffffff"))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        p.restore()


def _two_lines(text: str, fm: QFontMetrics, width: int) -> list[str]:
    """`text` wrapped at word boundaries into at most two lines; the second is elided when it does not fit."""
    if fm.horizontalAdvance(text) <= width:
        return [text]
    words, first = text.split(), ""
    while words and fm.horizontalAdvance((first + " " + words[0]).strip()) <= width:
        first = (first + " " + words.pop(0)).strip()
    if not first:  # one long word
        return [fm.elidedText(text, Qt.TextElideMode.ElideRight, width)]
    return [first, fm.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width)] if words else [first]
