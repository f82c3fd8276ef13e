"""The empty transcript's hint ("No transcript yet. Click Transcribe to make one.") is read whole: it wraps in a
narrow transcript pane instead of being cut after its first line (it was, in every language, at 1280x720)."""

from __future__ import annotations

import pytest


def text_rows(image) -> list[int]:  # noqa: ANN001
    """The pixel rows where something darker than the background is painted."""
    bg = image.pixelColor(image.width() - 3, image.height() - 3).lightness()
    return [y for y in range(image.height())
            if any(image.pixelColor(x, y).lightness() < bg - 60 for x in range(4, image.width() - 4, 2))]


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_the_empty_transcripts_hint_wraps_whole(qtbot, lang: str) -> None:  # noqa: ANN001
    from PySide6.QtGui import QFontMetrics

    from vlogkit.ui.i18n import set_language, tr
    from vlogkit.ui.transcript_view import TranscriptView

    set_language(lang)
    view = TranscriptView()
    qtbot.addWidget(view)
    view.resize(220, 240)
    view.show()
    qtbot.waitExposed(view)
    hint = tr("No transcript yet. Click Transcribe to make one.")
    fm = QFontMetrics(view.font())
    assert fm.horizontalAdvance(hint) > 220  # needs two lines or more at this width
    rows = text_rows(view.viewport().grab().toImage())
    assert rows and rows[-1] - rows[0] > 1.2 * fm.lineSpacing(), (rows[:1], rows[-1:], fm.lineSpacing())
