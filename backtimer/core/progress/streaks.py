"""Streaks and weekly goals (docs/contract.md, "Streaks"): pure functions over local dates.

Rules, in one place:

- A day counts when at least one *completed* session falls on it. Stopped sessions never count.
- A session's day is the wall-clock time where it started (the offset stored with it), moved back by the day-start
  hour: with day-start 3, a session at 01:30 belongs to the day before. Dates are never recomputed in today's zone,
  so travel and DST cannot rewrite history.
- "Today" is the same shift applied to the wall clock now.
- The current streak runs back from today, or from yesterday while today is not done yet.
- A session dated tomorrow (done further east, then the person flew west) starts the streak from that day.
- Rest weekdays neither count nor break a streak (a session on a rest day is welcome but adds nothing).
- Weeks run Monday to Sunday. A week meets the goal when it has ``weekly_goal`` days with a completed session
  (a second session on the same day does not move the goal); the weekly streak follows the same "alive until the
  week ends" rule as the daily one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

ONE_DAY = timedelta(days=1)
ONE_WEEK = timedelta(days=7)


@dataclass(frozen=True)
class StreakRules:
    rest_weekdays: frozenset[int] = frozenset()  # 0 = Monday ... 6 = Sunday
    day_start_hour: int = 0  # 0..23
    weekly_goal: int = 3  # days with a completed session per week


@dataclass(frozen=True)
class Entry:
    """One session as streaks see it: where and when it started (local wall time there), and whether it counts."""

    local_start: datetime  # naive wall-clock time at the place the session started
    completed: bool


@dataclass(frozen=True)
class StreakSummary:
    today: date
    done_today: bool
    current_streak: int
    longest_streak: int
    weekly_goal: int
    this_week: int  # days done so far this week
    week_streak: int
    longest_week_streak: int
    last_session_date: date | None  # the latest day with any session, completed or not


def session_day(local_start: datetime, day_start_hour: int = 0) -> date:
    """The day a session counts for: its local start moved back by the day-start hour."""
    if day_start_hour:
        local_start -= timedelta(hours=day_start_hour)
    return local_start.date()  # the wall-clock date, whatever tzinfo says: never converted to another zone


def today(now_local: datetime, day_start_hour: int = 0) -> date:
    """Today as streaks see it: before the day-start hour it is still yesterday."""
    return session_day(now_local, day_start_hour)


def done_days(entries: Iterable[Entry], day_start_hour: int = 0) -> set[date]:
    """The days with at least one completed session."""
    return {session_day(e.local_start, day_start_hour) for e in entries if e.completed}


def current_streak(days: set[date], today_: date, rest_weekdays: frozenset[int] = frozenset()) -> int:
    """Done days running back from today (or yesterday while today is open), stepping over rest weekdays."""
    if not days or len(rest_weekdays) >= 7:
        return 0
    earliest = min(days)
    count = 0
    day = today_
    if day + ONE_DAY in days:
        day += ONE_DAY  # done "tomorrow": recorded further east before flying west; it still counts
    elif day not in days:
        day -= ONE_DAY  # today is not over: it cannot break the streak yet
    while day >= earliest:
        if day in days and day.weekday() not in rest_weekdays:
            count += 1
        elif day.weekday() not in rest_weekdays:
            break
        day -= ONE_DAY
    return count


def longest_streak(days: set[date], rest_weekdays: frozenset[int] = frozenset()) -> int:
    """The longest run of done days, where only rest weekdays may sit between two of them."""
    counted = sorted(d for d in days if d.weekday() not in rest_weekdays)
    best = run = 0
    previous: date | None = None
    for day in counted:
        run = run + 1 if previous is not None and _only_rest_between(previous, day, rest_weekdays) else 1
        best = max(best, run)
        previous = day
    return best


def _only_rest_between(first: date, second: date, rest_weekdays: frozenset[int]) -> bool:
    day = first + ONE_DAY
    while day < second:
        if day.weekday() not in rest_weekdays:
            return False
        day += ONE_DAY
    return True


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def days_per_week(days: Iterable[date]) -> dict[date, int]:
    """How many done days each week (keyed by its Monday) has."""
    counts: dict[date, int] = {}
    for day in days:
        monday = week_start(day)
        counts[monday] = counts.get(monday, 0) + 1
    return counts


def current_week_streak(weeks: dict[date, int], today_: date, goal: int) -> int:
    """Weeks in a row that met the goal, running back from this week (or last week while this one is open)."""
    if goal <= 0 or not weeks:
        return 0
    earliest = min(weeks)
    monday = week_start(today_)
    if weeks.get(monday, 0) < goal:
        monday -= ONE_WEEK
    count = 0
    while monday >= earliest and weeks.get(monday, 0) >= goal:
        count += 1
        monday -= ONE_WEEK
    return count


def longest_week_streak(weeks: dict[date, int], goal: int) -> int:
    met = sorted(monday for monday, n in weeks.items() if n >= goal) if goal > 0 else []
    best = run = 0
    previous: date | None = None
    for monday in met:
        run = run + 1 if previous is not None and monday - previous == ONE_WEEK else 1
        best = max(best, run)
        previous = monday
    return best


def summarize(entries: Iterable[Entry], rules: StreakRules, now_local: datetime) -> StreakSummary:
    """Everything the home screen, the history screen and ``backtimer stats`` show about streaks."""
    today_ = today(now_local, rules.day_start_hour)
    dated = [(session_day(e.local_start, rules.day_start_hour), e.completed) for e in entries]
    days = {day for day, completed in dated if completed}
    weeks = days_per_week(days)
    all_days = [day for day, _ in dated]
    return StreakSummary(
        today=today_,
        done_today=today_ in days,
        current_streak=current_streak(days, today_, rules.rest_weekdays),
        longest_streak=longest_streak(days, rules.rest_weekdays),
        weekly_goal=rules.weekly_goal,
        this_week=weeks.get(week_start(today_), 0),
        week_streak=current_week_streak(weeks, today_, rules.weekly_goal),
        longest_week_streak=longest_week_streak(weeks, rules.weekly_goal),
        last_session_date=max(all_days) if all_days else None,
    )
