"""History store and screen speed over ten years of daily sessions.

Budgets (issue 5): stats and streaks < 50 ms; writing one step < 5 ms; opening the History screen < 300 ms
(offscreen, painted once). Prints the figures (median of several runs; the worst for the one-step write is also shown).
Usage: python -m benchmarks.bench_store
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from backtimer.core.content.model import Side
from backtimer.core.session.results import Outcome, StepResult
from backtimer.core.settings import Settings, streak_rules
from backtimer.storage.history import HistoryStore
from benchmarks.history_data import ten_years

NOW = datetime(2026, 3, 12, 18, 30, tzinfo=timezone(timedelta(hours=1)))


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(name: str, times: list[float], budget: float) -> None:
    median = statistics.median(times)
    verdict = "ok" if median < budget else "OVER BUDGET"
    print(f"{name:<44} median {median:7.2f} ms   max {max(times):7.2f} ms   budget {budget:g} ms   {verdict}")


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-store-"))
    db = folder / "history.sqlite3"
    records = ten_years(NOW.date())
    start = time.perf_counter()
    HistoryStore(db, now=lambda: NOW).import_records(records)
    steps = sum(len(r.exercises) for r in records)
    print(f"{len(records)} sessions, {steps} exercise lines, imported in {time.perf_counter() - start:.2f} s")
    print(f"file size {db.stat().st_size / 1e6:.1f} MB")
    report("open the store (checks + migrations)", timed(lambda: HistoryStore(db).close(), 5), 300)
    store = HistoryStore(db, now=lambda: NOW)
    rules = streak_rules(Settings(rest_weekdays=(6,)))

    def stats() -> None:
        store.summary(rules, NOW)
        store.totals()

    report("stats and streaks (summary + totals)", timed(stats, 20), 50)
    sid = store.begin("lower-back", "standard")
    seq = iter(range(10_000))
    result = StepResult(5, "bird-dog", Side.LEFT, 1, 3, 10, 30.0, Outcome.COMPLETED)
    report("write one step (own transaction, fsync)", timed(lambda: store.add_step(sid, next(seq), result), 50), 5)
    store.finish(sid, True)
    bench_screen(store)
    store.close()
    shutil.rmtree(folder, ignore_errors=True)


def bench_screen(store: HistoryStore) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from backtimer.ui.history_view import HistoryView
    from backtimer.ui.theme import apply_theme, colors_for

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    apply_theme(app, colors_for("dark"))

    def open_screen() -> None:
        view = HistoryView(store, Settings(), now=lambda: NOW)
        view.resize(1920, 1080)
        view.show()
        app.processEvents()
        view.grab()  # painted once, as the user would first see it
        view.close()
        view.deleteLater()

    report("open the History screen (built + painted)", timed(open_screen, 5), 300)


if __name__ == "__main__":
    main()
