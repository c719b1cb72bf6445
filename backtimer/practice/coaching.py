"""The progression coach as the window and the terminal use it: each exercise's dose, the suggestion for it, and
accepting or resetting doses. Suggestions are never applied silently: only ``accept`` changes a dose."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from backtimer.core.progress.coach import Accepted, Action, NextDayQuestion, Suggestion, suggest
from backtimer.core.progress.doses import doses_at
from backtimer.core.progress.ladder import ladder
from backtimer.core.progress.phrases import suggestion_line

if TYPE_CHECKING:
    from collections.abc import Callable

    from backtimer.core.content.model import Dose, Exercise, Level, Routine
    from backtimer.practice.ports import History

ANSWERS = ("better", "same", "worse")


@dataclass(frozen=True)
class Advice:
    """One exercise of a routine: its dose now and what the coach suggests."""

    exercise: Exercise
    dose: Dose
    suggestion: Suggestion
    accepted: Accepted | None  # None: the routine's level dose

    @property
    def changes(self) -> bool:
        return self.suggestion.action is not Action.HOLD

    @property
    def line(self) -> str:
        """E.g. "Ready for more: Bird-dog 10 → 11 reps a side"."""
        return suggestion_line(self.exercise.name, self.dose, self.suggestion, self.exercise.sides)


class Coaching:
    def __init__(self, history: History, on_change: Callable[[], None] = lambda: None) -> None:
        self.history = history
        self.on_change = on_change  # doses changed: estimates and plans are stale

    def accepted_doses(self, routine: Routine) -> dict[str, Dose]:
        return {exercise: a.dose for exercise, a in self.history.coach.accepted(routine.id).items()}

    def advice(self, routine: Routine, level: Level) -> list[Advice]:
        """One advice per exercise of ``routine`` (the person's level ``level``), in the routine's order."""
        records = self.history.coach
        accepted = records.accepted(routine.id)
        current = doses_at(routine, level) | {e: a.dose for e, a in accepted.items()}
        since = {e: a.at for e, a in accepted.items()}
        seen = records.observations(routine.id, current, since)
        today = records.today()
        found: list[Advice] = []
        for entry in routine.entries:
            exercise = entry.exercise
            if any(a.exercise.id == exercise.id for a in found):
                continue
            dose, mine = current[exercise.id], accepted.get(exercise.id)
            suggestion = suggest(ladder(entry), dose, seen.get(exercise.id, []), today, mine)
            found.append(Advice(exercise, dose, suggestion, mine))
        return found

    def accept(self, routine: Routine, level: Level, exercise: str | None = None) -> list[Advice]:
        """Apply the suggestion for ``exercise`` (None: every exercise with a change); returns what changed."""
        chosen = [a for a in self.advice(routine, level) if exercise is None or a.exercise.id == exercise]
        changed = [a for a in chosen if a.changes]
        for advice in changed:
            up = advice.suggestion.action is Action.PROGRESS
            self.history.coach.accept(routine.id, advice.exercise.id, advice.suggestion.dose, up=up)
        if changed:
            self.on_change()
        return changed

    def reset(self, routine: Routine) -> None:
        """Back to the routine's level."""
        self.history.coach.reset(routine.id)
        self.on_change()

    def next_day_question(self) -> NextDayQuestion | None:
        """The earlier day's last session, when its next-day question has not been shown yet."""
        records = self.history.coach
        return records.awaiting_next_day(records.today())

    def answer_next_day(self, question: NextDayQuestion, answer: str | None) -> None:
        """better | same | worse; None: put aside (not asked again)."""
        if answer is None:
            self.history.coach.asked_next_day(question.session_id)
        else:
            self.history.coach.answer_next_day(question.session_id, answer)
