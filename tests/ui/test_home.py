"""Home, the first-launch notice, settings, and bad input on the command line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from backtimer.core.content.model import Level
from backtimer.storage.paths import Paths
from backtimer.storage.settings import SettingsFile
from backtimer.ui.guidance import AvoidDialog
from backtimer.ui.routine_list import RoutineRow
from tests.ui.conftest import Harness


def rows(h: Harness) -> dict[str, RoutineRow]:
    return {row.routine.id: row for row in h.window.home.routines.rows}


def test_home_lists_every_routine_with_its_length_at_each_level(make_harness: Callable[..., Harness]) -> None:
    h = make_harness()
    listed = rows(h)
    assert set(listed) == {"lower-back", "core-stability", "start-small"}
    text = listed["lower-back"].lengths.text()
    for level in ("Beginner", "Standard", "Advanced"):
        assert f"{level} " in text and " min" in text
    assert "<b>Standard " in text  # the chosen level stands out
    home = h.window.home
    assert home.routine is not None and home.routine.id == "lower-back"  # the default last routine
    standard = home.start.text()
    home.level_buttons[Level.ADVANCED].click()
    assert home.level is Level.ADVANCED
    assert home.start.text() != standard
    assert home.start.text().startswith("Start  ·  Lower-back routine  ·  ")
    assert "<b>Advanced " in listed["lower-back"].lengths.text()


def test_today_and_streak_come_from_history_and_vanish_without_it(make_harness: Callable[..., Harness]) -> None:
    h = make_harness()
    home = h.window.home
    assert home.status_card.isVisible()
    assert home.today.text() == "Not yet"
    assert home.streak.text() == "0 days"
    assert home.week.text() == "0 of 3"
    bare = make_harness(bare=True)
    assert not bare.window.home.status_card.isVisible()  # no history: a clean place, no made-up number
    assert not bare.window.home.history.isVisible()


def test_a_finished_session_is_stored_with_its_rating(
    make_harness: Callable[..., Harness], qtbot: QtBot, data_dir: Path
) -> None:
    h = make_harness("start-small", "beginner")
    QTest.keyClick(h.window.home.routines, Qt.Key.Key_Return)  # Enter on the routine list starts it
    assert h.window.current_page() is h.window.player
    h.run_until(lambda: h.window.current_page() is h.window.summary)
    summary = h.window.summary
    assert summary.streak.text() == "1 day"
    QTest.mouseClick(summary.rating.button(7), Qt.MouseButton.LeftButton)
    QTest.mouseClick(summary.rating.button(4), Qt.MouseButton.LeftButton)
    assert summary.pain() == 4  # one number at a time
    QTest.mouseClick(summary.rating.button(4), Qt.MouseButton.LeftButton)
    assert summary.pain() is None  # a second click takes it back: the rating is optional
    QTest.mouseClick(summary.rating.button(8), Qt.MouseButton.LeftButton)
    QTest.keyClicks(summary.note, "felt loose")
    QTest.mouseClick(summary.close_button, Qt.MouseButton.LeftButton)
    assert h.window.current_page() is h.window.home
    assert h.window.home.today.text() == "Done ✓"
    assert h.window.home.streak.text() == "1 day"
    from backtimer.storage.history import HistoryStore

    store = HistoryStore(Paths.resolve(str(data_dir)).history_db)
    [record] = store.sessions()
    store.close()
    assert record.completed
    assert (record.pain, record.comfort, record.note) == (8, None, "felt loose")
    assert record.routine == "start-small"


def test_safety_notice_shows_once_and_avoid_list_is_one_click_away(
    make_harness: Callable[..., Harness], qtbot: QtBot, data_dir: Path
) -> None:
    h = make_harness()
    dialog = h.window.dialogs.safety_once()
    assert dialog is not None and dialog.isVisible()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "not medical advice" in texts and "sharp pain" in texts
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert SettingsFile(Paths.resolve(str(data_dir)).settings_file).load().safety_acknowledged
    again = make_harness()
    assert again.window.dialogs.safety_once() is None
    h.window.home.avoid.click()
    avoid = h.window.findChild(AvoidDialog)
    assert avoid is not None and avoid.isVisible()
    instead = [label.text() for label in avoid.findChildren(QLabel, "instead")]
    assert len(instead) == 4
    assert any("cycling" in text for text in instead)
    avoid.close()


def test_settings_change_the_session_and_are_saved(
    make_harness: Callable[..., Harness], qtbot: QtBot, data_dir: Path
) -> None:
    h = make_harness()
    before = h.window.home.start.text()
    dialog = h.window.dialogs.settings()
    dialog.rest_sets.setValue(90)
    dialog.level.setCurrentIndex(dialog.level.findData("beginner"))
    dialog.rest_days[6].setChecked(True)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.accept()
    saved = SettingsFile(Paths.resolve(str(data_dir)).settings_file).load()
    assert saved.rest_between_sets == 90
    assert saved.rest_weekdays == (6,)
    assert saved.theme == "dark"
    assert h.window.home.level is Level.BEGINNER
    assert h.window.home.start.text() != before
    h.window.home.start.click()
    c = h.window.session.controller
    assert c is not None
    assert c.session.plan.routine.timing.rest_between_sets == 90
    assert c.session.level is Level.BEGINNER


BROKEN = 'id = "broken"\ntitle = "Broken"\ndescription = "x"\n[[exercises]]\nid = "no-such-exercise"\n'


def test_a_broken_routine_file_gives_one_line_and_home_opens(
    make_harness: Callable[..., Harness], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(BROKEN, encoding="utf-8")
    h = make_harness(str(broken))
    assert h.problem is not None
    assert "\n" not in h.problem
    assert str(broken) in h.problem
    assert h.window.current_page() is h.window.home
    assert h.window.home.routine is not None  # the usual routine is still there to start
    unknown = make_harness("no-such-routine", "sideways")
    assert unknown.problem is not None and "no such routine" in unknown.problem


def test_a_routine_file_from_the_command_line_is_listed_and_chosen(
    make_harness: Callable[..., Harness], tmp_path: Path
) -> None:
    good = tmp_path / "mine.toml"
    good.write_text(BROKEN.replace("no-such-exercise", "plank").replace('"broken"', '"mine"'), encoding="utf-8")
    h = make_harness(str(good), "advanced")
    assert h.problem is None
    assert h.window.home.routine is not None and h.window.home.routine.id == "mine"
    assert h.window.home.level is Level.ADVANCED


def test_history_opens_as_a_page_and_back_returns_home(make_harness: Callable[..., Harness], qtbot: QtBot) -> None:
    h = make_harness()
    h.window.resize(1280, 720)
    size = h.window.size()
    assert h.window.home.history.isVisible()
    QTest.mouseClick(h.window.home.history, Qt.MouseButton.LeftButton)
    page = h.window.current_page()
    assert page not in (h.window.home, h.window.player, h.window.summary)
    assert isinstance(page, QScrollArea)  # a tall history scrolls; it never stretches the window for good
    assert h.window.size() == size
    back = getattr(page.widget(), "back", None)
    assert back is not None
    back.emit()
    assert h.window.current_page() is h.window.home


def test_quitting_from_the_summary_keeps_the_rating(
    make_harness: Callable[..., Harness], qtbot: QtBot, data_dir: Path
) -> None:
    h = make_harness("start-small", "beginner")
    QTest.keyClick(h.window.home.routines, Qt.Key.Key_Return)
    h.run_until(lambda: h.window.current_page() is h.window.summary)
    QTest.mouseClick(h.window.summary.rating.button(6), Qt.MouseButton.LeftButton)
    QTest.keyClicks(h.window.summary.note, "quit from here")
    h.window.shut_down()  # the app quits (tray, window manager) without "Save and close"
    from backtimer.storage.history import HistoryStore

    store = HistoryStore(Paths.resolve(str(data_dir)).history_db)
    [record] = store.sessions()
    store.close()
    assert (record.pain, record.note) == (6, "quit from here")


def test_picking_a_routine_by_hand_selects_its_own_level(make_harness: Callable[..., Harness]) -> None:
    h = make_harness("lower-back", "advanced")
    home = h.window.home
    levels = [home.level]  # restored from the command line, not overridden
    small = next(i for i, row in enumerate(home.routines.rows) if row.routine.id == "start-small")
    QTest.mouseClick(home.routines.rows[small], Qt.MouseButton.LeftButton)
    assert home.routine is not None and home.routine.id == "start-small"
    levels.append(home.level)
    QTest.mouseClick(home.level_buttons[Level.STANDARD], Qt.MouseButton.LeftButton)
    levels.append(home.level)  # and the buttons still change it
    assert levels == [Level.ADVANCED, Level.BEGINNER, Level.STANDARD]


def test_no_sound_is_said_on_home_before_the_first_session(make_harness: Callable[..., Harness], qtbot: QtBot) -> None:
    h = make_harness("start-small")
    sound = h.window.home.sound
    plays: list[str] = []

    def play() -> str | None:
        plays.append("beep")
        return "The sound player failed: cannot open audio device"

    sound.check(lambda: "No sound output was found on this computer.", play)
    qtbot.waitUntil(sound.isVisible)
    assert "No sound output" in sound.problem.text()
    assert "Test sound" in sound.hint.text() and sound.test.isVisible()
    QTest.mouseClick(sound.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cannot open audio device" in sound.problem.text())
    assert plays == ["beep"]
    sound.check(lambda: None, play)  # sound works: nothing is said
    qtbot.waitUntil(lambda: not sound.isVisible())
