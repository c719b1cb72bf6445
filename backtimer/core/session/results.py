"""What was actually done: one result per work step as it ends, and tallies per exercise and side."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from backtimer.core.content.model import Side


class Outcome(StrEnum):
    COMPLETED = "completed"  # the whole step was done
    PARTIAL = "partial"  # stopped part-way: the reps or seconds done so far count
    SKIPPED = "skipped"  # skipped with -> or "skip exercise"
    HURT = "hurt"  # ended with "This hurts"


@dataclass(frozen=True)
class StepResult:
    step_index: int
    exercise_id: str
    side: Side | None
    set: int
    sets: int
    reps_done: int  # per side; 0 for holds
    seconds_done: float
    outcome: Outcome


@dataclass(frozen=True)
class ExerciseTally:
    """The per-exercise summary that history stores and shows (docs/contract.md)."""

    exercise: str
    side: Side | None
    sets_done: int
    reps_done: int
    skipped: bool
    hurt: bool


def tally(results: list[StepResult]) -> list[ExerciseTally]:
    """Fold step results into one line per exercise and side, in the order they were first met."""
    order: list[tuple[str, Side | None]] = []
    groups: dict[tuple[str, Side | None], list[StepResult]] = {}
    for result in results:
        key = (result.exercise_id, result.side)
        if key not in groups:
            order.append(key)
            groups[key] = []
        groups[key].append(result)
    tallies = []
    for key in order:
        group = groups[key]
        done = [r for r in group if r.outcome is Outcome.COMPLETED]
        tallies.append(
            ExerciseTally(
                exercise=key[0],
                side=key[1],
                sets_done=len({r.set for r in done}),
                reps_done=sum(r.reps_done for r in group),
                skipped=not done and any(r.outcome is Outcome.SKIPPED for r in group),
                hurt=any(r.outcome is Outcome.HURT for r in group),
            )
        )
    return tallies
