"""Editing one of the person's own exercises: what it is, how it is done, its doses and its figure.

As with routines, the draft is read back by the file loader on every change; its reason is shown and Save waits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.content.drafts import DoseDraft, ExerciseDraft, Pace, new_id
from backtimer.core.content.model import Exercise, Level, Sides
from backtimer.core.errors import BadInput, ContentError
from backtimer.core.figures.poses import parse_figure
from backtimer.core.figures.templates import TEMPLATES
from backtimer.ui.editor.routine_form import reason
from backtimer.ui.figure_widget import main_pose, render_pose
from backtimer.ui.widgets import problem_label, save_and_cancel

SaveExercise = Callable[[ExerciseDraft], Exercise]
PACES = (
    (Pace.PACED, "Paced reps, following a tempo"),
    (Pace.HOLD, "Timed hold"),
    (Pace.OWN, "Reps at your own pace"),
)
SIDES = (
    (Sides.NONE, "No sides: both at once"),
    (Sides.EACH, "Each side: all reps, then switch"),
    (Sides.ALTERNATE, "Alternating left and right"),
)
OWN_FIGURE = "own"
_PHASE = re.compile(r"^\s*(.+?)\s+(\d+(?:\.\d+)?)\s*s?\s*$")


def parse_tempo(text: str) -> list[tuple[str, float, str | None]] | None:
    """``Lift 2, Hold 1, Lower 2`` as phases (poses are kept by the caller); None if a part is not "word seconds"."""
    phases: list[tuple[str, float, str | None]] = []
    for part in text.split(","):
        found = _PHASE.match(part)
        if found is None:
            return None
        phases.append((str(found.group(1)), float(found.group(2)), None))
    return phases


def tempo_text(phases: list[tuple[str, float, str | None]]) -> str:
    return ", ".join(f"{word} {seconds:g}" for word, seconds, _pose in phases)


class ExerciseForm(QWidget):
    saved = Signal(object)  # the Exercise as stored
    cancelled = Signal()

    def __init__(self, save: SaveExercise, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._bundled: Mapping[str, Exercise] = {}
        self._loading = False  # True while edit() fills the fields in: no checks half way
        self._new_ids: Collection[str] | None = None
        self._own_figure: dict[str, object] = {}  # the figure the exercise came with, if it is no template
        self.draft = ExerciseDraft("new")
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.name, self.summary, self.beginner = QLineEdit(), QLineEdit(), QLineEdit()
        self.form_cue, self.muscles, self.tempo = QLineEdit(), QLineEdit(), QLineEdit()
        self.tempo.setPlaceholderText("Lift 2, Hold 1, Lower 2")
        self.muscles.setPlaceholderText("glutes, deep core")
        self.position = QComboBox()
        self.position.setEditable(True)
        self.pace, self.sides, self.figure = QComboBox(), QComboBox(), QComboBox()
        for combo, options in ((self.pace, PACES), (self.sides, SIDES)):
            for value, label in options:
                combo.addItem(label, value)
        self.how_to = QPlainTextEdit()
        self.how_to.setPlaceholderText("One step a line")
        self.how_to.setTabChangesFocus(True)
        self.how_to.setMinimumHeight(90)
        self.how_to.setMaximumHeight(260)
        self.doses: dict[Level, tuple[QSpinBox, QSpinBox, QDoubleSpinBox]] = {}
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(220, 140)
        self.problem = problem_label()
        self.save, self.cancel = save_and_cancel("the exercise")
        self._build()
        self._wire()

    def _build(self) -> None:
        about = QFormLayout()
        about.setVerticalSpacing(6)
        about.addRow("Name", self.name)
        about.addRow("Body position", self.position)
        about.addRow("In one sentence", self.summary)
        about.addRow("Kind", self.pace)
        about.addRow("Tempo", self.tempo)
        about.addRow("Sides", self.sides)
        about.addRow("How to do it", self.how_to)
        about.addRow("Easier form", self.beginner)
        about.addRow("Form cue", self.form_cue)
        about.addRow("Muscles", self.muscles)
        right = QVBoxLayout()
        heading = QLabel("Doses")
        heading.setProperty("role", "heading")
        right.addWidget(heading)
        right.addLayout(self._dose_grid())
        figure_heading = QLabel("Figure")
        figure_heading.setProperty("role", "heading")
        right.addWidget(figure_heading)
        right.addWidget(self.figure)
        right.addWidget(self.preview, 1)
        columns = QHBoxLayout()
        columns.setSpacing(32)
        columns.addLayout(about, 3)
        columns.addLayout(right, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problem, 1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.save)
        page = QVBoxLayout(self)
        page.setContentsMargins(32, 16, 32, 16)
        page.addWidget(self.heading)
        page.addLayout(columns, 1)
        page.addLayout(buttons)

    def _dose_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setVerticalSpacing(6)
        for column, title in enumerate(("", "Sets", "Reps", "Hold")):
            grid.addWidget(QLabel(title), 0, column)
        for row, level in enumerate(Level, start=1):
            sets, reps, hold = QSpinBox(), QSpinBox(), QDoubleSpinBox()
            sets.setRange(0, 99)
            reps.setRange(0, 999)
            hold.setRange(0, 9999)
            hold.setDecimals(1)
            hold.setSuffix(" s")
            hold.setSpecialValueText("none")
            grid.addWidget(QLabel(level.value.capitalize()), row, 0)
            for column, spin in enumerate((sets, reps, hold), start=1):
                spin.setAccessibleName(f"{level.value} {('sets', 'reps', 'hold')[column - 1]}")
                grid.addWidget(spin, row, column)
            self.doses[level] = (sets, reps, hold)
        return grid

    def _wire(self) -> None:
        for line in (self.name, self.summary, self.beginner, self.form_cue, self.muscles, self.tempo):
            line.textChanged.connect(self._changed)
        self.position.editTextChanged.connect(self._changed)
        self.how_to.textChanged.connect(self._changed)
        for combo in (self.pace, self.sides, self.figure):
            combo.currentIndexChanged.connect(self._changed)
        for spins in self.doses.values():
            for spin in spins:
                spin.valueChanged.connect(self._changed)
        self.save.clicked.connect(self.try_save)
        self.cancel.clicked.connect(self.cancelled)
        QShortcut(QKeySequence.StandardKey.Save, self, self.try_save)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancelled.emit)

    # ----- filling in ------------------------------------------------------------------------------------------
    def edit(
        self,
        draft: ExerciseDraft,
        bundled: Mapping[str, Exercise],
        positions: list[str],
        heading: str,
        *,
        new_ids: Collection[str] | None = None,
    ) -> None:
        """Fill the form in; with ``new_ids`` (the ids taken) the exercise is new and its id follows its name."""
        self.draft, self._bundled, self._new_ids = draft, bundled, new_ids
        self.heading.setText(heading)
        self._loading = True
        self.name.setText(draft.name)
        self.position.clear()
        self.position.addItems(positions)
        self.position.setEditText(draft.position)
        self.summary.setText(draft.summary)
        self.pace.setCurrentIndex([p for p, _ in PACES].index(draft.pace))
        self.sides.setCurrentIndex([s for s, _ in SIDES].index(draft.sides))
        self.tempo.setText(tempo_text(draft.tempo))
        self.how_to.setPlainText("\n".join(draft.how_to))
        self.beginner.setText(draft.beginner)
        self.form_cue.setText(draft.form_cue)
        self.muscles.setText(", ".join(draft.muscles))
        for level, (sets, reps, hold) in self.doses.items():
            dose = draft.doses[level]
            sets.setValue(dose.sets)
            reps.setValue(dose.reps)
            hold.setValue(dose.hold or 0.0)
        self._fill_figures(draft)
        self._loading = False
        self._changed()
        self.name.setFocus()

    def _fill_figures(self, draft: ExerciseDraft) -> None:
        self._own_figure = dict(draft.own_figure)
        self.figure.clear()
        self.figure.addItem("None: the player shows a card", "")
        for template in TEMPLATES:
            self.figure.addItem(template.label, template.key)
        if draft.own_figure:
            self.figure.addItem("Its own figure (from its file)", OWN_FIGURE)
        wanted = OWN_FIGURE if draft.own_figure and not draft.template else draft.template
        self.figure.setCurrentIndex(max(self.figure.findData(wanted), 0))

    # ----- checking --------------------------------------------------------------------------------------------
    def _collect(self) -> ExerciseDraft | str:
        d = self.draft
        d.name, d.position, d.summary = self.name.text(), self.position.currentText(), self.summary.text()
        if self._new_ids is not None:
            d.id = new_id(d.name, self._new_ids)
        d.pace, d.sides = Pace(self.pace.currentData()), Sides(self.sides.currentData())
        d.how_to = [line for line in self.how_to.toPlainText().splitlines() if line.strip()]
        d.beginner, d.form_cue = self.beginner.text(), self.form_cue.text()
        d.muscles = [m.strip() for m in self.muscles.text().split(",") if m.strip()]
        for level, (sets, reps, hold) in self.doses.items():
            d.doses[level] = DoseDraft(sets.value(), reps.value(), hold.value() or None)
        choice = str(self.figure.currentData() or "")
        d.template = "" if choice == OWN_FIGURE else choice
        d.own_figure = self._own_figure if choice == OWN_FIGURE else {}
        self.tempo.setEnabled(d.pace is not Pace.HOLD)
        if d.pace is not Pace.HOLD:
            phases = parse_tempo(self.tempo.text())
            if phases is None:
                return "tempo: write each part as a word and its seconds, e.g. Lift 2, Lower 2"
            poses = [pose for _w, _s, pose in d.tempo]
            d.tempo = [(w, s, poses[i] if i < len(poses) else None) for i, (w, s, _p) in enumerate(phases)]
        return d

    def check(self) -> Exercise | None:
        if self._loading:
            return None
        collected = self._collect()
        try:
            if isinstance(collected, str):
                raise ContentError("exercise", None, collected)
            exercise = collected.build(self._bundled)
        except ContentError as err:
            self.problem.setText(reason(err))
            self.save.setEnabled(False)
            return None
        self.problem.setText("")
        self.save.setEnabled(True)
        return exercise

    def _changed(self) -> None:
        self.check()
        self._show_figure()

    def _show_figure(self) -> None:
        """The chosen figure's main pose, whatever else is still missing; or a word on the card without one."""
        if self._loading:
            return
        table = self.draft.figure_table(self._bundled)
        if not table:
            self.preview.clear()
            self.preview.setText("No figure: the player shows a card with the name and the first steps.")
            return
        try:
            figure = parse_figure(table, "figure", (), self.draft.mode)
        except ContentError as err:
            self.preview.clear()
            self.preview.setText(reason(err))
            return
        size = QSize(420, 260)
        background = self.palette().color(QPalette.ColorRole.Window)
        image = render_pose(figure, main_pose(figure), size, background, opaque=False)
        self.preview.setPixmap(QPixmap.fromImage(image))

    def try_save(self) -> None:
        if self.check() is None:
            return
        try:
            exercise = self._save(self.draft)
        except BadInput as err:
            self.problem.setText(reason(err) if isinstance(err, ContentError) else str(err))
            return
        self.saved.emit(exercise)
