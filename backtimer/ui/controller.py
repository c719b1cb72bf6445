"""The one timer: polls the session on the injected clock and hands what happened to the view, speaker and store."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from backtimer.clock import Clock
from backtimer.core.session.machine import Session
from backtimer.core.session.snapshot import Snapshot, State, Tick
from backtimer.speech.speaker import Speaker
from backtimer.ui.player import PlayerView
from backtimer.ui.ports import Recorder

ANIMATING_MS = 33  # a figure on screen moving through paced reps: about 30 frames a second
IDLE_MS = 250  # paused or waiting for "Done": nothing moves, so poll gently
LATE_MS = 15  # wake this long after a whole second or a cue is due, so it has surely passed


class SessionController(QObject):
    """Owns the session's only timer. Widgets keep no time; they are handed snapshots."""

    ended = Signal()  # the session finished or was stopped

    def __init__(
        self,
        session: Session,
        clock: Clock,
        speaker: Speaker,
        view: PlayerView,
        recorder: Recorder | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.clock = clock
        self.speaker = speaker
        self.view = view
        self.recorder = recorder
        self.muted = False
        self.started_at = 0.0
        self.ended_at: float | None = None
        self.last: Snapshot | None = None
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setSingleShot(True)  # each poll sets the next wake-up: the moment something next changes
        self.timer.timeout.connect(self.poll)
        view.set_plan(session.plan)

    def start(self) -> None:
        # The window asked the speaker for this routine's clips before building the plan (Services.prepare_voice).
        self.started_at = self.clock.now()
        self.session.start(self.started_at)
        self.poll()

    @property
    def seconds_taken(self) -> float:
        """Real time from start to end (or to now), pauses included."""
        end = self.ended_at if self.ended_at is not None else self.clock.now()
        return max(end - self.started_at, 0.0)

    def poll(self) -> Snapshot:
        """Advance the session to now and pass on the snapshot, the due cues and the finished steps."""
        now = self.clock.now()
        tick = self.session.tick(now)
        self._deliver(tick, now)
        snap = tick.snapshot
        self.last = snap
        if snap.state in (State.FINISHED, State.STOPPED):
            self._end(snap)
        else:
            self.view.show_snapshot(snap)
            self._pace(snap)
        return snap

    def _deliver(self, tick: Tick, now: float) -> None:
        for due in tick.cues:
            self.speaker.play(due, now)
        if tick.results and self.recorder is not None:
            self.recorder.steps_ended(tick.results)

    def _pace(self, snap: Snapshot) -> None:
        """Wake at the next moment the screen or the speaker has something new, and not before."""
        figure = self.view.figure.figure
        if not snap.active or snap.self_paced:
            interval = IDLE_MS
        elif figure is not None and figure.isVisible() and snap.rep is not None and snap.get_ready_left is None:
            interval = ANIMATING_MS
        else:
            interval = min(max(round(self._next_change(snap) * 1000) + LATE_MS, LATE_MS), IDLE_MS)
        self.timer.start(interval)

    def _next_change(self, snap: Snapshot) -> float:
        """Seconds until the countdown shows a new number or the next cue falls due."""
        left = snap.get_ready_left if snap.get_ready_left is not None else snap.seconds_left
        wait = IDLE_MS / 1000
        if left is not None:
            wait = min(wait, left - math.floor(left - 1e-6))  # to the next whole second
        if snap.get_ready_left is None:
            step = self.session.plan.steps[snap.step_index]
            wait = min([wait, *(c.at - snap.step_elapsed for c in step.cues if c.at > snap.step_elapsed)])
        return wait

    def _end(self, snap: Snapshot) -> None:
        if self.ended_at is not None:
            return
        self.timer.stop()
        self.ended_at = self.clock.now()
        if self.recorder is not None:
            self.recorder.session_ended(self.session.completed)
        self.ended.emit()

    # ----- intents: each tells the session, hushes stale speech where the moment changed, and redraws at once ---
    def toggle(self) -> None:
        self._act(self.session.toggle, hush=True)

    def next(self) -> None:
        self._act(self.session.next, hush=True)

    def previous(self) -> None:
        self._act(self.session.previous, hush=True)

    def done(self) -> None:
        self._act(self.session.done, hush=True)

    def hurt(self) -> None:
        self._act(self.session.hurt, hush=True)

    def skip_exercise(self) -> None:
        self._act(self.session.skip_exercise, hush=True)

    def carry_on(self) -> None:
        self._act(self.session.resume, hush=True)

    def use_easier(self) -> None:
        def easier(now: float) -> None:
            self.session.use_easier(now)
            self.view.set_plan(self.session.plan)  # before the poll draws a snapshot of the new plan

        self._act(easier, hush=True)

    def stop(self) -> None:
        self._act(self.session.stop, hush=True)

    def toggle_mute(self) -> None:
        self.muted = not self.muted
        self.speaker.set_muted(self.muted)
        self.view.set_muted(self.muted)

    def _act(self, intent: Callable[[float], object], *, hush: bool) -> None:
        if self.ended_at is not None:
            return
        if hush:
            self.speaker.cancel()
        intent(self.clock.now())
        self.poll()

    def shutdown(self) -> None:
        """The window is closing mid-session: record it as stopped."""
        if self.ended_at is None and self.session.state not in (State.FINISHED, State.STOPPED):
            self.stop()
        self.timer.stop()
