"""The review queue: quotes waiting for approval with their source clip, approve / reject / edit by keyboard, the
approver recorded; vlogs without consent or without quotes listed to check."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import import_and_wait


@pytest.fixture
def queue(qtbot, window, clip12: Path):
    vid = import_and_wait(qtbot, window, clip12)
    app = window.app
    app.settings.user_name = "Mira Comms"
    first = app.bank.add_range(vid, 0, 2500, tags=["a"])
    second = app.bank.add_range(vid, 3600, 6000, tags=["b"])
    window.tabs.setCurrentWidget(window.review)
    rq = window.review
    qtbot.waitUntil(lambda: len(rq.waiting_ids()) == 2, timeout=10000)
    return rq, vid, first, second


def test_waiting_quotes_show_their_source_and_approve_records_who(qtbot, window, queue) -> None:
    rq, vid, first, second = queue
    assert rq.quote is not None and rq.quote.id in (first.id, second.id)
    shown = rq.quote
    assert rq.text.toPlainText() == shown.text
    assert rq.player.slider.range_ms == (shown.start, shown.end)  # the source clip, its range marked
    assert "Internal" in rq.clearance.text() and "External" in rq.clearance.text()
    rq.list.setFocus()
    qtbot.keyClick(rq.list, Qt.Key.Key_A)
    q = window.app.bank.get(shown.id)
    assert q.status.value == "approved" and q.approved_by == "Mira Comms" and q.approved_at
    assert shown.id not in rq.waiting_ids() and len(rq.waiting_ids()) == 1
    assert rq.quote is not None and rq.quote.id == (second.id if shown.id == first.id else first.id)  # the next one


def test_reject_and_edit_by_keyboard(qtbot, window, queue) -> None:
    rq, _vid, first, second = queue
    target = rq.quote
    rq.text.setFocus()
    rq.text.selectAll()
    qtbot.keyClicks(rq.text, "Our team shipped the onboarding flow.")
    assert rq.text.toPlainText() == "Our team shipped the onboarding flow."  # letters typed, no shortcut fired
    qtbot.keyClick(rq.text, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.app.bank.get(target.id).text == "Our team shipped the onboarding flow."
    rq.list.setFocus()
    qtbot.keyClick(rq.list, Qt.Key.Key_R)
    assert window.app.bank.get(target.id).status.value == "rejected"
    assert rq.waiting_ids() == [next(q for q in (first, second) if q.id != target.id).id]


def test_vlogs_to_check_and_a_quote_removed_elsewhere(qtbot, window, queue) -> None:
    from vlogkit.domain import ConsentScope

    rq, vid, first, second = queue
    window.app.library.edit(vid, consent=ConsentScope.NONE)
    rq.refresh()
    texts = [rq.list.item(i).text() for i in range(rq.list.count())]
    assert any("no consent recorded" in t for t in texts)
    window.app.bank.remove(rq.quote.id)
    rq.approve()  # the quote is gone: it says so, nothing raises
    assert "no longer" in window.last_error or "No quote" in window.last_error
    assert len(rq.waiting_ids()) == 1


def test_review_decisions_are_said_and_undone_with_ctrl_z(qtbot, window, queue) -> None:
    """Opening the tab puts the keyboard in the queue; A and R say what they did in the status bar, and Ctrl+Z /
    Ctrl+Y (Edit > Undo / Redo) take a decision back and do it again - not the vlog editor's transcript undo."""
    rq, _vid, first, second = queue
    assert window.focusWidget() is rq.list  # A / R / P work at once
    shown = rq.quote
    qtbot.keyClick(rq.list, Qt.Key.Key_A)
    assert window.app.bank.get(shown.id).status.value == "approved"
    said = window.statusBar().currentMessage()
    assert said.startswith("Approved “") and "(by Mira Comms)" in said and "Ctrl+Z undoes it" in said
    assert window.undo_action.isEnabled() and window.undo_action.text() == "Undo Approve"
    qtbot.keyClick(rq.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = window.app.bank.get(shown.id)
    assert back.status.value == "candidate" and back.approved_by == "" and back.approved_at == ""
    assert rq.quote is not None and rq.quote.id == shown.id and shown.id in rq.waiting_ids()  # shown again
    qtbot.keyClick(rq.list, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.app.bank.get(shown.id).status.value == "approved"
    assert window.app.bank.get(shown.id).approved_by == "Mira Comms"
    other = rq.quote
    assert other is not None and other.id != shown.id
    qtbot.keyClick(rq.list, Qt.Key.Key_R)
    assert window.app.bank.get(other.id).status.value == "rejected"
    assert window.statusBar().currentMessage().startswith("Rejected “")
    qtbot.keyClick(rq.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.app.bank.get(other.id).status.value == "candidate" and rq.quote.id == other.id
    # on another tab Ctrl+Z is the editor's again: the review's history is not touched from there
    window.tabs.setCurrentWidget(window.library)
    assert not window.undo_action.isEnabled()


def test_review_text_typed_is_saved_when_moving_on_and_approved_as_shown(qtbot, window, queue) -> None:
    rq, _vid, first, second = queue
    target = rq.quote
    rq.text.setFocus()
    rq.text.selectAll()
    qtbot.keyClicks(rq.text, "Our team shipped the onboarding flow.")
    rq.list.setFocus()
    qtbot.keyClick(rq.list, Qt.Key.Key_Down)  # on to the next quote without Ctrl+S: the text is not lost
    assert rq.quote.id != target.id
    assert window.app.bank.get(target.id).text == "Our team shipped the onboarding flow."
    assert window.statusBar().currentMessage().startswith("Saved the new text of “Our team shipped")
    qtbot.keyClick(rq.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.app.bank.get(target.id).text == target.text and rq.quote.id == target.id
    # Approve with a new text in the box approves that text; one Ctrl+Z takes back both
    rq.text.selectAll()
    qtbot.keyClicks(rq.text, "Customers call it the easiest setup.")
    qtbot.mouseClick(rq.approve_button, Qt.MouseButton.LeftButton)
    q = window.app.bank.get(target.id)
    assert q.status.value == "approved" and q.text == "Customers call it the easiest setup."
    rq.list.setFocus()
    qtbot.keyClick(rq.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    q = window.app.bank.get(target.id)
    assert q.status.value == "candidate" and q.text == target.text


def test_a_french_quote_waits_in_the_list_in_guillemets(qtbot, window, queue) -> None:
    rq, _vid, first, _second = queue
    bank = window.app.bank
    bank.repo.save(bank.get(first.id).with_(language="fr"))
    rq.refresh()
    texts = [rq.list.item(i).text() for i in range(rq.list.count())]
    french = next(t for t in texts if first.text in t)
    assert french.startswith("«\u00a0") and f"{first.text}\u00a0»" in french  # as every French quote, never “…”
