"""One exercise in full: its key poses, how to do it, the easier form, the muscles and the dose at a level.

Opened from home (a picture on a routine card, or "The exercises"). ← and → move through the routine's exercises;
Esc closes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.content.model import Exercise, Level, Mode, RoutineEntry, Sides
from backtimer.core.figures.poses import figure_of
from backtimer.ui.figure_widget import KeyPosesStrip
from backtimer.ui.screen_fit import fit_dialog

_SIDES = {
    Sides.NONE: "",
    Sides.EACH: "each side in turn: all reps on one side, then the other",
    Sides.ALTERNATE: "sides take turns, rep by rep",
}
# Sizes in the dialog's own style sheet: the app's style sheet would override fonts set with setFont.
_STYLE = """
QLabel { font-size: 16pt; }
QLabel#name { font-size: 30pt; font-weight: 700; }
QLabel#where { font-size: 14pt; }
QLabel[role="section"] { font-size: 13pt; font-weight: 700; }
QLabel#dose { font-size: 20pt; font-weight: 600; }
QPushButton { font-size: 15pt; padding: 10px 22px; }
"""


def _s(count: float, word: str) -> str:
    return f"{count:g} {word}{'' if count == 1 else 's'}"


def dose_text(entry: RoutineEntry, level: Level) -> str:
    """What is done at ``level``: "2 sets of 10 reps per side", "3 sets of a 30-second hold"."""
    exercise = entry.exercise
    dose = exercise.dose(level)
    sets = entry.sets or dose.sets
    per_side = "" if exercise.sides is Sides.NONE else " per side"
    if exercise.mode is Mode.HOLD:
        return f"{_s(sets, 'set')} of a {dose.hold or 0:g}-second hold{per_side}"
    reps = f"{_s(dose.reps or 0, 'rep')}{per_side}"
    pace = ", at your own pace" if entry.self_paced else ""
    return f"{_s(sets, 'set')} of {reps}{pace}"


def tempo_text(entry: RoutineEntry, level: Level) -> str:
    """One rep's rhythm, e.g. "Each rep: Lift 2 s · Hold 2 s · Lower 2 s"; empty for holds and self-paced reps."""
    if entry.self_paced or entry.exercise.mode is Mode.HOLD:
        return ""
    phases = " · ".join(f"{p.word} {p.seconds:g} s" for p in entry.exercise.tempo_for(level))
    return f"Each rep: {phases}" if phases else ""


def other_levels(entry: RoutineEntry, level: Level) -> str:
    return " · ".join(f"{lvl.value.capitalize()}: {dose_text(entry, lvl)}" for lvl in Level if lvl is not level)


def _label(text: str = "", role: str | None = None, name: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    if name:
        label.setObjectName(name)
    return label


class ExerciseDialog(QDialog):
    """The exercises of a routine, one page at a time, starting at ``index``."""

    def __init__(
        self,
        entries: Sequence[RoutineEntry],
        index: int,
        level: Level,
        parent: QWidget | None = None,
        *,
        routine_title: str = "",
    ) -> None:
        super().__init__(parent)
        self.entries = list(entries)
        self.level = level
        self.routine_title = routine_title
        self.index = -1
        self.setStyleSheet(_STYLE)
        fit_dialog(self, 1000, 860)  # smaller on a small screen: the page scrolls
        self._build()
        for child in self.findChildren(QWidget):  # ← and → page, whichever control has focus (not move focus)
            child.installEventFilter(self)
        self.show_entry(index)

    @property
    def exercise(self) -> Exercise:
        return self.entries[self.index].exercise

    # ----- building --------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.place = _label(role="muted")
        self.name = _label(name="name")
        self.where = _label(role="muted", name="where")
        self.summary = _label()
        self.poses = KeyPosesStrip()
        self.poses.setMinimumHeight(230)
        self.easier_button = QPushButton("Show the easier form")
        self.easier_button.setCheckable(True)
        self.easier_button.setToolTip("The key poses of the beginner form")
        self.easier_button.toggled.connect(self._easier_toggled)
        self.dose = _label(name="dose")
        self.tempo = _label()
        self.levels = _label(role="muted")
        self.how_to = QLabel()
        self.how_to.setWordWrap(True)
        self.how_to.setTextFormat(Qt.TextFormat.RichText)
        self.easier = _label()
        self.muscles = _label()
        self.note = _label(role="muted")
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 0, 12, 0)
        column.setSpacing(8)
        for widget in (self.place, self.name, self.where, self.summary):
            column.addWidget(widget)
        column.addWidget(self._poses_card())
        for title, widgets in (
            (f"At {self.level.value} level", (self.dose, self.tempo, self.levels)),
            ("How to do it", (self.how_to,)),
            ("Easier form", (self.easier,)),
            ("Muscles", (self.muscles,)),
        ):
            column.addSpacing(10)
            column.addWidget(_label(title.upper(), role="section"))
            for widget in widgets:
                column.addWidget(widget)
        column.addWidget(self.note)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # ← and → page through the exercises, not scroll sideways
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 22, 18)
        layout.addWidget(scroll, 1)
        layout.addLayout(self._buttons())

    def _poses_card(self) -> QFrame:
        card = QFrame()
        card.setProperty("role", "card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(12, 10, 12, 10)
        inner.addWidget(self.poses, 1)
        inner.addWidget(self.easier_button, 0, Qt.AlignmentFlag.AlignLeft)
        return card

    def _buttons(self) -> QHBoxLayout:
        self.previous_button = QPushButton("← Previous")
        self.previous_button.setToolTip("The exercise before this one (←)")
        self.previous_button.clicked.connect(lambda: self.show_entry(self.index - 1))
        self.next_button = QPushButton("Next →")
        self.next_button.setToolTip("The next exercise (→)")
        self.next_button.clicked.connect(lambda: self.show_entry(self.index + 1))
        self.close_button = QPushButton("Close")
        self.close_button.setProperty("role", "primary")
        self.close_button.setToolTip("Back to home (Esc)")
        self.close_button.clicked.connect(self.accept)
        self.close_button.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        return row

    # ----- showing ---------------------------------------------------------------------------------------------
    def show_entry(self, index: int) -> None:
        if not 0 <= index < len(self.entries) or index == self.index:
            return
        self.index = index
        entry = self.entries[index]
        exercise = entry.exercise
        self.setWindowTitle(exercise.name)
        count = len(self.entries)
        where = f"Exercise {index + 1} of {count}" if count > 1 else ""
        self.place.setText(" · ".join(part for part in (self.routine_title, where) if part))
        self.place.setVisible(bool(self.place.text()))
        self.name.setText(exercise.name)
        sides = _SIDES[exercise.sides]
        self.where.setText(f"Position: {exercise.position}" + (f" · {sides}" if sides else ""))
        self.summary.setText(exercise.summary)
        self.dose.setText(dose_text(entry, self.level))
        self.tempo.setText(tempo_text(entry, self.level))
        self.tempo.setVisible(bool(self.tempo.text()))
        self.levels.setText(other_levels(entry, self.level))
        steps = "".join(f"<li style='margin-bottom:6px'>{_escape(step)}</li>" for step in exercise.how_to)
        self.how_to.setText(f"<ol style='margin-left:0px; -qt-list-indent:1'>{steps}</ol>")
        self.easier.setText(exercise.beginner)
        self.muscles.setText(", ".join(muscle.capitalize() for muscle in exercise.muscles))
        self.note.setText(exercise.note)
        self.note.setVisible(bool(exercise.note))
        figure = figure_of(exercise)
        self.poses.parentWidget().setVisible(figure is not None)  # type: ignore[union-attr]
        self.easier_button.setVisible(figure is not None and bool(figure.easier))
        self.easier_button.setChecked(False)
        self.poses.set_exercise(exercise)
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < count - 1)
        self.previous_button.setVisible(count > 1)
        self.next_button.setVisible(count > 1)

    def _easier_toggled(self, easier: bool) -> None:
        self.poses.set_exercise(self.exercise, easier=easier)
        self.easier_button.setText("Show the usual form" if easier else "Show the easier form")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.close_button.setFocus()  # not the easier-form toggle: Enter or Space close, as in the other dialogs

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self._page_key(event):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._page_key(event):
            super().keyPressEvent(event)  # Esc closes

    def _page_key(self, event: QKeyEvent) -> bool:
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        if step is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        self.show_entry(self.index + step)
        return True


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
