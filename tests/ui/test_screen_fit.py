"""Every page fits the smallest screen backtimer supports: 1024x600, and a full-HD screen at a scale factor of 2
(960x540 in the window's own pixels). A page that is taller than that scrolls; the window never is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from backtimer.app import create_window
from backtimer.command_line import CommandLine
from backtimer.ui.editor.page import EditorPage
from backtimer.ui.main_window import STARTED_BY_MS, MainWindow
from tests.ui.conftest import FakeClock, Harness

SMALLEST = (960, 540)  # 1080p at scale 2; 1024x600 less a title bar is roomier in both directions


def fits(window: MainWindow) -> bool:
    need = window.minimumSizeHint()
    return need.width() <= SMALLEST[0] and need.height() <= SMALLEST[1]


def test_home_the_player_and_the_summary_each_fit_the_smallest_screen(
    make_harness: Callable[..., Harness],
) -> None:
    h = make_harness("start-small", "beginner")
    w = h.window
    assert fits(w), f"home needs {w.minimumSizeHint()}"
    assert w.home.findChild(QScrollArea) is not None  # home scrolls as a page instead
    w.session.start()
    assert w.stack.currentWidget() is w.player
    assert fits(w), f"the player needs {w.minimumSizeHint()}"
    h.run_until(lambda: w.stack.currentWidget() is w.summary)
    assert fits(w), f"the summary needs {w.minimumSizeHint()}"


def test_the_start_button_stays_in_sight_on_a_short_screen(make_harness: Callable[..., Harness]) -> None:
    h = make_harness("start-small")
    w = h.window
    w.showNormal()
    w.resize(*SMALLEST)
    h.window.repaint()
    start = w.home.start
    top_left = start.mapTo(w, start.rect().topLeft())
    assert start.isVisible()
    assert top_left.y() >= 0 and top_left.y() + start.height() <= w.height()  # not scrolled away below


def test_the_editor_fits_and_its_forms_scroll_rather_than_overflow(make_harness: Callable[..., Harness]) -> None:
    h = make_harness()
    w = h.window
    w.open_editor()
    editor = w.stack.currentWidget()
    assert isinstance(editor, EditorPage)
    assert fits(w), f"the editor needs {w.minimumSizeHint()}"
    room = SMALLEST[0] - 16  # less the page's scroll bar
    for index in range(editor.stack.count()):  # the lists, the routine form, the exercise form
        page = editor.stack.widget(index)
        assert page is not None
        assert page.minimumSizeHint().width() <= room, f"{type(page).__name__} needs {page.minimumSizeHint()}"


def test_the_window_asks_only_for_the_room_of_the_page_on_show(make_harness: Callable[..., Harness]) -> None:
    h = make_harness("start-small")
    w = h.window
    w.session.start()
    w.stack.setCurrentWidget(w.home)  # the player, behind, needs more room than home
    assert w.minimumSizeHint().height() == w.home.minimumSizeHint().height()
    w.stack.setCurrentWidget(w.player)
    assert w.minimumSizeHint().height() == w.player.minimumSizeHint().height()


def test_arrow_keys_on_the_scrolling_summary_still_set_the_pain(make_harness: Callable[..., Harness]) -> None:
    h = make_harness("start-small", "beginner")
    w = h.window
    w.session.start()
    h.run_until(lambda: w.stack.currentWidget() is w.summary)
    w.summary.note.setFocus()
    QTest.keyClick(w.summary.note, Qt.Key.Key_Up)  # the note does not take it; the page must not swallow it
    assert w.summary.rating_row.value() is not None


def test_home_is_filled_in_even_when_the_window_never_paints(
    make_harness: Callable[..., Harness], qtbot: QtBot, data_dir: Path
) -> None:
    """Opened minimised, say: the tray, later starts and the safety notice must come all the same."""
    window, _problem = create_window(CommandLine(data_dir=str(data_dir)), FakeClock())
    qtbot.addWidget(window)  # never shown
    with qtbot.waitSignal(window.started, timeout=STARTED_BY_MS + 5000):
        pass
    assert window.ready
    window.shut_down()
