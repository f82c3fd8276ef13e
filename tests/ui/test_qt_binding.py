"""The Qt binding the app runs on keeps Python's `None` alive.

PySide6 6.12.0 drops one reference to `None` on every call of a Qt method that returns nothing. On Python 3.11,
where `None` is not yet immortal, a GUI session that makes enough such calls (a store watcher following another
process's writes, a timeline painting its waveform) aborts with `Fatal Python error: none_dealloc`, usually at exit.
pyproject.toml excludes that release; this test fails on any binding with the same fault.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QImage, QPainter


def test_void_qt_calls_leave_the_reference_count_of_none_alone(qapp) -> None:
    timer, obj = QTimer(), QObject()
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    color = QColor("red")
    before = sys.getrefcount(None)
    for _ in range(2000):
        timer.setInterval(5)
        obj.setObjectName("x")
        painter.setPen(color)
        painter.drawLine(0, 0, 5, 5)
    lost = before - sys.getrefcount(None)
    painter.end()
    assert lost < 100, f"the Qt binding dropped {lost} references to None in 8000 calls (PySide6 6.12.0 does)"
