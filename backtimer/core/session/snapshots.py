"""Turn a session's state at one moment into the frozen Snapshot a view renders."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backtimer.core.content.model import Level
from backtimer.core.session.snapshot import Snapshot, State
from backtimer.core.session.steps import Step, StepKind

if TYPE_CHECKING:
    from backtimer.core.session.machine import Session


def make_snapshot(session: Session, now: float) -> Snapshot:
    step = session.step
    elapsed = session.step_elapsed(now)
    beat = step.beat_at(elapsed)
    word = beat.word if beat else step.phase_word
    progress = beat.progress if beat else (elapsed / step.seconds if step.seconds else 0.0)
    if session.state is State.GETTING_READY:
        word = "Get ready"
    seconds_left = max(step.seconds - elapsed, 0.0) if step.seconds is not None else None
    exercise = step.exercise
    return Snapshot(
        state=session.state,
        pause_reason=session.pause_reason,
        step_index=session.index,
        step_count=len(session.plan.steps),
        kind=step.kind,
        exercise_id=exercise.id if exercise else None,
        exercise_name=exercise.name if exercise else None,
        entry_index=step.entry_index,
        phase_word=word,
        phase_index=beat.phase_index if beat else 0,
        phase_progress=min(max(progress, 0.0), 1.0),
        pose=beat.pose if beat else None,
        rep=beat.rep if beat else None,
        reps=step.reps,
        set=step.set,
        sets=step.sets,
        side=beat.side if beat else step.side,
        self_paced=step.kind is StepKind.WORK and step.seconds is None,
        easier=step.entry_index in session.easier_entries or _beginner_form(session, step),
        step_seconds=step.seconds,
        step_elapsed=elapsed,
        seconds_left=seconds_left,
        get_ready_left=session.get_ready_left(now),
        session_elapsed=session.offset(session.index) + min(elapsed, session.planned_seconds(session.index)),
        session_total=session.plan.total_seconds,
        next_up=session.next_up(),
    )


def _beginner_form(session: Session, step: Step) -> bool:
    """At beginner level the beginner form is the way to do every exercise that has one (the figure shows it)."""
    return session.plan.level is Level.BEGINNER and step.exercise is not None and bool(step.exercise.beginner)


def next_up(steps: tuple[Step, ...], index: int) -> str | None:
    """A short line on the next piece of work: another set or side of this exercise, or the next exercise."""
    current = steps[index]
    for step in steps[index + 1 :]:
        if step.kind is not StepKind.WORK or step.exercise is None:
            continue
        same = current.exercise is not None and step.exercise.id == current.exercise.id
        return _describe(step, with_name=not same)
    return None


def _describe(step: Step, *, with_name: bool) -> str:
    assert step.exercise is not None
    parts = [step.exercise.name] if with_name else []
    if step.sets > 1:
        parts.append(f"set {step.set} of {step.sets}")
    if step.side is not None:
        parts.append(f"{step.side.value} side")
    text = " · ".join(parts)
    return text[:1].upper() + text[1:]
