"""What the player's labels say for a snapshot: plain functions, so they are easy to read and to test."""

from __future__ import annotations

import math

from backtimer.core.content.model import Exercise
from backtimer.core.session.plan import Plan
from backtimer.core.session.snapshot import PauseReason, Snapshot, State
from backtimer.core.session.steps import StepKind


def clock_text(seconds: float) -> str:
    """Whole seconds, rounded up, so "1" shows during the last second and "0" never shows while time is left."""
    whole = max(math.ceil(seconds - 1e-6), 0)
    minutes, secs = divmod(whole, 60)
    return f"{minutes}:{secs:02d}" if minutes else str(secs)


def phase_text(snap: Snapshot) -> str:
    if snap.state is State.PAUSED:
        return "Paused"
    return snap.phase_word


def count_text(snap: Snapshot) -> str:
    """The huge number: the get-ready or step countdown, or the rep under way."""
    if snap.get_ready_left is not None:
        return clock_text(snap.get_ready_left)
    if snap.kind is StepKind.WORK and snap.rep is not None:
        return str(snap.rep)
    if snap.self_paced and snap.reps is not None:
        return str(snap.reps)
    if snap.seconds_left is not None:
        return clock_text(snap.seconds_left)
    return ""


_BETWEEN = {
    StepKind.PREPARE: "seconds to get in position",
    StepKind.REST: "seconds of rest",
    StepKind.SWITCH: "seconds to switch sides",
}


def rep_text(snap: Snapshot) -> str:
    """The line under the number: "Rep 4 of 10", or what the number means."""
    if snap.kind is not StepKind.WORK:
        if snap.get_ready_left is not None:
            return "and the rest goes on" if snap.kind is StepKind.REST else "and we carry on"
        return _BETWEEN.get(snap.kind, "")
    if snap.self_paced:
        return f"{snap.reps} reps at your own pace" if snap.reps else "at your own pace"
    if snap.get_ready_left is not None:
        return "seconds to get ready"
    if snap.rep is not None and snap.reps is not None:
        return f"Rep {snap.rep} of {snap.reps}"
    if snap.step_seconds is not None:
        return f"seconds left of {clock_text(snap.step_seconds)}"
    return ""


def set_text(snap: Snapshot) -> str:
    """ "Set 2 of 3 · left side"; between exercises, what is coming."""
    if snap.exercise_name is None:
        return "First exercise" if snap.kind is StepKind.PREPARE else "Next exercise"
    parts = []
    if snap.sets > 1:
        parts.append(f"Set {snap.set} of {snap.sets}")
    if snap.side is not None:
        parts.append(f"{snap.side.value} side")
    if snap.easier:
        parts.append("easier form")
    text = " · ".join(parts)
    return text[:1].upper() + text[1:]


def shown_exercise(snap: Snapshot, plan: Plan) -> Exercise | None:
    """The exercise to show: the current one, or the next one during the get-ready and the rests between."""
    step = plan.steps[snap.step_index]
    return step.exercise or step.next_exercise


def title_text(snap: Snapshot, plan: Plan) -> str:
    exercise = shown_exercise(snap, plan)
    return exercise.name if exercise else plan.routine.title


def next_text(snap: Snapshot) -> str:
    return snap.next_up or "That's the last one"


def notice_text(snap: Snapshot) -> str:
    if snap.pause_reason is PauseReason.SUSPENDED:
        return "Paused: the clock jumped (was the computer asleep?). Press Space to carry on."
    if snap.state is State.PAUSED and snap.pause_reason is PauseReason.USER:
        return "Paused. Press Space to carry on."
    if snap.self_paced and snap.state is State.RUNNING:
        return "Press Enter or Done when you have finished the set."
    return ""


def exercise_number(snap: Snapshot, plan: Plan) -> str:
    count = len(plan.routine.entries)
    if snap.entry_index is None or count == 0:
        return ""
    index = snap.entry_index + (1 if snap.exercise_name is None and snap.kind is not StepKind.PREPARE else 0)
    return f"Exercise {min(index + 1, count)} of {count}"


def step_fraction(snap: Snapshot) -> float:
    """How far the current step has gone, 0 to 1: the bar under the count."""
    if snap.get_ready_left is not None:
        return 0.0
    if snap.step_seconds:
        return min(max(snap.step_elapsed / snap.step_seconds, 0.0), 1.0)
    if snap.rep is not None and snap.reps:
        return min((snap.rep - 1) / snap.reps, 1.0)
    return 0.0
