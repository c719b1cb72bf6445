"""The dose ladder of one routine entry: beginner, standard and advanced doses with small rungs between them.

Between two neighbouring levels one variable changes per rung, in this order: the reps by 1 until they reach the
next level's, then the hold by 1 s, then the sets by 1. Every level's dose is itself a rung, e.g. the knee-drop
twist at 1 set: 6 reps x 5 s → 7 x 5 → 7 x 6 → 7 x 7 (standard) → 8 x 7 → 8 x 8 → 8 x 9 → 8 x 10 (advanced).
A variable that goes down from one level to the next (possible in a user's routine file) moves down the same way.
"""

from __future__ import annotations

from dataclasses import replace

from backtimer.core.content.model import Dose, Level, RoutineEntry

LEVEL_ORDER = (Level.BEGINNER, Level.STANDARD, Level.ADVANCED)


def ladder(entry: RoutineEntry) -> tuple[Dose, ...]:
    """Every rung of ``entry`` from its beginner dose to its advanced dose, in order, without repeats."""
    levels = [entry.dose_at(level) for level in LEVEL_ORDER]
    rungs = [levels[0]]
    for target in levels[1:]:
        rungs.extend(rungs_between(rungs[-1], target))
    return tuple(rungs)


def rungs_between(start: Dose, target: Dose) -> list[Dose]:
    """The rungs after ``start`` up to and including ``target`` (empty when they are the same dose)."""
    rungs: list[Dose] = []
    current = start
    while current.reps is not None and target.reps is not None and current.reps != target.reps:
        current = replace(current, reps=current.reps + (1 if target.reps > current.reps else -1))
        rungs.append(current)
    while current.hold is not None and target.hold is not None and current.hold != target.hold:
        gap = target.hold - current.hold
        current = replace(current, hold=target.hold if abs(gap) <= 1 else current.hold + (1 if gap > 0 else -1))
        rungs.append(current)
    while current.sets != target.sets:
        current = replace(current, sets=current.sets + (1 if target.sets > current.sets else -1))
        rungs.append(current)
    if current != target:  # a variable only one of the two levels has: the target as written
        rungs.append(target)
    return rungs


def position(rungs: tuple[Dose, ...], dose: Dose) -> int:
    """The index of ``dose`` on the ladder; a dose that is not on it sits at the nearest rung below its work."""
    if dose in rungs:
        return rungs.index(dose)
    below = [i for i, rung in enumerate(rungs) if work(rung) <= work(dose)]
    return below[-1] if below else 0


def work(dose: Dose) -> float:
    """A rough amount of work, only to place a dose that is not on the ladder."""
    return dose.sets * (dose.reps or 1) * (dose.hold or 1)


def same_dose(a: Dose, b: Dose) -> bool:
    return a.sets == b.sets and a.reps == b.reps and _hold(a.hold) == _hold(b.hold)


def _hold(hold: float | None) -> float | None:
    return None if hold is None else round(float(hold), 3)
