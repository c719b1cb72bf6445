"""What the application layer needs from storage, as small typed seams the composition root fills in."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from backtimer.core.session.results import StepResult
from backtimer.core.settings import Settings

Notify = Callable[[str], None]  # one line for the person, shown without interrupting


class Recorder(Protocol):
    """Writes one session to history as it goes."""

    def steps_ended(self, results: Sequence[StepResult]) -> None: ...

    def session_ended(self, completed: bool) -> None: ...

    def rate(self, comfort: int | None, note: str) -> None: ...

    def flush(self) -> bool:
        """Write what waits; True when everything of this session is saved."""
        ...


@dataclass(frozen=True)
class DayStatus:
    """Today's state and the streak, as home and the summary show them."""

    done_today: bool
    current_streak: int
    weekly_goal: int | None = None
    this_week: int | None = None


class History(Protocol):
    """The person's history, as a practice session uses it."""

    def record(self, routine: str, level: str, speed: float, notify: Notify) -> Recorder:
        """Open the record of a new session (storage trouble goes to ``notify``, the session goes on)."""
        ...

    def day_status(self, settings: Settings) -> DayStatus: ...
