"""Records one running session into history as it goes: the bridge the window and ``backtimer run`` share."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from backtimer.core.content.model import Dose
from backtimer.core.session.machine import Session
from backtimer.core.session.results import StepResult
from backtimer.core.session.snapshot import Tick
from backtimer.storage.coaching import CoachStore
from backtimer.storage.history import HistoryStore


class SessionRecorder:
    """Opens the record at once, writes each finished step, and closes it as completed or stopped.

    Storage trouble never stops the session: the store queues what it could not write and ``notify`` gets its
    one-line notice (once per kind of trouble).
    """

    def __init__(
        self,
        store: HistoryStore,
        routine: str,
        level: str,
        speed: float = 1.0,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        self.store = store
        self._notify = notify
        self._told = len(store.notices)
        self._seq = 0
        self.session_id = store.begin(routine, level, speed, zone=local_zone_name())
        self._pass_notices()

    def on_tick(self, tick: Tick) -> None:
        if tick.results:
            self.steps_ended(tick.results)

    def tee(self, on_tick: Callable[[Tick], None]) -> Callable[[Tick], None]:
        """Record each tick's finished steps first, then hand the tick on (e.g. to the terminal's cue printer)."""

        def both(tick: Tick) -> None:
            self.on_tick(tick)
            on_tick(tick)

        return both

    def end(self, session: Session, now: float) -> bool:
        """Collect the step a stop cut short, close the record, retry what waits; True when all of it is saved."""
        self.on_tick(session.tick(now))
        self.session_ended(session.completed)
        return self.store.flush()

    def steps_ended(self, results: Sequence[StepResult]) -> None:
        for result in results:
            self.store.add_step(self.session_id, self._seq, result)
            self._seq += 1
        self._pass_notices()

    def session_ended(self, completed: bool) -> None:
        self.store.finish(self.session_id, completed)
        self._pass_notices()

    def flush(self) -> bool:
        """Retry what waits; True when all of this session is saved."""
        saved = self.store.flush()
        self._pass_notices()
        return saved

    def rate(self, comfort: int | None, note: str, pain: int | None = None) -> None:
        self.store.rate(self.session_id, comfort, note, pain)
        self._pass_notices()

    def planned(self, doses: Mapping[str, Dose]) -> None:
        CoachStore(self.store).plan_doses(self.session_id, doses)
        self._pass_notices()

    def rate_exercise(self, exercise: str, rating: str | None) -> None:
        CoachStore(self.store).rate_exercise(self.session_id, exercise, rating)
        self._pass_notices()

    def _pass_notices(self) -> None:
        for text in self.store.notices[self._told :]:
            if self._notify is not None:
                self._notify(text)
        self._told = len(self.store.notices)


def local_zone_name() -> str | None:
    """The IANA name of the local time zone where it can be known without extra packages, else None."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if "/" in tz and not tz.startswith("/"):
        return tz
    try:
        target = Path(tz or "/etc/localtime").resolve(strict=True)
    except OSError:
        return None
    parts = target.parts
    if "zoneinfo" in parts:
        name = "/".join(parts[parts.index("zoneinfo") + 1 :])
        return name.removeprefix("posix/").removeprefix("right/") or None
    return None
