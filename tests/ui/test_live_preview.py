"""The editor's live preview: the selected range in the chosen preset's frame with the captions the export burns in;
switching the preset or the caption style updates it at once; the selection moving moves it."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from tests.ui.conftest import open_and_wait
from vlogkit.domain.export import CaptionStyle


@pytest.fixture
def preview(qtbot, window, clip12: Path):
    ed = open_and_wait(qtbot, window, clip12)
    ed.side.setCurrentWidget(ed.preview)
    ed.transcript_view.select_words(12, 20)
    qtbot.waitUntil(lambda: ed.preview.ready(), timeout=60000)
    return ed


def test_the_preview_shows_the_range_in_the_presets_frame_with_the_export_captions(qtbot, window, preview) -> None:
    ed = preview
    pv = ed.preview.canvas.preview
    words = ed.transcript.words
    assert (pv.start, pv.end) == (words[12].start, words[20].end) and pv.preset.name == "reel"
    rect = ed.preview.canvas.frame_rect()
    assert abs(rect.width() / rect.height() - 9 / 16) < 0.01
    same = window.app.live_preview.build(ed.vlog.id, pv.start, pv.end, "reel", "karaoke")
    assert pv.captions == same.captions and pv.captions  # the service's events, as the export lays them out
    first = pv.captions[0]
    said = " ".join(w.text for w in words[12:15])  # "it is the": the clip starts mid-sentence, with a capital
    assert first.highlight == 0 and first.lines[0][0] == words[12].text.capitalize()  # karaoke: the first word is lit
    shown = " ".join(w for line in first.lines for w in line)
    assert shown.startswith(said[0].upper() + said[1:]), shown
    ed.preview.show_time(pv.start + 50)
    image = ed.preview.canvas.grab().toImage()
    top, bottom = int(rect.top()), int(rect.bottom())
    lit = [(x, y) for y in range(top + (bottom - top) // 2, bottom, 2)
           for x in range(int(rect.left()), int(rect.right()), 2)
           if image.pixelColor(x, y).red() > 240 and image.pixelColor(x, y).green() > 180
           and image.pixelColor(x, y).blue() < 60]
    assert lit, "the highlighted word (brand colour) is drawn in the lower half of the frame"


def test_switching_preset_and_style_updates_at_once(qtbot, preview) -> None:
    ed = preview
    panel = ed.preview
    panel.preset.setCurrentIndex(panel.preset.findData("square"))
    qtbot.waitUntil(lambda: panel.canvas.preview.preset.name == "square", timeout=30000)
    rect = panel.canvas.frame_rect()
    assert abs(rect.width() - rect.height()) < 2
    panel.style_box.setCurrentIndex(panel.style_box.findData("line"))
    qtbot.waitUntil(lambda: panel.canvas.preview.style.value == "line", timeout=30000)
    assert all(c.highlight is None for c in panel.canvas.preview.captions)
    panel.style_box.setCurrentIndex(panel.style_box.findData("off"))
    qtbot.waitUntil(lambda: panel.canvas.preview.style.value == "off", timeout=30000)
    assert panel.canvas.preview.captions == ()


def test_moving_the_selection_moves_the_preview(qtbot, preview) -> None:
    ed = preview
    words = ed.transcript.words
    ed.transcript_view.select_words(2, 6)
    qtbot.waitUntil(lambda: ed.preview.canvas.preview.start == words[2].start, timeout=30000)
    assert ed.preview.canvas.preview.end == words[6].end


def test_every_export_caption_style_is_offered(preview) -> None:
    box = preview.preview.style_box
    offered = [box.itemData(i) for i in range(box.count())]
    assert "punchy" in offered and offered == [s.value for s in CaptionStyle]


def _ink_box(rgb: np.ndarray, lo: float = 0.0, hi: float = 1.0, black: bool = False) -> tuple[float, ...]:
    """(top, bottom, left, right) of the white ink (`black`: of the opaque black boxes) between rows `lo` and `hi`
    (fractions of the height) of an RGB frame, as fractions of its height/width."""
    h, w = rgb.shape[:2]
    band = rgb[round(lo * h): round(hi * h), :, :3]
    ys, xs = np.nonzero((band < 12).all(axis=2) if black else (band > 200).all(axis=2))
    assert ys.size > 20, "nothing drawn there"
    ys = ys + round(lo * h)
    return ys.min() / h, (ys.max() + 1) / h, xs.min() / w, (xs.max() + 1) / w


def _close(a: tuple[float, ...], b: tuple[float, ...], tolerance: float = 0.012) -> bool:
    """Same box within `tolerance` of the frame (1.2 %: ~4 px of the preview's frame, ~23 px of the reel)."""
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


@pytest.fixture(scope="session")
def dark12(synth) -> Path:  # noqa: ANN001
    """12 s of a dark flat picture with a tone: white caption ink is the only bright thing in a frame."""
    return synth(
        "dark12.mp4", "-f", "lavfi", "-i", "color=c=0x1e2a36:s=640x360:r=25:d=12", "-f", "lavfi", "-i",
        "sine=f=330:d=12", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
    )


def _grab_frame(panel) -> np.ndarray:  # noqa: ANN001
    """The preset's frame as the preview canvas shows it (RGB), without the panel around it."""
    rect = panel.canvas.frame_rect().toRect().adjusted(1, 1, -1, -1)
    image = panel.canvas.grab().toImage().copy(rect).convertToFormat(QImage.Format.Format_RGB888)
    return _rgb(image)


def _rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3).copy()  # outlives the QImage


def _show(qtbot, panel, style: str) -> None:  # noqa: ANN001
    panel.style_box.setCurrentIndex(panel.style_box.findData(style))
    qtbot.waitUntil(lambda: panel.canvas.preview.style.value == style and panel.ready(), timeout=30000)


def test_punchy_preview_draws_1_to_3_words_and_the_lower_third_where_the_exported_reel_does(
        qtbot, window, dark12: Path, tmp_path: Path, ffmpeg_exe: str) -> None:
    window.resize(1800, 1300)  # a preview large enough to measure to a few pixels
    ed = open_and_wait(qtbot, window, dark12)
    ed.side.setCurrentWidget(ed.preview)
    ed.transcript_view.select_words(12, 20)
    panel = ed.preview
    qtbot.waitUntil(lambda: panel.ready(), timeout=60000)
    _show(qtbot, panel, "punchy")
    panel.lower_third.setChecked(True)  # the name and role move to the top when punchy captions are on
    qtbot.waitUntil(lambda: panel.canvas.preview.lower_third is not None and panel.ready(), timeout=30000)
    pv = panel.canvas.preview
    assert pv.captions and all(len(e.lines) == 1 and 1 <= len(e.lines[0]) <= 3 for e in pv.captions)
    event = pv.captions[1]
    at = (event.start + event.end) // 2  # clip time
    panel.show_time(pv.start + at)
    shown = _grab_frame(panel)
    assert shown.shape[0] > 500, shown.shape

    request = window.app.export.request(ed.vlog.id, ranges=[(pv.start, pv.end)], presets=("reel",),
                                        captions="punchy", out_dir=tmp_path, lower_third=True)
    result = window.app.export.export(request)
    assert [e["lines"] for e in result.plan["outputs"][0]["events"]] == [[list(ln) for ln in e.lines]
                                                                         for e in pv.captions]
    frame = tmp_path / "frame.png"
    subprocess.run([ffmpeg_exe, "-v", "error", "-ss", f"{at / 1000:.3f}", "-i", str(result.outputs[0].path),
                    "-frames:v", "1", "-y", str(frame)], check=True)
    exported = _rgb(QImage(str(frame)))
    assert exported.shape == (1920, 1080, 3)
    export_box = _ink_box(exported, 0.3)
    top, bottom = export_box[:2]
    assert 0.14 <= top and bottom <= 0.65, export_box  # the export keeps clear of the platform bands...
    preview_box = _ink_box(shown, 0.3)
    assert _close(preview_box, export_box), (preview_box, export_box)  # ...the preview draws them in the same place
    for black in (False, True):  # the lower third's name and its boxes, at the top, where the export puts them
        name, exported_name = _ink_box(shown, 0, 0.3, black), _ink_box(exported, 0, 0.3, black)
        assert 0.13 <= exported_name[0] and exported_name[1] <= 0.25, exported_name
        assert _close(name, exported_name), (black, name, exported_name)

    panel.lower_third.setChecked(False)
    _show(qtbot, panel, "line")  # line captions sit low in the safe box, smaller: the same check, a real libass frame
    pv = panel.canvas.preview
    at = (pv.captions[0].start + pv.captions[0].end) // 2
    panel.show_time(pv.start + at)
    line_box = _ink_box(_grab_frame(panel))
    png = window.app.export.preview_frame(replace(request, captions=CaptionStyle.LINE, lower_third=False), at_ms=at)
    rendered = _ink_box(_rgb(QImage.fromData(png)))
    assert rendered[0] > 0.7 and line_box[1] - line_box[0] < bottom - top + 0.05
    assert _close(line_box, rendered), (line_box, rendered)
