"""The editor shows a vlog that switches language, text Whisper may have invented (held back, kept with a
right-click) and swear words to check (confirmed with a right-click), offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCharFormat, QTextCursor

from vlogkit.domain import Segment, Transcript, Word


def seg(start: int, text: str, lang: str, p: float = 0.95, flag: str = "") -> Segment:
    words = tuple(Word(t, start + i * 300, start + i * 300 + 260, p, language=lang) for i, t in enumerate(text.split()))
    return Segment(words[0].start, words[-1].end, words, "", lang, flag)


@pytest.fixture
def transcript() -> Transcript:  # replaces the conftest's English transcript for this module's window
    return Transcript((seg(0, "Goeiemorgen collega's, dat was een klotedag gisteren.", "nl"),
                       seg(3600, "Bonjour à tous les collègues de Namur.", "fr"),
                       seg(8200, "Ondertiteld door de Amara.org gemeenschap", "nl", 0.4, "credit")),
                      "nl", 12000, model="scripted")


def char_format(tv, index: int) -> QTextCharFormat:  # noqa: ANN001
    c = QTextCursor(tv.document())
    a, b = tv.spans[index]
    c.setPosition(a + 1)
    return c.charFormat()


def menu_actions(tv, index: int) -> dict:  # noqa: ANN001
    """The context menu's actions at word `index`, by text (the menu is built, not shown)."""
    return {a.text(): a for a in tv.word_menu(index).actions()}


def test_languages_held_back_text_and_words_to_check(qtbot, window, opened, tmp_path: Path) -> None:
    ed = opened
    tv = ed.transcript_view
    text = tv.toPlainText()
    assert text.startswith("NL  Goeiemorgen") and "\nFR  Bonjour" in text  # each stretch says its language
    assert "nl + fr" in ed.title.text()
    words = ed.transcript.words
    rude = next(i for i, w in enumerate(words) if w.text == "klotedag")
    fmt = char_format(tv, rude)
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline and "Check this word" in fmt.toolTip()
    credit = next(i for i, w in enumerate(words) if w.text == "Amara.org")
    fmt = char_format(tv, credit)
    assert fmt.fontItalic() and "Held back" in fmt.toolTip() and "subtitle credit" in fmt.toolTip()
    tv.grab().save(str(tmp_path / "transcript_flags.png"))

    actions = menu_actions(tv, rude)
    actions["Confirm this word was said"].trigger()
    stored = window.app.transcription.get(ed.vlog.id)
    assert [w.confirmed for w in stored.words if w.text == "klotedag"] == [True]
    assert "Confirmed as said" in char_format(tv, rude).toolTip()

    assert window.app.transcription.get(ed.vlog.id).flagged  # held back: not in subtitles
    actions = menu_actions(tv, credit)
    actions["Keep this text: it was really said"].trigger()
    assert not window.app.transcription.get(ed.vlog.id).flagged and not char_format(tv, credit).fontItalic()
    ed.undo_stack.undo()
    assert window.app.transcription.get(ed.vlog.id).flagged  # undo holds it back again


def test_settings_choose_the_languages_auto_picks_from(qtbot, window, gui_app) -> None:
    import json

    window.open_settings()
    dlg = window.settings_dialog
    assert dlg.languages.text() == "nl,fr,en"
    dlg.languages.setText("nl, vlaams")
    dlg.save()
    assert "'vlaams' is not a language Whisper knows" in dlg.languages_note.text() and dlg.isVisible()
    dlg.languages.setText("NL, fr , de")
    dlg.save()
    assert json.loads(gui_app.paths.settings_file.read_text())["languages"] == "nl,fr,de"
