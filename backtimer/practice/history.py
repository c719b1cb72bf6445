"""The person's history as a practice session uses it: opened at first need, its notices passed on."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from backtimer.core.settings import Settings, streak_rules
from backtimer.practice.ports import CoachRecords, DayStatus, Notify, Recorder

if TYPE_CHECKING:  # opened after the window's first paint: sqlite and the store are not needed before
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from backtimer.practice.notices import Notices
    from backtimer.storage.history import HistoryStore
    from backtimer.storage.records import SessionRecord


class StoredHistory:
    """Fills ``practice.ports.History`` from the SQLite store at ``path``."""

    def __init__(
        self, path: Path, notices: Notices, unsaved_places: Callable[[], Sequence[Path]] | None = None
    ) -> None:
        """``unsaved_places``: where a session the history cannot take is saved as a file (and looked for later);
        asked for when the history is first opened."""
        self.path = path
        self.notices = notices
        self._places = unsaved_places
        self._store: HistoryStore | None = None

    @cached_property
    def unsaved_places(self) -> list[Path]:
        return list(self._places()) if self._places is not None else []

    @property
    def store(self) -> HistoryStore:
        if self._store is None:
            from backtimer.storage.history import HistoryStore
            from backtimer.storage.rescue import find_unsaved, unsaved_hint

            self._store = HistoryStore(self.path)
            for text in [*self._store.notices, *map(unsaved_hint, find_unsaved(self.unsaved_places))]:
                self.notices.post(text[:1].upper() + text[1:])
        return self._store

    def refused(self) -> str | None:
        """Why nothing may be recorded (a history from a newer backtimer, only read), in one line, or None."""
        store = self.store
        return f"{store.path}: {store.refused}; nothing was started" if store.refused is not None else None

    def record(self, routine: str, level: str, speed: float, notify: Notify) -> Recorder:
        from backtimer.storage.recorder import SessionRecorder

        return SessionRecorder(self.store, routine, level, speed, notify, self.unsaved_places)

    @property
    def coach(self) -> CoachRecords:
        from backtimer.storage.coaching import CoachStore

        return CoachStore(self.store)

    def records(self) -> list[SessionRecord]:
        return self.store.sessions()

    def day_status(self, settings: Settings) -> DayStatus:
        summary = self.store.summary(streak_rules(settings))
        return DayStatus(summary.done_today, summary.current_streak, summary.weekly_goal, summary.this_week)

    def close(self) -> str | None:
        """Write what waits and close; a one-line problem when something could still not be saved."""
        if self._store is None:
            return None
        store, self._store = self._store, None
        saved = store.flush()
        problem = None if saved else f"{store.pending} change(s) to the history could not be saved to {store.path}"
        store.close()
        return problem
