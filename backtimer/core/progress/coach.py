"""The progression coach: from what the person told us, one suggestion per exercise (step back, hold or progress).

The rules (the pain-monitoring model, kept simple):

- **Step back** one rung when, in the latest session with the exercise, it was rated painful, "This hurts" was
  pressed on it, the pain afterwards was above 5, or the next day was worse.
- **Hold** when the latest pain was 4 or 5, the latest rating was hard, or there is not enough to go on.
- **Progress** one rung when the two latest completed sessions with the exercise, on different days, were both
  rated easy or right, with pain of 3 or less after each and no next-day "worse".
- At most one rung up per exercise in any 7 days. At the top of the ladder (or the bottom, for a step back) the
  suggestion is "hold".

Only sessions done at the current dose and after it was accepted count: a suggestion is about the dose the person
does now, and the session that led to a change never leads to a second one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from backtimer.core.content.model import Dose
from backtimer.core.progress.ladder import position, same_dose

WEEK_DAYS = 7  # at most one rung up per exercise in this many days
SAFE_PAIN = 3  # pain after a session up to this allows progress
TOO_MUCH_PAIN = 5  # pain above this steps back; 4 and 5 hold


class Rating(StrEnum):
    EASY = "easy"
    RIGHT = "right"
    HARD = "hard"
    PAINFUL = "painful"


class NextDay(StrEnum):
    BETTER = "better"
    SAME = "same"
    WORSE = "worse"


class Action(StrEnum):
    PROGRESS = "progress"
    HOLD = "hold"
    STEP_BACK = "step_back"


@dataclass(frozen=True)
class Observation:
    """What one session says about one exercise."""

    started_at: datetime  # to order sessions and compare with the acceptance time (aware, or all naive)
    local_date: date
    completed: bool
    rating: Rating | None = None
    hurt: bool = False
    pain: int | None = None  # the session's pain afterwards, 0-10
    next_day: NextDay | None = None
    dose: Dose | None = None  # the dose it was done at, where it was recorded


@dataclass(frozen=True)
class Accepted:
    """The person's own dose of an exercise, when they accepted a change."""

    dose: Dose
    at: datetime
    last_up: date | None = None  # the day of the latest step up, for the one-rung-a-week rule


@dataclass(frozen=True)
class NextDayQuestion:
    """The session the next-day question ("How is your back compared with before it?") is about."""

    session_id: str
    routine: str
    local_date: date


@dataclass(frozen=True)
class Suggestion:
    action: Action
    dose: Dose  # the suggested dose (the current one with "hold")
    reason: str  # one plain line


def suggest(
    rungs: tuple[Dose, ...],
    current: Dose,
    observations: Sequence[Observation],
    today: date,
    accepted: Accepted | None = None,
) -> Suggestion:
    """The suggestion for one exercise on ``rungs`` at ``current``; ``observations`` newest first."""
    evidence = _evidence(observations, current, accepted)
    at = position(rungs, current)
    if not evidence:
        return Suggestion(Action.HOLD, current, "Not enough to go on yet: rate it after the next sessions.")
    latest = evidence[0]
    worry = _worry(latest)
    if worry:
        if at == 0:
            return Suggestion(Action.HOLD, current, f"{worry}, and this is already the gentlest dose: keep it easy.")
        return Suggestion(Action.STEP_BACK, rungs[at - 1], f"{worry}: one step easier.")
    caution = _caution(latest)
    if caution:
        return Suggestion(Action.HOLD, current, f"{caution}: stay at this dose for now.")
    ready = _ready(evidence)
    if ready:
        return Suggestion(Action.HOLD, current, ready)
    if at >= len(rungs) - 1:
        return Suggestion(Action.HOLD, current, "It goes well and this is the top of the ladder: keep it up.")
    last_up = accepted.last_up if accepted else None
    if last_up is not None and (today - last_up).days < WEEK_DAYS:
        days = (today - last_up).days
        when = "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"
        return Suggestion(Action.HOLD, current, f"It goes well, but the last step up was {when}: one a week at most.")
    return Suggestion(Action.PROGRESS, rungs[at + 1], "Two good sessions on different days with little pain.")


def _evidence(observations: Sequence[Observation], current: Dose, accepted: Accepted | None) -> list[Observation]:
    """The sessions that speak about ``current``: done at it (where known) and after it was accepted."""
    return [
        o
        for o in observations
        if (o.dose is None or same_dose(o.dose, current)) and (accepted is None or o.started_at >= accepted.at)
    ]


def _worry(o: Observation) -> str:
    if o.rating is Rating.PAINFUL:
        return "Rated painful last time"
    if o.hurt:
        return '"This hurts" was pressed on it last time'
    if o.pain is not None and o.pain > TOO_MUCH_PAIN:
        return f"Pain was {o.pain} out of 10 after the last session"
    if o.next_day is NextDay.WORSE:
        return "Your back was worse the day after the last session"
    return ""


def _caution(o: Observation) -> str:
    if o.pain is not None and o.pain > SAFE_PAIN:
        return f"Pain was {o.pain} out of 10 after the last session"
    if o.rating is Rating.HARD:
        return "Rated hard last time"
    return ""


def _ready(evidence: Sequence[Observation]) -> str:
    """Empty when the two latest completed sessions, on different days, allow a step up; else why not."""
    days: list[Observation] = []
    for o in evidence:
        if o.completed and all(d.local_date != o.local_date for d in days):
            days.append(o)
            if len(days) == 2:
                break
    if len(days) < 2:
        return "Not enough to go on yet: it takes two completed sessions on different days."
    if any(o.rating not in (Rating.EASY, Rating.RIGHT) for o in days):
        return "It needs rating easy or just right twice in a row to go up."
    if any(o.pain is None or o.pain > SAFE_PAIN for o in days):
        return "It needs pain of 3 or less after two sessions in a row to go up."
    if any(o.next_day is NextDay.WORSE for o in days):
        return "The day after was worse: stay at this dose for now."
    return ""
