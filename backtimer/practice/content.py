"""The person's own routines and exercises, for the editor: what there is, and saving, importing and deleting.

Every change is written atomically to the data folder and then the catalog is read again, so the window shows what
the files hold. Problems come back as BadInput (a ContentError names the file and the field).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from backtimer.core.errors import BadInput
from backtimer.storage.files import atomic_write

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from backtimer.core.content.catalog import Catalog
    from backtimer.core.content.drafts import ExerciseDraft, RoutineDraft
    from backtimer.core.content.importing import ImportPlan
    from backtimer.core.content.model import Exercise, Routine
    from backtimer.core.content.programme import Programme
    from backtimer.storage.user_content import UserContent


class OwnContent:
    def __init__(self, folder: Path, load: Callable[[], Catalog]) -> None:
        self.folder = folder
        self._load = load
        self._catalog: Catalog | None = None
        self._listeners: list[Callable[[Catalog], None]] = []

    @cached_property
    def files(self) -> UserContent:
        """The data folder's own routines and exercises, opened at the first need (after the first paint)."""
        from backtimer.storage.user_content import UserContent

        return UserContent(self.folder)

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = self._load()
        return self._catalog

    def subscribe(self, listener: Callable[[Catalog], None]) -> None:
        """``listener(catalog)`` after every change."""
        self._listeners.append(listener)

    def reload(self) -> Catalog:
        self._catalog = self._load()
        for listener in self._listeners:
            listener(self._catalog)
        return self._catalog

    def is_own(self, routine: Routine) -> bool:
        return self.files.owns(routine.path, "routines")

    def own_exercises(self) -> list[Exercise]:
        mine = self.files.taken("exercises")
        return [e for e in self.catalog.exercises.values() if e.id in mine and not self.catalog.is_builtin(e)]

    def taken_routine_ids(self) -> set[str]:
        return set(self.catalog.routines) | self.files.taken("routines")

    def taken_exercise_ids(self) -> set[str]:
        return set(self.catalog.exercises) | self.files.taken("exercises")

    def save_routine(self, draft: RoutineDraft) -> Routine:
        routine = draft.build(self.catalog.exercises)  # refused here, before any file is touched
        self._write(lambda: self.files.save_routine(routine))
        return self.reload().routines[routine.id]

    def save_exercise(self, draft: ExerciseDraft) -> Exercise:
        exercise = draft.build(self.catalog.builtin)
        self._write(lambda: self.files.save_exercise(exercise))
        return self.reload().exercises[exercise.id]

    def delete_routine(self, ident: str) -> None:
        self._write(lambda: self.files.delete_routine(self.catalog, ident))
        self.reload()

    def delete_exercise(self, ident: str) -> None:
        self._write(lambda: self.files.delete_exercise(self.catalog, ident))
        self.reload()

    def open_programme(self, path: Path) -> Programme:
        from backtimer.core.content.programme import read_programme

        return read_programme(path, self.catalog.exercises)

    def import_programme(self, programme: Programme) -> ImportPlan:
        plan = self.files.import_programme(programme, self.catalog)
        self.reload()
        return plan

    def export(self, ident: str, path: Path) -> None:
        from backtimer.core.content.tables import routine_table
        from backtimer.core.content.toml_writer import dumps

        programme = self.catalog.programme(ident)
        self._write(lambda: atomic_write(path, dumps(routine_table(programme.routine, programme.exercises))))

    def _write(self, action: Callable[[], object]) -> None:
        try:
            action()
        except OSError as err:
            raise BadInput(f"{self.files.root}: cannot write ({err.strerror or err})") from None
