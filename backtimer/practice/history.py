"""The person's history as a practice session uses it: opened at first need, its notices passed on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from backtimer.core.settings import Settings, streak_rules
from backtimer.practice.notices import Notices
from backtimer.practice.ports import CoachRecords, DayStatus, Notify, Recorder
from backtimer.storage.records import SessionRecord

if TYPE_CHECKING:  # opened after the window's first paint: sqlite and the store are not needed before
    from backtimer.storage.history import HistoryStore


class StoredHistory:
    """Fills ``practice.ports.History`` from the SQLite store at ``path``."""

    def __init__(self, path: Path, notices: Notices) -> None:
        self.path = path
        self.notices = notices
        self._store: HistoryStore | None = None

    @property
    def store(self) -> HistoryStore:
        if self._store is None:
            from backtimer.storage.history import HistoryStore

            self._store = HistoryStore(self.path)
            for text in self._store.notices:
                self.notices.post(text)
        return self._store

    def record(self, routine: str, level: str, speed: float, notify: Notify) -> Recorder:
        from backtimer.storage.recorder import SessionRecorder

        return SessionRecorder(self.store, routine, level, speed, notify)

    @property
    def coach(self) -> CoachRecords:
        from backtimer.storage.coaching import CoachStore

        return CoachStore(self.store)

    def records(self) -> list[SessionRecord]:
        return self.store.sessions()

    def day_status(self, settings: Settings) -> DayStatus:
        summary = self.store.summary(streak_rules(settings))
        return DayStatus(summary.done_today, summary.current_streak, summary.weekly_goal, summary.this_week)

    def close(self) -> bool:
        """Write what waits and close; True when nothing was left unsaved."""
        if self._store is None:
            return True
        saved = self._store.flush()
        self._store.close()
        self._store = None
        return saved
