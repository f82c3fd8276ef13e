"""Consent and state as words with an icon (never colour alone): the texts, tooltips and a small badge widget.

What a vlog's consent allows is decided by the domain's clearance rule; this module only words the answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from vlogkit.domain import Vlog
from vlogkit.ui import theme
from vlogkit.ui.i18n import current_language, tr
from vlogkit.ui.icons import icon

if TYPE_CHECKING:
    from vlogkit.services import App

SCOPE_ROLE = {"external": "success", "internal": "info", "none": "danger"}


def state_label(state: str) -> str:
    return {"new": tr("New"), "transcribing": tr("Transcribing…"), "transcribed": tr("Transcribed"),
            "has_quotes": tr("Has quotes"), "missing": tr("File missing")}.get(state, state)


def state_icon_name(state: str) -> str:
    return f"state-{state}" if state in ("new", "transcribing", "transcribed", "has_quotes") else "info"


def badge_label(scope: str) -> str:
    return {"none": tr("No consent"), "internal": tr("Internal"), "external": tr("External")}.get(scope, scope)


@dataclass(frozen=True)
class ConsentBadgeInfo:
    scope: str  # the widest audience allowed now: external, internal or none
    label: str
    tooltip: str


def consent_badge(app: App, vlog: Vlog) -> ConsentBadgeInfo:
    """What the vlog's consent allows now - asked of the clearance rule - as a badge: its word and the sentence
    behind it (the rule's own reason when nothing may go out)."""
    external = app.consent.for_vlog(vlog, "external")
    internal = external if external.ok else app.consent.for_vlog(vlog, "internal")
    scope = "external" if external.ok else "internal" if internal.ok else "none"
    expires = vlog.consent.expires
    until = tr(", until {d}", d=expires.isoformat()) if expires is not None else ""
    if scope == "external":
        tip = tr("External: may be shared outside the company{until}.", until=until)
    elif scope == "internal":
        tip = tr("Internal: may be shown to colleagues, not outside the company{until}.", until=until)
    else:
        tip = tr("No consent: {why}. Nothing may be exported.", why=internal.reason(current_language()).rstrip("."))
    return ConsentBadgeInfo(scope, badge_label(scope), tip)


def paint_badge(p: QPainter, top_left_x: int, top_left_y: int, scope: str, label: str, *, height: int = 20,
                solid: bool = True) -> QRect:
    """A pill with the scope's icon and word; returns its rectangle."""
    c = theme.colors()
    fm = QFontMetrics(p.font())
    icon_size = height - 6
    w = 6 + icon_size + 4 + fm.horizontalAdvance(label) + 8
    rect = QRect(top_left_x, top_left_y, w, height)
    role_color = QColor(getattr(c, SCOPE_ROLE.get(scope, "muted")))
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(role_color)
    p.setBrush(QColor(c.base) if solid else Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(rect.adjusted(0, 0, -1, -1), height / 2, height / 2)
    icon(f"consent-{scope}" if scope in SCOPE_ROLE else "warning", SCOPE_ROLE.get(scope, "muted")).paint(
        p, QRect(rect.left() + 6, rect.top() + 3, icon_size, icon_size))
    p.setPen(QColor(c.text))
    p.drawText(QRect(rect.left() + 6 + icon_size + 4, rect.top(), w - icon_size - 10, height),
               Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
    p.restore()
    return rect


class ConsentBadge(QWidget):
    """The consent pill as a widget, with the tooltip and an accessible name that say what it allows."""

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.info = ConsentBadgeInfo("none", badge_label("none"), "")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_vlog(self, vlog: Vlog | None) -> None:
        self.info = consent_badge(self.app, vlog) if vlog is not None else ConsentBadgeInfo("none", badge_label("none"), "")
        self.setToolTip(self.info.tooltip)
        self.setAccessibleName(tr("Consent: {c}", c=self.info.label))
        self.setAccessibleDescription(self.info.tooltip)
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        return self.info.label

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(6 + 16 + 4 + self.fontMetrics().horizontalAdvance(self.info.label) + 10, 22)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        paint_badge(p, 0, 0, self.info.scope, self.info.label, height=self.height())
        p.end()
