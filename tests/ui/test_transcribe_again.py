"""'Transcribe again' in the editor keeps the user's fixes (trial 6: a run with a changed glossary gave the
recognised word back and said nothing) and says in the status bar which edit it could not keep. Real widgets
offscreen, a real TinyDB library, the scripted engine standing in for Whisper."""

from __future__ import annotations

from PySide6.QtCore import Qt

from vlogkit.domain.transcript_edits import insert_word_after
from vlogkit.ui.transcript_editing import InlineEditor


def test_transcribe_again_keeps_a_fix_made_in_the_editor_and_names_the_typed_word_it_lost(qtbot, window, opened):
    ed = opened
    view = ed.transcript_view
    i = [w.text for w in ed.transcript.words].index("easiest")
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.word_rect_center(i))
    inline = next(w for w in ed.findChildren(InlineEditor) if w.isVisible())
    inline.selectAll()
    qtbot.keyClicks(inline, "simplest")
    qtbot.keyClick(inline, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "simplest" in view.toPlainText())
    vid = ed.vlog.id
    svc = window.app.transcription
    svc.save(vid, insert_word_after(svc.require(vid), i, "really"))
    ed.reload_transcript()
    window.app.settings.glossary = "Acme, onboarding"  # a changed glossary: Whisper must run again
    assert ed.transcribe_button.text() == "Transcribe again"
    qtbot.mouseClick(ed.transcribe_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: vid not in window.transcribing, timeout=60000)
    assert not svc.last_from_cache
    qtbot.waitUntil(lambda: "simplest" in view.toPlainText())
    assert "easiest" not in view.toPlainText() and "really" not in view.toPlainText()
    message = window.statusBar().currentMessage()
    assert "except 1 edit on a word it did not hear again" in message and "(really)" in message, message
