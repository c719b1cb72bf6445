"""The steps of a session and where a paced step is at any moment."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from enum import StrEnum

from backtimer.core.content.model import Exercise, Side, Sides, TempoPhase
from backtimer.core.session.cues import Cue


class StepKind(StrEnum):
    PREPARE = "prepare"
    WORK = "work"
    SWITCH = "switch"
    REST = "rest"
    DONE = "done"


@dataclass(frozen=True)
class Beat:
    """Where a work step is at one moment: which rep, which tempo phase, how far through it."""

    rep: int  # 1-based, counted per side
    word: str
    side: Side | None
    phase_index: int
    phase_start: float
    phase_seconds: float
    progress: float  # 0..1 within the phase
    pose: str | None


@dataclass(frozen=True)
class Step:
    kind: StepKind
    seconds: float | None  # None: self-paced, waits for done()
    exercise: Exercise | None = None
    entry_index: int | None = None  # which routine entry this step belongs to
    side: Side | None = None
    set: int = 0
    sets: int = 0
    reps: int | None = None  # per side
    hold_seconds: float | None = None
    tempo: tuple[TempoPhase, ...] = ()
    next_exercise: Exercise | None = None
    cues: tuple[Cue, ...] = field(default=(), compare=False)
    transition: str = ""  # the change of body position to make in this step ("Roll onto your back."), if any

    # Cached: a step is immutable and these are read on every poll.
    @functools.cached_property
    def alternating(self) -> bool:
        return self.exercise is not None and self.exercise.sides is Sides.ALTERNATE

    @functools.cached_property
    def rep_period(self) -> float:
        return sum(p.seconds for p in self.tempo)

    @functools.cached_property
    def beats_per_set(self) -> int:
        """Tempo repetitions in the step: both sides' reps when the sides alternate."""
        if self.reps is None:
            return 0
        return self.reps * (2 if self.alternating else 1)

    @property
    def before_exercise(self) -> bool:
        """The get-ready or a rest between exercises: a new exercise (maybe a new position) comes next."""
        return self.kind is StepKind.PREPARE or (self.kind is StepKind.REST and self.exercise is None)

    @property
    def phase_word(self) -> str:
        words = {
            StepKind.PREPARE: "Get ready",
            StepKind.SWITCH: "Switch sides",
            StepKind.REST: "Rest",
            StepKind.DONE: "Done",
        }
        if self.kind in words:
            return words[self.kind]
        return "Hold" if self.hold_seconds is not None and not self.tempo else "Go"

    def beat_at(self, elapsed: float) -> Beat | None:
        """The tempo position ``elapsed`` seconds into a paced work step: rep k starts at k * period."""
        if self.kind is not StepKind.WORK or not self.tempo or self.seconds is None:
            return None
        period = self.rep_period
        total = self.beats_per_set
        k = min(max(math.floor(elapsed / period), 0), total - 1)
        within = min(max(elapsed - k * period, 0.0), period)
        start = 0.0
        for index, phase in enumerate(self.tempo):
            last = index == len(self.tempo) - 1
            if within < start + phase.seconds or last:
                progress = min(max((within - start) / phase.seconds, 0.0), 1.0)
                return Beat(
                    rep=k // 2 + 1 if self.alternating else k + 1,
                    word=phase.word,
                    side=self._beat_side(k),
                    phase_index=index,
                    phase_start=k * period + start,
                    phase_seconds=phase.seconds,
                    progress=progress,
                    pose=phase.pose,
                )
            start += phase.seconds
        return None  # pragma: no cover - the loop always returns on its last phase

    def _beat_side(self, k: int) -> Side | None:
        if self.alternating:
            return Side.LEFT if k % 2 == 0 else Side.RIGHT
        return self.side
