"""Faces followed from sample to sample (looked for near where they were, the whole frame searched only every few
seconds or when a face is lost) give the track a whole-frame search of every sample gives, for far fewer searches."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import vlogkit.media.faces as faces
from tests.media.conftest import picture_clip
from vlogkit.media.faces import FaceTrack, analyse_faces


def counting_whole_searches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = faces._detect_everywhere
    monkeypatch.setattr(faces, "_detect_everywhere", lambda *a: calls.append(1) or real(*a))
    return calls


def same_faces(followed: FaceTrack, searched: FaceTrack, largest: int = 9) -> None:
    assert [s.t for s in followed.samples] == [s.t for s in searched.samples]
    for f, s in zip(followed.samples, searched.samples, strict=True):
        for face in s.faces[:largest]:  # every face the whole-frame search found is there, where it found it
            assert any(abs(g.cx - face.cx) < 0.25 * face.w and abs(g.cy - face.cy) < 0.25 * face.h
                       for g in f.faces), (s.t, face, f.faces)


@pytest.fixture(scope="session")
def two_people_sliding(synth: Callable[..., Path], media: Path) -> Path:
    """4 s, 960x540: two_people.jpg (two frontal faces) drifting right and up."""
    return picture_clip(synth, "two_people_sliding.mp4", media / "faces" / "two_people.jpg", "960x540", 4, 820,
                        "40+30*t", "60-6*t")


@pytest.fixture(scope="session")
def face_that_jumps(synth: Callable[..., Path], media: Path) -> Path:
    """4 s, 960x540: the obama.jpg portrait at the left for 2 s, then (a cut) at the right."""
    return picture_clip(synth, "face_jumps.mp4", media / "faces" / "obama.jpg", "960x540", 4, 380,
                        "if(lt(t,2),30,550)", "10")


def test_two_faces_followed_are_the_faces_a_search_of_every_frame_finds(
        two_people_sliding: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    searched = analyse_faces(two_people_sliding, full_every=1)
    assert all(len(s.faces) >= 2 for s in searched.samples)
    whole = counting_whole_searches(monkeypatch)
    followed = analyse_faces(two_people_sliding)
    # the two people, where the search of every frame found them (that search also boxes a chin now and then: a
    # third, smaller box under a face, which following the faces does not pick up)
    same_faces(followed, searched, largest=2)
    assert all(len(s.faces) == 2 for s in followed.samples)
    assert len(whole) <= 2 < len(followed.samples) == 8  # the first sample and one look-around 4 s later at most


def test_a_face_that_jumps_is_found_at_its_new_place_in_the_next_sample(face_that_jumps: Path) -> None:
    track = analyse_faces(face_that_jumps)
    same_faces(track, analyse_faces(face_that_jumps, full_every=1))
    left = [s.faces[0].cx for s in track.samples if s.t < 2000]
    right = [s.faces[0].cx for s in track.samples if s.t >= 2000]
    assert left and right and max(left) < 0.4 and min(right) > 0.6


def test_the_desk_vlog_track_is_the_one_a_search_of_every_frame_gives(desk_vlog: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window = (4000, 12000)
    searched = analyse_faces(desk_vlog, window=window, full_every=1)
    whole = counting_whole_searches(monkeypatch)
    followed = analyse_faces(desk_vlog, window=window)
    same_faces(followed, searched)
    assert followed.hit_rate >= searched.hit_rate >= 0.7
    assert all(len(s.faces) <= 1 for s in followed.samples)
    assert len(whole) <= len(followed.samples) // 3
