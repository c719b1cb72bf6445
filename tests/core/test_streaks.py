"""Streak rules (docs/contract.md) over stored local times: travel, DST, midnight, day-start hours, rest days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from backtimer.core.progress.streaks import (
    Entry,
    StreakRules,
    current_streak,
    done_days,
    longest_streak,
    session_day,
    summarize,
    today,
)

MON = date(2025, 3, 3)  # a Monday


def at(day: date, hour: int = 8, minute: int = 0) -> Entry:
    return Entry(datetime(day.year, day.month, day.day, hour, minute), True)


def days_back(n: int, start: date) -> list[Entry]:
    return [at(start - timedelta(days=i)) for i in range(n)]


def test_empty_history() -> None:
    s = summarize([], StreakRules(), datetime(2025, 3, 3, 9))
    assert (s.current_streak, s.longest_streak, s.done_today, s.this_week, s.week_streak) == (0, 0, False, 0, 0)
    assert s.last_session_date is None


def test_streak_is_alive_until_today_ends() -> None:
    entries = days_back(5, MON - timedelta(days=1))  # done up to yesterday
    s = summarize(entries, StreakRules(), datetime(2025, 3, 3, 23, 59))
    assert (s.current_streak, s.done_today) == (5, False)
    s = summarize([*entries, at(MON, 20)], StreakRules(), datetime(2025, 3, 3, 23, 59))
    assert (s.current_streak, s.done_today) == (6, True)
    s = summarize(entries, StreakRules(), datetime(2025, 3, 4, 0, 1))  # a whole day missed
    assert (s.current_streak, s.longest_streak) == (0, 5)


def test_stopped_sessions_do_not_count() -> None:
    entries = [at(MON), Entry(datetime(2025, 3, 2, 8), False), at(MON - timedelta(days=2))]
    s = summarize(entries, StreakRules(), datetime(2025, 3, 3, 12))
    assert (s.current_streak, s.longest_streak, s.last_session_date) == (1, 1, MON)


def test_two_sessions_a_day_count_once() -> None:
    entries = [at(MON, 7), at(MON, 21), at(MON - timedelta(days=1))]
    assert summarize(entries, StreakRules(), datetime(2025, 3, 3, 22)).current_streak == 2


def test_session_over_midnight_counts_for_the_day_it_started() -> None:
    late = Entry(datetime(2025, 3, 2, 23, 50), True)  # ends 00:20 on the 3rd
    assert session_day(late.local_start) == date(2025, 3, 2)
    s = summarize([late], StreakRules(), datetime(2025, 3, 3, 0, 30))
    assert (s.done_today, s.current_streak) == (False, 1)


def test_day_start_hour_moves_early_sessions_to_the_day_before() -> None:
    rules = StreakRules(day_start_hour=3)
    night = Entry(datetime(2025, 3, 4, 1, 30), True)
    assert session_day(night.local_start, 3) == date(2025, 3, 3)
    assert today(datetime(2025, 3, 4, 2, 59), 3) == date(2025, 3, 3)
    s = summarize([at(MON, 9), night], rules, datetime(2025, 3, 4, 2))
    assert (s.done_today, s.current_streak) == (True, 1)  # both on Monday
    s = summarize([at(MON - timedelta(days=1), 22), night], rules, datetime(2025, 3, 4, 10))
    assert (s.done_today, s.current_streak) == (False, 2)  # Sunday, Monday (at 01:30 Tuesday); Tuesday open


def test_rest_weekdays_neither_count_nor_break() -> None:
    rest = frozenset({5, 6})  # weekends
    fri, sat, mon = MON - timedelta(days=3), MON - timedelta(days=2), MON
    days = {fri - timedelta(days=1), fri, mon}
    assert current_streak(days, mon, rest) == 3
    assert current_streak(days | {sat}, mon, rest) == 3  # a session on a rest day adds nothing
    assert longest_streak(days | {sat}, rest) == 3
    assert current_streak(days, mon, frozenset()) == 1
    assert current_streak({fri}, mon + timedelta(days=1), rest) == 0  # Monday missed: broken
    assert current_streak({fri}, mon, rest) == 1  # Monday still open


def test_today_as_a_rest_day_keeps_the_streak() -> None:
    sat = MON - timedelta(days=2)
    assert current_streak({sat - timedelta(days=1)}, sat, frozenset({5})) == 1


def test_every_day_a_rest_day_is_no_streak_and_no_hang() -> None:
    assert current_streak({MON}, MON, frozenset(range(7))) == 0


def test_dst_spring_forward_and_fall_back_keep_the_stored_dates() -> None:
    paris = ZoneInfo("Europe/Paris")
    # Sessions at 07:30 local every day across both 2025 changes (30 March, 26 October).
    for change in (date(2025, 3, 30), date(2025, 10, 26)):
        stamps = [datetime.combine(change + timedelta(days=d), datetime.min.time(), paris) for d in range(-3, 4)]
        entries = [Entry((s + timedelta(hours=7, minutes=30)).replace(tzinfo=None), True) for s in stamps]
        assert len(done_days(entries)) == 7
        s = summarize(entries, StreakRules(), datetime.combine(change + timedelta(days=3), datetime.min.time()))
        assert s.current_streak == 7
    # 00:30 right after a fall-back hour still belongs to the new day, and 23:30 to the old one.
    assert session_day(datetime(2025, 10, 26, 0, 30)) == date(2025, 10, 26)
    assert session_day(datetime(2025, 10, 25, 23, 30)) == date(2025, 10, 25)


def _wall(utc: datetime, hours: float) -> Entry:
    return Entry((utc + timedelta(hours=hours)).replace(tzinfo=None), True)


def test_travel_east_and_west_never_rewrites_history() -> None:
    # Home in New York (-5) at 20:00 local, then Tokyo (+9) at 07:00 local, then back.
    utc = UTC
    ny = [_wall(datetime(2025, 3, d, 1, tzinfo=utc), -5) for d in (2, 3, 4)]  # 20:00 on 1, 2, 3 March
    tokyo = [_wall(datetime(2025, 3, d, 22, tzinfo=utc), 9) for d in (4, 5)]  # 07:00 on 5, 6 March
    days = sorted(done_days([*ny, *tokyo]))
    assert days == [date(2025, 3, d) for d in (1, 2, 3, 5, 6)]  # the 4th was spent in the air
    assert current_streak(set(days), date(2025, 3, 6)) == 2
    assert longest_streak(set(days)) == 3


def test_a_session_dated_tomorrow_after_flying_west_still_counts() -> None:
    # Done in Tokyo on the 11th, now in Los Angeles where it is still the 10th.
    days = {date(2025, 3, 9), date(2025, 3, 10), date(2025, 3, 11)}
    assert current_streak(days, date(2025, 3, 10)) == 3


def test_weekly_goal_and_its_streak() -> None:
    rules = StreakRules(weekly_goal=2)
    weeks = [MON - timedelta(weeks=w) for w in range(1, 4)]  # three past weeks with two sessions each
    entries = [at(m + timedelta(days=d)) for m in weeks for d in (0, 2)]
    s = summarize(entries, rules, datetime(2025, 3, 4, 9))
    assert (s.this_week, s.week_streak, s.longest_week_streak) == (0, 3, 3)  # this week still open
    s = summarize([*entries, at(MON), at(MON, 20)], rules, datetime(2025, 3, 4, 9))
    assert s.this_week == 1  # two sessions on one day are one day toward the goal
    s = summarize([*entries, at(MON), at(MON + timedelta(days=1))], rules, datetime(2025, 3, 4, 9))
    assert (s.this_week, s.week_streak) == (2, 4)
    s = summarize(entries, rules, datetime(2025, 3, 11, 9))  # last week missed
    assert (s.week_streak, s.longest_week_streak) == (0, 3)


def test_longest_streak_over_gaps() -> None:
    days = {MON + timedelta(days=i) for i in (0, 1, 2, 4, 5, 6, 7, 9)}
    assert longest_streak(days) == 4
    assert longest_streak(set()) == 0
