from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from vlogkit.errors import MediaError
from vlogkit.media.probe import probe
from vlogkit.media.scan import looks_like_media, scan_folder


def test_desk_vlog_is_46_5_s_1080p(desk_vlog: Path) -> None:
    info = probe(desk_vlog)
    assert info.duration_ms == 46500
    assert info.display_size == (1920, 1080)
    assert info.video[0].fps == 30.0
    assert info.has_audio and info.audio[0].channels >= 1


def test_flac_is_audio_only(media: Path) -> None:
    info = probe(media / "en" / "jfk.flac")
    assert not info.has_video and info.has_audio
    assert info.audio[0].channels == 2 and info.audio[0].sample_rate == 44100
    assert abs(info.duration_ms - 11000) < 100


def test_rotation_metadata_swaps_display_size(synth: Callable[..., Path], small_video: Path) -> None:
    rotated = synth("rotated.mp4", "-display_rotation", "90", "-i", str(small_video), "-c", "copy")
    info = probe(rotated)
    assert info.video[0].width == 320 and info.video[0].rotation in (90, 270)
    assert info.display_size == (240, 320)


def test_video_without_audio(synth: Callable[..., Path]) -> None:
    f = synth("noaudio.mp4", "-f", "lavfi", "-i", "testsrc2=s=160x120:d=1", "-c:v", "libx264", "-preset", "ultrafast")
    info = probe(f)
    assert info.has_video and not info.has_audio


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda d, src: d / "missing.mp4", "file not found"),
        (lambda d, src: _write(d / "empty.mp4", b""), "empty"),
        (lambda d, src: _write(d / "notes.mp4", b"Meeting notes\n" * 200), "not a"),
        (lambda d, src: _write(d / "cut.mp4", src.read_bytes()[: len(src.read_bytes()) // 3]), "truncated"),
    ],
    ids=["missing", "empty", "text", "truncated"],
)
def test_bad_files_give_one_line_reason(tmp_path: Path, desk_vlog: Path, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path, desk_vlog)
    with pytest.raises(MediaError) as err:
        probe(path)
    msg = str(err.value)
    assert "\n" not in msg and str(path) in msg and reason in msg


def _write(p: Path, data: bytes) -> Path:
    p.write_bytes(data)
    return p


def test_scan_finds_media_by_content(tmp_path: Path, small_video: Path) -> None:
    (tmp_path / "sub").mkdir()
    renamed = tmp_path / "sub" / "clip.bin"
    renamed.write_bytes(small_video.read_bytes())
    (tmp_path / "readme.txt").write_text("hello there, not media")
    (tmp_path / "loop").symlink_to(tmp_path)  # a symlink loop must not hang
    found, skipped = scan_folder(tmp_path)
    assert renamed in found
    assert tmp_path / "readme.txt" in skipped
    assert looks_like_media(small_video)
