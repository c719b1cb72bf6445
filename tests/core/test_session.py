"""The session engine, driven by a fake clock: whole routines in milliseconds, no drift, every intent."""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest

from backtimer.core.content.model import Level
from backtimer.core.session.machine import Session
from backtimer.core.session.plan import build_plan
from backtimer.core.session.results import Outcome, StepResult, tally
from backtimer.core.session.snapshot import DueCue, PauseReason, State, Tick
from backtimer.core.session.steps import StepKind
from tests.helpers import FakeClock, builtin_catalog


def new_session(routine: str = "lower-back", level: Level = Level.STANDARD) -> tuple[Session, FakeClock]:
    clock = FakeClock()
    return Session(build_plan(builtin_catalog().routines[routine], level)), clock


def run_until(session: Session, clock: FakeClock, done: object, dt: float = 0.1, limit: int = 200_000) -> list[Tick]:
    ticks = []
    for _ in range(limit):
        tick = session.tick(clock.advance(dt))
        ticks.append(tick)
        if callable(done) and done(tick):
            return ticks
    raise AssertionError("did not get there")


def advance(session: Session, clock: FakeClock, seconds: float, dt: float = 0.1) -> Tick:
    """Tick along for ``seconds`` the way the UI's poll would, and return the last tick."""
    steps = max(round(seconds / dt), 1)
    ticks = [session.tick(clock.advance(seconds / steps)) for _ in range(steps)]
    return Tick(ticks[-1].snapshot, tuple(c for t in ticks for c in t.cues), tuple(r for t in ticks for r in t.results))


def finished(tick: Tick) -> bool:
    return tick.snapshot.state is State.FINISHED


@pytest.mark.parametrize("routine", ["lower-back", "core-stability", "start-small"])
@pytest.mark.parametrize("level", list(Level))
def test_every_routine_runs_from_start_to_done_with_every_cue_once_and_no_drift(routine: str, level: Level) -> None:
    session, clock = new_session(routine, level)
    start = clock.now()
    session.start(start)
    rng = random.Random(7)
    cues: list[DueCue] = []
    results: list[StepResult] = []
    while session.state is not State.FINISHED:
        tick = session.tick(clock.advance(rng.uniform(0.01, 0.9)))  # irregular polling
        cues.extend(tick.cues)
        results.extend(tick.results)
    plan = session.plan
    offsets = plan.offsets()
    expected = [(i, c.text) for i, step in enumerate(plan.steps) for c in step.cues]
    assert [(d.step_index, d.cue.text) for d in cues] == expected
    for due in cues:  # each cue due exactly at session start + step offset + its time: no accumulated drift
        assert due.due_at == pytest.approx(start + offsets[due.step_index] + due.cue.at, abs=1e-6)
    work = [s for s in plan.steps if s.kind is StepKind.WORK]
    assert len(results) == len(work) and all(r.outcome is Outcome.COMPLETED for r in results)
    assert session.snapshot(clock.now()).session_progress == 1.0


def test_a_twenty_minute_routine_at_a_fine_poll_finishes_and_reports_progress() -> None:
    session, clock = new_session()
    session.start(clock.now())
    seen = run_until(session, clock, finished, dt=0.05)
    progress = [t.snapshot.session_progress for t in seen]
    assert progress == sorted(progress)
    assert seen[-1].snapshot.phase_word == "Done"


def go_to_first_work(session: Session, clock: FakeClock) -> Tick:
    session.start(clock.now())
    return run_until(session, clock, lambda t: t.snapshot.kind is StepKind.WORK)[-1]


def test_snapshot_shows_rep_set_phase_and_next() -> None:
    session, clock = new_session()
    go_to_first_work(session, clock)
    snap = advance(session, clock, 6.5).snapshot  # second rep of snow angels, 3 s up + 3 s down
    assert (snap.exercise_name, snap.rep, snap.reps, snap.set, snap.sets) == ("Prone snow angel", 2, 10, 1, 2)
    assert snap.phase_word == "Sweep up" and 0 < snap.phase_progress < 1
    assert snap.next_up == "Set 2 of 2"
    assert snap.seconds_left is not None
    assert snap.seconds_left == pytest.approx(60 - snap.step_elapsed) and 53.3 < snap.seconds_left < 53.6


def test_pause_freezes_and_resume_counts_in_for_three_seconds() -> None:
    session, clock = new_session()
    go_to_first_work(session, clock)
    advance(session, clock, 10)
    elapsed = session.step_elapsed(clock.now())
    session.pause(clock.now())
    snap = session.tick(clock.advance(500)).snapshot
    assert snap.state is State.PAUSED and snap.step_elapsed == elapsed
    session.resume(clock.now())
    tick = session.tick(clock.advance(0.01))
    assert tick.snapshot.state is State.GETTING_READY and tick.snapshot.phase_word == "Get ready"
    assert [d.cue.text for d in tick.cues] == ["Get ready."]
    assert tick.snapshot.get_ready_left == pytest.approx(2.99)
    after = advance(session, clock, 3.0).snapshot
    assert after.state is State.RUNNING
    assert after.step_elapsed == pytest.approx(elapsed + 0.01, abs=1e-6)


def test_a_long_gap_between_ticks_pauses_instead_of_skipping_work() -> None:
    session, clock = new_session()
    go_to_first_work(session, clock)
    advance(session, clock, 2)
    before = session.step_elapsed(clock.now())
    snap = session.tick(clock.advance(3600)).snapshot  # the laptop slept for an hour
    assert snap.state is State.PAUSED and snap.pause_reason is PauseReason.SUSPENDED
    assert snap.step_elapsed == pytest.approx(before)
    assert snap.kind is StepKind.WORK


def test_next_skips_and_records_partial_reps() -> None:
    session, clock = new_session()
    go_to_first_work(session, clock)
    advance(session, clock, 13)  # two snow angels done (6 s each)
    session.next(clock.now())
    tick = session.tick(clock.advance(0.01))
    assert tick.snapshot.kind is StepKind.REST
    [result] = tick.results
    assert (result.outcome, result.reps_done) == (Outcome.SKIPPED, 2)


def test_previous_goes_back_to_the_last_work_step_with_a_get_ready() -> None:
    session, clock = new_session()
    go_to_first_work(session, clock)
    run_until(session, clock, lambda t: t.snapshot.kind is StepKind.REST)
    session.previous(clock.now())
    snap = session.tick(clock.advance(0.01)).snapshot
    assert snap.kind is StepKind.WORK and snap.set == 1 and snap.state is State.GETTING_READY
    assert snap.step_elapsed == 0


def test_restart_step_begins_the_current_step_again() -> None:
    session, clock = new_session()
    go_to_first_work(session, clock)
    advance(session, clock, 20)
    session.restart_step(clock.now())
    snap = advance(session, clock, 3.5).snapshot
    assert snap.state is State.RUNNING and snap.step_elapsed == pytest.approx(0.5) and snap.rep == 1


def test_stop_records_what_was_done() -> None:
    session, clock = new_session()
    go_to_first_work(session, clock)
    advance(session, clock, 25)
    session.stop(clock.now())
    tick = session.tick(clock.advance(1))
    assert tick.snapshot.state is State.STOPPED
    [result] = tick.results
    assert result.outcome is Outcome.PARTIAL and result.reps_done == 4
    session.next(clock.now())  # intents after stop do nothing
    assert session.tick(clock.advance(1)).snapshot.state is State.STOPPED


def self_paced_session(tmp_path: Path) -> tuple[Session, FakeClock]:
    path = tmp_path / "own.toml"
    path.write_text(
        'id = "own"\ntitle = "Own pace"\n[[exercises]]\nid = "glute-bridge"\nself_paced = true\n', encoding="utf-8"
    )
    routine = builtin_catalog().routine(str(path))
    return Session(build_plan(routine, Level.BEGINNER)), FakeClock()


def test_self_paced_work_waits_for_done(tmp_path: Path) -> None:
    session, clock = self_paced_session(tmp_path)
    snap = go_to_first_work(session, clock).snapshot
    assert snap.self_paced and snap.seconds_left is None
    assert advance(session, clock, 3000).snapshot.kind is StepKind.WORK  # waits, however long
    assert session.done(clock.now())
    tick = session.tick(clock.advance(0.1))
    assert tick.snapshot.kind is StepKind.REST
    assert tick.results[0].outcome is Outcome.COMPLETED and tick.results[0].reps_done == 10


def test_done_is_ignored_on_timed_steps() -> None:
    session, clock = new_session()
    go_to_first_work(session, clock)
    assert not session.done(clock.now())


def test_this_hurts_then_easier_redoes_the_set_at_the_beginner_dose() -> None:
    session, clock = new_session("lower-back", Level.ADVANCED)
    go_to_first_work(session, clock)
    advance(session, clock, 7)
    session.hurt(clock.now())
    tick = session.tick(clock.advance(0.1))
    assert tick.snapshot.pause_reason is PauseReason.HURT
    assert tick.results[0].outcome is Outcome.HURT
    session.use_easier(clock.now())
    snap = advance(session, clock, 3.1).snapshot
    assert snap.easier and snap.kind is StepKind.WORK and snap.reps == 8 and snap.sets == 2
    run_until(session, clock, finished)
    lines = tally(session.results)
    assert lines[0].exercise == "prone-snow-angel" and lines[0].hurt and lines[0].sets_done == 2


def test_this_hurts_then_skip_moves_past_the_exercise() -> None:
    session, clock = new_session()
    go_to_first_work(session, clock)
    session.hurt(clock.now())
    session.skip_exercise(clock.now())
    snap = session.tick(clock.advance(0.1)).snapshot
    assert snap.kind is StepKind.REST and snap.exercise_id is None
    assert snap.next_up == "Prone alternating leg lift · set 1 of 2"
    run_until(session, clock, finished)
    first = tally(session.results)[0]
    assert first.exercise == "prone-snow-angel" and first.hurt and first.sets_done == 0


def test_this_hurts_then_carry_on_resumes_where_it_was() -> None:
    session, clock = new_session()
    go_to_first_work(session, clock)
    advance(session, clock, 12.5)
    session.hurt(clock.now())
    session.resume(clock.now())
    advance(session, clock, 3.0)
    run_until(session, clock, lambda t: t.snapshot.kind is StepKind.REST)
    reps = [r.reps_done for r in session.results]
    assert reps == [2, 8]  # two before the pain, the other eight after: nothing counted twice


def test_toggle_starts_pauses_and_resumes() -> None:
    session, clock = new_session()
    states = []
    for _ in range(3):
        session.toggle(clock.now())
        states.append(session.state)
    assert states == [State.RUNNING, State.PAUSED, State.GETTING_READY]


@pytest.mark.parametrize("routine", ["lower-back", "core-stability", "start-small"])
def test_jumping_from_event_to_event_always_makes_progress(routine: str) -> None:
    """A client that sleeps exactly until next_event_at() must see that event happen (no rounding stall)."""
    clock = FakeClock()
    session = Session(build_plan(builtin_catalog().routines[routine], Level.ADVANCED), suspend_gap=math.inf)
    session.start(clock.now())
    ticks = 0
    while session.state is not State.FINISHED:
        upcoming = session.next_event_at()
        assert upcoming is not None
        before_t, before_index = clock.t, session.index
        clock.t = max(upcoming, clock.t)
        tick = session.tick(clock.t)
        assert clock.t > before_t or tick.cues or tick.snapshot.step_index != before_index, "no progress"
        ticks += 1
        assert ticks < 20_000


def test_redoing_a_set_after_previous_never_counts_its_reps_twice() -> None:
    session, clock = new_session()
    go_to_first_work(session, clock)
    run_until(session, clock, lambda t: t.snapshot.kind is StepKind.REST)
    session.previous(clock.now())
    run_until(session, clock, lambda t: t.snapshot.kind is StepKind.REST)
    run_until(session, clock, finished)
    first = tally(session.results)[0]
    assert (first.exercise, first.sets_done, first.reps_done) == ("prone-snow-angel", 2, 20)


def test_skipping_through_to_the_end_is_not_a_completed_session() -> None:
    session, clock = new_session("start-small", Level.BEGINNER)
    session.start(clock.now())
    while session.state is not State.FINISHED:
        session.next(clock.now())
        session.tick(clock.advance(0.1))
    assert not session.completed
    done, done_clock = new_session("start-small", Level.BEGINNER)
    done.start(done_clock.now())
    run_until(done, done_clock, finished, dt=0.5)
    assert done.completed


def test_a_jump_after_this_hurts_leaves_no_pending_choice() -> None:
    session, clock = new_session()
    go_to_first_work(session, clock)
    session.hurt(clock.now())
    session.next(clock.now())
    snap = session.tick(clock.advance(0.1)).snapshot
    assert snap.state is State.PAUSED and snap.pause_reason is PauseReason.USER
