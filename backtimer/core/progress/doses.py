"""A routine with the person's own doses: each entry's sets, reps and hold set through its overrides."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from backtimer.core.content.model import Dose, Level, Routine, RoutineEntry


def with_doses(routine: Routine, doses: Mapping[str, Dose]) -> Routine:
    """``routine`` with the entry of each exercise id in ``doses`` doing that dose (the others as they were)."""
    if not doses:
        return routine
    entries = tuple(
        _dosed(entry, doses[entry.exercise.id]) if entry.exercise.id in doses else entry for entry in routine.entries
    )
    return replace(routine, entries=entries)


def _dosed(entry: RoutineEntry, dose: Dose) -> RoutineEntry:
    return replace(entry, sets=dose.sets, reps=dose.reps, hold=dose.hold)


def doses_at(routine: Routine, level: Level) -> dict[str, Dose]:
    """Each exercise's dose in ``routine`` at ``level`` (the first entry of an exercise that appears twice)."""
    found: dict[str, Dose] = {}
    for entry in routine.entries:
        found.setdefault(entry.exercise.id, entry.dose_at(level))
    return found
