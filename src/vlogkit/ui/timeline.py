"""The timeline under the player: time ruler, the quote candidates as coloured ranges, the waveform, sentence and
word ticks, the clip's in/out handles (drag them; they snap to words, Alt keeps the exact time) and the playhead.

Click to seek; drag on the waveform to mark a new range; wheel to zoom around the pointer (Shift+wheel scrolls);
the editor keeps the handles and the transcript selection in step both ways.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from vlogkit.ui import theme
from vlogkit.ui.i18n import tr
from vlogkit.ui.timeline_view import QuoteMark, TimelineModel

RULER_H, QUOTES_H, WAVE_TOP = 18, 16, 40
DRAG_START_PX = 4


def clock(ms: int, step: int = 1000) -> str:
    s = ms / 1000
    if step < 1000:
        return f"{int(s // 60)}:{s % 60:04.1f}"
    return f"{int(s // 60)}:{int(s % 60):02d}"


class TimelineWidget(QWidget):
    seek_requested = Signal(int)  # ms
    in_out_dragged = Signal(int, int)  # while a handle moves (ms)
    in_out_committed = Signal(int, int)  # when the drag ends (ms)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TimelineModel()
        self.peaks: bytes = b""
        self.peak_rate = 100
        self.loud = 255  # the recording's own loud level: a quiet recording fills the lane as a loud one does
        self.waveform_note = ""
        self._columns_key: tuple[float, float, int, int, int] | None = None
        self._columns_cache: list[float] = []
        self._drag: str | None = None  # 'in', 'out', 'new' or 'seek'
        self._press_x = 0.0
        self.setMinimumHeight(96)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("Timeline"))
        self.setToolTip(tr("Drag the yellow handles to set the clip's in and out (they snap to words; hold Alt for "
                           "the exact time). Wheel: zoom. Shift+wheel: scroll. Click: jump there."))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, 110)

    # -- content -------------------------------------------------------------------------------------
    def clear(self) -> None:
        self.model = TimelineModel(width_px=max(1, self.width()))
        self.peaks, self.waveform_note = b"", ""
        self.update()

    def set_duration(self, ms: int) -> None:
        self.model.duration_ms = max(0, int(ms))
        self.model.width_px = max(1, self.width())
        self.model.fit()
        self.update()

    def set_waveform(self, peaks: bytes, rate: int) -> None:
        import numpy as np

        self.peaks, self.peak_rate, self.waveform_note = bytes(peaks), max(1, rate), ""
        heard = np.frombuffer(self.peaks, dtype=np.uint8)
        heard = heard[heard > 0]
        self.loud = max(1, int(np.percentile(heard, 98))) if heard.size else 255  # a click or two does not count
        self._columns_key = None
        self.update()

    def set_waveform_note(self, text: str) -> None:
        self.waveform_note = text
        self.update()

    def set_words(self, words: list[tuple[int, int]], sentences: list[int]) -> None:
        self.model.words, self.model.sentences = list(words), list(sentences)
        self.update()

    def set_quotes(self, quotes: list[QuoteMark]) -> None:
        self.model.quotes = list(quotes)
        self.update()

    def set_in_out(self, rng: tuple[int, int] | None) -> None:
        if self._drag in ("in", "out", "new"):
            return  # the user is dragging: their hand wins
        self.model.in_out = rng
        self._describe()
        self.update()

    def set_playhead(self, ms: int) -> None:
        self.model.playhead = int(ms)
        if self._drag is None and self.model.zoomed:
            self.model.ensure_visible(int(ms))
        self.update()

    def _describe(self) -> None:
        rng = self.model.in_out
        self.setAccessibleDescription(tr("Clip from {a} to {b}", a=clock(rng[0], 100), b=clock(rng[1], 100))
                                      if rng else tr("No clip range set"))

    # -- geometry helpers (tests use them) -----------------------------------------------------------
    def x_of(self, ms: int) -> int:
        return int(round(self.model.x_of(ms)))

    def handle_point(self, which: str) -> QPointF:
        assert self.model.in_out is not None
        ms = self.model.in_out[0] if which == "in" else self.model.in_out[1]
        return QPointF(self.model.x_of(ms), WAVE_TOP + 20)

    # -- painting ------------------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        c = theme.colors()
        m = self.model
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        p.fillRect(self.rect(), QColor(c.base))
        wave = QRect(0, WAVE_TOP, w, h - WAVE_TOP - 6)
        p.fillRect(wave, QColor(c.alt))
        if m.duration_ms <= 0:
            p.setPen(QColor(c.muted))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("Open a vlog to see its timeline."))
            p.end()
            return
        self._paint_ruler(p, w)
        self._paint_quotes(p)
        if m.in_out is not None:
            a, b = m.x_of(m.in_out[0]), m.x_of(m.in_out[1])
            p.fillRect(QRectF(a, WAVE_TOP, b - a, h - WAVE_TOP), QColor(c.range_fill))
        self._paint_wave(p, wave)
        self._paint_ticks(p, wave)
        if m.in_out is not None:
            self._paint_handles(p, h)
        x = m.x_of(m.playhead)
        p.setPen(QPen(QColor(c.danger), 2))
        p.drawLine(QPointF(x, RULER_H - 4), QPointF(x, h))
        p.setBrush(QColor(c.danger))
        p.drawPolygon(QPolygonF([QPointF(x - 5, RULER_H - 8), QPointF(x + 5, RULER_H - 8), QPointF(x, RULER_H - 1)]))
        if self.hasFocus():
            p.setPen(QPen(QColor(c.accent), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(self.rect().adjusted(1, 1, -1, -1))
        p.end()

    def _paint_ruler(self, p: QPainter, w: int) -> None:
        c, m = theme.colors(), self.model
        step = m.tick_step_ms()
        p.setPen(QColor(c.muted))
        first = int(m.view_start // step) * step
        t = first
        while t <= m.view_start + m.visible_ms:
            x = m.x_of(t)
            p.drawLine(QPointF(x, RULER_H - 5), QPointF(x, RULER_H))
            p.drawText(QRectF(x + 3, 0, 80, RULER_H - 2), Qt.AlignmentFlag.AlignVCenter, clock(t, step))
            t += step
        p.drawLine(0, RULER_H, w, RULER_H)

    def _paint_quotes(self, p: QPainter) -> None:
        m = self.model
        for q in sorted(m.quotes, key=lambda q: -q.rank):  # the best on top
            a, b = m.x_of(q.start), m.x_of(q.end)
            r = QRectF(a, RULER_H + 3, max(3.0, b - a), QUOTES_H)
            color = QColor(theme.QUOTE_COLORS[(q.rank - 1) % len(theme.QUOTE_COLORS)])
            path = QPainterPath()
            path.addRoundedRect(r, 4, 4)
            p.fillPath(path, color)
            if r.width() > 26:
                p.setPen(QColor("#ffffff"))
                p.drawText(r.adjusted(5, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, f"#{q.rank}")

    def _columns(self, width: int) -> list[float]:
        """The peak level (0..1) under each pixel column of the visible window; numpy, cached per view."""
        import numpy as np

        m = self.model
        key = (m.view_start, m.ms_per_px, width, len(self.peaks), self.peak_rate)
        if key != self._columns_key:
            arr = np.frombuffer(self.peaks, dtype=np.uint8)
            edges = ((m.view_start + np.arange(width + 1) * m.ms_per_px) * self.peak_rate / 1000).astype(np.int64)
            starts = np.clip(edges[:-1], 0, len(arr))
            inside = starts < len(arr)
            levels = np.zeros(width)
            if inside.any():
                idx = starts[inside]
                stop = int(min(len(arr), max(edges[-1], idx[-1] + 1)))  # the last column ends at the window's edge
                levels[inside] = np.maximum.reduceat(arr[:stop], idx) / self.loud  # max over [idx[i], idx[i+1])
                levels = np.minimum(levels, 1.0)
            self._columns_cache, self._columns_key = (levels ** 0.6).tolist(), key  # quiet speech stays visible
        return self._columns_cache

    def _paint_wave(self, p: QPainter, wave: QRect) -> None:
        c, m = theme.colors(), self.model
        if not self.peaks:
            if self.waveform_note:
                p.setPen(QColor(c.muted))
                p.drawText(wave, Qt.AlignmentFlag.AlignCenter, self.waveform_note)
            return
        mid = wave.center().y()
        half = wave.height() / 2 - 2
        a, b = (m.x_of(m.in_out[0]), m.x_of(m.in_out[1])) if m.in_out else (-1.0, -1.0)
        inside: list[QLineF] = []
        outside: list[QLineF] = []
        for x, level in enumerate(self._columns(wave.width())):
            amp = max(0.5, level * half)
            (inside if a <= x <= b else outside).append(QLineF(x + 0.5, mid - amp, x + 0.5, mid + amp))
        p.setPen(QColor(c.muted))
        p.drawLines(outside)
        p.setPen(QColor(c.accent))
        p.drawLines(inside)

    def _paint_ticks(self, p: QPainter, wave: QRect) -> None:
        c, m = theme.colors(), self.model
        p.setPen(QPen(QColor(c.text), 1, Qt.PenStyle.DashLine))
        for s in m.sentences:
            x = m.x_of(s)
            if 0 <= x <= wave.width():
                p.drawLine(QPointF(x, wave.top()), QPointF(x, wave.bottom()))
        if m.ms_per_px > 60:  # word ticks only where they stand apart
            return
        p.setPen(QPen(QColor(c.text), 1))
        for a, _b in m.words:
            x = m.x_of(a)
            if 0 <= x <= wave.width():
                p.drawLine(QPointF(x, wave.bottom() - 5), QPointF(x, wave.bottom()))

    def _paint_handles(self, p: QPainter, h: int) -> None:
        c, m = theme.colors(), self.model
        assert m.in_out is not None
        gold = QColor("#ffb300")
        for which, ms in (("in", m.in_out[0]), ("out", m.in_out[1])):
            x = m.x_of(ms)
            p.setPen(QPen(QColor(c.text), 1))
            p.setBrush(gold)
            p.drawRect(QRectF(x - 1.5, RULER_H, 3, h - RULER_H))
            tab = QRectF(x - 10 if which == "out" else x, h - 22, 10, 18)
            p.drawRoundedRect(tab, 3, 3)
            p.setPen(QColor("#1d232a"))
            p.drawText(tab, Qt.AlignmentFlag.AlignCenter, "[" if which == "in" else "]")

    # -- mouse and keys ------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton or self.model.duration_ms <= 0:
            return
        x = event.position().x()
        self._press_x = x
        self._drag = self.model.handle_at(x) or "seek"

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        x = event.position().x()
        m = self.model
        if self._drag is None:
            on_handle = m.handle_at(x) is not None
            self.setCursor(Qt.CursorShape.SizeHorCursor if on_handle else Qt.CursorShape.ArrowCursor)
            q = m.quote_at(x) if RULER_H <= event.position().y() <= RULER_H + QUOTES_H + 3 else None
            if q is not None:
                QToolTip.showText(event.globalPosition().toPoint(), f"#{q.rank}: “{q.text}”", self)
            return
        exact = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        ms = m.ms_at(x)
        if self._drag == "seek" and abs(x - self._press_x) >= DRAG_START_PX:
            self._drag = "new"
        if self._drag == "new":
            a, b = sorted((m.ms_at(self._press_x), ms))
            m.in_out = (a if exact else m.snap_in(a), b if exact else m.snap_out(b))
        elif self._drag == "in" and m.in_out is not None:
            a = ms if exact else m.snap_in(ms)
            m.in_out = (min(a, m.in_out[1] - 1), m.in_out[1])
        elif self._drag == "out" and m.in_out is not None:
            b = ms if exact else m.snap_out(ms)
            m.in_out = (m.in_out[0], max(b, m.in_out[0] + 1))
        else:
            return
        self._describe()
        self.update()
        self.in_out_dragged.emit(*m.in_out)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        drag, self._drag = self._drag, None
        if drag == "seek":
            self.seek_requested.emit(self.model.ms_at(event.position().x()))
        elif drag in ("in", "out", "new") and self.model.in_out is not None:
            self.in_out_committed.emit(*self.model.in_out)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        d = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier or abs(d.x()) > abs(d.y()):
            self.model.scroll(-(d.x() or d.y()) / 2)
        elif d.y():
            self.model.zoom(1.25 ** (d.y() / 120), event.position().x())
        self.update()
        event.accept()

    def zoom_by(self, factor: float) -> None:
        """Zoom around the playhead (>1 zooms in)."""
        self.model.zoom(factor, self.model.x_of(self.model.playhead))
        self.update()

    def fit(self) -> None:
        self.model.fit()
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.5)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / 1.5)
        elif key == Qt.Key.Key_0:
            self.fit()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 100 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1000
            self.seek_requested.emit(max(0, self.model.playhead + (step if key == Qt.Key.Key_Right else -step)))
        else:
            super().keyPressEvent(event)
            return
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self.model.resize(event.size().width())
        super().resizeEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.update()
        super().focusOutEvent(event)
