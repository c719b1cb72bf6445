"""Routine + level -> steps."""

from __future__ import annotations

import pytest

from backtimer.core.content.model import Level, Side
from backtimer.core.session.cues import estimate_seconds, overlaps
from backtimer.core.session.plan import build_plan
from backtimer.core.session.steps import StepKind
from tests.helpers import builtin_catalog


def plan_of(routine: str, level: Level = Level.STANDARD) -> list:  # type: ignore[type-arg]
    return list(build_plan(builtin_catalog().routines[routine], level).steps)


def test_plan_starts_with_get_ready_and_ends_with_done() -> None:
    steps = plan_of("lower-back")
    assert steps[0].kind is StepKind.PREPARE and steps[-1].kind is StepKind.DONE
    assert steps[0].next_exercise is not None and steps[0].next_exercise.id == "prone-snow-angel"


def test_per_side_exercise_does_one_side_then_switch_then_the_other() -> None:
    steps = [s for s in plan_of("lower-back") if s.exercise and s.exercise.id == "bird-dog"]
    shape = [(s.kind, s.side, s.set) for s in steps]
    assert shape == [
        (StepKind.WORK, Side.LEFT, 1),
        (StepKind.SWITCH, Side.RIGHT, 1),
        (StepKind.WORK, Side.RIGHT, 1),
        (StepKind.REST, Side.LEFT, 2),
        (StepKind.WORK, Side.LEFT, 2),
        (StepKind.SWITCH, Side.RIGHT, 2),
        (StepKind.WORK, Side.RIGHT, 2),
    ]


def test_alternating_leg_lifts_take_turns_within_one_set() -> None:
    work = [
        s for s in plan_of("lower-back") if s.exercise and s.exercise.id == "prone-leg-lift" and s.kind is StepKind.WORK
    ]
    assert len(work) == 2 and all(s.side is None for s in work)
    step = work[0]
    assert step.beats_per_set == 2 * 11
    beats = [step.beat_at(k * step.rep_period + 0.1) for k in range(4)]
    sides = [b.side for b in beats if b is not None]
    assert sides == [Side.LEFT, Side.RIGHT, Side.LEFT, Side.RIGHT]


def test_beats_are_start_plus_k_times_period() -> None:
    step = next(s for s in plan_of("lower-back") if s.kind is StepKind.WORK)
    period = step.rep_period
    for k in range(step.beats_per_set):
        beat = step.beat_at(k * period + 1e-6)
        assert beat is not None and beat.rep == k + 1 and beat.phase_index == 0
        assert beat.phase_start == pytest.approx(k * period)
    last = step.beat_at(step.seconds or 0)
    assert last is not None and last.rep == step.reps and last.progress == 1.0


def test_holds_come_from_the_level() -> None:
    plank = [
        s
        for s in plan_of("core-stability", Level.ADVANCED)
        if s.exercise and s.exercise.id == "plank" and s.kind is StepKind.WORK
    ]
    assert [s.seconds for s in plank] == [30, 30, 30]
    twist = next(
        s
        for s in plan_of("lower-back", Level.BEGINNER)
        if s.exercise and s.exercise.id == "knee-drop-twist" and s.kind is StepKind.WORK
    )
    assert [p.seconds for p in twist.tempo] == [3, 5, 3]


def test_rest_lengths_come_from_the_routine() -> None:
    rests = [s for s in plan_of("lower-back") if s.kind is StepKind.REST]
    assert {s.seconds for s in rests if s.exercise} == {30}
    between = {s.next_exercise.id: s.seconds for s in rests if s.next_exercise and not s.exercise}
    assert between["prone-leg-lift"] == 20  # face down to face down
    assert between["glute-bridge"] == 35  # face down to on your back: 15 s more to roll over


@pytest.mark.parametrize("routine", ["lower-back", "core-stability", "start-small"])
@pytest.mark.parametrize("level", list(Level))
def test_cues_never_overlap_and_stay_inside_their_step(routine: str, level: Level) -> None:
    for step in plan_of(routine, level):
        assert overlaps(step.cues, estimate_seconds) == []
        for cue in step.cues:
            assert cue.at >= 0
            if step.seconds:
                assert cue.at < step.seconds


def test_every_step_speaks() -> None:
    for step in plan_of("lower-back"):
        assert step.cues, step
    texts = [c.text for s in plan_of("lower-back") for c in s.cues]
    assert "Now the left arm and right leg." in texts  # bird-dog's switch names the limbs
    assert "Rest. Next up: Prone alternating leg lift." in texts
    assert "Last set." in texts and "3" in texts and "Last one." in texts


def test_an_entry_can_set_its_own_sets_reps_and_hold() -> None:
    from dataclasses import replace

    routine = builtin_catalog().routines["lower-back"]
    twist = next(i for i, e in enumerate(routine.entries) if e.exercise.id == "knee-drop-twist")
    entries = list(routine.entries)
    entries[twist] = replace(entries[twist], sets=2, reps=7, hold=6.0)
    plan = build_plan(replace(routine, entries=tuple(entries)), Level.BEGINNER)
    work = [s for s in plan.steps if s.entry_index == twist and s.kind is StepKind.WORK]
    assert {s.sets for s in work} == {2} and {s.reps for s in work} == {7} and {s.hold_seconds for s in work} == {6.0}
    assert any(p.word.lower() == "hold" and p.seconds == 6.0 for p in work[0].tempo)


def test_reps_on_a_hold_exercise_entry_are_refused_naming_the_field() -> None:
    from backtimer.core.content.loader import parse_routine
    from backtimer.core.errors import ContentError

    data = {"id": "x", "title": "X", "exercises": [{"id": "plank", "reps": 3}]}
    with pytest.raises(ContentError, match=r"mine\.toml.*reps"):
        parse_routine(data, "mine.toml", builtin_catalog().exercises)
