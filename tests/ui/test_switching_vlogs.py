"""The app never acts on a vlog - or a line - other than the one it shows: open vlog A, then vlog B, and no quote
action can touch A's data, or B's with A's ranges; a card saves exactly what it shows, and is out of date once a
word of its line changes under it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from vlogkit.domain import ConsentScope, Segment, Speaker, Transcript, Word
from vlogkit.services.library import ImportOptions

B_LINES = [(300, "Our warehouse robots now pick every order before noon."),
           (3200, "That means customers get parcels a whole day earlier.")]


def _b_transcript() -> Transcript:
    segs = []
    for start, sentence in B_LINES:
        words, t = [], start
        for raw in sentence.split():
            words.append(Word(raw, t, t + 250, 0.95))
            t += 280
        segs.append(Segment(words[0].start, words[-1].end, tuple(words)))
    return Transcript(tuple(segs), "en", 6000, model="scripted")


def test_after_switching_vlogs_no_quote_action_touches_the_previous_one(qtbot, window, clip12: Path,  # type: ignore[no-untyped-def]
                                                                        synth: Callable[..., Path]) -> None:
    app, ed = window.app, window.editor
    short = synth("clip6.mp4", "-f", "lavfi", "-i", "testsrc2=s=640x360:r=25:d=6", "-f", "lavfi", "-i",
                  "sine=f=500:d=6", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                  "-shortest")
    a = app.library.import_file(clip12, ImportOptions(speaker=Speaker("Ann"), consent=ConsentScope.EXTERNAL)).vlog
    b = app.library.import_file(short, ImportOptions(speaker=Speaker("Bo"), consent=ConsentScope.EXTERNAL)).vlog
    app.transcription.transcribe(a.id)
    app.transcription.save(b.id, _b_transcript())
    errors: list[str] = []
    window.show_error = lambda message, modal=False: errors.append(message)  # type: ignore[method-assign]

    window.open_vlog(a.id)
    qtbot.waitUntil(lambda: len(ed.quotes.cards) > 0, timeout=60000)
    a_card = ed.quotes.cards[0]
    a_cand = a_card.cand
    assert a_card.vlog_id == a.id
    a_card.export_button.click()  # the export dialog opens for A's line
    qtbot.waitUntil(lambda: window.export_dialog is not None and window.export_dialog.isVisible())
    dialog = window.export_dialog
    assert dialog.vlog_id == a.id and dialog.ranges == [(a_cand.start, a_cand.end)]

    window.open_vlog(b.id)
    # switching resets everything of A: its export dialog, its cards, its transcript and clip range
    assert not dialog.isVisible() and window.export_dialog is None
    assert all(c.vlog_id == b.id for c in ed.quotes.cards) and all(c.end <= 6000 for c in ed.candidates)
    assert ed.in_out is None and ed.vlog.id == b.id
    qtbot.waitUntil(lambda: len(ed.quotes.cards) > 0 and ed.transcript is not None, timeout=60000)
    assert all(c.vlog_id == b.id for c in ed.quotes.cards)
    assert "warehouse" in ed.transcript_view.toPlainText() and "onboarding" not in ed.transcript_view.toPlainText()

    # A's card actions, still carried by a signal or a stale reference, are refused against B
    before = len(errors)
    ed.quotes.add_requested.emit(a.id, a_cand, ["x"], "approved")
    ed.add_candidate(a.id, a_cand, [], "candidate")
    ed.quotes.export_requested.emit(a.id, a_cand.start, a_cand.end)
    assert len(errors) == before + 3 and all("no longer open" in e for e in errors[before:])
    assert app.bank.list() == [] and window.export_dialog is None
    # A's range on B (a shorter file) is refused as well
    window.open_export(b.id, [(8200, 10900)])
    assert window.export_dialog is None and "not part of the vlog" in errors[-1]
    # A's candidate cannot be saved as B's either: B's card saves exactly what it shows, for B
    b_card = ed.quotes.cards[0]
    b_card.status.setCurrentIndex(b_card.status.findData("candidate"))
    assert b_card.status.itemData(0) == "candidate"  # the app saves candidates unless someone reviews here
    b_card.add_button.click()
    [saved] = app.bank.list()
    assert (saved.vlog_id, saved.start, saved.end, saved.text) == (b.id, b_card.cand.start, b_card.cand.end,
                                                                   b_card.cand.text)
    assert saved.status.value == "candidate" and saved.speaker.name == "Bo"

    # a word fixed in B's transcript puts the cards holding it out of date: their actions are off and refused
    from vlogkit.domain import transcript_edits as edits

    fixed = ed.transcript.words[1]
    ed.push_edit(edits.correct_word(ed.transcript, 1, "storage"), "Fix word")
    holding = [c for c in ed.quotes.cards if c.cand.start <= fixed.start < c.cand.end]
    assert holding and all(c.stale and not c.add_button.isEnabled() and not c.export_button.isEnabled()
                           for c in holding)
    assert not any(c.stale for c in ed.quotes.cards if c not in holding)
    other = holding[-1]
    ed.add_candidate(b.id, other.cand, [], "candidate")
    assert "out of date" in errors[-1] and len(app.bank.list()) == 1
    ed.load_candidates()  # finding quotes again gives fresh cards for the corrected transcript
    qtbot.waitUntil(lambda: ed.quotes.cards and not any(c.stale for c in ed.quotes.cards), timeout=60000)
