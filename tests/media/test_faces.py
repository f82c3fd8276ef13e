"""Face detection and tracking with OpenCV on real faces: still photos, a moving face, a portrait phone video."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.media.conftest import picture_clip
from vlogkit.media.faces import FaceTrackCache, analyse_faces, detect_in_image


def iou(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    ax0, ay0, ax1, ay1 = a
    bx0, by0, bx1, by1 = b
    ix = max(0.0, min(ax1, bx1) - max(ax0, bx0))
    iy = max(0.0, min(ay1, by1) - max(ay0, by0))
    inter = ix * iy
    return inter / ((ax1 - ax0) * (ay1 - ay0) + (bx1 - bx0) * (by1 - by0) - inter)


def test_one_face_matches_the_reference_box(media: Path) -> None:
    faces = detect_in_image(media / "faces" / "obama.jpg")
    assert len(faces) == 1
    f = faces[0]
    top, right, bottom, left = 142, 617, 409, 349  # MANIFEST reference, pixels of 910x1137
    ref = (left / 910, top / 1137, right / 910, bottom / 1137)
    assert iou((f.x, f.y, f.x + f.w, f.y + f.h), ref) > 0.5


def test_two_people_give_two_faces(media: Path) -> None:
    assert len(detect_in_image(media / "faces" / "two_people.jpg")) == 2


@pytest.fixture(scope="session")
def moving_face(synth: Callable[..., Path], media: Path) -> Path:
    """3 s, 640x360: the obama.jpg portrait slides from left to right over a grey background."""
    return picture_clip(synth, "moving_face.mp4", media / "faces" / "obama.jpg", "640x360", 3, 200, "40+120*t", "20")


def test_track_follows_a_moving_face(moving_face: Path) -> None:
    track = analyse_faces(moving_face)
    assert (track.width, track.height) == (640, 360)
    assert len(track.samples) == 6  # about 2 per second
    hits = [(s.t, s.faces[0].cx) for s in track.samples if s.faces]
    assert len(hits) >= 5
    assert hits[-1][1] - hits[0][1] > 0.3  # it moved right across the frame
    assert track.analysis_s > 0 and track.cost_fraction < 5


def test_portrait_phone_video_is_analysed_upright(moving_face: Path, synth: Callable[..., Path]) -> None:
    """Stored sideways with rotation metadata (as phones do): without turning frames upright, Haar finds nothing."""
    sideways = synth("sideways.mp4", "-i", str(moving_face), "-vf", "transpose=clock", "-c:v", "libx264",
                     "-preset", "ultrafast")
    tagged = sideways.with_name("rotated_phone.mp4")
    if not tagged.exists():
        from vlogkit.media.ffmpeg import find_ffmpeg

        subprocess.run([find_ffmpeg(), "-hide_banner", "-loglevel", "error", "-y", "-display_rotation", "90", "-i",
                        str(sideways), "-c", "copy", str(tagged)], check=True)
    track = analyse_faces(tagged)
    assert (track.width, track.height) == (640, 360)  # display size, upright
    assert sum(1 for s in track.samples if s.faces) >= 4


def test_cache_round_trip(moving_face: Path, tmp_path: Path) -> None:
    cache = FaceTrackCache(tmp_path / "faces")
    assert cache.get("abc") is None
    first = cache.get_or_analyse("abc", moving_face)
    again = cache.get_or_analyse("abc", moving_face)
    assert again.samples == first.samples and cache.path_for("abc").exists()
    cache.path_for("abc").write_text("{broken", encoding="utf-8")
    assert cache.get("abc") is None  # a damaged cache file is ignored, not fatal
