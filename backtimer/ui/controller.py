"""The one timer: wakes when the run's next event is due, ticks it, and hands the snapshot to the player."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from backtimer.core.session.machine import Session
from backtimer.core.session.snapshot import Snapshot, State, Tick
from backtimer.practice.run import ENDED, PracticeRun
from backtimer.ui.feedback_parts import HURTS_OFFER
from backtimer.ui.player import PlayerView

ANIMATING_MS = 33  # a figure on screen moving through paced reps: about 30 frames a second
IDLE_MS = 60_000  # paused: nothing happens by itself, wake now and then all the same
AWAKE_MS = 1000  # running with nothing due for a while (reps at one's own pace): still look each second, so that a
# gap between two looks means the computer slept (the session then pauses instead of skipping work)
LATE_MS = 5  # wake this long after an event is due, so that it has surely passed


class SessionController(QObject):
    """Qt's side of a practice run: its only timer, and the player's intents passed on. Widgets keep no time."""

    ended = Signal()  # the session finished or was stopped
    state_changed = Signal()  # running, paused, ended...

    def __init__(self, run: PracticeRun, view: PlayerView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.run = run
        self.view = view
        self.last: Snapshot | None = None
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setSingleShot(True)  # each wake-up sets the next one: the moment something next changes
        self.timer.timeout.connect(self.poll)
        run.on_state(lambda _state: self.state_changed.emit())
        view.set_plan(run.plan)
        view.rated.connect(self.rate_exercise)

    @property
    def session(self) -> Session:
        return self.run.session

    @property
    def ended_at(self) -> float | None:
        return self.run.ended_at

    def start(self) -> None:
        self._show(self.run.begin())

    def poll(self) -> Snapshot:
        """Advance the run to now and show it."""
        return self._show(self.run.tick())

    def _show(self, tick: Tick) -> Snapshot:
        snap = tick.snapshot
        self.last = snap
        if snap.state in ENDED:
            self.timer.stop()
            self.ended.emit()
        else:
            self.view.show_snapshot(snap)
            asked = self.run.asking(snap)
            self.view.ask_rating(asked.id if asked else None, asked.name if asked else "")
            self.view.offer_help(self.run.hurts >= HURTS_OFFER)
            self._pace(snap)
        return snap

    def rate_exercise(self, exercise: str, rating: str) -> None:
        """A key 1-4 (or a click) after an exercise: kept with the session, and the question goes."""
        self.run.rate_exercise(exercise, rating)
        if self.last is not None and not self.run.ended:
            self.view.ask_rating(None)

    def _pace(self, snap: Snapshot) -> None:
        """Sleep until the run's next event; while a figure moves through reps, wake for its frames too."""
        longest = AWAKE_MS if self.run.session.active else IDLE_MS
        left = self.run.seconds_to_next_event()
        interval = longest if left is None else min(math.ceil(left * 1000) + LATE_MS, longest)
        if self._animating(snap):
            interval = min(interval, ANIMATING_MS)
        self.timer.start(interval)

    def _animating(self, snap: Snapshot) -> bool:
        figure = self.view.figure.figure
        visible = figure is not None and figure.isVisible()
        return visible and snap.state is State.RUNNING and snap.rep is not None and not snap.self_paced

    # ----- intents ---------------------------------------------------------------------------------------------
    def toggle(self) -> None:
        self._act(self.run.toggle)

    def next(self) -> None:
        self._act(self.run.next)

    def previous(self) -> None:
        self._act(self.run.previous)

    def done(self) -> None:
        self._act(self.run.done)

    def hurt(self) -> None:
        self._act(self.run.hurt)

    def skip_exercise(self) -> None:
        self._act(self.run.skip_exercise)

    def carry_on(self) -> None:
        self._act(self.run.resume)

    def use_easier(self) -> None:
        if self.run.ended:
            return
        tick = self.run.use_easier()
        self.view.set_plan(self.run.plan)  # the easier plan, before its first snapshot is drawn
        self._show(tick)

    def stop(self) -> None:
        self._act(self.run.stop)

    def toggle_mute(self) -> None:
        self.view.set_muted(self.run.toggle_mute())

    def _act(self, intent: Callable[[], Tick]) -> None:
        if self.run.ended:
            return
        self._show(intent())

    def shutdown(self) -> None:
        """The window is closing mid-session: record it as stopped."""
        if not self.run.ended:
            self.stop()
        self.timer.stop()
