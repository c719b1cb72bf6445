"""The content model: exercises and routines as frozen values."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from backtimer.core.content.levels import Level

__all__ = ["Dose", "Exercise", "Level", "Mode", "Routine", "RoutineEntry", "Side", "Sides", "TempoPhase", "Timing"]


class Sides(StrEnum):
    """How an exercise treats the two sides of the body."""

    NONE = "none"  # symmetric: no sides
    EACH = "each"  # all reps on one side, a switch, then the other side
    ALTERNATE = "alternate"  # left and right take turns within the set


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


class Mode(StrEnum):
    REPS = "reps"  # paced repetitions following a tempo
    HOLD = "hold"  # one timed hold per set (per side)


@dataclass(frozen=True)
class TempoPhase:
    """One named part of a repetition, e.g. "Lift" for 2 seconds."""

    word: str
    seconds: float
    pose: str | None = None  # key pose reached at the end of this phase (figures)


@dataclass(frozen=True)
class Dose:
    sets: int
    reps: int | None = None  # per side for EACH/ALTERNATE exercises
    hold: float | None = None  # seconds: the whole hold (HOLD mode) or the "Hold" phase (REPS mode)


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    position: str
    sides: Sides
    mode: Mode
    summary: str
    how_to: tuple[str, ...]
    beginner: str
    muscles: tuple[str, ...]
    doses: dict[Level, Dose]
    tempo: tuple[TempoPhase, ...] = ()
    source: str = "seed"
    note: str = ""
    figure: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    form_cue: str = ""  # one short form reminder, said once a set ("Keep your hips level.")
    limbs: tuple[tuple[Side, str], ...] = ()  # the phrase naming the moving limbs for each side (or each turn)
    switch_seconds: float | None = None  # this exercise's side switch (None: the routine's)
    own_pace: bool = False  # reps are done at the person's own pace (the tempo only shapes the figure)

    def dose(self, level: Level) -> Dose:
        return self.doses[level]

    def limb(self, side: Side) -> str:
        """What moves on ``side``: "left arm and right leg", or the plain side word when the data does not say."""
        return next((phrase for s, phrase in self.limbs if s is side), side.value)

    def tempo_for(self, level: Level) -> tuple[TempoPhase, ...]:
        """The tempo with the level's hold length swapped into the "Hold" phase."""
        return self.tempo_with(self.doses[level].hold)

    def tempo_with(self, hold: float | None) -> tuple[TempoPhase, ...]:
        """The tempo with ``hold`` seconds in its "Hold" phase (None: the tempo as written)."""
        if hold is None:
            return self.tempo
        return tuple(TempoPhase(p.word, hold, p.pose) if p.word.lower() == "hold" else p for p in self.tempo)


@dataclass(frozen=True)
class Timing:
    """Lengths, in seconds, of everything between the work."""

    get_ready: float = 20.0  # before the first exercise: time to get down onto the floor
    rest_between_sets: float = 30.0
    rest_between_exercises: float = 20.0
    switch_sides: float = 5.0
    resume_get_ready: float = 3.0
    position_change_extra: float = 15.0  # added to the rest before an exercise done in another position


@dataclass(frozen=True)
class RoutineEntry:
    exercise: Exercise
    sets: int | None = None  # overrides the dose's sets
    self_paced: bool = False  # reps wait for "done" instead of a tempo
    reps: int | None = None  # overrides the dose's reps (paced or self-paced exercises)
    hold: float | None = None  # overrides the dose's hold

    def dose_at(self, level: Level) -> Dose:
        """The exercise's dose at ``level`` with this entry's own sets, reps and hold where it gives them."""
        base = self.exercise.dose(level)
        return Dose(
            sets=self.sets or base.sets,
            reps=self.reps if self.reps is not None and base.reps is not None else base.reps,
            hold=self.hold if self.hold is not None and base.hold is not None else base.hold,
        )


@dataclass(frozen=True)
class Routine:
    id: str
    title: str
    description: str
    entries: tuple[RoutineEntry, ...]
    timing: Timing
    default_level: Level = Level.STANDARD
    source: str = "seed"
    note: str = ""
    path: str | None = None  # where it was read from, for messages
