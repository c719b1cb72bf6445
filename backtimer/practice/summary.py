"""The sum of one session, as the summary screen and the terminal show it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from backtimer.core.content.model import Mode
from backtimer.core.session.results import ExerciseTally, tally
from backtimer.core.session.snapshot import State
from backtimer.core.wording import tally_status, tally_what

if TYPE_CHECKING:
    from backtimer.core.session.machine import Session


@dataclass(frozen=True)
class SessionSummary:
    routine_title: str
    level: str
    completed: bool  # it reached the end (the summary says "well done" rather than "stopped")
    seconds: float  # time taken, pauses included
    tallies: tuple[ExerciseTally, ...]
    names: dict[str, str]  # exercise id -> name
    holds: dict[str, float] = field(default_factory=dict)  # exercise id -> seconds, for timed holds

    @property
    def done_count(self) -> int:
        return len({t.exercise for t in self.tallies if t.sets_done > 0})

    @property
    def skipped_count(self) -> int:
        done = {t.exercise for t in self.tallies if t.sets_done > 0}
        return len({t.exercise for t in self.tallies if t.skipped and t.exercise not in done})

    def lines(self) -> list[tuple[str, str]]:
        """(what, how it went) for each exercise and side, in the order they came."""
        return [(tally_what(t, self.names), tally_status(t, self.holds.get(t.exercise))) for t in self.tallies]


def summarize(session: Session, seconds: float, names: dict[str, str]) -> SessionSummary:
    """The summary of ``session``; ``names`` maps exercise ids to names (the plan's own fill any gaps)."""
    known = dict(names)
    known.update({e.exercise.id: e.exercise.name for e in session.plan.routine.entries})
    return SessionSummary(
        routine_title=session.plan.routine.title,
        level=session.level.value,
        completed=session.state is State.FINISHED,
        seconds=seconds,
        tallies=tuple(tally(session.results)),
        names=known,
        holds={
            e.exercise.id: float(e.dose_at(session.level).hold or 0)
            for e in session.plan.routine.entries
            if e.exercise.mode is Mode.HOLD
        },
    )
