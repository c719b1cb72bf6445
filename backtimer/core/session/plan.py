"""Routine + level -> the ordered steps of a session, each with its timing and its cues."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace

from backtimer.core.content.model import Exercise, Level, Mode, Routine, RoutineEntry, Side, Sides
from backtimer.core.session.cues import CueOptions, Durations, estimate_seconds
from backtimer.core.session.positions import position_change
from backtimer.core.session.script import ScriptContext, script_step
from backtimer.core.session.steps import Step, StepKind

SELF_PACED_SECONDS_PER_REP = 4.0  # only for estimates of total length


@dataclass(frozen=True)
class Plan:
    routine: Routine
    level: Level
    steps: tuple[Step, ...]
    options: CueOptions = field(default_factory=CueOptions, compare=False)
    durations: Durations = field(default=estimate_seconds, compare=False)

    @functools.cached_property
    def total_seconds(self) -> float:
        return sum(step_estimate(s) for s in self.steps)

    def offsets(self) -> tuple[float, ...]:
        """Planned seconds from the start of the session to the start of each step."""
        return self._offsets

    @functools.cached_property
    def _offsets(self) -> tuple[float, ...]:
        result, t = [], 0.0
        for step in self.steps:
            result.append(t)
            t += step_estimate(step)
        return tuple(result)


def step_estimate(step: Step) -> float:
    if step.seconds is not None:
        return step.seconds
    return (step.reps or 1) * SELF_PACED_SECONDS_PER_REP * (2 if step.alternating else 1)


def build_plan(
    routine: Routine,
    level: Level,
    options: CueOptions | None = None,
    durations: Durations = estimate_seconds,
) -> Plan:
    """All the steps of a session: get ready, then each exercise's sets and sides with rests between."""
    first = routine.entries[0].exercise if routine.entries else None
    bare: list[Step] = [
        Step(
            StepKind.PREPARE,
            routine.timing.get_ready,
            next_exercise=first,
            transition=position_change(None, first.position) if first else "",
        )
    ]
    for index, entry in enumerate(routine.entries):
        bare.extend(exercise_steps(entry, index, level, routine, _following(routine, index)))
    bare.append(Step(StepKind.DONE, 0.0))
    return _scripted(bare, routine, level, options or CueOptions(), durations)


def _following(routine: Routine, index: int) -> Exercise | None:
    return routine.entries[index + 1].exercise if index + 1 < len(routine.entries) else None


def _scripted(bare: list[Step], routine: Routine, level: Level, options: CueOptions, durations: Durations) -> Plan:
    total = sum(step_estimate(s) for s in bare)
    ctx = ScriptContext(routine, level, total, options, durations)
    steps = []
    for i, step in enumerate(bare):
        cues, seconds = script_step(step, _neighbour(bare, i - 1), _neighbour(bare, i + 1), ctx)
        steps.append(replace(step, cues=cues, seconds=seconds))
    return Plan(routine, level, tuple(steps), options, durations)


def easier_plan(plan: Plan, index: int) -> tuple[Plan, int]:
    """The plan with the current exercise, from its current set on, at the beginner dose.

    Returns the new plan and the index of the step to go to (the first work step of the redone set).
    """
    step = plan.steps[index]
    entry_index = step.entry_index
    assert entry_index is not None
    entry = plan.routine.entries[entry_index]
    easier = replace(entry, sets=None, reps=None, hold=None)  # the beginner dose itself, not the overrides
    beginner_sets = easier.dose_at(Level.BEGINNER).sets
    first_set = min(max(step.set, 1), beginner_sets)
    steps = list(plan.steps)
    start = next(
        i
        for i, s in enumerate(steps)
        if s.entry_index == entry_index and s.kind is StepKind.WORK and s.set >= first_set
    )
    end = next(i for i in range(start, len(steps)) if steps[i].entry_index != entry_index)
    fresh = exercise_steps(
        easier, entry_index, Level.BEGINNER, plan.routine, _following(plan.routine, entry_index), first_set
    )
    bare = [replace(s, cues=()) for s in [*steps[:start], *fresh, *steps[end:]]]
    new = _scripted(bare, plan.routine, plan.level, plan.options, plan.durations)
    return new, start


def _neighbour(steps: list[Step], index: int) -> Step | None:
    return steps[index] if 0 <= index < len(steps) else None


def exercise_steps(
    entry: RoutineEntry,
    entry_index: int,
    level: Level,
    routine: Routine,
    following: Exercise | None,
    first_set: int = 1,
) -> list[Step]:
    """The work, switch and rest steps of one routine entry, from ``first_set`` on."""
    exercise = entry.exercise
    sets = entry.dose_at(level).sets
    sides: list[Side | None] = [Side.LEFT, Side.RIGHT] if exercise.sides is Sides.EACH else [None]
    timing = routine.timing
    switch = max(timing.switch_sides, exercise.switch_seconds or 0.0)
    steps: list[Step] = []
    for set_number in range(first_set, sets + 1):
        for side_index, side in enumerate(sides):
            if side_index > 0:
                steps.append(
                    Step(
                        StepKind.SWITCH,
                        switch,
                        exercise,
                        entry_index,
                        side,
                        set_number,
                        sets,
                        next_exercise=exercise,
                    )
                )
            steps.append(_work_step(entry, entry_index, level, side, set_number, sets))
        if set_number < sets and timing.rest_between_sets > 0:
            steps.append(
                Step(
                    StepKind.REST,
                    timing.rest_between_sets,
                    exercise,
                    entry_index,
                    sides[0],
                    set_number + 1,
                    sets,
                    next_exercise=exercise,
                )
            )
    if following is not None and timing.rest_between_exercises > 0:
        move = position_change(exercise.position, following.position)
        rest = timing.rest_between_exercises + (timing.position_change_extra if move else 0.0)
        steps.append(Step(StepKind.REST, rest, None, entry_index, None, 0, 0, next_exercise=following, transition=move))
    return steps


def _work_step(
    entry: RoutineEntry, entry_index: int, level: Level, side: Side | None, set_number: int, sets: int
) -> Step:
    exercise = entry.exercise
    dose = entry.dose_at(level)
    base = Step(StepKind.WORK, 0.0, exercise, entry_index, side, set_number, sets)
    if exercise.mode is Mode.HOLD:
        hold = float(dose.hold or 0)
        return replace(base, seconds=hold, hold_seconds=hold)
    base = replace(base, reps=dose.reps or 1, hold_seconds=dose.hold, tempo=exercise.tempo_with(dose.hold))
    if entry.self_paced:
        return replace(base, seconds=None)
    return replace(base, seconds=base.beats_per_set * base.rep_period)
