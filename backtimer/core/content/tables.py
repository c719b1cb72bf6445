"""Exercises and routines back to the tables the loader reads: ``parse_exercise(exercise_table(e)) == e``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from backtimer.core.content.model import Dose, Exercise, Level, Mode, Routine, RoutineEntry, Timing


def exercise_table(exercise: Exercise) -> dict[str, Any]:
    table: dict[str, Any] = {
        "id": exercise.id,
        "name": exercise.name,
        "position": exercise.position,
        "sides": exercise.sides.value,
        "mode": exercise.mode.value,
        "summary": exercise.summary,
        "how_to": list(exercise.how_to),
        "beginner": exercise.beginner,
        "muscles": list(exercise.muscles),
    }
    optional: dict[str, Any] = {
        "form_cue": exercise.form_cue,
        "own_pace": exercise.own_pace,
        "switch_seconds": exercise.switch_seconds,
        "source": exercise.source if exercise.source != "seed" else "",
        "note": exercise.note,
    }
    table.update({key: value for key, value in optional.items() if value})
    if exercise.limbs:
        table["limbs"] = {side.value: phrase for side, phrase in exercise.limbs}
    if exercise.tempo:
        table["tempo"] = [_phase(p.word, p.seconds, p.pose) for p in exercise.tempo]
    table["dose"] = {level.value: _dose(exercise.doses[level], exercise.mode) for level in Level}
    if exercise.figure:
        table["figure"] = exercise.figure
    return table


def _phase(word: str, seconds: float, pose: str | None) -> dict[str, Any]:
    phase: dict[str, Any] = {"word": word, "seconds": seconds}
    if pose:
        phase["pose"] = pose
    return phase


def _dose(dose: Dose, mode: Mode) -> dict[str, Any]:
    table: dict[str, Any] = {"sets": dose.sets}
    if mode is Mode.REPS and dose.reps is not None:
        table["reps"] = dose.reps
    if dose.hold is not None:
        table["hold"] = dose.hold
    return table


def entry_table(entry: RoutineEntry) -> dict[str, Any]:
    table: dict[str, Any] = {"id": entry.exercise.id}
    if entry.sets is not None:
        table["sets"] = entry.sets
    if entry.reps is not None:
        table["reps"] = entry.reps
    if entry.hold is not None:
        table["hold"] = entry.hold
    if entry.self_paced and not entry.exercise.own_pace:
        table["self_paced"] = True
    return table


def routine_table(routine: Routine, own: Iterable[Exercise] = ()) -> dict[str, Any]:
    """The routine file; with ``own`` exercises it is a programme file that carries them."""
    table: dict[str, Any] = {"id": routine.id, "title": routine.title}
    if routine.description:
        table["description"] = routine.description
    table["default_level"] = routine.default_level.value
    if routine.source != "seed":
        table["source"] = routine.source
    if routine.note:
        table["note"] = routine.note
    table["timing"] = timing_table(routine.timing)
    table["exercises"] = [entry_table(entry) for entry in routine.entries]
    carried = [exercise_table(exercise) for exercise in own]
    if carried:
        table["exercise"] = carried
    return table


def timing_table(timing: Timing) -> dict[str, Any]:
    return {
        "get_ready": timing.get_ready,
        "rest_between_sets": timing.rest_between_sets,
        "rest_between_exercises": timing.rest_between_exercises,
        "switch_sides": timing.switch_sides,
        "resume_get_ready": timing.resume_get_ready,
    }
