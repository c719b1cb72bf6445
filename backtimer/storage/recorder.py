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
    one-line notice (once per kind of trouble). When the session ends and the history still cannot take it, it is
    saved as an import-ready file in the first of ``places`` that takes it (``rescued``), and ``notify`` names it.
    """

    def __init__(
        self,
        store: HistoryStore,
        routine: str,
        level: str,
        speed: float = 1.0,
        notify: Callable[[str], None] | None = None,
        places: Sequence[Path] = (),
    ) -> None:
        self.store = store
        self._notify = notify
        self._places = list(places)
        self._told = len(store.notices)
        self._seq = 0
        self.rescued: Path | None = None  # the file this session went to when the history could not take it
        self.lost: str | None = None  # why it could not be saved anywhere at all
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

    @property
    def saved(self) -> bool:
        """Whether the whole session reached the history (False once it had to go to a file, or nowhere)."""
        return self.rescued is None and self.lost is None

    def steps_ended(self, results: Sequence[StepResult]) -> None:
        for result in results:
            self.store.add_step(self.session_id, self._seq, result)
            self._seq += 1
        self._pass_notices()

    def session_ended(self, completed: bool) -> None:
        self.store.finish(self.session_id, completed)
        self._pass_notices()
        self._rescue_if_needed(tell=True)

    def flush(self) -> bool:
        """Retry what waits; True when all of this session is saved."""
        saved = self.store.flush()
        self._pass_notices()
        return saved

    def rate(self, comfort: int | None, note: str, pain: int | None = None) -> None:
        self.store.rate(self.session_id, comfort, note, pain)
        self._pass_notices()
        if self.rescued is not None:
            self._rescue_if_needed(tell=False)  # the saved file gets the rating too

    def planned(self, doses: Mapping[str, Dose]) -> None:
        CoachStore(self.store).plan_doses(self.session_id, doses)
        self._pass_notices()

    def rate_exercise(self, exercise: str, rating: str | None) -> None:
        CoachStore(self.store).rate_exercise(self.session_id, exercise, rating)
        self._pass_notices()
        if self.rescued is not None:
            self._rescue_if_needed(tell=False)  # the saved file gets the rating too

    def _rescue_if_needed(self, *, tell: bool) -> None:
        if self.store.flush():
            return
        from backtimer.storage.rescue import save_unsaved

        records = [r for r in self.store.unsaved() if r.id == self.session_id]
        if not records:
            return
        try:
            self.rescued = save_unsaved(records, self._places)
        except OSError as err:
            self.lost = err.strerror or str(err)
            if tell and self._notify is not None:
                self._notify(f"This session could not be saved anywhere ({self.lost}).")
            return
        if tell and self._notify is not None:
            self._notify(
                f"The history could not be written: this session was saved to {self.rescued}"
                f" (backtimer import {self.rescued} adds it later)."
            )

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
