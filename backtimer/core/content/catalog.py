"""All exercises and routines the app knows: the bundled ones plus the user's own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from backtimer.core.content.fields import Table
from backtimer.core.content.loader import parse_exercise, read_toml
from backtimer.core.content.model import Exercise, Routine
from backtimer.core.content.programme import Programme, read_programme
from backtimer.core.errors import ContentError

FORMER_NAMES = "former-names.toml"  # names of deleted routines and exercises, so that history still reads well


@dataclass
class Catalog:
    exercises: dict[str, Exercise] = field(default_factory=dict)
    routines: dict[str, Routine] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # user files that were skipped, one line each
    builtin: dict[str, Exercise] = field(default_factory=dict)  # the bundled exercises, as bundled
    builtin_routines: set[str] = field(default_factory=set)
    former_names: dict[str, str] = field(default_factory=dict)  # id -> name of deleted routines and exercises

    @classmethod
    def load(cls, builtin_dir: Path, user_dir: Path | None = None) -> Catalog:
        """Read the bundled content (which must be valid) and the user's (skipped with a message if broken)."""
        catalog = cls()
        catalog._read_dir(builtin_dir, strict=True)
        catalog.builtin = dict(catalog.exercises)
        catalog.builtin_routines = set(catalog.routines)
        if user_dir is not None:
            catalog._read_dir(user_dir, strict=False)
            if (user_dir / FORMER_NAMES).exists():
                catalog._add(user_dir / FORMER_NAMES, False, lambda path, _strict: catalog._add_former_names(path))
        return catalog

    def _read_dir(self, base: Path, *, strict: bool) -> None:
        for kind, adder in (("exercises", self._add_exercise), ("routines", self._add_routine)):
            try:
                found = sorted((base / kind).glob("*.toml"))
            except OSError as err:  # the user's folder cannot be looked into (e.g. chmod 000)
                if strict:
                    raise
                self.problems.append(f"{base / kind}: cannot be read ({err.strerror or err})")
                continue
            for path in found:
                self._add(path, strict, adder)

    def _add(self, path: Path, strict: bool, adder: Callable[[Path, bool], None]) -> None:
        try:
            adder(path, strict)
        except RecursionError:
            if strict:
                raise
            self.problems.append(f"{path}: is nested too deeply to read")
        except ContentError as err:
            if strict:
                raise
            self.problems.append(str(err))

    def _add_exercise(self, path: Path, strict: bool) -> None:
        exercise = parse_exercise(read_toml(path), str(path))
        if not strict and exercise.id in self.exercises:
            raise ContentError(str(path), "id", f"{exercise.id!r} is taken (built in, or another file); use another id")
        self.exercises[exercise.id] = exercise

    def _add_routine(self, path: Path, strict: bool) -> None:
        routine = read_programme(path, self.exercises).routine
        if not strict and routine.id in self.routines:
            raise ContentError(str(path), "id", f"{routine.id!r} is taken (built in, or another file); use another id")
        self.routines[routine.id] = routine

    def _add_former_names(self, path: Path) -> None:
        t = Table(read_toml(path), str(path))
        t.reject_unknown({"routines", "exercises"})
        for kind in ("routines", "exercises"):
            names = t.table(kind, required=False)
            self.former_names.update({key: names.text(key, max_len=200) for key in names.data})

    def names(self) -> dict[str, str]:
        """Id -> name of every routine and exercise, including deleted ones that history may mention."""
        known = dict(self.former_names)
        known.update({exercise_id: exercise.name for exercise_id, exercise in self.exercises.items()})
        known.update({routine_id: routine.title for routine_id, routine in self.routines.items()})
        return known

    def is_builtin(self, exercise: Exercise) -> bool:
        """True for a bundled exercise exactly as bundled (a programme may carry its own of the same id)."""
        bundled = self.builtin.get(exercise.id)
        return bundled is not None and bundled == exercise and bundled.figure == exercise.figure

    def programme(self, name: str) -> Programme:
        """A routine by id (as a programme carrying its exercises that are not built in), or read from a file."""
        if not _is_path(name):
            routine = self.routine(name)
            seen: dict[str, Exercise] = {}
            for entry in routine.entries:
                if not self.is_builtin(entry.exercise):
                    seen.setdefault(entry.exercise.id, entry.exercise)
            return Programme(routine, tuple(seen.values()))
        return read_programme(Path(name), self.exercises)

    def routine(self, name: str) -> Routine:
        """A routine by id, or read from a file path (any name with a slash or ending in .toml)."""
        if name in self.routines:
            return self.routines[name]
        if _is_path(name):
            path = Path(name)
            try:
                return read_programme(path, self.exercises).routine
            except RecursionError:
                raise ContentError(str(path), None, "is nested too deeply to read") from None
        known = ", ".join(sorted(self.routines))
        raise ContentError(name, None, f"no such routine (known: {known}; or give a path to a .toml file)")


def _is_path(name: str) -> bool:
    return "/" in name or "\\" in name or name.endswith(".toml")
