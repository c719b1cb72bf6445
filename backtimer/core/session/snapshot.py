"""The frozen picture of a session at one moment: everything a view needs, nothing it must compute."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from backtimer.core.content.model import Side
from backtimer.core.session.cues import Cue
from backtimer.core.session.results import StepResult
from backtimer.core.session.steps import StepKind


class State(StrEnum):
    READY = "ready"  # built, not started
    RUNNING = "running"
    GETTING_READY = "getting-ready"  # the short countdown after a resume or a jump into work
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


class PauseReason(StrEnum):
    USER = "user"
    SUSPENDED = "suspended"  # the clock jumped (sleep, a frozen machine): paused instead of skipping work
    HURT = "hurt"  # "This hurts": waiting for easier / skip / carry on
    WAITING = "waiting"  # "wait for me": the get-ready is over, the work starts when the person says so


class Snapshot(NamedTuple):
    """Immutable; a named tuple because one is made on every poll and tuples are by far the cheapest to build."""

    state: State
    pause_reason: PauseReason | None
    step_index: int
    step_count: int
    kind: StepKind
    exercise_id: str | None
    exercise_name: str | None
    entry_index: int | None
    phase_word: str
    phase_index: int  # which tempo phase (0 for steps without a tempo)
    phase_progress: float  # 0..1 within the phase word's span
    pose: str | None  # the key pose the current phase moves toward
    rep: int | None
    reps: int | None
    set: int
    sets: int
    side: Side | None
    self_paced: bool
    easier: bool  # the beginner form was chosen after "This hurts"
    step_seconds: float | None
    step_elapsed: float
    seconds_left: float | None
    get_ready_left: float | None
    session_elapsed: float  # planned seconds behind us
    session_total: float
    next_up: str | None

    @property
    def session_progress(self) -> float:
        return min(self.session_elapsed / self.session_total, 1.0) if self.session_total > 0 else 1.0

    @property
    def active(self) -> bool:
        return self.state in (State.RUNNING, State.GETTING_READY)


@dataclass(frozen=True)
class DueCue:
    cue: Cue
    step_index: int
    due_at: float  # the clock time it was due: a late speaker can tell how stale it is


@dataclass(frozen=True)
class Tick:
    snapshot: Snapshot
    cues: tuple[DueCue, ...]
    results: tuple[StepResult, ...]  # work steps that ended since the last tick, to store at once
