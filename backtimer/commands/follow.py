"""``backtimer run``: the whole session in the terminal, each cue printed (and spoken) as it falls due."""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable

from backtimer.clock import ScaledClock
from backtimer.command_line import CommandLine
from backtimer.commands.common import add_level, load_preferences, routine_and_level
from backtimer.commands.content import describe_step
from backtimer.core.errors import BadInput, Refused
from backtimer.core.session.snapshot import PauseReason, State, Tick
from backtimer.core.settings import Settings
from backtimer.core.wording import duration_text
from backtimer.practice.history import StoredHistory
from backtimer.practice.notices import Notices
from backtimer.practice.run import PracticeRun
from backtimer.practice.starting import Practice
from backtimer.speech.speaker import SilentSpeaker, Speaker

POLL_SECONDS = 0.02  # real seconds between ticks at most: Ctrl-C and sleep gaps are noticed at once
PREPARE_SECONDS = 30.0  # at most this long making clips before the start; the rest are made as they come up


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    run = sub.add_parser("run", parents=[common], help="follow a routine in the terminal, with voice")
    run.add_argument("routine", metavar="ROUTINE", help="a routine id, or a path to a routine or programme file")
    add_level(run)
    run.add_argument("--no-voice", action="store_true", help="print the cues without speaking them")
    run.add_argument("--speed", type=float, default=1.0, metavar="FACTOR", help="run the clock FACTOR times faster")
    run.set_defaults(func=cmd_run)


def cmd_run(args: argparse.Namespace) -> int:
    line = CommandLine.of(args)
    if not math.isfinite(line.speed) or not 0.1 <= line.speed <= 1000:
        raise BadInput(f"--speed: {line.speed:g} is out of range (0.1 to 1000)")
    routine, level = routine_and_level(line)
    clock = ScaledClock(line.speed)
    notices = Notices()
    history = StoredHistory(line.paths.history_db, notices, lambda: line.paths.unsaved_places)
    refused = history.refused()  # a history from a newer backtimer: refused before anything starts, in one line
    if refused is not None:
        raise Refused(refused)
    notices.subscribe(lambda text: print(f"backtimer: {text}", file=sys.stderr, flush=True))
    practice = Practice(
        load_preferences(line),
        clock,
        make_speaker=_speaker_maker(line, clock),
        history=history,
        notices=notices,
    )
    _tell_if_nothing_can_be_heard(line, practice.settings)
    run = practice.start(routine, level, speed=line.speed, wait_for_voice=PREPARE_SECONDS, can_wait=False)
    print(
        f"{routine.title} — {level.value} — about {duration_text(run.plan.total_seconds)}"
        + (f" — speed x{line.speed:g}" if line.speed != 1 else "")
    )
    try:
        follow(run, lambda: time.sleep(_wait_seconds(run, clock)), CuePrinter(run))
    except KeyboardInterrupt:
        run.stop()
        print("Stopped.")
    practice.close()
    left = history.close()  # what still waits (e.g. the planned doses) is tried once more
    if left and run.saved:  # (when the session itself went to a file, that was said already)
        print(f"backtimer: {left}", file=sys.stderr)
    print_summary(run)
    return 0 if run.saved and not left else 1  # a session kept only in a file (or lost) is not a clean end


def _tell_if_nothing_can_be_heard(line: CommandLine, settings: Settings) -> None:
    """One line before the session when no sound output works, as the window says on home (cues still print)."""
    if line.no_voice or not (settings.voice_enabled or settings.beeps):
        return
    from backtimer.speech.sound_check import sound_problem

    problem = sound_problem()
    if problem:
        print(f"backtimer: {problem}", file=sys.stderr, flush=True)


def _speaker_maker(line: CommandLine, clock: ScaledClock) -> Callable[[Settings], Speaker]:
    if line.no_voice:
        return lambda _settings: SilentSpeaker()

    def make(settings: Settings) -> Speaker:
        from backtimer.speech.factory import make_speaker  # the voice worker starts here, not for --no-voice

        return make_speaker(settings, line.paths.voice_cache, spares=line.paths.voice_spares, clock=clock.now)

    return make


def _wait_seconds(run: PracticeRun, clock: ScaledClock) -> float:
    """Sleep until the run's next event, but never longer than one poll (to notice Ctrl-C and sleep gaps)."""
    left = run.seconds_to_next_event()
    return POLL_SECONDS if left is None else min(clock.real_seconds(left), POLL_SECONDS)


def follow(run: PracticeRun, wait: Callable[[], None], on_tick: Callable[[Tick], None]) -> None:
    """Drive a run from start to its end: tick, hand over what happened, wait, repeat."""
    tick = run.begin()
    while True:
        on_tick(tick)
        if tick.snapshot.state in (State.FINISHED, State.STOPPED):
            return
        if tick.snapshot.pause_reason is PauseReason.SUSPENDED:
            # No keys in the terminal: after a sleep or a freeze, count the person back in instead of skipping.
            print("The clock jumped (was the computer asleep?): picking up where we were.", flush=True)
            on_tick(run.resume())
        wait()
        tick = run.tick()


class CuePrinter:
    """Prints a heading as each step begins and every cue with the session time it belongs to."""

    def __init__(self, run: PracticeRun) -> None:
        self.run = run
        self.last_step = -1

    def __call__(self, tick: Tick) -> None:
        session = self.run.session
        for due in tick.cues:
            index = due.step_index if due.step_index >= 0 else tick.snapshot.step_index
            if index != self.last_step:
                self.last_step = index
                print(f"— {describe_step(session.plan.steps[index])}", flush=True)
            if due.cue.text:
                at = session.offset(index) + (due.cue.at if due.step_index >= 0 else 0.0)
                print(f"{duration_text(at):>6}  {due.cue.text}", flush=True)


def print_summary(run: PracticeRun) -> None:
    for what, status in run.summary({}).lines():
        print(f"  {what}: {status}", file=sys.stdout)
