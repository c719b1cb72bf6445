"""The session state machine. Time is always an argument: ``now`` is a monotonic clock reading in seconds.

Everything is computed from deadlines: a step started at ``anchor`` is ``now - anchor`` seconds in, and the
next step starts exactly at ``anchor + seconds``. Nothing counts ticks, so a late or irregular poll never drifts.
"""

from __future__ import annotations

import math

from backtimer.core.content.model import Level
from backtimer.core.session.cues import GAP, Cue, Durations, Sound, estimate_seconds, schedule
from backtimer.core.session.plan import Plan, easier_plan, step_estimate
from backtimer.core.session.results import Outcome, StepResult
from backtimer.core.session.script import countdown
from backtimer.core.session.snapshot import DueCue, PauseReason, Snapshot, State, Tick
from backtimer.core.session.snapshots import make_snapshot, next_up
from backtimer.core.session.steps import Step, StepKind

SUSPEND_GAP = 5.0  # seconds between two ticks that mean the machine was asleep or frozen
READY_STEP = -1  # DueCue.step_index of the get-ready countdown's cues
EPSILON = 1e-6  # (anchor + t) - anchor may miss t by a rounding error: an event at exactly `now` has happened


class Session:
    def __init__(
        self, plan: Plan, *, suspend_gap: float = SUSPEND_GAP, durations: Durations = estimate_seconds
    ) -> None:
        self.plan = plan
        self.suspend_gap = suspend_gap
        self._durations = durations
        self._offsets = plan.offsets()
        self.state = State.READY
        self.pause_reason: PauseReason | None = None
        self.index = 0
        self.easier_entries: set[int] = set()
        self._anchor = 0.0  # clock time the current step (virtually) started, while running
        self._frozen = 0.0  # elapsed seconds in the step while not running
        self._ready_start = 0.0
        self._ready_until = 0.0
        self._cue_pos = 0  # how many of the current step's cues were handed out
        self._ready_pos = 0
        self._last_tick: float | None = None
        self._cues: list[DueCue] = []
        self._results: list[StepResult] = []
        self.results: list[StepResult] = []  # every result so far, for the summary
        self._recorded = False  # this visit to the current step already left its result
        self._visit_from = 0.0  # elapsed seconds in the step when this visit began
        self._credited: dict[int, int] = {}  # reps already recorded per step index: a redo never counts twice
        self._ready_script = self._script_ready()
        self._next_up: dict[int, str | None] = {}

    # ----- intents -------------------------------------------------------------------------------------------
    def start(self, now: float) -> None:
        if self.state is State.READY:
            self._last_tick = now
            self._enter(0, now, running=True)

    def pause(self, now: float, reason: PauseReason = PauseReason.USER) -> None:
        if self.state is State.RUNNING:
            self._frozen = self._elapsed(now)
        if self.state in (State.RUNNING, State.GETTING_READY):
            self.state = State.PAUSED
            self.pause_reason = reason
            self._cues.clear()

    def resume(self, now: float) -> None:
        if self.state is State.PAUSED:
            if self.pause_reason is PauseReason.HURT:  # carrying on after "This hurts": a new visit
                self._recorded = False
                self._visit_from = self._frozen
            self._get_ready(now)

    def toggle(self, now: float) -> None:
        if self.state is State.PAUSED:
            self.resume(now)
        elif self.state is State.READY:
            self.start(now)
        else:
            self.pause(now)

    def next(self, now: float) -> None:
        """Skip the rest of this step; unfinished work counts as skipped."""
        if self._live():
            self._end_step(now, Outcome.SKIPPED)
            self._enter(self.index + 1, now, running=self._running_or_ready())

    def previous(self, now: float) -> None:
        """Back to the start of the work step before this one (or of the session)."""
        if self._live():
            target = next((i for i in range(self.index - 1, -1, -1) if self.plan.steps[i].kind is StepKind.WORK), 0)
            self._enter(target, now, running=self._running_or_ready())

    def restart_step(self, now: float) -> None:
        if self._live():
            self._enter(self.index, now, running=self._running_or_ready())

    def done(self, now: float) -> bool:
        """The person says they finished a self-paced step, or that they are ready ("wait for me"). Ignored for
        timed steps."""
        if self.state is State.PAUSED and self.pause_reason is PauseReason.WAITING:
            self.resume(now)
            return True
        step = self.step
        if not self._live() or step.kind is not StepKind.WORK or step.seconds is not None:
            return False
        self._end_step(now, Outcome.COMPLETED, reps=step.reps or 0)
        self._enter(self.index + 1, now, running=True)
        return True

    def stop(self, now: float) -> None:
        if self._live():
            if self.state is State.RUNNING:
                self._frozen = self._elapsed(now)
            self._end_step(now, Outcome.PARTIAL)
            self.state = State.STOPPED
            self._cues.clear()

    def hurt(self, now: float) -> None:
        """ "This hurts": pause at once and note it; the person then picks easier, skip or carry on."""
        if not self._live() or self.step.exercise is None or self.pause_reason is PauseReason.HURT:
            return
        self.pause(now, PauseReason.HURT)
        self.pause_reason = PauseReason.HURT  # also when it was paused already: pain does not wait for Resume
        self._end_step(now, Outcome.HURT)

    def skip_exercise(self, now: float) -> None:
        """Leave the current exercise: its remaining work counts as skipped."""
        entry = self.step.entry_index
        if not self._live() or entry is None:
            return
        target = self.index
        while target < len(self.plan.steps) and self._same_exercise(target, entry):
            target += 1
        self._end_step(now, Outcome.SKIPPED)
        self._enter(target, now, running=True)

    def use_easier(self, now: float) -> None:
        """Redo the current set and the rest of this exercise at the beginner dose, in its easier form."""
        step = self.step
        if not self._live() or step.entry_index is None or step.exercise is None:
            return
        self.plan, first = easier_plan(self.plan, self.index)
        self._offsets = self.plan.offsets()
        self._credited.clear()  # the steps from here on are new ones
        self._next_up.clear()
        self.easier_entries.add(step.entry_index)
        self._enter(first, now, running=True)

    # ----- time ------------------------------------------------------------------------------------------------
    def tick(self, now: float) -> Tick:
        """Advance to ``now``: returns what to show, the cues that fell due, and the work steps that ended."""
        if self._last_tick is not None and now - self._last_tick > self.suspend_gap and self.active:
            self._suspend(self._last_tick)
        self._last_tick = now
        if self.state is State.GETTING_READY:
            self._emit_ready(now)
            if now + EPSILON >= self._ready_until:
                self.state = State.RUNNING
                self._anchor = self._ready_until - self._frozen
        if self.state is State.RUNNING:
            self._run_to(now)
        cues, results = tuple(self._cues), tuple(self._results)
        self._cues.clear()
        self._results.clear()
        return Tick(self.snapshot(now), cues, results)

    def _run_to(self, now: float) -> None:
        while self.state is State.RUNNING:
            step = self.step
            elapsed = now - self._anchor
            self._emit_step_cues(elapsed)
            if step.seconds is None or elapsed + EPSILON < step.seconds:
                return
            self._end_step(self._anchor + step.seconds, Outcome.COMPLETED)
            self._anchor += step.seconds
            self._open(self.index + 1)
            if step.before_exercise and self.plan.options.wait_for_me and self.state is State.RUNNING:
                self.state = State.PAUSED  # "wait for me": the work starts on Space or Enter, after a get-ready
                self.pause_reason = PauseReason.WAITING

    def _suspend(self, last_seen: float) -> None:
        if self.state is State.RUNNING:
            self._run_to(last_seen)
        self.pause(last_seen, PauseReason.SUSPENDED)

    # ----- reading ----------------------------------------------------------------------------------------------
    @property
    def step(self) -> Step:
        return self.plan.steps[self.index]

    @property
    def completed(self) -> bool:
        """Finished, with some work actually done: a session skipped through to the end does not count."""
        return self.state is State.FINISHED and any(
            r.outcome is Outcome.COMPLETED and (r.reps_done > 0 or r.seconds_done > 0) for r in self.results
        )

    @property
    def active(self) -> bool:
        return self.state in (State.RUNNING, State.GETTING_READY)

    def snapshot(self, now: float) -> Snapshot:
        return make_snapshot(self, now)

    def step_elapsed(self, now: float) -> float:
        if self.state is State.RUNNING:
            return self._elapsed(now)
        return self._frozen

    def get_ready_left(self, now: float) -> float | None:
        return max(self._ready_until - now, 0.0) if self.state is State.GETTING_READY else None

    def next_event_at(self) -> float | None:
        """Clock time of the next thing that happens by itself: a cue, a new whole second on the countdown, a new
        phase word, the end of a step or of a get-ready. The one answer both shells sleep until."""
        if self.state is State.GETTING_READY:
            pending = self._ready_script[self._ready_pos :]
            times = [self._ready_start + pending[0].at] if pending else []
            return min([*times, _next_whole_second(self._ready_until, self._last_tick), self._ready_until])
        if self.state is not State.RUNNING:
            return None
        step = self.step
        times = [self._anchor + c.at for c in step.cues[self._cue_pos : self._cue_pos + 1]]
        if step.seconds is not None:
            end = self._anchor + step.seconds
            times += [end, _next_whole_second(end, self._last_tick)]
        beat = step.beat_at(self._last_tick - self._anchor) if self._last_tick is not None else None
        if beat is not None:  # the phase word changes on screen even where no cue is spoken
            times.append(self._anchor + beat.phase_start + beat.phase_seconds)
        return min(times) if times else None

    def next_up(self) -> str | None:
        """What comes after the current step (remembered per step: a snapshot is made many times a second)."""
        if self.index not in self._next_up:
            self._next_up[self.index] = next_up(self.plan.steps, self.index)
        return self._next_up[self.index]

    def offset(self, index: int) -> float:
        return self._offsets[index]

    # ----- helpers ------------------------------------------------------------------------------------------
    def _live(self) -> bool:
        return self.state in (State.RUNNING, State.GETTING_READY, State.PAUSED)

    def _running_or_ready(self) -> bool:
        return self.state in (State.RUNNING, State.GETTING_READY)

    def _same_exercise(self, index: int, entry: int) -> bool:
        step = self.plan.steps[index]
        return step.entry_index == entry and step.exercise is not None

    def _elapsed(self, now: float) -> float:
        seconds = self.step.seconds
        elapsed = max(now - self._anchor, 0.0)
        return min(elapsed, seconds) if seconds is not None else elapsed

    def _enter(self, index: int, now: float, *, running: bool) -> None:
        """Jump to the start of step ``index``; a jump into work while active starts with a get-ready."""
        self._open(index)
        if self.state is State.FINISHED:
            return
        if not running:
            self.state = State.PAUSED
            self.pause_reason = PauseReason.USER  # a jump answers "This hurts" too: no choice is pending now
        elif self.step.kind is StepKind.WORK:
            self._get_ready(now)  # a jump lands straight in work: count the person in
        else:
            self.state = State.RUNNING
            self.pause_reason = None
            self._anchor = now
            self._run_to(now)

    def _open(self, index: int) -> None:
        self.index = min(index, len(self.plan.steps) - 1)
        self._cue_pos = 0
        self._frozen = 0.0
        self._recorded = False
        self._visit_from = 0.0
        if self.step.kind is StepKind.DONE:
            self._emit_step_cues(0.0)
            self.state = State.FINISHED
            self.pause_reason = None

    def _get_ready(self, now: float) -> None:
        self.state = State.GETTING_READY
        self.pause_reason = None
        self._ready_start = now
        self._ready_until = now + self.plan.routine.timing.resume_get_ready
        self._ready_pos = 0

    def _script_ready(self) -> tuple[Cue, ...]:
        seconds = self.plan.routine.timing.resume_get_ready
        # "Get ready." matters more than a "3" or "2" it would collide with: the countdown starts after it.
        said_until = self._durations("Get ready.") + GAP
        cues = [Cue(0, "Get ready.", sound=Sound.REST), *countdown(seconds, start=said_until - 0.5)]
        return schedule(cues, seconds, self._durations)

    def _emit_ready(self, now: float) -> None:
        cues = self._ready_script
        while self._ready_pos < len(cues) and cues[self._ready_pos].at <= now - self._ready_start + EPSILON:
            cue = cues[self._ready_pos]
            self._cues.append(DueCue(cue, READY_STEP, self._ready_start + cue.at))
            self._ready_pos += 1

    def _emit_step_cues(self, elapsed: float) -> None:
        cues = self.step.cues
        while self._cue_pos < len(cues) and cues[self._cue_pos].at <= elapsed + EPSILON:
            cue = cues[self._cue_pos]
            self._cues.append(DueCue(cue, self.index, self._anchor + cue.at))
            self._cue_pos += 1

    def _end_step(self, now: float, outcome: Outcome, reps: int | None = None) -> None:
        """Record the end of this visit to a work step (the other kinds leave no trace)."""
        step = self.step
        if step.kind is not StepKind.WORK or step.exercise is None or self._recorded:
            return
        elapsed = self.step_elapsed(now)
        if reps is None:
            reps = step.reps or 0 if outcome is Outcome.COMPLETED else _reps_at(step, elapsed)
        if outcome is Outcome.SKIPPED and step.reps and reps >= step.reps:
            outcome = Outcome.COMPLETED  # "next" pressed as the last rep ended
        if outcome is Outcome.PARTIAL and reps == 0 and elapsed - self._visit_from < 1.0:
            return  # stopped before this step really began: nothing to record
        credited = self._credited.get(self.index, 0)
        done = max(reps - credited, 0)
        self._credited[self.index] = max(credited, reps)
        result = StepResult(
            self.index,
            step.exercise.id,
            step.side,
            step.set,
            step.sets,
            done,
            round(elapsed - self._visit_from, 2),
            outcome,
        )
        self._recorded = True
        self._results.append(result)
        self.results.append(result)

    @property
    def level(self) -> Level:
        return self.plan.level

    def planned_seconds(self, index: int) -> float:
        return step_estimate(self.plan.steps[index])


def _next_whole_second(deadline: float, now: float | None) -> float:
    """When a countdown to ``deadline``, shown in whole seconds rounded up, next shows a new number."""
    if now is None:
        return deadline
    left = deadline - now
    shown = math.ceil(left - EPSILON)
    return min(deadline - (shown - 1), deadline) if shown > 0 else deadline


def _reps_at(step: Step, elapsed: float) -> int:
    """Whole reps (per side) finished ``elapsed`` seconds into a paced step."""
    if not step.tempo or step.seconds is None:
        return 0
    beats = math.floor(elapsed / step.rep_period + 1e-9)
    return beats // 2 if step.alternating else beats
