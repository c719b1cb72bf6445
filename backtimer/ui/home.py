"""Home: today and the streak, the routines with their lengths, the level, and one big Start."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.content.levels import Level
from backtimer.core.wording import minutes_text
from backtimer.ui.routine_list import RoutineList
from backtimer.ui.screen_fit import centred, scroll_page
from backtimer.ui.sound_notice import SoundNotice

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

    from backtimer.core.content.model import Routine
    from backtimer.practice.ports import DayStatus

Estimate = Callable[["Routine", Level], float]  # planned seconds of a routine at a level


class HomeView(QWidget):
    start_requested = Signal()
    first_painted = Signal()
    history_requested = Signal()
    settings_requested = Signal()
    avoid_requested = Signal()
    safety_requested = Signal()
    help_requested = Signal()  # "When to stop and get help"
    keys_requested = Signal()
    exercise_requested = Signal(object, int)  # (routine, index of the exercise): open its detail view
    editor_requested = Signal()  # your routines and exercises
    open_file_requested = Signal()  # a programme file

    def __init__(
        self, routines: list[Routine], estimate: Estimate, parent: QWidget | None = None, *, lengths: bool = True
    ) -> None:
        super().__init__(parent)
        self._estimate = estimate
        self._painted = False
        self._lengths = lengths  # False: names only until refresh_lengths() (the window fills them after its paint)
        self._listed = False  # routines given yet (the window lists them just after its first paint)
        self._wanted = ""  # a routine chosen before it was listed
        self.routines = RoutineList()
        self.level_buttons: dict[Level, QPushButton] = {}
        self.level_group = QButtonGroup(self)
        self.start = QPushButton("Start")
        self.start.setProperty("role", "primary")
        self.start.setToolTip("Start the chosen routine (Enter on the routine list or on this button)")
        self.today = QLabel()
        self.streak = QLabel()
        self.week = QLabel()
        self.status_card = QFrame()
        self._captions: dict[QLabel, QLabel] = {}
        self.history = QPushButton("History")
        self.settings = QPushButton("Settings")
        self.avoid = QPushButton("What to avoid")
        self.safety = QPushButton("Safety notice")
        self.help = QPushButton("When to stop and get help")
        self.keys = QPushButton("Keys (F1)")
        self.keys.setToolTip("Every key of backtimer (F1 or ?)")
        self.exercises = QPushButton("The exercises")
        self.exercises.setToolTip("How to do each exercise of the chosen routine, with pictures (E)")
        self.editor = QPushButton("My routines")
        self.editor.setToolTip("Make, copy, change or delete routines and exercises of your own (R)")
        self.open_file = QPushButton("Open a programme file…")
        self.open_file.setToolTip("Open a programme or routine file someone sent you (Ctrl+O)")
        self.notice = QLabel()
        self.sound = SoundNotice()
        self._build()
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(True)  # Enter acts on the button that has focus, and only on it
        self.set_routines(routines)
        self.set_status(None)

    def _build(self) -> None:
        heading = QLabel("backtimer")
        heading.setProperty("role", "title")
        sub = QLabel("A gentle, spoken routine for your lower back.")
        sub.setProperty("role", "muted")
        self.notice.setWordWrap(True)
        self.notice.setProperty("role", "muted")
        self.notice.hide()
        levels = self._levels()
        self.start.setMinimumHeight(84)
        font = self.start.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.start.setFont(font)
        self.start.clicked.connect(self.start_requested)
        self.routines.activated.connect(self._start_if_enabled)
        self.exercises.clicked.connect(self._show_exercises)
        self.routines.exercise_clicked.connect(self.exercise_requested)
        links = self._links()
        column = QVBoxLayout()
        column.setSpacing(16)
        column.addStretch(0)
        column.addWidget(heading)
        column.addWidget(sub)
        column.addWidget(self._status_card())
        self._cards = QVBoxLayout()  # the progression cards (ui/progress_home.py) go here
        self._cards.setSpacing(10)
        column.addLayout(self._cards)
        column.addWidget(self.notice)
        column.addWidget(self.sound)
        column.addWidget(self.routines, 1)
        column.addLayout(levels)
        column.addLayout(links)
        column.addStretch(0)
        self.routines.setMinimumHeight(150)  # a whole card however short the screen: the page scrolls instead
        page = centred(scroll_page(self), column, 28, 8)
        page.installEventFilter(self)  # the page's first paint is home's
        start_row = QVBoxLayout()
        start_row.addWidget(self.start)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(centred(QWidget(), start_row, 8, 20))  # Start stays in sight when the page scrolls
        self.routines.current_changed.connect(self._update_start)
        self.routines.picked.connect(self._use_default_level)

    def _links(self) -> QVBoxLayout:
        """Two rows, so that home fits a 1024-pixel-wide screen: what you do, then what you may want to read."""
        rows = QVBoxLayout()
        rows.setSpacing(8)
        groups = (
            (
                (self.exercises, None),
                (self.editor, self.editor_requested),
                (self.open_file, self.open_file_requested),
                (self.history, self.history_requested),
                (self.settings, self.settings_requested),
            ),
            (
                (self.avoid, self.avoid_requested),
                (self.safety, self.safety_requested),
                (self.help, self.help_requested),
                (self.keys, self.keys_requested),
            ),
        )
        for group in groups:
            row = QHBoxLayout()
            for button, signal in group:
                if signal is not None:
                    button.clicked.connect(signal)
                row.addWidget(button)
            row.addStretch(1)
            rows.addLayout(row)
        return rows

    def _levels(self) -> QHBoxLayout:
        levels = QHBoxLayout()
        levels.setSpacing(8)
        levels.addWidget(QLabel("Level"))
        for level in Level:
            button = QPushButton(level.value.capitalize())
            button.setCheckable(True)
            button.setToolTip(f"{level.value.capitalize()} doses for every exercise")
            self.level_group.addButton(button)
            self.level_buttons[level] = button
            levels.addWidget(button)
            button.toggled.connect(self._level_changed)
        levels.addStretch(1)
        return levels

    def _status_card(self) -> QFrame:
        card = self.status_card
        card.setProperty("role", "card")
        row = QHBoxLayout(card)
        row.setContentsMargins(26, 16, 26, 16)
        row.setSpacing(24)
        for caption, label in (("Today", self.today), ("Streak", self.streak), ("This week", self.week)):
            block = QVBoxLayout()
            block.setSpacing(2)
            title = QLabel(caption)
            title.setProperty("role", "muted")
            label.setProperty("role", "stat")
            block.addWidget(title)
            block.addWidget(label)
            row.addLayout(block, 1)
            self._captions[label] = title
        return card

    def add_card(self, card: QWidget) -> None:
        """A card under today and the streak (the progression coach's)."""
        self._cards.addWidget(card)

    # ----- state ------------------------------------------------------------------------------------------------
    def set_routines(self, routines: list[Routine]) -> None:
        self._listed = self._listed or bool(routines)
        self.routines.set_routines(routines)
        if self._wanted:
            self._choose(self._wanted)
        if self._lengths:
            self.refresh_lengths()

    def select(self, routine_id: str, level: Level) -> None:
        """Choose a routine and level; a routine not listed yet is chosen when it is."""
        if routine_id:
            self._wanted = "" if self._choose(routine_id) else routine_id
        self.level_buttons[level].setChecked(True)

    def _use_default_level(self) -> None:
        """A routine picked by hand comes with its own level (Start small is for beginners); the buttons still
        change it."""
        if self.routine is not None:
            self.level_buttons[self.routine.default_level].setChecked(True)

    def _choose(self, routine_id: str) -> bool:
        for index, row in enumerate(self.routines.rows):
            if row.routine.id == routine_id:
                self.routines.set_current(index)
                return True
        return False

    @property
    def routine(self) -> Routine | None:
        index = self.routines.current
        return self.routines.rows[index].routine if index >= 0 else None

    @property
    def level(self) -> Level:
        return next((lvl for lvl, button in self.level_buttons.items() if button.isChecked()), Level.STANDARD)

    def set_status(self, status: DayStatus | None) -> None:
        """Today's state and the streak; hidden entirely while there is no history to take them from."""
        self.status_card.setVisible(status is not None)
        if status is None:
            return
        self.today.setText("Done ✓" if status.done_today else "Not yet")
        days = status.current_streak
        self.streak.setText(f"{days} day{'s' if days != 1 else ''}")
        goal = status.weekly_goal
        self.week.setVisible(goal is not None)
        self._captions[self.week].setVisible(goal is not None)
        if goal is not None:
            self.week.setText(f"{status.this_week or 0} of {goal}")

    def set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def refresh_lengths(self) -> None:
        self._lengths = True
        for row in self.routines.rows:
            row.show_lengths({lvl: self._estimate(row.routine, lvl) for lvl in Level}, self.level)
        self._update_start()

    def _level_changed(self, checked: bool) -> None:
        if checked and self._lengths:
            self.refresh_lengths()

    def _update_start(self) -> None:
        routine = self.routine
        self.start.setEnabled(routine is not None or not self._listed)  # before the list comes: no grey flash
        self.exercises.setEnabled(routine is not None and bool(routine.entries))
        if routine is not None:
            length = f"  ·  {minutes_text(self._estimate(routine, self.level))}" if self._lengths else ""
            self.start.setText(f"Start  ·  {routine.title}{length}")

    def _start_if_enabled(self) -> None:
        if self.start.isEnabled():
            self.start_requested.emit()

    def _show_exercises(self) -> None:
        if self.routine is not None and self.routine.entries:
            self.exercise_requested.emit(self.routine, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:  # the page, inside its scroll area
            self._painted = True
            watched.removeEventFilter(self)  # once is enough
            self.first_painted.emit()
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # (after the first paint: see widgets.set_enum)

        if event.key() == Qt.Key.Key_E:
            self._show_exercises()
            return
        if event.key() == Qt.Key.Key_R and not event.modifiers():
            self.editor_requested.emit()
            return
        if event.key() == Qt.Key.Key_O and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self.open_file_requested.emit()
            return
        super().keyPressEvent(event)
