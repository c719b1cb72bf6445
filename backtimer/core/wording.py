"""How backtimer words numbers for people: durations, plurals and an exercise's tally line.

One module, so the summary, the history screen and the terminal say the same thing the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from backtimer.core.session.results import ExerciseTally


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 set``, ``2 sets``; ``many`` for irregular plurals."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def duration_text(seconds: float) -> str:
    """Minutes and seconds, ``12:05``, rounded to the second."""
    minutes, secs = divmod(max(round(seconds), 0), 60)
    return f"{minutes}:{secs:02d}"


def minutes_text(seconds: float) -> str:
    """A length in whole minutes: ``25 min``, ``1 h 05 min``; anything that took time is at least ``1 min``."""
    minutes = round(seconds / 60)
    if seconds > 0:
        minutes = max(minutes, 1)
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h {minutes % 60:02d} min"


def tally_what(t: ExerciseTally, names: Mapping[str, str]) -> str:
    """The exercise's name, with the side where it has one: ``Bird-dog · left``."""
    name = names.get(t.exercise, t.exercise)
    return f"{name} · {t.side.value}" if t.side else name


def tally_status(t: ExerciseTally, hold: float | None = None) -> str:
    """How it went: ``skipped``, ``2 sets, 20 reps``, or for a timed hold of ``hold`` seconds ``2 sets of 20 s
    holds``; with ``stopped: it hurt`` when it did."""
    if t.skipped:
        status = "skipped"
    else:
        status = plural(t.sets_done, "set")
        if hold is not None:
            status += f" of {hold:g} s holds"
        elif t.reps_done:
            status += f", {plural(t.reps_done, 'rep')}"
    if t.hurt:
        status += " · stopped: it hurt"
    return status
