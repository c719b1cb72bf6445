"""The routine editor in the real window: driven by the keyboard alone, and its files checked on disk."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from backtimer.core.content.catalog import Catalog
from backtimer.core.content.drafts import EntryDraft, ExerciseDraft, Pace, RoutineDraft
from backtimer.resources import assets_dir
from backtimer.ui.editor.page import EditorPage
from tests.ui.conftest import Harness

EXAMPLE = Path(__file__).parents[2] / "docs" / "examples" / "heel-slides-programme.toml"
KEY = Qt.Key
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


class Keys:
    """Presses keys on whatever has the focus, as a person at the keyboard would."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the focus"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
        QTest.keyClick(self.focus(), key, modifier)

    def type(self, text: str) -> None:
        QTest.keyClicks(self.focus(), text)

    def replace(self, text: str) -> None:
        self.press(KEY.Key_A, CTRL)
        self.type(text)

    def tab_to(self, target: QWidget, limit: int = 40) -> None:
        for _ in range(limit):
            if self.focus() is target or target.isAncestorOf(self.focus()):
                return
            self.press(KEY.Key_Tab)
        raise AssertionError(f"Tab never reached {target!r}")


def open_editor(h: Harness, keys: Keys) -> EditorPage:
    h.window.activateWindow()
    h.window.home.routines.setFocus()
    keys.press(KEY.Key_R)
    page = h.window.current_page()
    assert isinstance(page, EditorPage)
    return page


def test_a_routine_made_with_the_keyboard_alone(
    make_harness: Callable[..., Harness], qtbot: QtBot, data_dir: Path
) -> None:
    h = make_harness()
    keys = Keys(qtbot)
    page = open_editor(h, keys)
    form = page.routine_form
    keys.press(KEY.Key_N)
    assert page.stack.currentWidget() is form and keys.focus() is form.title
    keys.replace("Evening stretch")
    keys.press(KEY.Key_F, CTRL)
    assert keys.focus() is form.library.search
    keys.type("hamstrings")
    assert set(form.library.shown_ids()) == {"glute-bridge", "figure-four-bridge", "prone-leg-lift"}
    keys.replace("bridge")
    keys.press(KEY.Key_Down)  # Figure-four glute bridge, then Glute bridge
    keys.press(KEY.Key_Return)
    keys.replace("all fours")  # by body position
    keys.press(KEY.Key_Return)
    assert [e.exercise for e in form.entries.entries()] == ["glute-bridge", "bird-dog"]
    before = form.total.text()
    keys.press(KEY.Key_L, CTRL)
    keys.press(KEY.Key_Up, ALT)
    assert [e.exercise for e in form.entries.entries()] == ["bird-dog", "glute-bridge"]
    keys.tab_to(form.dose.sets)
    keys.replace("11")
    assert form.problem.text() == "exercises[0].sets: 11 is out of range (1 to 10)"
    assert not form.save.isEnabled()
    keys.replace("3")
    assert form.problem.text() == "" and form.save.isEnabled()
    assert form.total.text() != before  # a third set of bird-dogs: longer
    keys.press(KEY.Key_S, CTRL)
    assert page.stack.currentWidget() is page.lists
    saved = tomllib.loads((data_dir / "routines" / "evening-stretch.toml").read_text(encoding="utf-8"))
    assert saved["title"] == "Evening stretch"
    assert saved["exercises"] == [{"id": "bird-dog", "sets": 3}, {"id": "glute-bridge"}]
    keys.press(KEY.Key_Escape)
    assert h.window.current_page() is h.window.home
    assert h.window.home.routine is not None
    assert "evening-stretch" in [r.id for r in h.window.catalog.routines.values()]


def test_an_exercise_made_with_the_keyboard_alone(
    make_harness: Callable[..., Harness], qtbot: QtBot, data_dir: Path
) -> None:
    h = make_harness()
    keys = Keys(qtbot)
    page = open_editor(h, keys)
    form = page.exercise_form
    keys.press(KEY.Key_E)
    assert page.stack.currentWidget() is form and keys.focus() is form.name
    keys.replace("Bridge hold")
    keys.tab_to(form.position)
    keys.replace("on back")
    keys.tab_to(form.summary)
    keys.type("Lift your hips and hold them up.")
    keys.tab_to(form.pace)
    keys.press(KEY.Key_Down)  # timed hold
    keys.tab_to(form.how_to)
    keys.type("Lie on your back with knees bent.")
    keys.press(KEY.Key_Return)
    keys.type("Lift your hips and hold.")
    keys.tab_to(form.beginner)
    keys.type("Lift only a little.")
    keys.tab_to(form.form_cue)
    keys.type("Breathe out as you lift.")
    keys.tab_to(form.muscles)
    keys.type("glutes, hamstrings")
    assert form.problem.text() == ""
    keys.tab_to(form.doses[next(iter(form.doses))][2])
    keys.replace("700")
    assert form.problem.text() == "dose.beginner.hold: 700.0 is out of range (1 to 600 seconds)"
    keys.replace("20")
    keys.tab_to(form.figure)
    keys.press(KEY.Key_Down)  # the first template: on your back, knees bent
    assert form.preview.pixmap() is not None and not form.preview.pixmap().isNull()
    keys.press(KEY.Key_S, CTRL)
    assert page.stack.currentWidget() is page.lists
    catalog = Catalog.load(assets_dir(), data_dir)
    made = catalog.exercises["bridge-hold"]
    assert made.mode.value == "hold" and made.form_cue == "Breathe out as you lift."
    assert made.how_to == ("Lie on your back with knees bent.", "Lift your hips and hold.")
    assert made.figure["poses"]["start"] and made.figure["hold"] == "start"
    assert [page.exercises.item(i).text() for i in range(page.exercises.count())] == ["Bridge hold  ·  on back"]


def test_editing_a_builtin_makes_a_copy_and_dragging_reorders(
    make_harness: Callable[..., Harness], data_dir: Path
) -> None:
    h = make_harness()
    page = h.window.open_editor()
    assert page is not None
    row = [page.routines.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.routines.count())]
    page.routines.setCurrentRow(row.index("start-small"))
    assert page.buttons["edit"].text() == "Edit a copy" and not page.buttons["delete"].isEnabled()
    page.edit_routine()
    form = page.routine_form
    assert "built in" in form.heading.text() and form.draft.title == "Start small (my copy)"
    first = [e.exercise for e in form.entries.entries()]
    assert form.entries.model().moveRows(QModelIndex(), 0, 1, QModelIndex(), len(first))  # what a drop does
    assert [e.exercise for e in form.entries.entries()] == [*first[1:], first[0]]
    form.try_save()
    assert (data_dir / "routines" / "start-small-my-copy.toml").exists()
    assert not (data_dir / "routines" / "start-small.toml").exists()
    assert h.window.catalog.routines["start-small"].entries[0].exercise.id == first[0]


def test_deleting_keeps_the_name_for_history(make_harness: Callable[..., Harness], data_dir: Path) -> None:
    h = make_harness()
    page = h.window.open_editor()
    assert page is not None
    page.content.import_programme(page.content.open_programme(EXAMPLE))
    page.refresh("gentle-start-with-heel-slides")
    assert page.buttons["delete"].isEnabled()
    page.delete_routine()
    assert h.asker.asked[-1] == "Delete the routine?"
    assert not (data_dir / "routines" / "gentle-start-with-heel-slides.toml").exists()
    assert page.content.catalog.names()["gentle-start-with-heel-slides"] == "Gentle start with heel slides"
    page.exercises.setCurrentRow(0)
    page.exercises.setFocus()
    page.delete_exercise()  # no routine uses it any more
    assert not (data_dir / "exercises" / "heel-slide.toml").exists()


def test_an_exercise_in_use_is_not_deleted(make_harness: Callable[..., Harness]) -> None:
    h = make_harness()
    page = h.window.open_editor()
    assert page is not None
    page.content.import_programme(page.content.open_programme(EXAMPLE))
    page.refresh()
    page.delete_exercise()
    assert h.informed == [
        "heel-slide: still used by Gentle start with heel slides; take it out of those routines first"
    ]


def test_opening_programme_files(make_harness: Callable[..., Harness], tmp_path: Path, data_dir: Path) -> None:
    h = make_harness()
    bad = tmp_path / "bad.toml"
    bad.write_text(EXAMPLE.read_text(encoding="utf-8").replace("reps = 8\n", "reps = 0\n", 1), encoding="utf-8")
    h.window.open_programme_file(bad)
    assert h.informed == [f"{bad}: exercises[2].reps: 0 is out of range (1 to 100)"]
    assert not (data_dir / "routines").exists()
    h.asker.answer = False  # just try it
    h.window.open_programme_file(EXAMPLE)
    assert h.window.home.routine is not None and h.window.home.routine.id == "gentle-start-with-heel-slides"
    assert not (data_dir / "routines").exists()
    h.asker.answer = True  # keep it
    h.window.open_programme_file(EXAMPLE)
    assert (data_dir / "routines" / "gentle-start-with-heel-slides.toml").exists()
    assert h.window.home.routine is not None and h.window.home.routine.id == "gentle-start-with-heel-slides"


def test_the_player_shows_a_card_for_an_exercise_without_a_figure(
    make_harness: Callable[..., Harness], qtbot: QtBot
) -> None:
    h = make_harness()
    content = h.window.dialogs.parts.content
    assert content is not None
    draft = ExerciseDraft("wall-press", name="Wall press", position="standing", pace=Pace.HOLD)
    draft.summary, draft.how_to, draft.beginner, draft.muscles = "Press.", ["Stand tall."], "Gently.", ["core"]
    content.save_exercise(draft)
    content.save_routine(RoutineDraft("wall", "Wall", entries=[EntryDraft("wall-press")]))
    h.window.home.select("wall", h.window.home.level)
    h.window.session.start()
    h.advance(12)
    figure = h.window.player.figure.figure
    assert figure is not None
    image = figure.grab().toImage()
    dark = sum(
        QColor(image.pixel(x, y)).lightness() < 100
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
    )
    assert dark > 40  # a card with text on it (the name, the position, the summary), not an empty box
