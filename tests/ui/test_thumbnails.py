"""Exercise pictures on the routine cards and in the history details, and a home that paints before it reads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from backtimer.app import build_practice, create_window
from backtimer.command_line import CommandLine
from backtimer.core.content.model import Level
from backtimer.core.session.results import ExerciseTally
from backtimer.core.settings import Settings
from backtimer.storage.history import HistoryStore
from backtimer.storage.paths import Paths
from backtimer.storage.records import SessionRecord
from backtimer.ui.history_view import HistoryView
from backtimer.ui.thumbnails import Thumbnails, ThumbStrip
from tests.helpers import FakeClock, builtin_catalog
from tests.ui.conftest import Harness

NOW = datetime(2026, 3, 12, 18, 0, tzinfo=timezone(timedelta(hours=1)))


def inked(image_width: int, image_height: int, pixel: Callable[[int, int], QColor]) -> int:
    return sum(1 for y in range(0, image_height, 2) for x in range(0, image_width, 2) if pixel(x, y).alpha() > 0)


def test_every_card_shows_a_picture_of_each_exercise_once_the_window_is_up(
    make_harness: Callable[..., Harness], qtbot: QtBot
) -> None:
    h = make_harness()
    rows = h.window.home.routines.rows
    assert len(rows) == 3
    for card in rows:
        assert [e.id for e in card.pictures.exercises] == [e.exercise.id for e in card.routine.entries]
        qtbot.waitUntil(card.pictures.ready)
        back, ratio = card.pictures.background(), card.pictures.devicePixelRatioF()
        for exercise in card.pictures.exercises:
            image = card.pictures.cache.pixmap(exercise, card.pictures.CELL, back, ratio).toImage()
            assert inked(image.width(), image.height(), image.pixelColor) > 100, exercise.id
    strip = rows[0].pictures
    assert strip.sizeHint().height() == strip.CELL.height()
    assert strip.cell(1).left() == strip.CELL.width() + strip.GAP


def test_pictures_are_drawn_after_the_first_paint_and_reused(qtbot: QtBot) -> None:
    exercises = list(builtin_catalog().exercises.values())[:4]
    cache = Thumbnails()
    strip = ThumbStrip(exercises, cache)
    qtbot.addWidget(strip)
    assert not strip.ready()  # nothing drawn before the strip is on screen
    strip.show()
    qtbot.waitExposed(strip)
    qtbot.waitUntil(strip.ready)
    first = cache.pixmap(exercises[0], strip.CELL, strip.background(), strip.devicePixelRatioF())
    again = cache.pixmap(exercises[0], strip.CELL, strip.background(), strip.devicePixelRatioF())
    assert first.cacheKey() == again.cacheKey()  # drawn once
    other = ThumbStrip(exercises, cache)
    qtbot.addWidget(other)
    assert other.ready()  # a second strip of the same exercises reuses the pictures


def test_hovering_names_the_exercise_and_between_pictures_the_card_takes_the_click(qtbot: QtBot) -> None:

    exercises = list(builtin_catalog().exercises.values())[:3]
    strip = ThumbStrip(exercises, Thumbnails())
    qtbot.addWidget(strip)
    strip.show()
    QTest.mouseMove(strip, strip.cell(1).center())
    qtbot.waitUntil(lambda: strip.hover == 1)
    assert exercises[1].name in strip.toolTip()
    gap = QPoint(strip.CELL.width() + strip.GAP // 2, 5)
    assert strip.index_at(gap) == -1
    with qtbot.assertNotEmitted(strip.clicked):
        QTest.mouseClick(strip, Qt.MouseButton.LeftButton, pos=gap)
    with qtbot.waitSignal(strip.clicked) as blocker:
        QTest.mouseClick(strip, Qt.MouseButton.LeftButton, pos=strip.cell(2).center())
    assert blocker.args == [2]


def test_history_details_put_a_picture_beside_each_known_exercise(qtbot: QtBot, tmp_path: Path) -> None:
    catalog = builtin_catalog()
    start = NOW - timedelta(hours=3)
    record = SessionRecord(
        id="00000000-0000-4000-8000-000000000001",
        routine="lower-back",
        level="standard",
        started_at=start,
        ended_at=start + timedelta(minutes=20),
        zone="",
        local_date=start.date(),
        status="completed",
        speed=1.0,
        exercises=(
            ExerciseTally("bird-dog", None, 2, 20, False, False),
            ExerciseTally("retired-move", None, 1, 5, False, False),  # no longer in the catalog
        ),
        comfort=None,
        note="",
    )
    store = HistoryStore(tmp_path / "history.sqlite3", now=lambda: NOW)
    store.import_records([record])
    names = {e.id: e.name for e in catalog.exercises.values()}
    view = HistoryView(store, Settings(), now=lambda: NOW, names=names, exercises=catalog.exercises)
    qtbot.addWidget(view)
    html = view.details.text()
    assert html.count("<img src='data:image/png;base64,") == 1  # bird-dog; the retired one has none
    assert "Bird-dog" in html and "Retired move" in html
    bare = HistoryView(store, Settings(), now=lambda: NOW)  # without exercises: words only, as before
    qtbot.addWidget(bare)
    assert "<img" not in bare.details.text()


def test_the_window_paints_before_reading_the_routines_and_keeps_the_choices(qtbot: QtBot, data_dir: Path) -> None:
    paths = Paths.resolve(str(data_dir))
    practice = build_practice(paths, FakeClock())
    practice.preferences.apply(replace(practice.settings, last_routine="core-stability", safety_acknowledged=True))
    window, problem = create_window(CommandLine(data_dir=str(data_dir), level="advanced"), practice=practice)
    qtbot.addWidget(window)
    assert problem is None
    assert window.home.routines.rows == []  # not read yet: the first paint comes first
    assert window.home.start.isEnabled()  # and Start does not flash grey meanwhile
    window.show()
    qtbot.waitUntil(lambda: window.ready)
    assert len(window.home.routines.rows) == 3
    assert window.home.routine is not None and window.home.routine.id == "core-stability"
    assert window.home.level is Level.ADVANCED
    assert window.home.start.text().startswith("Start  ·  Core stability  ·  ")
    window.shut_down()
