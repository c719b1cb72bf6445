"""Reminder and nudge decisions, walked through with a given "now": no clock, no Qt."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from backtimer.desktop.reminders import BreakNudges, DailyReminder, parse_reminder_time

MONDAY = datetime(2026, 11, 23, 8, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18:30", time(18, 30)),
        (" 7:05 ", time(7, 5)),
        ("00:00", time(0, 0)),
        ("", None),
        ("24:00", None),
        ("18:60", None),
        ("six", None),
        ("18", None),
        ("-1:30", None),
    ],
)
def test_reading_the_time(text: str, expected: time | None) -> None:
    assert parse_reminder_time(text) == expected


def never_done() -> bool:
    return False


def test_off_by_default() -> None:
    reminder = DailyReminder(parse_reminder_time(""))
    assert not any(reminder.check(MONDAY + timedelta(minutes=m), done_today=never_done) for m in range(0, 1440, 10))


def test_once_a_day_at_or_after_the_time() -> None:
    reminder = DailyReminder(time(18, 0))
    midnight = MONDAY.replace(hour=0)
    shown = [m for m in range(0, 1440, 5) if reminder.check(midnight + timedelta(minutes=m), done_today=never_done)]
    assert shown == [18 * 60]
    assert reminder.check(MONDAY.replace(hour=18) + timedelta(days=1), done_today=never_done)  # and the next day


def test_not_when_today_is_done() -> None:
    reminder = DailyReminder(time(18, 0))
    assert not reminder.check(MONDAY.replace(hour=18), done_today=lambda: True)
    assert not reminder.check(MONDAY.replace(hour=19), done_today=never_done)  # the day's reminder is settled


def test_today_is_asked_only_when_it_matters() -> None:
    asked: list[int] = []

    def done() -> bool:
        asked.append(1)
        return False

    reminder = DailyReminder(time(18, 0))
    for hour in (9, 12, 17):
        reminder.check(MONDAY.replace(hour=hour), done_today=done)
    assert asked == []
    reminder.check(MONDAY.replace(hour=18), done_today=done)
    reminder.check(MONDAY.replace(hour=19), done_today=done)
    assert asked == [1]


def test_a_late_start_still_reminds_the_same_day() -> None:
    reminder = DailyReminder(time(9, 0))
    assert reminder.check(MONDAY.replace(hour=21), done_today=never_done)


def test_rest_days_are_left_alone() -> None:
    reminder = DailyReminder(time(18, 0), rest_weekdays=(0,))  # Monday
    assert not reminder.check(MONDAY.replace(hour=18), done_today=never_done)
    assert reminder.check(MONDAY.replace(hour=18) + timedelta(days=1), done_today=never_done)


def test_someone_looking_at_backtimer_needs_no_reminder() -> None:
    reminder = DailyReminder(time(18, 0))
    assert not reminder.check(MONDAY.replace(hour=18), done_today=never_done, looking=True)
    assert not reminder.check(MONDAY.replace(hour=20), done_today=never_done)


def test_nudges_come_every_n_minutes_of_use() -> None:
    nudges = BreakNudges(50)
    due = [t for t in range(0, 3 * 3600 + 1, 30) if nudges.check(float(t))]
    assert due == [50 * 60, 100 * 60, 150 * 60]


def test_nudges_off_by_default() -> None:
    nudges = BreakNudges(0)
    assert not any(nudges.check(float(t)) for t in range(0, 5 * 3600, 30))


def use(nudges: BreakNudges, start_min: float, end_min: float, **state: bool) -> list[float]:
    """Checks every half minute from start to end (minutes); the minutes at which a nudge came."""
    due, t = [], start_min * 60
    while t < end_min * 60:
        if nudges.check(t, **state):
            due.append(t / 60)
        t += 30
    return due


def test_a_session_or_a_break_starts_the_count_again() -> None:
    nudges = BreakNudges(30)
    assert use(nudges, 0, 20) == []
    assert use(nudges, 20, 25, in_session=True) == []  # exercising is a break from sitting
    assert use(nudges, 25, 60) == [54.5]  # 30 minutes after the last check in the session
    assert use(nudges, 60, 70, idle=True) == []  # the screen saver was on: away from the desk
    assert use(nudges, 70, 100) == [99.5]


def test_a_sleeping_computer_is_a_break() -> None:
    nudges = BreakNudges(30, gap_seconds=300)
    assert use(nudges, 0, 20) == []
    assert use(nudges, 45, 80) == [75.0]  # 25 minutes without a check: the machine slept
