"""Home: today and the streak, the routines with their lengths, the level, and one big Start."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.content.levels import Level
from backtimer.core.wording import minutes_text
from backtimer.ui.screen_fit import centred, scroll_page
from backtimer.ui.sound_notice import SoundNotice

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent

    from backtimer.core.content.model import Routine
    from backtimer.practice.ports import DayStatus
    from backtimer.ui.thumbnails import Thumbnails

Estimate = Callable[["Routine", Level], float]  # planned seconds of a routine at a level


class RoutineRow(QFrame):
    """One routine as a card: its name, a picture of each exercise, their names and the length at each level.
    Click to choose it; click a picture to see that exercise."""

    clicked = Signal()
    exercise_clicked = Signal(int)  # index into the routine's entries

    def __init__(self, routine: Routine, thumbnails: Thumbnails, parent: QWidget | None = None) -> None:
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
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
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
