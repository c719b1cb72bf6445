"""One practice session under way: the session, its voice and its record, driven by a clock.

The shells only ask it to ``tick()`` when the time comes (``next_event_at``) and pass on the person's intents; it
hands each tick's cues to the speaker and its finished steps to the recorder, and tells listeners when the
session's state changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from backtimer.core.session.results import Outcome
from backtimer.core.session.snapshot import Snapshot, State, Tick
from backtimer.core.session.steps import StepKind
from backtimer.practice.summary import SessionSummary, summarize

if TYPE_CHECKING:
    from backtimer.clock import Clock
    from backtimer.core.content.model import Exercise
    from backtimer.core.session.machine import Session
    from backtimer.core.session.plan import Plan
    from backtimer.practice.ports import Recorder
    from backtimer.speech.speaker import Speaker

StateListener = Callable[[State], None]
ENDED = (State.FINISHED, State.STOPPED)
RATING_SECONDS = 15.0  # the one-key rating stays this long into the rest (its spoken question alone takes ~6 s)
RATINGS = ("easy", "right", "hard", "painful")


@dataclass(frozen=True)
class RunInfo:
    """What the run is, for headings and history."""

    routine_id: str
    level: str
    speed: float = 1.0  # the clock runs this many times faster than real time (demos)


class PracticeRun:
    def __init__(
        self, session: Session, speaker: Speaker, recorder: Recorder | None, clock: Clock, info: RunInfo
    ) -> None:
        self.session = session
        self.speaker = speaker
        self.recorder = recorder
        self.clock = clock
        self.info = info
        self.muted = False
        self.started_at: float | None = None
        self.ended_at: float | None = None
        self.saved = True  # False when history could not take all of it (the shells then keep a copy)
        self._state = session.state
        self._listeners: list[StateListener] = []
        self.rated: dict[str, str | None] = {}  # exercise id -> rating (None: asked, not answered)
        self.hurts = 0  # "This hurts" presses in this session

    # ----- reading ---------------------------------------------------------------------------------------------
    @property
    def plan(self) -> Plan:
        return self.session.plan

    @property
    def state(self) -> State:
        return self.session.state

    @property
    def ended(self) -> bool:
        return self.ended_at is not None

    @property
    def seconds_taken(self) -> float:
        """Time on the run's clock from start to end (or to now), pauses included."""
        if self.started_at is None:
            return 0.0
        end = self.ended_at if self.ended_at is not None else self.clock.now()
        return max(end - self.started_at, 0.0)

    def next_event_at(self) -> float | None:
        """Clock time of the next change (a cue, a new number on the countdown, a step's end), or None."""
        return None if self.ended else self.session.next_event_at()

    def seconds_to_next_event(self) -> float | None:
        upcoming = self.next_event_at()
        return None if upcoming is None else max(upcoming - self.clock.now(), 0.0)

    def summary(self, names: dict[str, str]) -> SessionSummary:
        return summarize(self.session, self.seconds_taken, names)

    def on_state(self, listener: StateListener) -> None:
        """``listener(state)`` after each change of the session's state (running, paused, finished...)."""
        self._listeners.append(listener)

    # ----- time ----------------------------------------------------------------------------------------------
    def begin(self) -> Tick:
        self.started_at = self.clock.now()
        self.session.start(self.started_at)
        return self.tick()

    def tick(self) -> Tick:
        """Advance to now; speak what fell due, record what ended, and close the record when the session ends."""
        now = self.clock.now()
        tick = self.session.tick(now)
        for due in tick.cues:
            self.speaker.play(due, now)
        if tick.results and self.recorder is not None:
            self.recorder.steps_ended(tick.results)
        if tick.snapshot.state in ENDED and self.ended_at is None:
            self.ended_at = now
            if self.recorder is not None:
                self.recorder.session_ended(self.session.completed)  # saved to a file when history cannot take it
                self.saved = self.recorder.saved
        self._tell_state()
        return tick

    # ----- intents: each hushes speech that belongs to the moment left behind, then ticks at once -------------
    def toggle(self) -> Tick:
        return self._act(self.session.toggle)

    def resume(self) -> Tick:
        return self._act(self.session.resume)

    def next(self) -> Tick:
        return self._act(self.session.next)

    def previous(self) -> Tick:
        return self._act(self.session.previous)

    def done(self) -> Tick:
        return self._act(self.session.done)

    def hurt(self) -> Tick:
        if not self.ended:
            self.hurts += 1
        return self._act(self.session.hurt)

    def skip_exercise(self) -> Tick:
        return self._act(self.session.skip_exercise)

    def use_easier(self) -> Tick:
        return self._act(self.session.use_easier)

    def stop(self) -> Tick:
        return self._act(self.session.stop)

    def toggle_mute(self) -> bool:
        self.muted = not self.muted
        self.speaker.set_muted(self.muted)
        return self.muted

    def rate(self, comfort: int | None, note: str, pain: int | None = None) -> None:
        """The person's rating and note after the session (kept with its record): ``pain`` 0 (none) to 10 (worst);
        ``comfort`` is the older scale, no longer asked."""
        if self.recorder is not None:
            self.recorder.rate(comfort, note, pain)
            self.saved = self.recorder.saved

    def rate_exercise(self, exercise: str, rating: str | None) -> None:
        """How one exercise felt (easy, right, hard, painful; None: put aside), asked as it ends."""
        if rating is not None and rating not in RATINGS:
            raise ValueError(f"rating {rating!r} is not one of {RATINGS}")
        self.rated[exercise] = rating
        if self.recorder is not None and rating is not None:
            self.recorder.rate_exercise(exercise, rating)
            self.saved = self.recorder.saved

    def asking(self, snap: Snapshot) -> Exercise | None:
        """The exercise to rate now: the one just done, in the first seconds of the rest after it, not yet rated."""
        if snap.kind is not StepKind.REST or snap.exercise_id is not None or snap.step_elapsed >= RATING_SECONDS:
            return None
        return self._unrated_before(snap.step_index)

    def last_unrated(self) -> Exercise | None:
        """At the end: the last exercise done, when it was not rated (the summary asks about it)."""
        return self._unrated_before(len(self.plan.steps))

    def _unrated_before(self, index: int) -> Exercise | None:
        steps = self.plan.steps[:index]
        work = next((s for s in reversed(steps) if s.kind is StepKind.WORK and s.exercise), None)
        if work is None or work.exercise is None or work.exercise.id in self.rated:
            return None
        exercise = work.exercise
        done = any(
            r.exercise_id == exercise.id and (r.outcome is Outcome.COMPLETED or r.reps_done or r.seconds_done)
            for r in self.session.results
        )
        return exercise if done else None

    def shutdown(self) -> None:
        """The shell is closing mid-session: record it as stopped, with what was done."""
        if not self.ended:
            self.stop()

    def _act(self, intent: Callable[[float], object]) -> Tick:
        if self.ended:
            return self.tick()
        self.speaker.cancel()
        intent(self.clock.now())
        return self.tick()

    def _tell_state(self) -> None:
        state = self.session.state
        if state is not self._state:
            self._state = state
            for listener in list(self._listeners):
                listener(state)
