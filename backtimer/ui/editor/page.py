"""The routine editor page: your routines and exercises listed, and the forms to make and change them.

Built-in routines are read-only: editing one makes a copy. Everything is saved through the practice layer's
OwnContent (atomic writes to the data folder); home follows every change.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.content.drafts import ExerciseDraft, RoutineDraft, copy_of, new_id
from backtimer.core.content.model import Routine
from backtimer.core.errors import BadInput
from backtimer.practice.content import OwnContent
from backtimer.ui import screen_fit
from backtimer.ui.editor.exercise_form import ExerciseForm
from backtimer.ui.editor.programme import Ask, ChoosePath, Inform, ask_open_path, ask_save_path, open_programme
from backtimer.ui.editor.routine_form import RoutineForm
from backtimer.ui.flow_layout import FlowLayout

SavePath = Callable[[str], Path | None]


def _button(text: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    return button


class EditorPage(QWidget):
    back = Signal()
    opened = Signal(object, bool)  # a routine from a programme file, and whether it was kept

    def __init__(
        self,
        content: OwnContent,
        ask: Ask,
        inform: Inform,
        *,
        open_path: ChoosePath | None = None,
        save_path: SavePath | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.content, self.ask, self.inform = content, ask, inform
        self.open_path = open_path or ask_open_path(self)
        self.save_path = save_path or (lambda name: ask_save_path(self, name))
        self.stack = QStackedWidget()
        self.lists = QWidget()
        self.routines = QListWidget()
        self.exercises = QListWidget()
        for listing in (self.routines, self.exercises):
            listing.setMinimumHeight(120)
        self.routine_form = RoutineForm(content.save_routine)
        self.exercise_form = ExerciseForm(content.save_exercise)
        self.buttons = {
            "back": _button("Back", "Back to home (Esc)"),
            "new": _button("New routine", "Start an empty routine (N)"),
            "duplicate": _button("Duplicate", "A copy of the chosen routine to change (D)"),
            "edit": _button("Edit", "Change the chosen routine; a built-in one is copied first (Enter)"),
            "delete": _button("Delete", "Delete the chosen routine of yours (Delete)"),
            "export": _button("Export…", "Save the chosen routine as one programme file to send (X)"),
            "open": _button("Open a programme file…", "Open a programme or routine file (O)"),
            "new_exercise": _button("New exercise", "Make an exercise of your own (E)"),
            "edit_exercise": _button("Edit", "Change the chosen exercise of yours (Enter)"),
            "delete_exercise": _button("Delete", "Delete the chosen exercise of yours (Delete)"),
        }
        self.message = QLabel()
        self.message.setProperty("role", "muted")
        self.message.setWordWrap(True)
        self._build()
        self._wire()
        self._shortcuts()
        self.refresh()

    def _build(self) -> None:
        heading = QLabel("Your routines and exercises")
        heading.setProperty("role", "title")
        heading.setWordWrap(True)  # two lines rather than a window wider than a small screen
        b = self.buttons
        grid = QGridLayout()
        grid.setHorizontalSpacing(32)
        for column, (title, listing, names) in enumerate(
            (
                ("Routines", self.routines, ("new", "duplicate", "edit", "delete", "export")),
                ("Your own exercises", self.exercises, ("new_exercise", "edit_exercise", "delete_exercise")),
            )
        ):
            label = QLabel(title)
            label.setProperty("role", "heading")
            grid.addWidget(label, 0, column)
            grid.addWidget(listing, 1, column)
            row = FlowLayout()  # wraps onto a second row on a narrow screen
            for name in names:
                row.addWidget(b[name])
            grid.addLayout(row, 2, column)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(b["open"])
        top.addWidget(b["back"])
        page = QVBoxLayout(self.lists)
        page.setContentsMargins(32, 16, 32, 16)
        page.addLayout(top)
        page.addWidget(self.message)
        page.addLayout(grid, 1)
        for widget in (self.lists, self.routine_form, self.exercise_form):
            self.stack.addWidget(widget)
        screen_fit.size_by_current_page(self.stack)  # the lists need less room than the forms
        outer = QVBoxLayout(screen_fit.scroll_page(self))  # a form taller than the screen scrolls
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    def _wire(self) -> None:
        b = self.buttons
        b["back"].clicked.connect(self.back)
        b["new"].clicked.connect(self.new_routine)
        b["duplicate"].clicked.connect(self.duplicate)
        b["edit"].clicked.connect(self.edit_routine)
        b["delete"].clicked.connect(self.delete_routine)
        b["export"].clicked.connect(self.export)
        b["open"].clicked.connect(self.open_file)
        b["new_exercise"].clicked.connect(self.new_exercise)
        b["edit_exercise"].clicked.connect(self.edit_exercise)
        b["delete_exercise"].clicked.connect(self.delete_exercise)
        self.routines.itemActivated.connect(lambda _item: self.edit_routine())
        self.exercises.itemActivated.connect(lambda _item: self.edit_exercise())
        self.routines.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.exercises.currentRowChanged.connect(lambda _row: self._update_buttons())
        for form in (self.routine_form, self.exercise_form):
            form.cancelled.connect(self.show_lists)
        self.routine_form.saved.connect(lambda r: self._saved(f"Saved {r.title}.", r.id))
        self.exercise_form.saved.connect(lambda e: self._saved(f"Saved {e.name}.", ""))

    # ----- the lists -------------------------------------------------------------------------------------------
    def refresh(self, keep: str = "") -> None:
        catalog = self.content.catalog
        wanted = keep or self.current_routine_id()
        self.routines.clear()
        for routine in catalog.routines.values():
            whose = "yours" if self.content.is_own(routine) else "built-in"
            item = QListWidgetItem(f"{routine.title}  ·  {len(routine.entries)} exercises  ·  {whose}")
            item.setData(Qt.ItemDataRole.UserRole, routine.id)
            self.routines.addItem(item)
            if routine.id == wanted:
                self.routines.setCurrentItem(item)
        if self.routines.currentRow() < 0 and self.routines.count():
            self.routines.setCurrentRow(0)
        self.exercises.clear()
        for exercise in self.content.own_exercises():
            item = QListWidgetItem(f"{exercise.name}  ·  {exercise.position}")
            item.setData(Qt.ItemDataRole.UserRole, exercise.id)
            self.exercises.addItem(item)
        if self.exercises.count():
            self.exercises.setCurrentRow(0)
        self._update_buttons()

    def current_routine_id(self) -> str:
        item = self.routines.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def current_routine(self) -> Routine | None:
        return self.content.catalog.routines.get(self.current_routine_id())

    def current_exercise_id(self) -> str:
        item = self.exercises.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def _update_buttons(self) -> None:
        routine = self.current_routine()
        own = routine is not None and self.content.is_own(routine)
        b = self.buttons
        for name in ("duplicate", "edit", "export"):
            b[name].setEnabled(routine is not None)
        b["edit"].setText("Edit" if own or routine is None else "Edit a copy")
        b["delete"].setEnabled(own)
        for name in ("edit_exercise", "delete_exercise"):
            b[name].setEnabled(bool(self.current_exercise_id()))

    def show_lists(self) -> None:
        self.stack.setCurrentWidget(self.lists)
        self.routines.setFocus()

    def _saved(self, message: str, routine_id: str) -> None:
        self.message.setText(message)
        self.refresh(routine_id)
        self.show_lists()

    # ----- routines --------------------------------------------------------------------------------------------
    def new_routine(self) -> None:
        taken = self.content.taken_routine_ids()
        draft = RoutineDraft(new_id("My routine", taken), "My routine")
        self.routine_form.edit(draft, self.content.catalog.exercises, "New routine", new_ids=taken)
        self.stack.setCurrentWidget(self.routine_form)

    def duplicate(self, *, heading: str = "Copy of a routine") -> None:
        routine = self.current_routine()
        if routine is None:
            return
        taken = self.content.taken_routine_ids()
        draft = copy_of(routine, taken)
        self.routine_form.edit(draft, self.content.catalog.exercises, heading, new_ids=taken)
        self.stack.setCurrentWidget(self.routine_form)

    def edit_routine(self) -> None:
        routine = self.current_routine()
        if routine is None:
            return
        if not self.content.is_own(routine):
            self.duplicate(heading=f"{routine.title} is built in: you are editing your own copy")
            return
        self.routine_form.edit(RoutineDraft.of(routine), self.content.catalog.exercises, f"Edit {routine.title}")
        self.stack.setCurrentWidget(self.routine_form)

    def delete_routine(self) -> None:
        routine = self.current_routine()
        if routine is None or not self.content.is_own(routine):
            return
        if self.ask("Delete the routine?", f"Delete “{routine.title}”? Sessions in history keep its name."):
            self._try(lambda: self.content.delete_routine(routine.id), f"Deleted {routine.title}.")

    def export(self) -> None:
        routine = self.current_routine()
        if routine is None:
            return
        path = self.save_path(f"{routine.id}.toml")
        if path is not None:
            self._try(lambda: self.content.export(routine.id, path), f"Wrote {routine.title} to {path}.")

    def open_file(self) -> None:
        path = self.open_path()
        if path is None:
            return
        opened = open_programme(self.content, path, self.ask, self.inform)
        if opened is not None:
            self.refresh(opened[0].id if opened[1] else "")
            self.opened.emit(*opened)

    # ----- exercises -------------------------------------------------------------------------------------------
    def new_exercise(self) -> None:
        taken = self.content.taken_exercise_ids()
        draft = ExerciseDraft(new_id("My exercise", taken), "My exercise")
        self._edit_exercise(draft, "New exercise", taken)

    def edit_exercise(self) -> None:
        exercise = self.content.catalog.exercises.get(self.current_exercise_id())
        if exercise is not None:
            self._edit_exercise(ExerciseDraft.of(exercise, self.content.catalog.builtin), f"Edit {exercise.name}")

    def _edit_exercise(self, draft: ExerciseDraft, heading: str, new_ids: Collection[str] | None = None) -> None:
        catalog = self.content.catalog
        positions = sorted({e.position for e in catalog.exercises.values()})
        self.exercise_form.edit(draft, catalog.builtin, positions, heading, new_ids=new_ids)
        self.stack.setCurrentWidget(self.exercise_form)

    def delete_exercise(self) -> None:
        ident = self.current_exercise_id()
        exercise = self.content.catalog.exercises.get(ident)
        if exercise is not None and self.ask("Delete the exercise?", f"Delete “{exercise.name}”?"):
            self._try(lambda: self.content.delete_exercise(ident), f"Deleted {exercise.name}.")

    def _try(self, action: Callable[[], None], done: str) -> None:
        try:
            action()
        except BadInput as err:
            self.inform("That did not work", str(err))
            return
        self.message.setText(done)
        self.refresh()

    def _shortcuts(self) -> None:
        """Keys on the lists: N new routine, E new exercise, D duplicate, X export, O open, Delete, Esc back."""
        keys: list[tuple[QKeySequence | str, Callable[[], None]]] = [
            ("N", self.new_routine),
            ("E", self.new_exercise),
            ("D", self.duplicate),
            ("X", self.export),
            ("O", self.open_file),
            (QKeySequence(Qt.Key.Key_Delete), self._delete_focused),
            (QKeySequence(Qt.Key.Key_Escape), self.back.emit),
        ]
        for key, action in keys:
            shortcut = QShortcut(QKeySequence(key), self.lists, action)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _delete_focused(self) -> None:
        (self.delete_exercise if self.exercises.hasFocus() else self.delete_routine)()
