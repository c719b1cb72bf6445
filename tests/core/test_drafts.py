"""Editor drafts become files the loader reads, and are refused for the loader's reasons."""

from __future__ import annotations

import pytest

from backtimer.core.content.drafts import EntryDraft, ExerciseDraft, Pace, RoutineDraft, copy_of, new_id
from backtimer.core.content.model import Level, Mode
from backtimer.core.errors import ContentError
from backtimer.core.figures.poses import figure_of, pose_for
from backtimer.core.figures.templates import TEMPLATES, template_figure, template_of
from backtimer.core.session.plan import build_plan
from backtimer.core.session.steps import StepKind
from tests.helpers import builtin_catalog


def _draft(**changes: object) -> ExerciseDraft:
    draft = ExerciseDraft(
        "wall-press",
        name="Wall press",
        position="standing",
        summary="Press your back into a wall.",
        how_to=["Stand with your back to a wall.", "Press the small of your back to it."],
        beginner="Press lightly.",
        muscles=["deep core"],
    )
    for key, value in changes.items():
        setattr(draft, key, value)
    return draft


def test_new_ids_are_slugs_that_avoid_taken_ones() -> None:
    assert new_id("My  Routine!", set()) == "my-routine"
    assert new_id("My routine", {"my-routine", "my-routine-2"}) == "my-routine-3"
    assert new_id("***", set()) == "mine"


@pytest.mark.parametrize("template", [t.key for t in TEMPLATES])
@pytest.mark.parametrize("pace", list(Pace))
def test_every_template_makes_a_drawable_exercise_in_every_mode(template: str, pace: Pace) -> None:
    bundled = builtin_catalog().exercises
    exercise = _draft(template=template, pace=pace).build(bundled)
    assert figure_of(exercise) is not None
    assert pose_for(exercise, StepKind.WORK, 0, 0.5, None) is not None
    assert template_of(exercise.figure, bundled) == template
    assert exercise.own_pace is (pace is Pace.OWN)


def test_no_template_means_no_figure_and_the_modes_map_to_the_file() -> None:
    bundled = builtin_catalog().exercises
    hold = _draft(pace=Pace.HOLD).build(bundled)
    assert hold.mode is Mode.HOLD and hold.figure == {} and hold.tempo == ()
    assert hold.doses[Level.BEGINNER].hold == 10.0


def test_a_draft_is_refused_with_the_loaders_words() -> None:
    bundled = builtin_catalog().exercises
    with pytest.raises(ContentError) as err:
        _draft(name="").build(bundled)
    assert (err.value.field, err.value.problem) == ("name", "missing") or err.value.problem == "must not be empty"
    draft = _draft()
    draft.doses[Level.ADVANCED].reps = 101
    with pytest.raises(ContentError, match=r"dose.advanced.reps: 101 is out of range \(1 to 100\)"):
        draft.build(bundled)


def test_every_builtin_exercise_survives_a_draft_unchanged() -> None:
    bundled = builtin_catalog().exercises
    for exercise in bundled.values():
        again = ExerciseDraft.of(exercise, bundled).build(bundled)
        assert again.figure == exercise.figure
        assert (again.tempo, again.doses, again.how_to) == (exercise.tempo, exercise.doses, exercise.how_to)


def test_routine_drafts_copy_and_refuse() -> None:
    catalog = builtin_catalog()
    lower = catalog.routines["lower-back"]
    draft = copy_of(lower, set(catalog.routines))
    assert draft.id == "lower-back-routine-my-copy" and draft.title == "Lower-back routine (my copy)"
    built = draft.build(catalog.exercises)
    assert build_plan(built, Level.STANDARD).total_seconds == build_plan(lower, Level.STANDARD).total_seconds
    draft.entries[0] = EntryDraft("prone-snow-angel", sets=2, reps=5)
    assert draft.build(catalog.exercises).entries[0].dose_at(Level.ADVANCED).reps == 5
    draft.entries.append(EntryDraft("plank", reps=3))
    with pytest.raises(ContentError, match=r"exercises\[6\].reps: a hold exercise counts seconds"):
        draft.build(catalog.exercises)
    with pytest.raises(ContentError, match="exercises: must not be empty"):
        RoutineDraft("empty", "Empty").build(catalog.exercises)


def test_template_figure_is_a_copy() -> None:
    bundled = builtin_catalog().exercises
    figure = template_figure("all-fours", bundled, Mode.REPS)
    figure["poses"]["start"]["left_hip"] = 1
    assert bundled["bird-dog"].figure["poses"]["start"]["left_hip"] == 90
