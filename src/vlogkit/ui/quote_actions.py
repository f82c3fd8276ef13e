"""Quote actions of the vlog editor: each one carries the vlog it was made for and refuses against any other.

A quote card saves exactly the words and range it shows, for its own vlog, and only while it is not out of date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vlogkit.errors import VlogkitError
from vlogkit.ui.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from vlogkit.domain import Vlog
    from vlogkit.services import App
    from vlogkit.ui.quote_panel import QuotePanel


class QuoteActions:
    """Mixed into `VlogEditor` (which provides these attributes)."""

    app: App
    vlog: Vlog | None
    quotes: QuotePanel
    error_raised: SignalInstance
    export_requested: SignalInstance
    bank_changed: SignalInstance

    def _acts_on_open_vlog(self, vlog_id: str) -> bool:
        """Every quote action carries the vlog it was made for; against any other (or no) open vlog it refuses."""
        if self.vlog is not None and vlog_id == self.vlog.id:
            return True
        self.error_raised.emit(tr("That quote belongs to a vlog that is no longer open: nothing was done. Open the "
                                  "vlog again and find its quotes."))
        return False

    def add_candidate(self, vlog_id: str, cand: Any, tags: list[str], status: str) -> None:
        """Save exactly what the card shows (its words and range) into the bank, for the card's own vlog."""
        if not self._acts_on_open_vlog(vlog_id):
            return
        card = next((c for c in self.quotes.cards if c.cand is cand and c.vlog_id == vlog_id), None)
        if card is None or card.stale:
            self.error_raised.emit(tr("That quote card is out of date (the transcript changed): click “Find quotes” "
                                      "and add the line again."))
            return
        try:
            self.app.bank.add_shown(vlog_id, cand, tags=tuple(tags), status=status)
        except VlogkitError as exc:
            self._on_action_failed(str(exc))  # type: ignore[attr-defined]  # VlogEditor's: a vlog gone closes it
            return
        card.mark_added()
        self.bank_changed.emit()

    def _on_quotes_export_requested(self, vlog_id: str, start: int, end: int) -> None:
        if self._acts_on_open_vlog(vlog_id):
            self.export_requested.emit(vlog_id, [(start, end)])
