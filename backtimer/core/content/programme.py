"""Programme files: a routine file that also carries the exercises it uses that are not built in.

A programme is an ordinary routine file with ``[[exercise]]`` tables (each in the exercise-file format). Inside the
file those exercises come first: an entry naming one of them uses the file's version, even where the app knows an
exercise of that id, so a programme means the same thing on every computer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backtimer.core.content.fields import Table
from backtimer.core.content.loader import parse_exercise, parse_routine, read_toml
from backtimer.core.content.model import Exercise, Routine

MAX_EXERCISES = 40


@dataclass(frozen=True)
class Programme:
    routine: Routine
    exercises: tuple[Exercise, ...]  # the file's own [[exercise]] tables, in file order


def parse_programme(data: Mapping[str, Any], source: str, known: Mapping[str, Exercise]) -> Programme:
    """A routine file, with or without ``[[exercise]]`` tables; every problem names the file and the field."""
    t = Table(data, source)
    own: dict[str, Exercise] = {}
    for index, table in enumerate(t.tables("exercise", required=False, max_items=MAX_EXERCISES)):
        exercise = parse_exercise(table.data, source, f"exercise[{index}].")
        if exercise.id in own:
            raise table.fail("id", f"{exercise.id!r} appears twice in this file")
        own[exercise.id] = exercise
    routine = parse_routine(data, source, {**known, **own})
    return Programme(routine, tuple(own.values()))


def read_programme(path: Path, known: Mapping[str, Exercise]) -> Programme:
    return parse_programme(read_toml(path), str(path), known)
