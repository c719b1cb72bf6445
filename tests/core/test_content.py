"""The seed's content, as data."""

from __future__ import annotations

import tomllib

from backtimer.core.content.model import Level, Mode, Sides
from backtimer.resources import asset
from tests.helpers import builtin_catalog

SEED_ORDER = [
    "prone-snow-angel",
    "prone-leg-lift",
    "glute-bridge",
    "figure-four-bridge",
    "bird-dog",
    "knee-drop-twist",
]


def test_lower_back_is_the_six_in_the_seeds_order() -> None:
    routine = builtin_catalog().routines["lower-back"]
    assert [e.exercise.id for e in routine.entries] == SEED_ORDER
    assert routine.source == "seed"


def test_core_stability_has_the_five_stabilizers_marked_as_project_defaults() -> None:
    catalog = builtin_catalog()
    routine = catalog.routines["core-stability"]
    ids = {e.exercise.id for e in routine.entries}
    assert ids == {"bird-dog", "dead-bug", "plank", "side-plank", "pelvic-tilt"}
    assert routine.source == "project default"
    for exercise_id in ("dead-bug", "plank", "side-plank", "pelvic-tilt"):
        exercise = catalog.exercises[exercise_id]
        assert exercise.source == "project default"
        assert "default" in exercise.note


def test_start_small_is_two_or_three_exercises_at_beginner_level() -> None:
    routine = builtin_catalog().routines["start-small"]
    assert 2 <= len(routine.entries) <= 3
    assert routine.default_level is Level.BEGINNER


def test_seed_doses_are_the_low_middle_and_top_of_its_ranges() -> None:
    ex = builtin_catalog().exercises
    assert [ex["glute-bridge"].dose(lv).reps for lv in Level] == [10, 12, 15]
    assert [ex["prone-snow-angel"].dose(lv).reps for lv in Level] == [8, 10, 12]
    assert [ex["knee-drop-twist"].dose(lv).hold for lv in Level] == [5, 7, 10]
    assert [ex["bird-dog"].dose(lv).sets for lv in Level] == [2, 2, 3]
    assert [ex["plank"].dose(lv).hold for lv in Level] == [15, 20, 30]


def test_every_exercise_is_complete() -> None:
    for exercise in builtin_catalog().exercises.values():
        assert len(exercise.how_to) >= 3 and exercise.beginner and exercise.muscles and exercise.summary
        assert set(exercise.doses) == set(Level)
        if exercise.mode is Mode.REPS:
            assert exercise.tempo and all(p.seconds > 0 for p in exercise.tempo)
        else:
            assert all(d.hold for d in exercise.doses.values())


def test_sides_follow_the_seed() -> None:
    ex = builtin_catalog().exercises
    assert ex["prone-leg-lift"].sides is Sides.ALTERNATE
    assert ex["figure-four-bridge"].sides is Sides.EACH
    assert ex["bird-dog"].sides is Sides.EACH
    assert ex["glute-bridge"].sides is Sides.NONE


def test_guidance_has_the_safety_notice_and_four_things_to_avoid_with_swaps() -> None:
    data = tomllib.loads(asset("guidance.toml").read_text(encoding="utf-8"))
    assert "not medical advice" in data["safety"]["text"]
    assert len(data["avoid"]) == 4
    assert all(item["instead"] and item["what"] for item in data["avoid"])
