"""The exercise detail view: opened from a routine card's picture, "The exercises" or E; pages with ← and →."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from backtimer.core.content.model import Level, RoutineEntry
from backtimer.core.figures.poses import figure_of
from backtimer.ui.exercise_detail import ExerciseDialog, dose_text, tempo_text
from backtimer.ui.routine_list import RoutineRow
from tests.helpers import builtin_catalog
from tests.ui.conftest import Harness


def row(h: Harness, routine_id: str) -> RoutineRow:
    return next(r for r in h.window.home.routines.rows if r.routine.id == routine_id)


def open_dialogs(h: Harness) -> list[ExerciseDialog]:
    return [d for d in h.window.findChildren(ExerciseDialog) if d.isVisible()]


def test_a_click_on_a_picture_opens_that_exercise_and_chooses_its_routine(
    make_harness: Callable[..., Harness], qtbot: QtBot
) -> None:
    h = make_harness()
    card = row(h, "core-stability")
    assert h.window.home.routine is not None and h.window.home.routine.id != "core-stability"
    strip = card.pictures
    QTest.mouseClick(strip, Qt.MouseButton.LeftButton, pos=strip.cell(2).center())
    qtbot.waitUntil(lambda: len(open_dialogs(h)) == 1)
    [dialog] = open_dialogs(h)
    assert dialog.exercise.id == card.routine.entries[2].exercise.id
    assert h.window.home.routine is not None and h.window.home.routine.id == "core-stability"
    assert dialog.place.text() == "Core stability · Exercise 3 of 5"
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not open_dialogs(h))


def test_the_page_shows_everything_about_the_exercise_at_the_chosen_level(
    make_harness: Callable[..., Harness], qtbot: QtBot
) -> None:
    h = make_harness("lower-back", "advanced")
    QTest.mouseClick(h.window.home.exercises, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(open_dialogs(h)) == 1)
    [dialog] = open_dialogs(h)
    entries = h.window.catalog.routines["lower-back"].entries
    assert dialog.exercise.id == entries[0].exercise.id  # the routine's first exercise
    while dialog.exercise.id != "bird-dog":
        QTest.keyClick(dialog, Qt.Key.Key_Right)
    bird = h.window.catalog.exercises["bird-dog"]
    assert dialog.name.text() == "Bird-dog"
    assert "all fours" in dialog.where.text() and "each side" in dialog.where.text()
    assert dialog.dose.text() == "3 sets of 12 reps per side"  # the advanced dose
    assert dialog.tempo.text() == "Each rep: Reach 2 s · Hold 2 s · Return 2 s"
    assert "Beginner: 2 sets of 8 reps per side" in dialog.levels.text()
    for step in bird.how_to:
        assert step.split(",")[0] in dialog.how_to.text()
    assert dialog.easier.text() == bird.beginner
    assert "Multifidus" in dialog.muscles.text()
    assert [caption for _, caption in dialog.poses.labels()] == ["Start", "Reach"]
    assert dialog.poses.isVisible()


def test_left_and_right_page_through_the_routine_and_stop_at_its_ends(
    make_harness: Callable[..., Harness], qtbot: QtBot
) -> None:
    h = make_harness("start-small", "beginner")
    QTest.keyClick(h.window.home, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: len(open_dialogs(h)) == 1)
    [dialog] = open_dialogs(h)
    seen = [dialog.exercise.id]
    assert not dialog.previous_button.isEnabled()
    for _ in range(5):
        QTest.keyClick(dialog, Qt.Key.Key_Right)
        if dialog.exercise.id != seen[-1]:
            seen.append(dialog.exercise.id)
    assert seen == ["glute-bridge", "bird-dog", "knee-drop-twist"]
    assert not dialog.next_button.isEnabled()
    QTest.mouseClick(dialog.previous_button, Qt.MouseButton.LeftButton)
    assert dialog.exercise.id == "bird-dog"
    QTest.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not open_dialogs(h))


def test_the_easier_form_shows_its_own_key_poses(qtbot: QtBot) -> None:
    catalog = builtin_catalog()
    entries = [RoutineEntry(e) for e in catalog.exercises.values()]
    dialog = ExerciseDialog(entries, 0, Level.BEGINNER)
    qtbot.addWidget(dialog)
    dialog.show()
    with_easier = [i for i, e in enumerate(entries) if _has_easier(e)]
    assert with_easier, "some exercise should have an easier form with poses of its own"
    dialog.show_entry(with_easier[0])
    assert dialog.easier_button.isVisible()
    usual = dialog.poses.grab().toImage()
    QTest.mouseClick(dialog.easier_button, Qt.MouseButton.LeftButton)
    assert dialog.easier_button.text() == "Show the usual form"
    assert dialog.poses.grab().toImage() != usual
    dialog.show_entry(with_easier[0] - 1 if with_easier[0] else with_easier[0] + 1)
    assert not dialog.easier_button.isChecked()  # each exercise opens in its usual form


def _has_easier(entry: RoutineEntry) -> bool:
    figure = figure_of(entry.exercise)
    return figure is not None and bool(figure.easier)


def test_dose_wording_for_holds_reps_sides_and_own_pace() -> None:
    exercises = builtin_catalog().exercises
    plank, bridge, side_plank = exercises["plank"], exercises["glute-bridge"], exercises["side-plank"]
    hold = plank.dose(Level.STANDARD).hold
    assert dose_text(RoutineEntry(plank), Level.STANDARD).endswith(f"of a {hold:g}-second hold")
    assert dose_text(RoutineEntry(side_plank), Level.STANDARD).endswith("hold per side")
    assert tempo_text(RoutineEntry(plank), Level.STANDARD) == ""
    reps = bridge.dose(Level.BEGINNER).reps
    assert dose_text(RoutineEntry(bridge, sets=1), Level.BEGINNER) == f"1 set of {reps} reps"
    own = RoutineEntry(bridge, self_paced=True)
    assert dose_text(own, Level.BEGINNER).endswith("at your own pace")
    assert tempo_text(own, Level.BEGINNER) == ""
