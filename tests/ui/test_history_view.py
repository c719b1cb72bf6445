"""The History screen over a real store: what it shows, deleting with undo, leaving."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from backtimer.core.session.results import ExerciseTally
from backtimer.core.settings import Settings
from backtimer.storage.history import HistoryStore
from backtimer.storage.records import SessionRecord
from backtimer.ui.history_view import HistoryView

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 12, 18, 0, tzinfo=ZONE)  # a Thursday


def session(days_ago: int, completed: bool = True, comfort: int | None = 6, n: int = 0) -> SessionRecord:
    start = datetime(2026, 3, 12, 7, 30, tzinfo=ZONE) - timedelta(days=days_ago)
    return SessionRecord(
        id=f"00000000-0000-4000-8000-{days_ago:06d}{n:06d}",
        routine="lower-back",
        level="standard",
        started_at=start,
        ended_at=start + timedelta(minutes=15),
        zone="Europe/Paris",
        local_date=start.date(),
        status="completed" if completed else "stopped",
        speed=1.0,
        exercises=(ExerciseTally("bird-dog", None, 2, 16, False, True),),
        comfort=comfort,
        note="stiff <back>",
    )


def make_view(qtbot: QtBot, tmp_path: Path, records: list[SessionRecord], **settings: object) -> HistoryView:
    store = HistoryStore(tmp_path / "history.sqlite3", now=lambda: NOW)
    store.import_records(records)
    view = HistoryView(store, Settings(**settings), now=lambda: NOW)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    return view


def test_empty_history(qtbot: QtBot, tmp_path: Path) -> None:
    view = make_view(qtbot, tmp_path, [])
    assert view.stat_values["current"].text() == "0 days"
    assert view.stat_values["total"].text() == "0"
    assert view.list.isHidden() and not view.empty.isHidden()
    assert not view.delete_button.isEnabled()
    assert view.chart.points == []


def test_streaks_week_and_details(qtbot: QtBot, tmp_path: Path) -> None:
    records = [session(1), session(2), session(3, completed=False), session(4, comfort=None), session(5)]
    view = make_view(qtbot, tmp_path, records, weekly_goal=2)
    assert view.today_label.text() == "Today: not yet"
    assert view.stat_values["current"].text() == "2 days"
    assert view.stat_values["longest"].text() == "2 days"
    assert view.stat_values["week"].text() == "2 of 2"  # Tue, Wed (Monday was stopped)
    assert view.stat_values["total"].text() == "5"
    assert "4 completed · 1 h 15 min" in view.stat_notes["total"].text()
    assert view.model.rowCount() == 5
    assert view.heatmap.days[date(2026, 3, 9)].stopped == 1
    assert [c for _, c in view.chart.points] == [6, 6, 6, 6]
    html = view.details.text()
    assert "Lower back" in html and "Bird dog" in html and "hurt" in html and "stiff &lt;back&gt;" in html


def test_delete_then_undo(qtbot: QtBot, tmp_path: Path) -> None:
    view = make_view(qtbot, tmp_path, [session(0), session(1)])
    assert view.summary.done_today
    QTest.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 1 and not view.summary.done_today
    assert not view.undo_bar.isHidden()
    QTest.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 2 and view.summary.done_today
    assert view.undo_bar.isHidden()


def test_back_signal(qtbot: QtBot, tmp_path: Path) -> None:
    view = make_view(qtbot, tmp_path, [])
    with qtbot.waitSignal(view.back, timeout=1000):
        QTest.keyClick(view, Qt.Key.Key_Escape)


def test_a_demo_run_is_shown_as_a_demo_and_counted_as_home_and_stats_count_it(qtbot: QtBot, tmp_path: Path) -> None:
    from dataclasses import replace

    from backtimer.core.settings import streak_rules

    demo = replace(session(0, n=1), speed=60.0)  # today, at --speed 60
    view = make_view(qtbot, tmp_path, [demo, session(1), session(2)])
    home = HistoryStore(tmp_path / "history.sqlite3").summary(streak_rules(Settings()), NOW)  # home and stats
    assert view.summary is not None
    assert (view.summary.done_today, view.summary.current_streak) == (home.done_today, home.current_streak)
    assert view.today_label.text() == "Today: not yet"  # before: "done", while home said "not yet"
    assert view.stat_values["current"].text() == "2 days"
    assert "demo x60" in str(view.model.data(view.model.index(0, 0)))
    assert "1 demo" in view.stat_notes["total"].text()
