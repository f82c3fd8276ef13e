"""The quote cards know what the bank holds, and "Add selection to bank" says what it did (trial 4, m3)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.conftest import import_and_wait


def test_cards_show_lines_already_in_the_bank_from_the_start(qtbot, window, clip12: Path) -> None:
    vid = import_and_wait(qtbot, window, clip12)
    saved = window.app.bank.add_candidate(vid, 1)  # what `vlogkit bank add VLOG --candidate 1` does
    window.open_vlog(vid)
    ed = window.editor
    qtbot.waitUntil(lambda: len(ed.quotes.cards) >= 2, timeout=60000)
    first, *others = ed.quotes.cards
    assert first.cand.rank == 1
    assert first.add_button.text() == "In the bank ✓" and not first.add_button.isEnabled()
    assert all(c.add_button.text() == "Add to bank" and c.add_button.isEnabled() for c in others)
    # reviewed and tagged elsewhere (`vlogkit bank approve`, the bank tab): the card shows the bank's quote as it is
    window.app.bank.approve([saved.id], by="Press Office")
    window.app.bank.tag(saved.id, add=["roadshow"])
    window._on_store_watcher_bank_changed()
    assert first.status.currentText() == "Approved" and first.tags.text() == "roadshow"
    assert not first.status.isEnabled() and not first.tags.isEnabled()  # edited in the Quote bank tab, not here
    window.app.bank.remove(saved.id)  # removed elsewhere (the bank tab, the CLI): the card may add it again
    window._on_store_watcher_bank_changed()
    assert first.add_button.text() == "Add to bank" and first.add_button.isEnabled()
    assert first.status.isEnabled() and first.tags.isEnabled()


def test_a_card_knows_a_selection_of_its_words_is_in_the_bank(qtbot, window, opened) -> None:
    ed = opened
    qtbot.waitUntil(lambda: len(ed.quotes.cards) >= 1, timeout=60000)
    card = ed.quotes.cards[0]
    ed.transcript_view.select_words(card.cand.word_start, card.cand.word_end - 1)  # the card's words, unpadded
    qtbot.mouseClick(ed.add_range_button, Qt.MouseButton.LeftButton)
    [q] = window.app.bank.list()
    assert (q.start, q.end) != (card.cand.start, card.cand.end)  # another range of the same words
    assert card.add_button.text() == "In the bank ✓" and not card.add_button.isEnabled()


def test_add_selection_says_what_it_did_and_asks_before_a_near_duplicate(qtbot, window, opened) -> None:
    ed = opened
    words = ed.transcript.words
    status = window.statusBar()
    first = next(i for i, w in enumerate(words) if w.text == "Customers")
    ed.transcript_view.select_words(first, first + 3)  # "Customers told us it"
    qtbot.mouseClick(ed.add_range_button, Qt.MouseButton.LeftButton)
    assert status.currentMessage() == "Added to the bank: “Customers told us it” (0:03.6–0:04.8)."
    qtbot.mouseClick(ed.add_range_button, Qt.MouseButton.LeftButton)  # the same words again
    assert status.currentMessage().startswith("Already in the bank as “Customers told us it” (0:03.6–0:04.8)")
    assert len(window.app.bank.list()) == 1
    ed.transcript_view.select_words(first, first + 5)  # four of its six words are the saved quote's
    qtbot.mouseClick(ed.add_range_button, Qt.MouseButton.LeftButton)
    assert status.currentMessage().startswith("Not added yet: most of these words are already in the bank as "
                                              "“Customers told us it”")
    assert ed.note.isVisibleTo(ed) and "Not added yet" in ed.note_text.text()
    assert len(window.app.bank.list()) == 1
    qtbot.mouseClick(ed.add_range_button, Qt.MouseButton.LeftButton)  # the user means it: a separate quote
    assert status.currentMessage().startswith("Added to the bank: “Customers told us it is the”")
    assert len(window.app.bank.list()) == 2 and not ed.note.isVisibleTo(ed)


def test_add_selection_feedback_reads_in_dutch(qtbot, window, opened) -> None:
    from vlogkit.ui.i18n import set_language

    ed = opened
    first = next(i for i, w in enumerate(ed.transcript.words) if w.text == "Customers")
    set_language("nl")
    ed.transcript_view.select_words(first, first + 3)
    ed.add_selection_to_bank()
    assert window.statusBar().currentMessage().startswith("Toegevoegd aan de bank: “Customers told us it”")


def test_a_card_whose_line_is_mostly_in_the_bank_asks_before_adding(qtbot, window, opened) -> None:
    ed = opened
    qtbot.waitUntil(lambda: len(ed.quotes.cards) >= 1, timeout=60000)
    card = ed.quotes.cards[0]
    words = ed.transcript.words
    saved = window.app.bank.add_range(ed.vlog.id, words[card.cand.word_start].start,
                                      words[card.cand.word_end - 2].end)  # the card's line but its last word
    window._on_store_watcher_bank_changed()
    assert card.add_button.text() == "Add to bank" and card.add_button.isEnabled()  # not the same line
    qtbot.mouseClick(card.add_button, Qt.MouseButton.LeftButton)
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Not added yet: most of these words are already in the bank as “{saved.text}”")
    assert message.endswith("Click “Add to bank” again to add it as a separate quote.")
    assert ed.note.isVisibleTo(ed) and ed.note_text.text() == message
    assert [q.id for q in window.app.bank.list()] == [saved.id]
    qtbot.mouseClick(card.add_button, Qt.MouseButton.LeftButton)  # the user means it
    assert len(window.app.bank.list()) == 2 and not ed.note.isVisibleTo(ed)
    assert card.add_button.text() == "In the bank ✓" and not card.add_button.isEnabled()
    assert any(q.text == card.cand.text for q in window.app.bank.list())
    assert window.statusBar().currentMessage().startswith(f"Added to the bank: “{card.cand.text[:30]}")


def test_the_cards_question_reads_in_dutch(qtbot, window, opened) -> None:
    from vlogkit.ui.i18n import set_language

    ed = opened
    qtbot.waitUntil(lambda: len(ed.quotes.cards) >= 1, timeout=60000)
    card = ed.quotes.cards[0]
    words = ed.transcript.words
    window.app.bank.add_range(ed.vlog.id, words[card.cand.word_start].start, words[card.cand.word_end - 2].end)
    set_language("nl")
    qtbot.mouseClick(card.add_button, Qt.MouseButton.LeftButton)
    assert ed.note_text.text().startswith("Nog niet toegevoegd: de meeste van deze woorden staan al in de bank als")
    assert ed.note_text.text().endswith("Klik nog eens op “In de bank” om het als apart citaat toe te voegen.")
