"""The crop path: follows the main face, holds still inside a dead zone, eases, falls back to centre or fit."""

from __future__ import annotations

import random

from vlogkit.media.faces import FaceBox, FaceSample, FaceTrack
from vlogkit.render.reframe import crop_size, face_inside, plan_crop


def track(centres: list[float], cy: float = 0.3, size: float = 0.12, extra: FaceBox | None = None) -> FaceTrack:
    samples = []
    for i, cx in enumerate(centres):
        faces = (FaceBox(cx - size / 2, cy - size / 2, size, size * 16 / 9),)
        if extra is not None:
            faces = (*faces, extra)
        samples.append(FaceSample(i * 500, faces))
    return FaceTrack(1920, 1080, len(centres) * 500, tuple(samples))


def test_face_left_of_centre_stays_in_a_9_16_window_that_a_centre_crop_would_miss() -> None:
    rnd = random.Random(1)
    t = track([0.27 + rnd.uniform(-0.02, 0.02) for _ in range(40)])
    plan = plan_crop(t, 1920, 1080, 1080, 1920)
    centre = plan_crop(None, 1920, 1080, 1080, 1920)
    assert plan.mode == "face" and centre.mode == "center"
    assert (plan.crop_w, plan.crop_h) == (608, 1080)
    for s in t.samples:
        assert face_inside(plan, s.faces[0], s.t)
        assert not face_inside(centre, s.faces[0], s.t)


def test_small_sway_inside_the_dead_zone_does_not_move_the_window() -> None:
    rnd = random.Random(2)
    t = track([0.5 + rnd.uniform(-0.01, 0.01) for _ in range(30)])
    plan = plan_crop(t, 1920, 1080, 1080, 1920)
    xs = {plan.at(s.t)[0] for s in t.samples}
    assert len(xs) == 1  # no jitter


def test_a_real_move_is_followed_with_easing_not_a_jump() -> None:
    t = track([0.3] * 10 + [0.7] * 20)
    plan = plan_crop(t, 1920, 1080, 1080, 1920)
    xs = [plan.at(s.t)[0] for s in t.samples]
    steps = [b - a for a, b in zip(xs, xs[1:], strict=False)]
    assert max(steps) < (0.7 - 0.3) * 1920 * 0.5  # eased over several samples
    assert face_inside(plan, t.samples[-1].faces[0], t.samples[-1].t)


def test_main_speaker_wins_over_a_small_face_in_the_background() -> None:
    t = track([0.3] * 20, extra=FaceBox(0.85, 0.2, 0.04, 0.07))
    plan = plan_crop(t, 1920, 1080, 1080, 1920)
    assert face_inside(plan, t.samples[5].faces[0], 2500)


def test_no_face_falls_back_to_centre_or_fit() -> None:
    empty = FaceTrack(1920, 1080, 5000, tuple(FaceSample(i * 500, ()) for i in range(10)))
    assert plan_crop(empty, 1920, 1080, 1080, 1920).mode == "center"
    assert plan_crop(empty, 1920, 1080, 1080, 1920, fallback="fit").mode == "fit"


def test_portrait_source_to_landscape_uses_fit_and_same_shape_scales() -> None:
    assert plan_crop(None, 1080, 1920, 1920, 1080).mode == "fit"
    assert plan_crop(None, 1920, 1080, 1920, 1080).mode == "scale"
    assert plan_crop(None, 1080, 1920, 1080, 1920).mode == "scale"


def test_portrait_source_to_square_puts_the_face_in_the_upper_middle_third() -> None:
    samples = tuple(FaceSample(i * 500, (FaceBox(0.4, 0.55, 0.2, 0.11),)) for i in range(10))
    t = FaceTrack(1080, 1920, 5000, samples)
    plan = plan_crop(t, 1080, 1920, 1080, 1080)
    assert (plan.crop_w, plan.crop_h) == crop_size(1080, 1920, 1080, 1080) == (1080, 1080)
    _, y = plan.at(1000)
    face_cy = (0.55 + 0.055) * 1920 - y
    assert plan.crop_h / 3 * 0.8 <= face_cy <= plan.crop_h / 2
