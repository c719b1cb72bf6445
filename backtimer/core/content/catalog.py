"""All exercises and routines the app knows: the bundled ones plus the user's own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from backtimer.core.content.loader import parse_exercise, parse_routine, read_toml
from backtimer.core.content.model import Exercise, Routine
from backtimer.core.errors import ContentError


@dataclass
class Catalog:
    exercises: dict[str, Exercise] = field(default_factory=dict)
    routines: dict[str, Routine] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # user files that were skipped, one line each

    @classmethod
    def load(cls, builtin_dir: Path, user_dir: Path | None = None) -> Catalog:
        """Read the bundled content (which must be valid) and the user's (skipped with a message if broken)."""
        catalog = cls()
        catalog._read_dir(builtin_dir, strict=True)
        if user_dir is not None:
            catalog._read_dir(user_dir, strict=False)
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
        routine = parse_routine(read_toml(path), str(path), self.exercises)
        if not strict and routine.id in self.routines:
            raise ContentError(str(path), "id", f"{routine.id!r} is taken (built in, or another file); use another id")
        self.routines[routine.id] = routine

    def routine(self, name: str) -> Routine:
        """A routine by id, or read from a file path (any name with a slash or ending in .toml)."""
        if name in self.routines:
            return self.routines[name]
        if "/" in name or "\\" in name or name.endswith(".toml"):
            path = Path(name)
            try:
                return parse_routine(read_toml(path), str(path), self.exercises)
            except RecursionError:
                raise ContentError(str(path), None, "is nested too deeply to read") from None
        known = ", ".join(sorted(self.routines))
        raise ContentError(name, None, f"no such routine (known: {known}; or give a path to a .toml file)")
