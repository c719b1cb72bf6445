"""Editing one routine: its name and lengths, its exercises in order with their doses, and the library to add from.

Every change is checked at once by the file loader (through the draft); the reason for a refusal is shown under the
form and Save waits until it is fixed. The total length follows every change.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import asdict

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.content.drafts import EntryDraft, RoutineDraft, new_id
from backtimer.core.content.model import Exercise, Level, Routine, Timing
from backtimer.core.errors import BadInput, ContentError
from backtimer.core.session.plan import build_plan
from backtimer.core.wording import duration_text
from backtimer.ui.editor.entries import EntryDose, EntryList
from backtimer.ui.editor.library import Library
from backtimer.ui.widgets import problem_label, save_and_cancel

SaveRoutine = Callable[[RoutineDraft], Routine]
_TIMING = (
    ("get_ready", "Get ready"),
    ("rest_between_sets", "Rest between sets"),
    ("rest_between_exercises", "Rest between exercises"),
    ("switch_sides", "Switch sides"),
)


def reason(err: ContentError) -> str:
    """The loader's words without the file name: ``field: problem``."""
    return f"{err.field}: {err.problem}" if err.field else err.problem


class RoutineForm(QWidget):
    saved = Signal(object)  # the Routine as stored
    cancelled = Signal()

    def __init__(self, save: SaveRoutine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._exercises: Mapping[str, Exercise] = {}
        self.draft = RoutineDraft("new", "")
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.title = QLineEdit()
        self.description = QLineEdit()
        self.level = QComboBox()
        for level in Level:
            self.level.addItem(level.value.capitalize(), level)
        self.timing: dict[str, QDoubleSpinBox] = {}
        self.entries = EntryList()
        self.entries.setMinimumHeight(120)
        self.dose = EntryDose()
        self.library = Library()
        self.total = QLabel()
        self.total.setWordWrap(True)
        self._loading = False  # True while edit() fills the fields in: no checks half way
        self._new_ids: Collection[str] | None = None
        self.problem = problem_label()
        self.save, self.cancel = save_and_cancel("the routine")
        self._build()
        self._wire()

    def _build(self) -> None:
        details = QFormLayout()
        details.setVerticalSpacing(6)
        details.addRow("Name", self.title)
        details.addRow("Description", self.description)
        details.addRow("Level", self.level)
        for key, label in _TIMING:
            spin = QDoubleSpinBox()
            spin.setRange(0, 9999)
            spin.setDecimals(0)
            spin.setSuffix(" s")
            self.timing[key] = spin
            details.addRow(label, spin)
        left = QVBoxLayout()
        left.addLayout(details)
        left.addWidget(self.total)
        left.addStretch(1)
        middle = QVBoxLayout()
        heading = QLabel("Exercises, in order")
        heading.setProperty("role", "heading")
        middle.addWidget(heading)
        middle.addWidget(self.entries, 1)
        moves = QHBoxLayout()
        for text, tip, action in (
            ("Up", "Move up (Alt+Up)", lambda: self.entries.move_current(-1)),
            ("Down", "Move down (Alt+Down)", lambda: self.entries.move_current(1)),
            ("Remove", "Take it out of the routine (Delete)", self.entries.remove_current),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(action)
            moves.addWidget(button)
        middle.addLayout(moves)
        middle.addWidget(self.dose)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 4)
        columns.addLayout(middle, 4)
        columns.addWidget(self.library, 4)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problem, 1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.save)
        page = QVBoxLayout(self)
        page.setContentsMargins(32, 16, 32, 16)
        page.addWidget(self.heading)
        page.addLayout(columns, 1)
        page.addLayout(buttons)

    def _wire(self) -> None:
        self.title.textChanged.connect(self._changed)
        self.description.textChanged.connect(self._changed)
        self.level.currentIndexChanged.connect(self._changed)
        for spin in self.timing.values():
            spin.valueChanged.connect(self._changed)
        self.entries.changed.connect(self._changed)
        self.entries.currentRowChanged.connect(lambda _row: self._show_dose())
        self.dose.changed.connect(self._dose_changed)
        self.library.chosen.connect(self.add_exercise)
        self.save.clicked.connect(self.try_save)
        self.cancel.clicked.connect(self.cancelled)
        QShortcut(QKeySequence.StandardKey.Save, self, self.try_save)
        QShortcut(QKeySequence("Ctrl+F"), self, self.library.search.setFocus)
        QShortcut(QKeySequence("Ctrl+L"), self, self.entries.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancelled.emit)

    # ----- filling in ------------------------------------------------------------------------------------------
    def edit(
        self,
        draft: RoutineDraft,
        exercises: Mapping[str, Exercise],
        heading: str,
        *,
        new_ids: Collection[str] | None = None,
    ) -> None:
        """Fill the form in; with ``new_ids`` (the ids taken) the routine is new and its id follows its name."""
        self.draft = draft
        self._new_ids = new_ids
        self._exercises = exercises
        self.heading.setText(heading)
        self._loading = True
        self.title.setText(draft.title)
        self.description.setText(draft.description)
        self.level.setCurrentIndex(list(Level).index(draft.default_level))
        timing = asdict(draft.timing)
        for key, spin in self.timing.items():
            spin.setValue(timing[key])
        self.entries.set_entries(draft.entries, exercises)
        self.library.set_exercises(list(exercises.values()))
        self._loading = False
        self._changed()
        self.title.setFocus()

    def add_exercise(self, exercise_id: str) -> None:
        self.entries.append(EntryDraft(exercise_id))

    # ----- checking --------------------------------------------------------------------------------------------
    def _collect(self) -> RoutineDraft:
        d = self.draft
        d.title, d.description = self.title.text(), self.description.text()
        if self._new_ids is not None:
            d.id = new_id(d.title, self._new_ids)
        d.default_level = Level(self.level.currentData())
        values = {key: spin.value() for key, spin in self.timing.items()}
        d.timing = Timing(**values, resume_get_ready=d.timing.resume_get_ready)
        d.entries = self.entries.entries()
        return d

    def check(self) -> Routine | None:
        """The routine as the loader reads it, or None with the reason shown."""
        if self._loading:
            return None
        try:
            routine = self._collect().build(self._exercises)
        except ContentError as err:
            self.problem.setText(reason(err))
            self.save.setEnabled(False)
            return None
        self.problem.setText("")
        self.save.setEnabled(True)
        return routine

    def _changed(self) -> None:
        if self._loading:
            return
        routine = self.check()
        self._show_dose()
        if routine is None:
            self.total.setText("Length: —" if not self.draft.entries else self.total.text())
            return
        lengths = [f"{level.value} {duration_text(build_plan(routine, level).total_seconds)}" for level in Level]
        self.total.setText("Length: " + " · ".join(lengths))

    def _show_dose(self) -> None:
        entry = self.entries.current_entry()
        exercise = self._exercises.get(entry.exercise) if entry else None
        self.dose.show_entry(entry, exercise, Level(self.level.currentData()))

    def _dose_changed(self) -> None:
        self.entries.refresh()
        self._changed()

    def try_save(self) -> None:
        if self.check() is None:
            return
        try:
            routine = self._save(self.draft)
        except BadInput as err:
            self.problem.setText(reason(err) if isinstance(err, ContentError) else str(err))
            return
        self.saved.emit(routine)
