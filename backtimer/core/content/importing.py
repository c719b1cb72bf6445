"""What importing a programme writes: decided before anything is written, so a bad file writes nothing.

Importing is idempotent: an exercise or routine already present with the same content is used as it is. An id that is
taken by something different is renamed (``id-2``, ``id-3``...; a later import of the same file finds that copy
again) and the rename is told in one line.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from typing import Any

from backtimer.core.content.model import Exercise, Routine
from backtimer.core.content.programme import Programme
from backtimer.core.content.tables import exercise_table, routine_table

MAX_ID = 64


@dataclass(frozen=True)
class ImportPlan:
    routine: Routine  # as it will be stored: final ids, entries pointing at the final exercises
    write_exercises: tuple[Exercise, ...]  # new files for exercises/
    write_routine: bool  # False: the same routine is already there
    renames: tuple[str, ...]  # one line per renamed id

    @property
    def changes_nothing(self) -> bool:
        return not self.write_exercises and not self.write_routine


def plan_import(
    programme: Programme,
    exercises: Mapping[str, Exercise],
    routines: Mapping[str, Routine],
    taken_files: Callable[[str], Collection[str]],
) -> ImportPlan:
    """``exercises``/``routines``: what the app knows now; ``taken_files(kind)``: file stems already in that folder."""
    final: dict[str, Exercise] = {}
    writes: list[Exercise] = []
    renames: list[str] = []
    for exercise in programme.exercises:
        table = exercise_table(exercise)
        new_id, exists = _free_id(exercise.id, table, lambda i: _exercise_table(exercises, i), taken_files("exercises"))
        final[exercise.id] = replace(exercise, id=new_id)
        if not exists:
            writes.append(final[exercise.id])
        if new_id != exercise.id:
            renames.append(f"exercise {exercise.id!r} differs from the one already here: imported as {new_id!r}")
    entries = tuple(replace(e, exercise=final.get(e.exercise.id, e.exercise)) for e in programme.routine.entries)
    routine = replace(programme.routine, entries=entries)
    table = routine_table(routine)
    new_id, exists = _free_id(routine.id, table, lambda i: _routine_table(routines, i), taken_files("routines"))
    if new_id != routine.id:
        renames.append(f"routine {routine.id!r} differs from the one already here: imported as {new_id!r}")
    return ImportPlan(replace(routine, id=new_id, path=None), tuple(writes), not exists, tuple(renames))


def _exercise_table(known: Mapping[str, Exercise], ident: str) -> dict[str, Any] | None:
    return exercise_table(known[ident]) if ident in known else None


def _routine_table(known: Mapping[str, Routine], ident: str) -> dict[str, Any] | None:
    return routine_table(known[ident]) if ident in known else None


def _free_id(
    ident: str, table: dict[str, Any], existing: Callable[[str], dict[str, Any] | None], taken: Collection[str]
) -> tuple[str, bool]:
    """The id to store under, and whether the same content is already stored there."""
    for n in range(1, 1000):
        candidate = ident if n == 1 else f"{ident[: MAX_ID - len(str(n)) - 1]}-{n}"
        there = existing(candidate)
        if there is not None and there == {**table, "id": candidate}:
            return candidate, True
        if there is None and candidate not in taken:
            return candidate, False
    raise ValueError(f"no free id for {ident!r}")  # a thousand different copies: not a real situation
