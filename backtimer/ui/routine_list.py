"""The routines on home: one card a routine (its name, a picture of each exercise, the length at each level), in a
list chosen with Up and Down and started with Enter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from backtimer.core.content.levels import Level
from backtimer.core.wording import minutes_text
from backtimer.ui.widgets import set_enum

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent

    from backtimer.core.content.model import Routine
    from backtimer.ui.thumbnails import Thumbnails


class RoutineRow(QFrame):
    """One routine as a card: its name, a picture of each exercise, their names and the length at each level.
    Click to choose it; click a picture to see that exercise."""

    clicked = Signal()
    exercise_clicked = Signal(int)  # index into the routine's entries

    def __init__(self, routine: Routine, thumbnails: Thumbnails, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt  # the cards come after the first paint (see widgets.set_enum)

        super().__init__(parent)
        self.setProperty("role", "card")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.routine = routine
        title = QLabel(routine.title)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        title.setFont(font)
        names = ", ".join(entry.exercise.name for entry in routine.entries)
        self.exercises = QLabel(f"{len(routine.entries)} exercises: {names}")
        self.exercises.setWordWrap(True)
        self.exercises.setProperty("role", "muted")
        self.lengths = QLabel()
        self.lengths.setTextFormat(Qt.TextFormat.RichText)
        from backtimer.ui.thumbnails import ThumbStrip  # with the first routine, after the first paint

        self.pictures = ThumbStrip([entry.exercise for entry in routine.entries], thumbnails)
        self.pictures.clicked.connect(self._picture_clicked)
        title.setWordWrap(True)
        # The pictures sit to the right of the title and the names, so a card is no taller than before.
        layout = QGridLayout(self)
        layout.setContentsMargins(22, 12, 22, 12)
        layout.setHorizontalSpacing(20)
        layout.setVerticalSpacing(4)
        layout.addWidget(title, 0, 0)
        layout.addWidget(self.exercises, 1, 0)
        layout.addWidget(self.pictures, 0, 1, 2, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.lengths, 2, 0, 1, 2)
        layout.setColumnStretch(0, 1)

    def show_lengths(self, seconds: dict[Level, float], chosen: Level) -> None:
        parts = []
        for level, value in seconds.items():
            text = f"{level.value.capitalize()} {minutes_text(value)}"
            parts.append(f"<b>{text}</b>" if level is chosen else text)
        self.lengths.setText(" &nbsp;·&nbsp; ".join(parts))

    def set_selected(self, selected: bool) -> None:
        if self.property("selected") != selected:
            self.setProperty("selected", selected)
            self.style().unpolish(self)
            self.style().polish(self)

    def _picture_clicked(self, index: int) -> None:
        self.clicked.emit()  # a picture's card becomes the chosen one, then the exercise opens
        self.exercise_clicked.emit(index)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        event.accept()


class RoutineList(QScrollArea):
    """The routines as cards, one chosen; Up and Down move the choice."""

    current_changed = Signal()
    activated = Signal()  # Enter on the list
    picked = Signal()  # the person chose a card (click, Up/Down), as opposed to the app restoring a choice
    exercise_clicked = Signal(object, int)  # (routine, index of the exercise in it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._thumbnails: Thumbnails | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        set_enum(self, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")  # before the first paint
        set_enum(self, "focusPolicy", "StrongFocus")
        self.setProperty("role", "routines")  # the style sheet rings it when it has focus
        self.setAccessibleName("Routines")
        self.setAccessibleDescription("Up and Down choose a routine; Enter starts the chosen one")
        self.rows: list[RoutineRow] = []
        self.current = -1

    @property
    def thumbnails(self) -> Thumbnails:
        """The pictures' cache, made with the first routine card (after the window's first paint)."""
        if self._thumbnails is None:
            from backtimer.ui.thumbnails import Thumbnails

            self._thumbnails = Thumbnails()
        return self._thumbnails

    def set_routines(self, routines: list[Routine]) -> None:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        self.rows = []
        for routine in routines:
            row = RoutineRow(routine, self.thumbnails)
            row.clicked.connect(lambda row=row: self.pick(self.rows.index(row)))
            row.exercise_clicked.connect(lambda index, row=row: self.exercise_clicked.emit(row.routine, index))
            column.addWidget(row)
            self.rows.append(row)
        column.addStretch(1)
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(holder)
        self.current = -1
        self.set_current(0 if routines else -1)

    def set_current(self, index: int) -> None:
        if index == self.current or not -1 <= index < len(self.rows):
            return
        self.current = index
        for i, row in enumerate(self.rows):
            row.set_selected(i == index)
        if index >= 0:
            row = self.rows[index]
            QTimer.singleShot(0, row, lambda: self.ensureWidgetVisible(row))  # once the cards are laid out
        self.current_changed.emit()

    def reveal_current(self) -> None:
        """Scroll the chosen card into view again (after something above the list changed its height)."""
        if self.current >= 0:
            row = self.rows[self.current]
            QTimer.singleShot(0, row, lambda: self.ensureWidgetVisible(row))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.reveal_current()  # a notice above the list took some of its height: the chosen card stays in view

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current >= 0:
            self.activated.emit()  # Enter on the list starts the chosen routine; elsewhere it acts on its control
            return
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
            return
        self.pick(min(max(self.current + step, 0), len(self.rows) - 1))
        event.accept()

    def pick(self, index: int) -> None:
        if index != self.current:
            self.set_current(index)
            self.picked.emit()
