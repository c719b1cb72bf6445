"""Keyboard only: the rating, the summary's Save, the exercise pages, the list of keys, Enter on home."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from backtimer.ui.exercise_detail import ExerciseDialog
from tests.ui.conftest import Harness


def to_summary(h: Harness) -> None:
    QTest.keyClick(h.window.home.routines, Qt.Key.Key_Return)
    h.run_until(lambda: h.window.current_page() is h.window.summary)


def test_the_rating_is_set_by_digits_and_arrows_and_enter_saves(
    make_harness: Callable[..., Harness], qtbot: QtBot
) -> None:
    h = make_harness("start-small", "beginner")
    to_summary(h)
    summary = h.window.summary
    assert summary.rating_row.hasFocus()  # rating at once, no mouse
    assert summary.pain() is None
    QTest.keyClick(summary.rating_row, Qt.Key.Key_7)
    assert summary.pain() == 7
    QTest.keyClick(summary.rating_row, Qt.Key.Key_Right)
    QTest.keyClick(summary.rating_row, Qt.Key.Key_Right)
    assert summary.pain() == 9
    for _ in range(3):
        QTest.keyClick(summary.rating_row, Qt.Key.Key_Right)
    assert summary.pain() == 10  # no further than 10
    QTest.keyClick(summary.rating_row, Qt.Key.Key_Left)
    assert summary.pain() == 9
    QTest.keyClicks(summary.rating_row, "10")  # "1" then "0" is ten
    assert summary.pain() == 10
    QTest.keyClick(summary.rating_row, Qt.Key.Key_Delete)
    assert summary.pain() is None
    QTest.keyClick(summary.rating_row, Qt.Key.Key_3)
    assert "3 of 10" in summary.rating_row.accessibleName()
    QTest.keyClick(summary.rating_row, Qt.Key.Key_Tab)
    assert summary.note.hasFocus()
    QTest.keyClicks(summary.note, "stiff 2")  # digits in the note are text, not a rating
    assert summary.pain() == 3
    QTest.keyClick(summary.note, Qt.Key.Key_Tab)
    assert summary.close_button.hasFocus()
    QTest.keyClick(summary.close_button, Qt.Key.Key_Return)  # Enter on "Save and close" saves and closes
    assert h.window.current_page() is h.window.home
    assert h.window.home.today.text() == "Done ✓"


def test_left_and_right_page_even_when_a_button_has_focus(make_harness: Callable[..., Harness], qtbot: QtBot) -> None:
    h = make_harness("start-small", "beginner")
    QTest.keyClick(h.window.home, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: any(isinstance(w, ExerciseDialog) and w.isVisible() for w in h.window.children()))
    [dialog] = [w for w in h.window.children() if isinstance(w, ExerciseDialog)]
    dialog.close_button.setFocus()
    QTest.keyClick(dialog.close_button, Qt.Key.Key_Right)
    assert dialog.exercise.id == "bird-dog"
    dialog.easier_button.setFocus()
    QTest.keyClick(dialog.easier_button, Qt.Key.Key_Right)
    assert dialog.exercise.id == "knee-drop-twist"
    QTest.keyClick(dialog.close_button, Qt.Key.Key_Left)
    assert dialog.exercise.id == "bird-dog"
    room = dialog.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    dialog.close()


def test_enter_on_home_acts_only_on_the_focused_control(make_harness: Callable[..., Harness], qtbot: QtBot) -> None:
    h = make_harness("start-small", "beginner")
    home = h.window.home
    home.settings.setFocus()
    QTest.keyClick(home.settings, Qt.Key.Key_Return)  # Enter on "Settings" opens the settings, never a session
    assert h.window.current_page() is home
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and dialog.windowTitle() == "Settings"
    dialog.close()
    home.start.setFocus()
    QTest.keyClick(home.start, Qt.Key.Key_Return)
    assert h.window.current_page() is h.window.player


def test_f1_shows_every_key_and_esc_closes_the_list(make_harness: Callable[..., Harness], qtbot: QtBot) -> None:
    h = make_harness("lower-back")
    h.window.home.routines.setFocus()
    QTest.keyClick(h.window.home.routines, Qt.Key.Key_F1)
    keys = h.window.keys.overlay
    assert keys.isVisible() and keys.hasFocus()
    text = " ".join(label.text() for label in keys.findChildren(QWidget) if hasattr(label, "text"))
    for key in ("Space", "H", "1  2  3", "Esc", "M", "F11", "F1  or  ?", "Ctrl+I"):
        assert f"<b>{key}</b>" in text
    QTest.keyClick(keys, Qt.Key.Key_Escape)
    assert not keys.isVisible()
    assert h.window.current_page() is h.window.home  # Esc closed the list only
    assert h.window.home.routines.hasFocus()


def test_every_control_has_an_accessible_name(make_harness: Callable[..., Harness], qtbot: QtBot) -> None:
    h = make_harness("lower-back")
    pages: list[QWidget] = [h.window.home]
    QTest.keyClick(h.window.home.routines, Qt.Key.Key_Return)
    pages.append(h.window.player)
    h.window.session.request_stop()
    QTest.keyClick(h.window.player, Qt.Key.Key_Return)
    pages.append(h.window.summary)
    for page in pages:
        for widget in page.findChildren(QWidget):
            focusable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            if isinstance(widget, QAbstractButton) or (focusable and widget.isVisibleTo(page)):
                label = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
                assert label.strip(), f"{type(widget).__name__} on {type(page).__name__} has no accessible name"
