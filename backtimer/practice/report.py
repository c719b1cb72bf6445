"""What the physiotherapist's report shows, worked out from the history (the PDF itself is drawn in ui/report_pdf.py).

Sessions per week against the goal, the pain after each session (and the older comfort ratings), each exercise's
dose and ratings week by week, the "This hurts" events, the next-day answers and the notes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from backtimer.core.progress.phrases import dose_text
from backtimer.practice.coaching import Advice, Coaching

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from backtimer.core.content.model import Dose, Level, Routine, Sides
    from backtimer.practice.ports import History
    from backtimer.storage.records import SessionRecord

MAX_COLUMNS = 8  # the exercise table: at most this many periods across the page
MAX_EVENTS = 14  # hurt events and notes listed (the newest)
RATING_LETTERS = {"easy": "E", "right": "R", "hard": "H", "painful": "P"}


@dataclass(frozen=True)
class Cell:
    dose: str  # e.g. "2x10", or "" when not done in that period
    ratings: str  # how many of each rating, e.g. "1E 4R"


@dataclass(frozen=True)
class ExerciseRow:
    name: str
    cells: tuple[Cell, ...]
    now: str  # the dose now, in words
    advice: str  # the coach's line, e.g. "Ready for more: Bird-dog 10 → 11 reps a side"


@dataclass(frozen=True)
class ReportData:
    start: date
    end: date
    weekly_goal: int
    weeks: tuple[tuple[date, int], ...]  # (Monday, completed sessions)
    pain: tuple[tuple[date, int], ...]  # oldest first
    comfort: tuple[tuple[date, int], ...]  # the older scale, for sessions before pain was asked
    periods: tuple[tuple[date, date], ...]  # the exercise table's columns
    exercises: tuple[ExerciseRow, ...]
    hurts: tuple[tuple[date, str], ...]  # (day, exercise name), newest first
    notes: tuple[tuple[date, str], ...]  # newest first
    next_day: tuple[int, int, int]  # better, same, worse
    sessions: int
    completed: int
    minutes: float
    routine: str = ""  # the routine the "now" column is about, e.g. "Lower-back routine, standard"


@dataclass(frozen=True)
class Current:
    """One exercise as it stands now, for the table's last two columns."""

    exercise: str
    name: str
    sides: Sides
    dose: Dose
    advice: str


def build_report(
    records: Sequence[SessionRecord],
    today: date,
    weeks: int,
    weekly_goal: int,
    current: Sequence[Current],
    names: Mapping[str, str],
    routine: str = "",
) -> ReportData:
    """The report of the ``weeks`` weeks up to ``today`` (the week of today included); ``records`` newest first."""
    first_monday = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    real = (r for r in records if not r.demo)  # sped-up demo runs are not practice: not shown to a physiotherapist
    chosen = sorted((r for r in real if first_monday <= r.local_date <= today), key=lambda r: r.started_at)
    mondays = [first_monday + timedelta(weeks=n) for n in range(weeks)]
    per_week = {m: len({r.local_date for r in chosen if r.completed and _monday(r.local_date) == m}) for m in mondays}
    periods = _periods(mondays, today)
    known = {c.exercise for c in current} | {t.exercise for r in chosen for t in r.exercises}
    rows = [_row(c.name, c.exercise, chosen, periods, dose_text(c.dose, c.sides), c.advice) for c in current]
    rows += [_row(names.get(e, e), e, chosen, periods, "", "") for e in sorted(known - {c.exercise for c in current})]
    hurts = [(r.local_date, names.get(t.exercise, t.exercise)) for r in chosen for t in r.exercises if t.hurt]
    answers = [r.next_day for r in chosen]
    return ReportData(
        start=first_monday,
        end=today,
        weekly_goal=weekly_goal,
        weeks=tuple(per_week.items()),
        pain=tuple((r.local_date, r.pain) for r in chosen if r.pain is not None),
        comfort=tuple((r.local_date, r.comfort) for r in chosen if r.comfort is not None),
        periods=tuple(periods),
        exercises=tuple(rows),
        hurts=tuple(list(dict.fromkeys(reversed(hurts)))[:MAX_EVENTS]),
        notes=tuple((r.local_date, r.note) for r in reversed(chosen) if r.note)[:MAX_EVENTS],
        next_day=(answers.count("better"), answers.count("same"), answers.count("worse")),
        sessions=len(chosen),
        completed=sum(r.completed for r in chosen),
        minutes=sum(r.seconds for r in chosen) / 60,
        routine=routine,
    )


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _periods(mondays: list[date], today: date) -> list[tuple[date, date]]:
    """The weeks grouped into at most MAX_COLUMNS runs of equal length (the last one may be shorter)."""
    size = -(-len(mondays) // MAX_COLUMNS)
    groups = [mondays[i : i + size] for i in range(0, len(mondays), size)]
    return [(g[0], min(g[-1] + timedelta(days=6), today)) for g in groups]


def _row(
    name: str,
    exercise: str,
    records: Sequence[SessionRecord],
    periods: Sequence[tuple[date, date]],
    now: str,
    advice: str,
) -> ExerciseRow:
    cells = []
    for start, end in periods:
        done = [r for r in records if start <= r.local_date <= end and any(t.exercise == exercise for t in r.exercises)]
        feedback = [f for r in done if (f := r.feedback_of(exercise)) is not None]
        doses = [f.dose for f in feedback if f.dose is not None]
        given = [RATING_LETTERS[f.rating] for f in feedback if f.rating]
        counts = " ".join(f"{given.count(letter)}{letter}" for letter in "ERHP" if letter in given)
        cells.append(Cell(_short(doses[-1]) if doses else ("done" if done else ""), counts))
    return ExerciseRow(name, tuple(cells), now, advice)


def _short(dose: Dose) -> str:
    """E.g. 2x10, 1x7·7s, 2x20s."""
    if dose.reps is None:
        return f"{dose.sets}x{dose.hold or 0:g}s"
    hold = f"·{dose.hold:g}s" if dose.hold is not None else ""
    return f"{dose.sets}x{dose.reps}{hold}"


def current_of(advice: Sequence[Advice]) -> list[Current]:
    """The table's "now" column from the coach's advice for the routine practised last."""
    return [
        Current(a.exercise.id, a.exercise.name, a.exercise.sides, a.dose, f"{a.line}. {a.suggestion.reason}")
        for a in advice
    ]


def report_for(
    history: History, routine: Routine, level: Level, weekly_goal: int, names: Mapping[str, str], weeks: int = 8
) -> ReportData:
    """The report of the last ``weeks`` weeks, its "now" column about ``routine`` as the person does it."""
    coaching = Coaching(history)
    advice = coaching.advice(routine, level)
    today = history.coach.today()
    about = f"{routine.title}, {level.value}"
    return build_report(history.records(), today, weeks, weekly_goal, current_of(advice), names, about)
