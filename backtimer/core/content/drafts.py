"""Routines and exercises being edited: plain values that become files, checked by the file loader itself.

The editor keeps a draft, turns it into the very table a file would hold and reads that back with the loader, so an
edit is refused for exactly the reasons a hand-written file would be, with the same words.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from backtimer.core.content.loader import parse_exercise
from backtimer.core.content.model import Exercise, Level, Mode, Routine, Sides, Timing
from backtimer.core.content.programme import parse_programme
from backtimer.core.content.tables import timing_table
from backtimer.core.figures.templates import template_figure, template_of

OWN_SOURCE = "your own"


def new_id(name: str, taken: Collection[str]) -> str:
    """An id made from ``name`` (lower-case words and dashes) that is not in ``taken``."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:56] or "mine"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


@dataclass
class EntryDraft:
    exercise: str  # id
    sets: int | None = None  # None: the level's
    reps: int | None = None
    hold: float | None = None


@dataclass
class RoutineDraft:
    id: str
    title: str
    description: str = ""
    default_level: Level = Level.STANDARD
    timing: Timing = field(default_factory=Timing)
    entries: list[EntryDraft] = field(default_factory=list)
    source: str = OWN_SOURCE

    @classmethod
    def of(cls, routine: Routine) -> RoutineDraft:
        entries = [EntryDraft(e.exercise.id, e.sets, e.reps, e.hold) for e in routine.entries]
        return cls(routine.id, routine.title, routine.description, routine.default_level, routine.timing, entries)

    def table(self) -> dict[str, Any]:
        table: dict[str, Any] = {"id": self.id, "title": self.title}
        if self.description.strip():
            table["description"] = self.description
        table.update(default_level=self.default_level.value, source=self.source, timing=timing_table(self.timing))
        table["exercises"] = [
            {k: v for k, v in vars(e).items() if v is not None and k != "exercise"} | {"id": e.exercise}
            for e in self.entries
        ]
        return table

    def build(self, exercises: Mapping[str, Exercise]) -> Routine:
        """The routine, read by the loader from the table a file would hold (a ContentError says what is wrong)."""
        return parse_programme(self.table(), "routine", exercises).routine


class Pace(StrEnum):
    PACED = "paced"  # reps following the tempo
    HOLD = "hold"  # one timed hold a set
    OWN = "own"  # reps at the person's own pace


@dataclass
class DoseDraft:
    sets: int = 2
    reps: int = 10
    hold: float | None = None  # hold mode: the hold; reps mode: the length of a "Hold" phase, if any


@dataclass
class ExerciseDraft:
    id: str
    name: str = ""
    position: str = ""
    pace: Pace = Pace.PACED
    sides: Sides = Sides.NONE
    summary: str = ""
    how_to: list[str] = field(default_factory=list)
    beginner: str = ""
    muscles: list[str] = field(default_factory=list)
    form_cue: str = ""
    tempo: list[tuple[str, float, str | None]] = field(default_factory=lambda: [("Up", 2.0, None), ("Down", 2.0, None)])
    doses: dict[Level, DoseDraft] = field(default_factory=lambda: {level: DoseDraft() for level in Level})
    template: str = ""  # a template key, or "" for no figure
    own_figure: dict[str, Any] = field(default_factory=dict)  # an exercise's figure that is no template (kept)
    source: str = OWN_SOURCE
    note: str = ""

    @classmethod
    def of(cls, exercise: Exercise, bundled: Mapping[str, Exercise]) -> ExerciseDraft:
        pace = Pace.HOLD if exercise.mode is Mode.HOLD else Pace.OWN if exercise.own_pace else Pace.PACED
        doses = {level: DoseDraft(d.sets, d.reps or 10, d.hold) for level, d in exercise.doses.items()}
        template = template_of(exercise.figure, bundled) if exercise.figure else None
        draft = cls(exercise.id, exercise.name, exercise.position, pace, exercise.sides, exercise.summary)
        draft.how_to, draft.beginner, draft.muscles = list(exercise.how_to), exercise.beginner, list(exercise.muscles)
        draft.form_cue, draft.doses, draft.template = exercise.form_cue, doses, template or ""
        draft.tempo = [(p.word, p.seconds, p.pose) for p in exercise.tempo] or draft.tempo
        draft.own_figure = {} if template else dict(exercise.figure)
        draft.source, draft.note = exercise.source, exercise.note
        return draft

    @property
    def mode(self) -> Mode:
        return Mode.HOLD if self.pace is Pace.HOLD else Mode.REPS

    def table(self, bundled: Mapping[str, Exercise]) -> dict[str, Any]:
        table: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "position": self.position,
            "sides": self.sides.value,
            "mode": self.mode.value,
            "summary": self.summary,
            "how_to": [step for step in self.how_to if step.strip()],
            "beginner": self.beginner,
            "muscles": [m for m in self.muscles if m.strip()],
            "source": self.source,
        }
        if self.form_cue.strip():
            table["form_cue"] = self.form_cue
        if self.note.strip():
            table["note"] = self.note
        if self.pace is Pace.OWN:
            table["own_pace"] = True
        figure = self.figure_table(bundled)
        if self.mode is Mode.REPS:
            poses = set(figure.get("poses", {}))
            table["tempo"] = [
                _phase(word, seconds, pose if pose in poses else None) for word, seconds, pose in self.tempo
            ]
        table["dose"] = {level.value: self._dose(self.doses[level]) for level in Level}
        if figure:
            table["figure"] = figure
        return table

    def _dose(self, dose: DoseDraft) -> dict[str, Any]:
        if self.mode is Mode.HOLD:
            return {"sets": dose.sets, "hold": 10.0 if dose.hold is None else dose.hold}
        table: dict[str, Any] = {"sets": dose.sets, "reps": dose.reps}
        if dose.hold is not None:
            table["hold"] = dose.hold
        return table

    def figure_table(self, bundled: Mapping[str, Exercise]) -> dict[str, Any]:
        """The ``[figure]`` table this draft will have (empty: none)."""
        if self.template:
            return template_figure(self.template, bundled, self.mode)
        figure = {k: v for k, v in self.own_figure.items() if k != "hold"}
        if figure and self.mode is Mode.HOLD:
            figure["hold"] = self.own_figure.get("hold", "start")
        return figure

    def build(self, bundled: Mapping[str, Exercise]) -> Exercise:
        """The exercise as the loader reads it from this draft's file (a ContentError says what is wrong)."""
        return parse_exercise(self.table(bundled), "exercise")


def _phase(word: str, seconds: float, pose: str | None) -> dict[str, Any]:
    """A tempo phase (``pose`` None when the figure lacks it: a template has only ``start``)."""
    return {"word": word, "seconds": seconds} | ({"pose": pose} if pose else {})


def copy_of(routine: Routine, taken: Collection[str], title: str | None = None) -> RoutineDraft:
    """A draft of a copy of ``routine`` under a fresh id (editing a built-in routine starts here)."""
    draft = RoutineDraft.of(routine)
    draft.title = title or f"{routine.title} (my copy)"
    draft.id = new_id(draft.title, taken)
    return draft
