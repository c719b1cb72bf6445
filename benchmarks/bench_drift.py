"""Timing of the session engine against the real clock, and the speed of simulating with a fake one.

Runs a short real-time session (about a minute of many short steps) the way `backtimer run` does — sleeping until
the session's next event — and prints phase-boundary lateness (p50, p99, max) and the final drift against the plan.
Then simulates the longest built-in routine with a fake clock at a 50 ms poll.

Budgets (issue 2): final drift 0 +/- 5 ms; p99 boundary lateness <= 20 ms; a 30-minute routine simulated in < 0.5 s.
Usage: python -m benchmarks.bench_drift
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
from dataclasses import replace

from backtimer.commands.follow import POLL_SECONDS
from backtimer.core.content.catalog import Catalog
from backtimer.core.content.model import Dose, Level, Routine, RoutineEntry, TempoPhase, Timing
from backtimer.core.session.machine import Session
from backtimer.core.session.plan import Plan, build_plan
from backtimer.core.session.snapshot import State
from backtimer.resources import assets_dir


def short_routine(catalog: Catalog) -> Routine:
    """Many short steps: half-second tempo phases, two-second rests and switches."""
    base = catalog.exercises["figure-four-bridge"]
    quick = replace(
        base,
        tempo=(TempoPhase("Lift", 0.5), TempoPhase("Hold", 0.5), TempoPhase("Lower", 0.5)),
        doses={level: Dose(sets=2, reps=3) for level in Level},
    )
    plank = catalog.exercises["side-plank"]
    plank = replace(plank, doses={level: Dose(sets=2, hold=3.0) for level in Level})
    timing = Timing(get_ready=3, rest_between_sets=2, rest_between_exercises=2, switch_sides=2)
    return Routine("bench", "Benchmark", "", (RoutineEntry(quick), RoutineEntry(plank), RoutineEntry(quick)), timing)


def phase_boundaries(plan: Plan) -> list[float]:
    """Planned session times of every step start and every tempo phase start."""
    times, offset = [], 0.0
    for step in plan.steps:
        times.append(offset)
        if step.tempo and step.seconds:
            t = 0.0
            while t < step.seconds - 1e-9:
                for phase in step.tempo:
                    times.append(offset + t)
                    t += phase.seconds
        offset += step.seconds or 0.0
    return sorted(set(round(t, 6) for t in times))


def real_time_run(plan: Plan) -> tuple[list[float], float]:
    session = Session(plan)
    start = time.monotonic()
    session.start(start)
    seen: list[tuple[float, int, int, int]] = []  # (time, step, rep, phase)
    while session.state is not State.FINISHED:
        now = time.monotonic()
        snap = session.tick(now).snapshot
        seen.append((now - start, snap.step_index, snap.rep or 0, snap.phase_index))
        upcoming = session.next_event_at()
        wait = POLL_SECONDS if upcoming is None else min(max(upcoming - time.monotonic(), 0.0), POLL_SECONDS)
        time.sleep(wait)
    finished_at = seen[-1][0]  # when the tick saw the session finish
    lateness = []
    planned = phase_boundaries(plan)
    changes = [t for (t, *key), (_, *prev) in zip(seen[1:], seen, strict=False) if key != prev]
    for change in changes:
        boundary = max((p for p in planned if p <= change + 1e-9), default=0.0)
        lateness.append(change - boundary)
    drift = finished_at - plan.total_seconds
    return lateness, drift


def simulate(plan: Plan, poll: float | None) -> float:
    """Seconds of CPU to run ``plan`` to the end with a fake clock: at a fixed poll, or from event to event."""
    session = Session(plan, suspend_gap=math.inf)  # jumping between events is not a sleeping laptop
    t = 0.0
    begin = time.perf_counter()
    session.start(t)
    while session.state is not State.FINISHED:
        upcoming = session.next_event_at() if poll is None else None
        t = max(upcoming, t) if upcoming is not None else t + (poll or 0.05)
        session.tick(t)
    return time.perf_counter() - begin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    catalog = Catalog.load(assets_dir())
    plan = build_plan(short_routine(catalog), Level.STANDARD)
    print(f"real-time session: {len(plan.steps)} steps, {plan.total_seconds:.1f} s planned")
    lateness, drift = real_time_run(plan)
    ms = sorted(x * 1000 for x in lateness)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    print(f"  boundaries seen: {len(ms)}")
    print(
        f"  boundary lateness: p50 {statistics.median(ms):.2f} ms, p99 {p99:.2f} ms, max {ms[-1]:.2f} ms"
        "  (budget p99 <= 20 ms)"
    )
    print(f"  final drift against the plan: {drift * 1000:+.2f} ms  (budget 0 +/- 5 ms)")
    longest = max((build_plan(r, lv) for r in catalog.routines.values() for lv in Level), key=lambda p: p.total_seconds)
    name = f"{longest.routine.id}/{longest.level.value} ({longest.total_seconds / 60:.1f} min)"
    for label, poll in (("event to event", None), ("a 50 ms poll", 0.05), ("a 250 ms poll", 0.25)):
        runs = [simulate(longest, poll) for _ in range(3)]
        print(
            f"simulated {name} with a fake clock, {label}: best {min(runs) * 1000:.0f} ms,"
            f" median {statistics.median(runs) * 1000:.0f} ms  (budget < 500 ms for a 30-minute routine)"
        )


if __name__ == "__main__":
    main()
