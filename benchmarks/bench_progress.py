"""Progression suggestions over ten years of daily sessions (issue 12: under 50 ms).

Three figures (median of several runs):
- the pure coach over every session of ten years for each exercise of the routine (nothing read from disk);
- suggestions for the whole routine from a real history file, the usual case (recent sessions at the current dose);
- the same when no session was done at the current doses (every row of ten years is read and passed over).
Usage: python -m benchmarks.bench_progress
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from backtimer.core.content.model import Dose, Level
from backtimer.core.progress.coach import NextDay, Observation, Rating, suggest
from backtimer.core.progress.doses import doses_at, with_doses
from backtimer.core.progress.ladder import ladder
from backtimer.practice.coaching import Coaching
from backtimer.practice.history import StoredHistory
from backtimer.practice.notices import Notices
from benchmarks.bench_store import report, timed
from benchmarks.history_data import ten_years, with_feedback
from tests.helpers import builtin_catalog

NOW = datetime(2026, 3, 12, 18, 30, tzinfo=timezone(timedelta(hours=1)))
BUDGET_MS = 50


def observations(records: list, exercise: str) -> list[Observation]:  # type: ignore[type-arg]
    seen = []
    for r in records:
        f = r.feedback_of(exercise)
        seen.append(
            Observation(
                r.started_at,
                r.local_date,
                r.completed,
                Rating(f.rating) if f and f.rating else None,
                False,
                r.pain,
                NextDay(r.next_day) if r.next_day else None,
                f.dose if f else None,
            )
        )
    return sorted(seen, key=lambda o: o.started_at, reverse=True)


def main() -> None:
    routine = builtin_catalog().routines["lower-back"]
    records = with_feedback(ten_years(NOW.date()))
    print(f"{len(records)} sessions over ten years, {len(routine.entries)} exercises")
    unmatched = Dose(3, 99)  # no session was done at it: the coach reads every session and finds no evidence
    by_exercise = {e.exercise.id: observations(records, e.exercise.id) for e in routine.entries}

    def pure() -> None:
        for entry in routine.entries:
            suggest(ladder(entry), unmatched, by_exercise[entry.exercise.id], NOW.date())

    report("pure coach, every session, whole routine", timed(pure, 10), BUDGET_MS)
    folder = Path(tempfile.mkdtemp(prefix="bench-progress-"))
    history = StoredHistory(folder / "history.sqlite3", Notices())
    history.store.now = lambda: NOW
    history.store.import_records(records)
    coaching = Coaching(history)
    report("from the file, usual case", timed(lambda: coaching.advice(routine, Level.STANDARD), 10), BUDGET_MS)
    untouched = with_doses(routine, {e: replace(unmatched) for e in doses_at(routine, Level.STANDARD)})
    worst = timed(lambda: coaching.advice(untouched, Level.STANDARD), 10)
    report("from the file, no session at these doses", worst, BUDGET_MS)
    history.close()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"total {time.perf_counter() - start:.1f} s")
