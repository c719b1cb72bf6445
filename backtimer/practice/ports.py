"""What the application layer needs from storage, as small typed seams the composition root fills in."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from datetime import date, datetime

    from backtimer.core.content.model import Dose
    from backtimer.core.progress.coach import Accepted, NextDayQuestion, Observation
    from backtimer.core.session.results import StepResult
    from backtimer.core.settings import Settings
    from backtimer.storage.records import SessionRecord

Notify = Callable[[str], None]  # one line for the person, shown without interrupting


class Recorder(Protocol):
    """Writes one session to history as it goes."""

    def steps_ended(self, results: Sequence[StepResult]) -> None: ...

    def session_ended(self, completed: bool) -> None: ...

    def planned(self, doses: Mapping[str, Dose]) -> None:
        """The dose each exercise is planned at (kept with the session for the coach and the report)."""
        ...

    def rate_exercise(self, exercise: str, rating: str | None) -> None:
        """easy | right | hard | painful, or None (no answer)."""
        ...

    def rate(self, comfort: int | None, note: str, pain: int | None = None) -> None: ...

    def flush(self) -> bool:
        """Write what waits; True when everything of this session is in the history now."""
        ...

    @property
    def saved(self) -> bool:
        """Whether the whole session reached the history (False once it had to go to a file, or nowhere)."""
        ...


@dataclass(frozen=True)
class DayStatus:
    """Today's state and the streak, as home and the summary show them."""

    done_today: bool
    current_streak: int
    weekly_goal: int | None = None
    this_week: int | None = None


class CoachRecords(Protocol):
    """What the progression coach reads and keeps: accepted doses, what the sessions said, the next-day answer."""

    def today(self) -> date: ...

    def accepted(self, routine: str) -> dict[str, Accepted]: ...

    def accept(self, routine: str, exercise: str, dose: Dose, *, up: bool) -> None: ...

    def reset(self, routine: str) -> None: ...

    def observations(
        self, routine: str, current: Mapping[str, Dose], since: Mapping[str, datetime]
    ) -> dict[str, list[Observation]]: ...

    def awaiting_next_day(self, today: date) -> NextDayQuestion | None: ...

    def answer_next_day(self, session_id: str, answer: str) -> None: ...

    def asked_next_day(self, session_id: str) -> None: ...


class History(Protocol):
    """The person's history, as a practice session uses it."""

    def record(self, routine: str, level: str, speed: float, notify: Notify) -> Recorder:
        """Open the record of a new session (storage trouble goes to ``notify``, the session goes on)."""
        ...

    def day_status(self, settings: Settings) -> DayStatus: ...

    @property
    def coach(self) -> CoachRecords: ...

    def records(self) -> list[SessionRecord]:
        """Every session, newest first, with its exercises (for the report)."""
        ...
