"""The person's own routines and exercises in the data folder: saved atomically, imported, deleted.

``routines/<id>.toml`` and ``exercises/<id>.toml`` are ordinary content files (docs/routines.md). Deleting one keeps
its name in ``former-names.toml`` so that history that mentions it still reads well.
"""

from __future__ import annotations

import contextlib
import tomllib
from pathlib import Path

from backtimer.core.content.catalog import FORMER_NAMES, Catalog
from backtimer.core.content.importing import ImportPlan, plan_import
from backtimer.core.content.model import Exercise, Routine
from backtimer.core.content.programme import Programme
from backtimer.core.content.tables import exercise_table, routine_table
from backtimer.core.content.toml_writer import dumps
from backtimer.core.errors import BadInput
from backtimer.storage.files import atomic_write


class UserContent:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.routines_dir = root / "routines"
        self.exercises_dir = root / "exercises"

    def taken(self, kind: str) -> set[str]:
        """File stems in ``routines/`` or ``exercises/``, loadable or not (a broken file still holds its name)."""
        return {path.stem for path in (self.root / kind).glob("*.toml")}

    def save_exercise(self, exercise: Exercise) -> Path:
        path = self.exercises_dir / f"{exercise.id}.toml"
        atomic_write(path, dumps(exercise_table(exercise)))
        return path

    def save_routine(self, routine: Routine, own: tuple[Exercise, ...] = ()) -> Path:
        path = self.routines_dir / f"{routine.id}.toml"
        atomic_write(path, dumps(routine_table(routine, own)))
        return path

    def import_programme(self, programme: Programme, catalog: Catalog) -> ImportPlan:
        """Store the programme's exercises, then its routine; if a write fails, the files written are removed."""
        plan = plan_import(programme, catalog.exercises, catalog.routines, self.taken)
        written: list[Path] = []
        try:
            for exercise in plan.write_exercises:
                written.append(self.save_exercise(exercise))
            if plan.write_routine:
                written.append(self.save_routine(plan.routine))
        except OSError as err:
            for path in written:
                with contextlib.suppress(OSError):
                    path.unlink()
            raise BadInput(f"{self.root}: cannot write the imported files ({err.strerror or err})") from None
        return plan

    def owns(self, path: str | None, kind: str) -> bool:
        if path is None:
            return False
        with contextlib.suppress(OSError, ValueError):
            return Path(path).resolve().parent == (self.root / kind).resolve()
        return False

    def delete_routine(self, catalog: Catalog, ident: str) -> Path:
        routine = catalog.routines.get(ident)
        if routine is None:
            raise BadInput(f"{ident}: no such routine (known: {', '.join(sorted(catalog.routines))})")
        if not self.owns(routine.path, "routines"):
            raise BadInput(f"{ident}: a built-in routine cannot be deleted (duplicate it to make your own)")
        assert routine.path is not None
        self.remember("routines", ident, routine.title)
        Path(routine.path).unlink()
        return Path(routine.path)

    def delete_exercise(self, catalog: Catalog, ident: str) -> Path:
        """Delete one of the person's exercises, unless a routine of theirs still uses it."""
        exercise = catalog.exercises.get(ident)
        path = self.exercises_dir / f"{ident}.toml"
        if exercise is None or not path.exists():
            raise BadInput(f"{ident}: not one of your own exercises")
        users = [r.title for r in catalog.routines.values() if any(e.exercise.id == ident for e in r.entries)]
        if users:
            raise BadInput(f"{ident}: still used by {', '.join(users)}; take it out of those routines first")
        self.remember("exercises", ident, exercise.name)
        path.unlink()
        return path

    def remember(self, kind: str, ident: str, name: str) -> None:
        """Keep ``ident``'s name in former-names.toml (a damaged file is started afresh: it only holds names)."""
        path = self.root / FORMER_NAMES
        data: dict[str, dict[str, str]] = {"routines": {}, "exercises": {}}
        with contextlib.suppress(OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            old = tomllib.loads(path.read_text(encoding="utf-8"))
            for key, names in data.items():
                section = old.get(key)
                if isinstance(section, dict):
                    names.update({k: v for k, v in section.items() if isinstance(v, str) and v.strip()})
        data[kind][ident] = name
        atomic_write(path, dumps(data))
