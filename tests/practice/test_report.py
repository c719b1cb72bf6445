"""What the physiotherapist's report holds, worked out from plain records (no Qt, no file)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from backtimer.core.content.model import Dose, Side, Sides
from backtimer.core.session.results import ExerciseTally
from backtimer.practice.report import Current, build_report
from backtimer.storage.records import ExerciseFeedback, SessionRecord

TODAY = date(2026, 3, 18)  # a Wednesday
ZONE = timezone(timedelta(hours=1))


def record(days_ago: int, rating: str | None = "right", pain: int | None = 2, **more: object) -> SessionRecord:
    day = TODAY - timedelta(days=days_ago)
    start = datetime(day.year, day.month, day.day, 8, tzinfo=ZONE)
    lines = (ExerciseTally("bird-dog", Side.LEFT, 2, 20, False, bool(more.pop("hurt", False))),)
    base = SessionRecord(
        str(days_ago),
        "lower-back",
        "standard",
        start,
        start + timedelta(minutes=15),
        None,
        day,
        "completed",
        1.0,
        lines,
        None,
        "",
        pain,
        None,
        (ExerciseFeedback("bird-dog", rating, Dose(2, 10)),),
    )
    return replace(base, **more)  # type: ignore[arg-type]


NOW = [Current("bird-dog", "Bird-dog", Sides.EACH, Dose(2, 10), "Keep: Bird-dog 2 sets of 10 reps a side.")]


def test_weeks_pain_cells_hurts_and_notes() -> None:
    records = [record(0, "easy", 1), record(1, hurt=True, note="tight"), record(8, "hard", 4), record(60)]
    data = build_report(records, TODAY, 4, 3, NOW, {"bird-dog": "Bird-dog"})
    assert data.start == date(2026, 2, 23) and data.end == TODAY  # four weeks, Monday to today
    assert [n for _, n in data.weeks] == [0, 0, 1, 2]
    assert [p for _, p in data.pain] == [4, 2, 1]  # oldest first; the one 60 days back is outside
    (row,) = data.exercises
    assert [c.dose for c in row.cells] == ["", "", "2x10", "2x10"]
    assert [c.ratings for c in row.cells] == ["", "", "1H", "1E 1R"]
    assert data.hurts == ((TODAY - timedelta(days=1), "Bird-dog"),)
    assert data.notes == ((TODAY - timedelta(days=1), "tight"),)
    assert (data.sessions, data.completed) == (3, 3)


def test_many_weeks_fold_into_at_most_eight_columns() -> None:
    data = build_report([record(3)], TODAY, 20, 3, NOW, {})
    assert len(data.weeks) == 20 and len(data.periods) == 7  # 3 weeks a column
    assert data.periods[-1][1] == TODAY and data.periods[0][0] == data.start


def test_sped_up_demo_runs_are_left_out_of_the_report() -> None:
    records = [record(0, "easy", 1), record(1, speed=200.0, note="demo run")]
    data = build_report(records, TODAY, 4, 3, NOW, {"bird-dog": "Bird-dog"})
    assert (data.sessions, data.completed) == (1, 1)
    assert [n for _, n in data.weeks] == [0, 0, 0, 1]
    assert data.notes == ()
