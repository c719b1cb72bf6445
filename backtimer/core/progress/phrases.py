"""How a suggestion reads: "Ready for more: Bird-dog 10 → 11 reps a side", "Ease off: Glute bridge 12 → 11 reps"."""

from __future__ import annotations

from backtimer.core.content.model import Dose, Sides
from backtimer.core.progress.coach import Action, Suggestion
from backtimer.core.wording import plural

HEADLINES = {Action.PROGRESS: "Ready for more", Action.STEP_BACK: "Ease off", Action.HOLD: "Keep"}


def dose_text(dose: Dose, sides: Sides = Sides.NONE) -> str:
    """E.g. "2 sets of 10 reps a side", "1 set of 7 reps, 7 s hold", "2 sets of 20 s"."""
    per_side = " a side" if sides is not Sides.NONE else ""
    if dose.reps is None:
        return f"{plural(dose.sets, 'set')} of {_seconds(dose.hold or 0)}{per_side}"
    hold = f", {_seconds(dose.hold)} hold" if dose.hold is not None else ""
    return f"{plural(dose.sets, 'set')} of {dose.reps} reps{per_side}{hold}"


def change_text(old: Dose, new: Dose, sides: Sides = Sides.NONE) -> str:
    """The one variable that changes, e.g. "10 → 11 reps a side", "5 → 6 s hold", "2 → 3 sets"."""
    per_side = " a side" if sides is not Sides.NONE else ""
    if old.reps != new.reps and old.reps is not None and new.reps is not None:
        return f"{old.reps} → {new.reps} reps{per_side}"
    if old.hold != new.hold and old.hold is not None and new.hold is not None:
        what = " s hold" if new.reps is not None else f" s{per_side}"
        return f"{old.hold:g} → {new.hold:g}{what}"
    if old.sets != new.sets:
        return f"{old.sets} → {new.sets} sets"
    return dose_text(new, sides)


def suggestion_line(name: str, current: Dose, suggestion: Suggestion, sides: Sides = Sides.NONE) -> str:
    """The line home and the terminal show for one exercise."""
    if suggestion.action is Action.HOLD:
        return f"Keep: {name} {dose_text(current, sides)}"
    return f"{HEADLINES[suggestion.action]}: {name} {change_text(current, suggestion.dose, sides)}"


def _seconds(value: float) -> str:
    return f"{value:g} s"
