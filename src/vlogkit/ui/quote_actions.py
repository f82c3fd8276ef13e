"""Quote actions of the vlog editor: each one carries the vlog it was made for and refuses against any other.

A quote card saves exactly the words and range it shows, for its own vlog, and only while it is not out of date.
Cards show which lines the bank already holds (the same words, however they got there: a card, a selection, the
CLI); adding a selection says what happened, and a card's line or a selection that is mostly a line already in the
bank is added only when the user clicks again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vlogkit.errors import VlogkitError
from vlogkit.ui.bank_actions import describe
from vlogkit.ui.i18n import error_text, tr

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from vlogkit.domain import Transcript, Vlog
    from vlogkit.quotes.overlap import BankMatch
    from vlogkit.services import App
    from vlogkit.services.bank_follow import BankFollow
    from vlogkit.ui.quote_panel import QuotePanel


class QuoteActions:
    """Mixed into `VlogEditor` (which provides these attributes)."""

    app: App
    vlog: Vlog | None
    transcript: Transcript | None
    in_out: tuple[int, int] | None
    quotes: QuotePanel
    error_raised: SignalInstance
    export_requested: SignalInstance
    bank_changed: SignalInstance
    status_message: SignalInstance
    _overlap_pending: tuple[str, int, int] | None = None  # a selection the user was warned about: a 2nd click adds it

    def _acts_on_open_vlog(self, vlog_id: str) -> bool:
        """Every quote action carries the vlog it was made for; against any other (or no) open vlog it refuses."""
        if self.vlog is not None and vlog_id == self.vlog.id:
            return True
        self.error_raised.emit(tr("That quote belongs to a vlog that is no longer open: nothing was done. Open the "
                                  "vlog again and find its quotes."))
        return False

    def add_candidate(self, vlog_id: str, cand: Any, tags: list[str], status: str) -> None:
        """Save exactly what the card shows (its words and range) into the bank, for the card's own vlog; a line that
        is mostly a quote already in the bank is saved only on a second click (as a selection is)."""
        if not self._acts_on_open_vlog(vlog_id):
            return
        card = next((c for c in self.quotes.cards if c.cand is cand and c.vlog_id == vlog_id), None)
        if card is None or card.stale:
            self.error_raised.emit(tr("That quote card is out of date (the transcript changed): click “Find quotes” "
                                      "and add the line again."))
            return
        try:
            m = self.app.bank.match(vlog_id, cand.start, cand.end, self.transcript)
            if self._asks_before_near_duplicate(vlog_id, cand.start, cand.end, tr("Add to bank"), m):
                return
            q = self.app.bank.add_shown(vlog_id, cand, tags=tuple(tags), status=status)
        except VlogkitError as exc:
            self._on_action_failed(error_text(exc))  # type: ignore[attr-defined]  # VlogEditor's: a vlog gone closes it
            return
        card.mark_added(q)
        self._say(tr("Added to the bank: {what}.", what=describe(q)))  # as "Add selection to bank" says it
        self.bank_changed.emit()
        self.show_bank_marks()

    def show_bank_marks(self) -> None:
        """Mark the cards whose words are already in the bank "In the bank ✓" (and the others addable again, e.g.
        after a quote was removed). One read of the local bank file; no media work."""
        if self.vlog is None or not self.quotes.cards:
            return
        try:
            for card in self.quotes.cards:
                if card.vlog_id == self.vlog.id:
                    m = self.app.bank.match(self.vlog.id, card.cand.start, card.cand.end, self.transcript)
                    same = m is not None and m.kind == "same"
                    card.set_in_bank(same, m.quote if same else None)
        except VlogkitError as exc:  # a damaged bank file: say so, leave the cards as they are
            self.error_raised.emit(error_text(exc))

    def add_selection_to_bank(self) -> None:
        """Save the selected words as a quote and say what happened; the same words already in the bank are not
        saved twice, and a selection that is mostly a bank quote is saved only on a second click."""
        if self.vlog is None or self.in_out is None:
            self.error_raised.emit(tr("Select some words in the transcript first."))
            return
        vid, (start, end) = self.vlog.id, self.in_out
        try:
            m = self.app.bank.match(vid, start, end, self.transcript)
            if m is not None and m.kind == "same":
                self._say(tr("Already in the bank as {what}: nothing added.", what=describe(m.quote)))
                return
            if self._asks_before_near_duplicate(vid, start, end, tr("Add selection to bank"), m):
                return
            before = {q.id for q in self.app.bank.of_vlog(vid)}
            q = self.app.bank.add_range(vid, start, end)
        except VlogkitError as exc:
            self._on_action_failed(error_text(exc))  # type: ignore[attr-defined]  # VlogEditor's: a vlog gone closes it
            return
        if q.id in before:
            self._say(tr("Already in the bank as {what}: nothing added.", what=describe(q)))
            return
        self._say(tr("Added to the bank: {what}.", what=describe(q)))
        self.bank_changed.emit()
        self.show_bank_marks()

    def _asks_before_near_duplicate(self, vid: str, start: int, end: int, button: str, m: BankMatch | None) -> bool:
        """True when the line [start, end) is mostly the bank quote of `m` (`BankService.match`) and this is the
        first click on `button` for it: the user is told (status bar and note bar) and nothing is added; the next
        click adds it. The selection and the quote cards share this one question."""
        if m is not None and m.kind == "overlap" and self._overlap_pending != (vid, start, end):
            self._overlap_pending = (vid, start, end)
            self._say(tr("Not added yet: most of these words are already in the bank as {what}. Click “{button}” "
                         "again to add it as a separate quote.", what=describe(m.quote), button=button), note=True)
            return True
        if self._overlap_pending is not None:
            self.note.hide()  # type: ignore[attr-defined]  # the warning was answered by this second click
        self._overlap_pending = None
        return False

    def say_bank_followed(self, follow: BankFollow, undone: bool = False) -> None:
        """A transcript edit (a word fixed, or the fix undone) reached the bank: say which quotes now read the
        transcript's words, and - in the note bar, never silently - which ones kept a text edited in the bank. After
        an undo, a quote that kept its own text is not named again (the fix it was told about is gone), and the
        note that named it closes."""
        said = [] if not follow.updated else [
            tr("The bank quote {what} now reads the transcript's words.", what=describe(follow.updated[0]))
            if len(follow.updated) == 1 else tr("{n} bank quotes now read the transcript's words.", n=len(follow.updated))]
        notes = [tr("{what} was approved; its text changed, so it waits for review again.", what=describe(q))
                 for was, q in zip(follow.was, follow.updated, strict=True) if was.status is not q.status]
        kept = [tr("{what} was edited in the bank and keeps its own text: “Edit text…” in the Quote bank tab "
                   "changes it if the fix belongs there too.", what=describe(q)) for q in follow.kept]
        if undone:
            if kept and not self.note.isHidden() and self.note_text.text() == " ".join(kept):  # type: ignore[attr-defined]
                self.note.hide()  # type: ignore[attr-defined]  # the fix it spoke of is undone
        else:
            notes += kept
        if follow.problem:
            notes.append(tr("The word is fixed, but the bank could not be brought up to date: {why}",
                            why=follow.problem))
        if said or notes:
            self.status_message.emit(" ".join(said + notes))
        if notes:
            self.show_note(" ".join(notes))  # type: ignore[attr-defined]  # VlogEditor's
        if follow.updated:
            self.bank_changed.emit()

    def _say(self, message: str, note: bool = False) -> None:
        """Tell the user what an action did: in the status bar; a warning that asks for a decision also in the
        editor's note bar (which stays until closed)."""
        self.status_message.emit(message)
        if note:
            self.show_note(message)  # type: ignore[attr-defined]  # VlogEditor's

    def _on_quotes_export_requested(self, vlog_id: str, start: int, end: int) -> None:
        if self._acts_on_open_vlog(vlog_id):
            self.export_requested.emit(vlog_id, [(start, end)])
