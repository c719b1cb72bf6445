"""A routine's entries: a list to reorder by dragging or with Alt+Up/Down, and the chosen entry's own dose.

The spin boxes reach past the file loader's limits on purpose: the loader decides, and its reason is shown.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from backtimer.core.content.drafts import EntryDraft
from backtimer.core.content.model import Exercise, Level, Mode, Sides

LEVELS_DOSE = "the level's"


class EntryList(QListWidget):
    """The entries in order. Drag to move; Alt+Up/Down moves the chosen one; Delete takes it out."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setToolTip("Drag to reorder, or Alt+Up / Alt+Down; Delete takes the chosen exercise out (Ctrl+L)")
        self._names: Mapping[str, Exercise] = {}
        self.model().rowsMoved.connect(lambda *_args: self.changed.emit())

    def set_entries(self, entries: list[EntryDraft], exercises: Mapping[str, Exercise]) -> None:
        self._names = exercises
        self.clear()
        for entry in entries:
            self.addItem(self._item(entry))
        if self.count():
            self.setCurrentRow(0)

    def _item(self, entry: EntryDraft) -> QListWidgetItem:
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, entry)
        self.refresh(item)
        return item

    def refresh(self, item: QListWidgetItem | None = None) -> None:
        """Show the entry's name and own dose, if any."""
        item = item or self.currentItem()
        if item is None:
            return
        entry: EntryDraft = item.data(Qt.ItemDataRole.UserRole)
        exercise = self._names.get(entry.exercise)
        own = [f"{v:g} {k}" for k, v in (("sets", entry.sets), ("reps", entry.reps), ("s hold", entry.hold)) if v]
        text = exercise.name if exercise else entry.exercise
        item.setText(text + (f"   ({', '.join(own)})" if own else ""))

    def entries(self) -> list[EntryDraft]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]

    def current_entry(self) -> EntryDraft | None:
        item = self.currentItem()
        entry = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return entry if isinstance(entry, EntryDraft) else None

    def append(self, entry: EntryDraft) -> None:
        self.addItem(self._item(entry))
        self.setCurrentRow(self.count() - 1)
        self.changed.emit()

    def move_current(self, step: int) -> None:
        row = self.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.count():
            return
        item = self.takeItem(row)
        self.insertItem(target, item)
        self.setCurrentRow(target)
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.currentRow()
        if row >= 0:
            self.takeItem(row)
            self.changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        if event.key() == Qt.Key.Key_Delete:
            self.remove_current()
            return
        super().keyPressEvent(event)


def _spin(maximum: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, maximum)
    spin.setSpecialValueText(LEVELS_DOSE)
    spin.setSuffix(suffix)
    return spin


class EntryDose(QWidget):
    """The chosen entry's own sets, reps and hold; at 0 each follows the level's dose."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sets = _spin(99)
        self.reps = _spin(999)
        self.hold = QDoubleSpinBox()
        self.hold.setRange(0, 9999)
        self.hold.setDecimals(1)
        self.hold.setSuffix(" s")
        self.hold.setSpecialValueText(LEVELS_DOSE)
        self.about = QLabel()
        self.about.setProperty("role", "muted")
        self.about.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(6)
        form.addRow("Sets", self.sets)
        form.addRow("Reps", self.reps)
        form.addRow("Hold", self.hold)
        form.addRow(self.about)
        self._entry: EntryDraft | None = None
        for spin in (self.sets, self.reps):
            spin.valueChanged.connect(self._edited)
        self.hold.valueChanged.connect(self._edited)

    def show_entry(self, entry: EntryDraft | None, exercise: Exercise | None, level: Level) -> None:
        self._entry = None  # no echo while the fields are filled in
        self.setEnabled(entry is not None and exercise is not None)
        self.sets.setValue(entry.sets or 0 if entry else 0)
        self.reps.setValue(entry.reps or 0 if entry else 0)
        self.hold.setValue(entry.hold or 0.0 if entry else 0.0)
        if entry is not None and exercise is not None:
            dose = exercise.dose(level)
            self.reps.setEnabled(exercise.mode is Mode.REPS)
            self.hold.setEnabled(any(d.hold is not None for d in exercise.doses.values()))
            side = " per side" if exercise.sides is not Sides.NONE else ""
            what = f"{dose.reps} reps{side}" if dose.reps else f"a {dose.hold:g} s hold{side}"
            if dose.reps and dose.hold:
                what += f", holding {dose.hold:g} s"
            self.about.setText(f"{exercise.name} at {level.value} level: {dose.sets} sets of {what}.")
        self._entry = entry

    def _edited(self) -> None:
        if self._entry is None:
            return
        self._entry.sets = self.sets.value() or None
        self._entry.reps = self.reps.value() or None
        self._entry.hold = self.hold.value() or None
        self.changed.emit()
