"""``backtimer run``: the whole session in the terminal, each cue printed (and spoken) as it falls due."""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable

from backtimer.clock import ScaledClock
from backtimer.commands.common import add_level, format_seconds, load_settings, routine_and_level
from backtimer.commands.content import describe_step
from backtimer.core.errors import BadInput
from backtimer.core.session.machine import SUSPEND_GAP, Session
from backtimer.core.session.plan import build_plan
from backtimer.core.session.results import tally
from backtimer.core.session.snapshot import PauseReason, State, Tick
from backtimer.core.settings import timed_routine

POLL_SECONDS = 0.02  # real seconds between ticks


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    run = sub.add_parser("run", parents=[common], help="follow a routine in the terminal, with voice")
    run.add_argument("routine", metavar="ROUTINE", help="a routine id, or a path to a routine or programme file")
    add_level(run)
    run.add_argument("--no-voice", action="store_true", help="print the cues without speaking them")
    run.add_argument("--speed", type=float, default=1.0, metavar="FACTOR", help="run the clock FACTOR times faster")
    run.set_defaults(func=cmd_run)


def cmd_run(args: argparse.Namespace) -> int:
    if not math.isfinite(args.speed) or not 0.1 <= args.speed <= 1000:
        raise BadInput(f"--speed: {args.speed:g} is out of range (0.1 to 1000)")
    routine, level = routine_and_level(args)
    settings = load_settings(args)
    routine = timed_routine(routine, settings)  # the user's rests and get-ready, as in the window
    clock = ScaledClock(args.speed)
    from backtimer.speech.run_voice import RunVoice  # speech: clips are made before the start, then spoken

    voice = RunVoice.start(args, routine, level, clock.now, settings)
    plan = build_plan(routine, level, voice.options, voice.durations)
    session = Session(plan, suspend_gap=SUSPEND_GAP * args.speed, durations=voice.durations)
    print(
        f"{routine.title} — {level.value} — about {format_seconds(session.plan.total_seconds)}"
        + (f" — speed x{args.speed:g}" if args.speed != 1 else "")
    )
    from backtimer.commands.history import run_recorder  # history: each finished step is written as it ends

    recorder = run_recorder(args, routine.id, level.value)
    try:
        on_tick = voice.tee(recorder.tee(CuePrinter(session)))
        follow(session, clock.now, lambda: time.sleep(_wait_seconds(session, clock)), on_tick)
    except KeyboardInterrupt:
        voice.cancel()
        session.stop(clock.now())
        print("Stopped.")
    voice.close()
    recorder.end(session, clock.now())
    print_summary(session)
    return 0


def _wait_seconds(session: Session, clock: ScaledClock) -> float:
    """Sleep until the session's next event, but never longer than one poll (to notice Ctrl-C and sleep gaps)."""
    upcoming = session.next_event_at()
    if upcoming is None:
        return POLL_SECONDS
    return min(max(clock.real_seconds(upcoming - clock.now()), 0.0), POLL_SECONDS)


def follow(
    session: Session, now: Callable[[], float], wait: Callable[[], None], on_tick: Callable[[Tick], None]
) -> None:
    """Drive a session from start to its end: tick, hand over what happened, wait, repeat."""
    session.start(now())
    while True:
        tick = session.tick(now())
        on_tick(tick)
        if tick.snapshot.state in (State.FINISHED, State.STOPPED):
            return
        if tick.snapshot.pause_reason is PauseReason.SUSPENDED:
            # No keys in the terminal: after a sleep or a freeze, count the person back in instead of skipping.
            print("The clock jumped (was the computer asleep?): picking up where we were.", flush=True)
            session.resume(now())
        wait()


class CuePrinter:
    """Prints a heading as each step begins and every cue with the session time it belongs to."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.last_step = -1

    def __call__(self, tick: Tick) -> None:
        for due in tick.cues:
            index = due.step_index if due.step_index >= 0 else tick.snapshot.step_index
            if index != self.last_step:
                self.last_step = index
                print(f"— {describe_step(self.session.plan.steps[index])}", flush=True)
            if due.cue.text:
                at = self.session.offset(index) + (due.cue.at if due.step_index >= 0 else 0.0)
                print(f"{format_seconds(at):>6}  {due.cue.text}", flush=True)


def print_summary(session: Session) -> None:
    names = {entry.exercise.id: entry.exercise.name for entry in session.plan.routine.entries}
    for line in tally(session.results):
        side = f" ({line.side.value})" if line.side else ""
        sets = f"{line.sets_done} set{'s' if line.sets_done != 1 else ''}"
        status = "skipped" if line.skipped else f"{sets}, {line.reps_done} reps"
        print(f"  {names.get(line.exercise, line.exercise)}{side}: {status}", file=sys.stdout)
