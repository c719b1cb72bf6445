"""The dose ladder, the progression coach and the routine with the person's doses (pure, table-tested)."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from backtimer.core.content.model import Dose, Level, Sides
from backtimer.core.progress.coach import Accepted, Action, NextDay, Observation, Rating, suggest
from backtimer.core.progress.doses import doses_at, with_doses
from backtimer.core.progress.ladder import ladder, position, rungs_between
from backtimer.core.progress.phrases import change_text, dose_text, suggestion_line
from backtimer.core.session.plan import build_plan
from backtimer.core.session.steps import StepKind
from tests.helpers import builtin_catalog


def entry(routine: str, exercise: str):  # type: ignore[no-untyped-def]
    return next(e for e in builtin_catalog().routines[routine].entries if e.exercise.id == exercise)


def short(rungs: tuple[Dose, ...]) -> list[tuple[int, int | None, float | None]]:
    return [(d.sets, d.reps, d.hold) for d in rungs]


# ----- the ladder ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("routine", "exercise", "expected"),
    [
        (
            "lower-back",
            "knee-drop-twist",  # the example: reps first, then the hold, 1 s at a time
            [(1, 6, 5), (1, 7, 5), (1, 7, 6), (1, 7, 7), (1, 8, 7), (1, 8, 8), (1, 8, 9), (1, 8, 10)],
        ),
        (
            "lower-back",
            "bird-dog",
            [(2, 8, None), (2, 9, None), (2, 10, None), (2, 11, None), (2, 12, None), (3, 12, None)],
        ),
        ("lower-back", "prone-leg-lift", [(2, 10, None), (2, 11, None), (2, 12, None), (3, 12, None)]),
        (
            "lower-back",
            "glute-bridge",
            [(2, 10, None), (2, 11, None), (2, 12, None), (2, 13, None), (2, 14, None), (2, 15, None), (3, 15, None)],
        ),
        (
            "core-stability",
            "pelvic-tilt",  # the hold moves only after the reps reach the next level's
            [(2, 10, 2), (2, 11, 2), (2, 12, 2), (2, 12, 3), (2, 13, 3), (2, 14, 3), (2, 15, 3)],
        ),
        (
            "core-stability",
            "side-plank",  # a hold exercise: seconds only
            [(2, None, float(s)) for s in range(10, 21)],
        ),
    ],
)
def test_ladder_runs_one_variable_per_rung(
    routine: str, exercise: str, expected: list[tuple[int, int | None, float | None]]
) -> None:
    assert short(ladder(entry(routine, exercise))) == expected


@pytest.mark.parametrize(
    ("routine", "exercise"),
    [("lower-back", e.exercise.id) for e in builtin_catalog().routines["lower-back"].entries]
    + [("core-stability", e.exercise.id) for e in builtin_catalog().routines["core-stability"].entries],
)
def test_every_level_is_a_rung_and_each_rung_changes_one_variable_by_one(routine: str, exercise: str) -> None:
    e = entry(routine, exercise)
    rungs = ladder(e)
    assert [rungs.index(e.dose_at(level)) for level in Level] == sorted(
        rungs.index(e.dose_at(level)) for level in Level
    )
    assert rungs[0] == e.dose_at(Level.BEGINNER) and rungs[-1] == e.dose_at(Level.ADVANCED)
    for a, b in itertools.pairwise(rungs):
        changes = [(x, y) for x, y in zip((a.sets, a.reps, a.hold), (b.sets, b.reps, b.hold), strict=True) if x != y]
        assert len(changes) == 1 and abs(changes[0][1] - changes[0][0]) <= 1  # type: ignore[operator]


@pytest.mark.parametrize(
    ("start", "target", "expected"),
    [
        (Dose(2, 10), Dose(2, 10), []),
        (Dose(2, 10), Dose(2, 8), [(2, 9, None), (2, 8, None)]),  # a level below: downwards the same way
        (
            Dose(2, None, 10.0),
            Dose(2, None, 11.5),
            [(2, None, 11.0), (2, None, 11.5)],
        ),  # the last step ends on the level
        (Dose(1, 5), Dose(3, 5), [(2, 5, None), (3, 5, None)]),
        (Dose(2, 10), Dose(2, 10, 3.0), [(2, 10, 3.0)]),  # a variable only one level has: the level as written
    ],
)
def test_rungs_between(start: Dose, target: Dose, expected: list[tuple[int, int | None, float | None]]) -> None:
    assert short(tuple(rungs_between(start, target))) == expected


def test_a_dose_off_the_ladder_sits_at_the_rung_below() -> None:
    rungs = ladder(entry("lower-back", "bird-dog"))
    assert position(rungs, Dose(2, 10)) == 2
    assert position(rungs, Dose(2, 10, None)) == 2
    assert position(rungs, Dose(1, 3)) == 0
    assert position(rungs, Dose(2, 17)) == 4  # 34 reps of work: below 3 x 12 (36)
    assert position(rungs, Dose(2, 21)) == 5


# ----- the coach ----------------------------------------------------------------------------------------------
BIRD = ladder(entry("lower-back", "bird-dog"))  # 2x8, 2x9, 2x10, 2x11, 2x12, 3x12
STD = Dose(2, 10)
TODAY = date(2026, 3, 20)


def seen(days_ago: int, rating: Rating | None = Rating.RIGHT, pain: int | None = 2, **more: object) -> Observation:
    day = TODAY - timedelta(days=days_ago)
    fields: dict[str, object] = {"completed": True, "hurt": False, "next_day": None, "dose": STD}
    fields.update(more)
    return Observation(datetime(day.year, day.month, day.day, 8), day, rating=rating, pain=pain, **fields)  # type: ignore[arg-type]


GOOD = [seen(1), seen(2)]


@pytest.mark.parametrize(
    ("observations", "action", "reason_has"),
    [
        ([], Action.HOLD, "Not enough"),
        ([seen(1)], Action.HOLD, "two completed sessions"),
        (GOOD, Action.PROGRESS, "Two good sessions"),
        ([seen(1, Rating.EASY), seen(3, Rating.EASY)], Action.PROGRESS, ""),
        ([seen(1, Rating.EASY, 3), seen(3, Rating.RIGHT, 0)], Action.PROGRESS, ""),  # 3 is still fine
        ([seen(1, Rating.EASY, 0), seen(1, Rating.EASY, 0)], Action.HOLD, "different days"),
        ([seen(1), seen(1, Rating.HARD), seen(2)], Action.PROGRESS, ""),  # one session a day counts: the latest
        ([seen(1, Rating.PAINFUL), *GOOD], Action.STEP_BACK, "painful"),
        ([seen(1, hurt=True), *GOOD], Action.STEP_BACK, "This hurts"),
        ([seen(1, pain=6), *GOOD], Action.STEP_BACK, "6 out of 10"),
        ([seen(1, pain=10), *GOOD], Action.STEP_BACK, "10 out of 10"),
        ([seen(1, next_day=NextDay.WORSE), *GOOD], Action.STEP_BACK, "worse the day after"),
        ([seen(1, pain=5), *GOOD], Action.HOLD, "5 out of 10"),
        ([seen(1, pain=4), *GOOD], Action.HOLD, "4 out of 10"),
        ([seen(1, Rating.HARD), *GOOD], Action.HOLD, "hard"),
        ([seen(1, None), seen(2)], Action.HOLD, "easy or just right"),  # unrated: not enough to go up
        ([seen(1, pain=None), seen(2)], Action.HOLD, "pain of 3 or less"),
        ([seen(1), seen(2, next_day=NextDay.WORSE)], Action.HOLD, "worse"),
        ([seen(1, next_day=NextDay.BETTER), seen(2, next_day=NextDay.SAME)], Action.PROGRESS, ""),
        ([seen(1, completed=False), seen(2)], Action.HOLD, "two completed"),  # a stopped session is not one of two
        ([seen(1, completed=False), *GOOD], Action.PROGRESS, ""),
        (
            [seen(1, completed=False, rating=Rating.PAINFUL), *GOOD],
            Action.STEP_BACK,
            "",
        ),  # stopped still counts for worry
        ([seen(1, dose=Dose(2, 9)), seen(2, dose=Dose(2, 9))], Action.HOLD, "Not enough"),  # another dose: not evidence
        ([seen(1, dose=None), seen(2, dose=None)], Action.PROGRESS, ""),  # older sessions without a dose count
    ],
)
def test_coach_rules(observations: list[Observation], action: Action, reason_has: str) -> None:
    suggestion = suggest(BIRD, STD, observations, TODAY)
    assert suggestion.action is action, suggestion.reason
    assert reason_has in suggestion.reason
    assert "\n" not in suggestion.reason and suggestion.reason.endswith(".")
    expected = {Action.PROGRESS: Dose(2, 11), Action.STEP_BACK: Dose(2, 9), Action.HOLD: STD}[action]
    assert suggestion.dose == expected


@pytest.mark.parametrize(
    ("last_up_days_ago", "action"),
    [
        (0, Action.HOLD),
        (1, Action.HOLD),
        (6, Action.HOLD),
        (7, Action.PROGRESS),
        (30, Action.PROGRESS),
        (None, Action.PROGRESS),
    ],
)
def test_at_most_one_rung_up_in_seven_days(last_up_days_ago: int | None, action: Action) -> None:
    last_up = None if last_up_days_ago is None else TODAY - timedelta(days=last_up_days_ago)
    accepted = Accepted(STD, datetime(2026, 1, 1), last_up)
    suggestion = suggest(BIRD, STD, GOOD, TODAY, accepted)
    assert suggestion.action is action
    if action is Action.HOLD:
        assert "one a week" in suggestion.reason


def test_sessions_before_the_dose_was_accepted_do_not_count() -> None:
    """The painful session that led to a step back does not lead to a second one."""
    painful = seen(2, Rating.PAINFUL, dose=None)
    accepted = Accepted(Dose(2, 9), datetime.combine(TODAY - timedelta(days=1), datetime.min.time()))
    assert suggest(BIRD, Dose(2, 9), [painful], TODAY, accepted).action is Action.HOLD
    assert suggest(BIRD, Dose(2, 9), [painful], TODAY).action is Action.STEP_BACK


@pytest.mark.parametrize(
    ("current", "observations", "action", "dose"),
    [
        (Dose(3, 12), GOOD, Action.HOLD, Dose(3, 12)),  # the top: nothing more to suggest
        (Dose(2, 8), [seen(1, Rating.PAINFUL)], Action.HOLD, Dose(2, 8)),  # the bottom: cannot step back
        (Dose(2, 11), GOOD, Action.PROGRESS, Dose(2, 12)),
        (Dose(2, 12), GOOD, Action.PROGRESS, Dose(3, 12)),
    ],
)
def test_ends_of_the_ladder(current: Dose, observations: list[Observation], action: Action, dose: Dose) -> None:
    observations = [replace(o, dose=current) for o in observations]
    suggestion = suggest(BIRD, current, observations, TODAY)
    assert (suggestion.action, suggestion.dose) == (action, dose)


def test_top_and_bottom_say_why_in_one_line() -> None:
    top = suggest(BIRD, Dose(3, 12), [replace(o, dose=Dose(3, 12)) for o in GOOD], TODAY)
    assert "top of the ladder" in top.reason
    bottom = suggest(BIRD, Dose(2, 8), [seen(1, Rating.PAINFUL, dose=Dose(2, 8))], TODAY)
    assert "gentlest" in bottom.reason


# ----- wording ------------------------------------------------------------------------------------------------
def test_suggestion_lines() -> None:
    progress = suggest(BIRD, STD, GOOD, TODAY)
    assert suggestion_line("Bird-dog", STD, progress, Sides.EACH) == "Ready for more: Bird-dog 10 → 11 reps a side"
    back = suggest(
        ladder(entry("lower-back", "glute-bridge")), Dose(2, 12), [seen(1, Rating.PAINFUL, dose=Dose(2, 12))], TODAY
    )
    assert suggestion_line("Glute bridge", Dose(2, 12), back) == "Ease off: Glute bridge 12 → 11 reps"
    assert change_text(Dose(1, 7, 5.0), Dose(1, 7, 6.0)) == "5 → 6 s hold"
    assert change_text(Dose(2, None, 15.0), Dose(2, None, 16.0), Sides.EACH) == "15 → 16 s a side"
    assert change_text(Dose(2, 12), Dose(3, 12)) == "2 → 3 sets"
    assert dose_text(Dose(1, 7, 7.0), Sides.ALTERNATE) == "1 set of 7 reps a side, 7 s hold"
    assert dose_text(Dose(2, None, 20.0)) == "2 sets of 20 s"


# ----- the routine with the person's doses --------------------------------------------------------------------
def test_with_doses_changes_only_the_given_exercises_and_the_plan_follows() -> None:
    routine = builtin_catalog().routines["lower-back"]
    dosed = with_doses(routine, {"bird-dog": Dose(3, 12), "knee-drop-twist": Dose(1, 7, 6.0)})
    assert doses_at(dosed, Level.BEGINNER)["bird-dog"] == Dose(3, 12)
    assert doses_at(dosed, Level.STANDARD)["knee-drop-twist"] == Dose(1, 7, 6.0)
    assert doses_at(dosed, Level.STANDARD)["glute-bridge"] == doses_at(routine, Level.STANDARD)["glute-bridge"]
    work = [s for s in build_plan(dosed, Level.STANDARD).steps if s.kind is StepKind.WORK and s.exercise]
    bird = [s for s in work if s.exercise and s.exercise.id == "bird-dog"]
    assert len(bird) == 6 and {s.reps for s in bird} == {12}  # 3 sets x 2 sides
    twist = [s for s in work if s.exercise and s.exercise.id == "knee-drop-twist"]
    assert {s.hold_seconds for s in twist} == {6.0}
    assert with_doses(routine, {}) is routine
