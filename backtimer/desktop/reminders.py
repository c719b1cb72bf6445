"""When to remind: the daily "today's routine is still to do" and the optional movement-break nudge.

Pure logic, no Qt and no clock of its own: every decision takes ``now`` (and what the caller knows about today), so
tests walk through a whole day in microseconds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

REMINDER_TITLE = "Time for your back routine"
REMINDER_TEXT = "Today's session is still to do. A few gentle minutes keep your streak going."
NUDGE_TITLE = "Time to move"
NUDGE_TEXT = "You have been sitting a while: stand up, walk a few steps and let your back stretch."


def parse_reminder_time(text: str) -> time | None:
    """``"HH:MM"`` (24-hour) to a time; empty or unreadable means the reminder is off."""
    hours, sep, minutes = text.strip().partition(":")
    if not sep or not hours.isdigit() or not minutes.isdigit():
        return None
    h, m = int(hours), int(minutes)
    return time(h, m) if 0 <= h < 24 and 0 <= m < 60 else None


class DailyReminder:
    """Shows at most once a day, at or after the chosen time, and only while today is not done.

    A day that is a rest weekday is never reminded. If the person already has backtimer in front of them when the
    time comes, the reminder counts as given: they are looking at it anyway.
    """

    def __init__(self, at: time | None, rest_weekdays: tuple[int, ...] = ()) -> None:
        self.at = at
        self.rest_weekdays = rest_weekdays
        self.last_given: date | None = None

    def check(self, now: datetime, *, done_today: Callable[[], bool], looking: bool = False) -> bool:
        """True when the reminder should show now. ``done_today`` is asked only when the answer matters."""
        if self.at is None or now.time() < self.at or self.last_given == now.date():
            return False
        if now.weekday() in self.rest_weekdays:
            return False
        if looking or done_today():
            self.last_given = now.date()
            return False
        self.last_given = now.date()
        return True


class BreakNudges:
    """A nudge to get up after ``every_minutes`` of computer use; 0 turns it off.

    Use counts from the last nudge, session or break. The person is taken to have had a break when the screen saver
    was on (``idle``), a session was on, or the checks themselves stopped for longer than ``gap_seconds`` (the
    computer slept).
    """

    def __init__(self, every_minutes: int, gap_seconds: float = 300.0) -> None:
        self.every_minutes = max(0, every_minutes)
        self.gap_seconds = gap_seconds
        self._since: float | None = None  # when the current stretch of use began
        self._last_check: float | None = None

    def check(self, now: float, *, idle: bool = False, in_session: bool = False) -> bool:
        """``now`` in seconds on any clock that keeps running while the computer is awake."""
        slept = self._last_check is not None and now - self._last_check > self.gap_seconds
        self._last_check = now
        if self.every_minutes == 0 or idle or in_session or slept or self._since is None:
            self._since = now
            return False
        if now - self._since >= self.every_minutes * 60:
            self._since = now
            return True
        return False
