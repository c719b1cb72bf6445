"""The exercise library: every exercise, found by name, body position or muscles; Enter adds the chosen one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from backtimer.core.content.model import Exercise


def matches(exercise: Exercise, query: str) -> bool:
    """Every word of ``query`` is found in the name, the position or a muscle (case does not matter)."""
    haystack = " ".join((exercise.name, exercise.position, *exercise.muscles)).lower()
    return all(word in haystack for word in query.lower().split())


class Library(QWidget):
    chosen = Signal(str)  # an exercise id to add

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by name, position or muscle (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setMinimumHeight(120)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add = QPushButton("Add to routine")
        self.add.setToolTip("Add the chosen exercise at the end of the routine (Enter)")
        self._exercises: list[Exercise] = []
        heading = QLabel("Exercise library")
        heading.setProperty("role", "heading")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading)
        column.addWidget(self.search)
        column.addWidget(self.list, 1)
        column.addWidget(self.add)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._choose_first)
        self.list.itemActivated.connect(lambda _item: self._choose())
        self.add.clicked.connect(self._choose)
        self.search.installEventFilter(self)

    def set_exercises(self, exercises: list[Exercise]) -> None:
        self._exercises = sorted(exercises, key=lambda e: e.name.lower())
        self._filter(self.search.text())

    def _filter(self, query: str) -> None:
        self.list.clear()
        for exercise in self._exercises:
            if matches(exercise, query):
                item = QListWidgetItem(f"{exercise.name}  ·  {exercise.position}  ·  {', '.join(exercise.muscles)}")
                item.setData(Qt.ItemDataRole.UserRole, exercise.id)
                item.setToolTip(f"{exercise.name}: {exercise.summary}\nMuscles: {', '.join(exercise.muscles)}")
                self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def shown_ids(self) -> list[str]:
        return [str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())]

    def _choose_first(self) -> None:
        self._choose()

    def _choose(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def eventFilter(self, watched: object, event: object) -> bool:
        """Up and Down in the search field move through the list, so typing and choosing go together."""
        if watched is self.search and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
            if step is not None and self.list.count():
                row = min(max(self.list.currentRow() + step, 0), self.list.count() - 1)
                self.list.setCurrentRow(row)
                return True
        return False
