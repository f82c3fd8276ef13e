"""The Record tab's live preview: a label that scales with the window, and the frame painted with the countdown or
the REC badge over it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from vlogkit.ui.i18n import tr

if TYPE_CHECKING:
    from vlogkit.capture.backend import Frame
    from vlogkit.capture.session import Status


class PreviewLabel(QLabel):
    """The live preview: 16:9 and as large as the space allows, down to 320x180 on a small laptop screen."""

    MINIMUM = (320, 180)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("#preview { background: #111; color: #ccc; border-radius: 6px; }")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(*self.MINIMUM)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # Fixed and small: a new frame never grows the label, and the Record page (a scroll area that sizes
        # word-wrapped content by its preferred height) never scrolls for the preview's sake; it expands instead.
        return QSize(*self.MINIMUM)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(*self.MINIMUM)

    def frame_size(self) -> tuple[int, int]:
        """The largest 16:9 size that fits the label now."""
        w, h = self.width(), self.height()
        if w * 9 > h * 16:
            w = h * 16 // 9
        else:
            h = w * 9 // 16
        return max(w, self.MINIMUM[0]), max(h, self.MINIMUM[1])



def paint_preview(frame: Frame | None, st: Status, size: tuple[int, int], *, mirror: bool, audio_only: bool,
                  font: QFont) -> QPixmap:
    """The preview image with the countdown or the REC badge drawn over it."""
    from vlogkit.capture.session import State

    w, h = size
    if frame is None:
        pix = QPixmap(w, h)
        pix.fill(QColor("#111"))
    else:
        img = QImage(frame.rgb, frame.width, frame.height, frame.width * 3, QImage.Format.Format_RGB888).copy()
        if mirror:
            img = img.flipped(Qt.Orientation.Horizontal) if hasattr(img, "flipped") else img.mirrored(True, False)
        pix = QPixmap.fromImage(img).scaled(w, h, Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if frame is None and audio_only:
        painter.setPen(QColor("#ccc"))
        painter.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter, tr("Audio only - speak and watch the meter"))
    if st.state is State.COUNTDOWN:
        painter.fillRect(pix.rect(), QColor(0, 0, 0, 110))
        big = QFont(font)
        big.setPointSize(96)
        big.setBold(True)
        painter.setFont(big)
        painter.setPen(QColor("white"))
        painter.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter, str(st.countdown))
    elif st.state is State.RECORDING:
        painter.setBrush(QColor("#e12d39"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QRectF(14, 14, 16, 16))
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(36, 10, 200, 24), Qt.AlignmentFlag.AlignVCenter, "REC " + st.elapsed_text)
    painter.end()
    return pix
