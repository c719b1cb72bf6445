"""The player's smaller pieces: the figure's place, the how-to and next-up cards, the buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from backtimer.core.content.model import Exercise
from backtimer.core.session.plan import Plan
from backtimer.core.session.snapshot import PauseReason, Snapshot, State

if TYPE_CHECKING:  # the figure is built at the first session: a lighter start-up
    from backtimer.ui.figure_widget import FigureWidget


def set_text(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)


def _scaled(widget: QWidget, pixels: float, *, bold: bool = False) -> None:
    font = widget.font()
    font.setPixelSize(max(int(pixels), 10))
    font.setBold(bold)
    widget.setFont(font)


def _wrapping(role: str | None = None) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if role:
        label.setProperty("role", role)
    return label


def _card() -> QFrame:
    card = QFrame()
    card.setProperty("role", "card")
    return card


class FigureCard(QFrame):
    """Where the animated figure goes. Without one, the exercise's position and one-line summary fill it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self._figure: FigureWidget | None = None
        self._exercise_id: str | None = None
        self.position = _wrapping("muted")
        self.summary = _wrapping()
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(28, 28, 28, 28)
        self._layout.addStretch(1)
        self._layout.addWidget(self.position)
        self._layout.addWidget(self.summary)
        self._layout.addStretch(1)

    @property
    def figure(self) -> FigureWidget | None:
        return self._figure

    def set_figure(self, widget: FigureWidget) -> None:
        self._figure = widget
        self.position.hide()
        self.summary.hide()
        self._layout.setContentsMargins(8, 8, 8, 8)
        for index in reversed(range(self._layout.count())):  # the figure takes the whole card
            item = self._layout.itemAt(index)
            if item is not None and item.spacerItem() is not None:
                self._layout.removeItem(item)
        self._layout.addWidget(widget, 1)

    def set_plan(self, plan: Plan) -> None:
        if self._figure is not None:  # the figure finds each step's exercise itself (again after "easier form")
            self._figure.set_plan(plan)

    def show_exercise(self, exercise: Exercise | None) -> None:
        exercise_id = exercise.id if exercise else None
        if exercise_id == self._exercise_id:
            return
        self._exercise_id = exercise_id
        set_text(self.position, exercise.position.capitalize() if exercise else "")
        set_text(self.summary, exercise.summary if exercise else "")

    def update_from(self, snap: Snapshot) -> None:
        if self._figure is not None and self._figure.isVisible():
            self._figure.update_from(snap)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        unit = min(self.height() / 520, self.width() / 800)
        _scaled(self.position, 30 * unit, bold=True)
        _scaled(self.summary, 44 * unit)


class InfoPanel(QWidget):
    """The how-to and the beginner form on the left, what comes next on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key: tuple[str | None, bool] | None = None
        self.how_to = _wrapping()
        self.beginner = _wrapping("muted")
        self.next_heading = QLabel("Next")
        self.next_heading.setProperty("role", "muted")
        self.next_up = _wrapping()
        how_card, next_card = _card(), _card()
        how = QVBoxLayout(how_card)
        how.setContentsMargins(22, 16, 22, 16)
        how.setSpacing(10)
        how.addWidget(self.how_to)
        how.addWidget(self.beginner)
        how.addStretch(1)
        nxt = QVBoxLayout(next_card)
        nxt.setContentsMargins(22, 16, 22, 16)
        nxt.addWidget(self.next_heading)
        nxt.addWidget(self.next_up, 1)
        column = QVBoxLayout(self)  # beside the count, in get-ready and rests (folded away during work)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(how_card, 7)
        column.addWidget(next_card, 3)

    def show_exercise(self, exercise: Exercise | None, easier: bool, next_up: str, *, beginner: bool = False) -> None:
        """``beginner``: the session is at beginner level, where the beginner form is the way to do it."""
        set_text(self.next_up, next_up)
        key = (exercise.id if exercise else None, easier or beginner)
        if key == self._key:
            return
        self._key = key
        if exercise is None:
            set_text(self.how_to, "Breathe out, loosen up, and get ready for the next one.")
            set_text(self.beginner, "")
            return
        set_text(self.how_to, "  ".join(exercise.how_to))
        prefix = "Your form: " if beginner else "Easier form (chosen): " if easier else "Easier form: "
        set_text(self.beginner, prefix + exercise.beginner if exercise.beginner else "")

    def scale_to(self, unit: float) -> None:
        _scaled(self.how_to, 26 * unit)
        _scaled(self.beginner, 22 * unit)
        _scaled(self.next_heading, 22 * unit, bold=True)
        _scaled(self.next_up, 32 * unit, bold=True)


class Controls(QWidget):
    """Every key as a button too, the key named in its tooltip. Tab reaches them; a click leaves the focus where it
    was, so the keys keep working after a button was pressed with the mouse."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.previous = self._button("◀  Previous", "Back to the start of the previous set (←)")
        self.toggle = self._button("Pause", "Pause or carry on (Space)")
        self.next = self._button("Next  ▶", "Skip to the next step (→)")
        self.hurt = self._button("This hurts", "Stop this exercise now and choose what to do (H)")
        self.mute = self._button("Mute", "Turn the voice off or on (M)")
        self.fullscreen = self._button("Full screen", "Full screen on or off (F11)")
        self.stop = self._button("Stop", "End the session (Esc)")
        self.done = self._button("Done", "Finished this set (Enter)")
        self.done.setProperty("role", "primary")
        self.hurt.setProperty("role", "danger")
        self.mute.setCheckable(True)
        self.done.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 0)
        row.setSpacing(12)
        for button in (self.previous, self.toggle, self.next):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.hurt)
        row.addStretch(1)
        for button in (self.mute, self.fullscreen, self.stop):
            row.addWidget(button)

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.setAccessibleName(text.strip("◀▶ "))
        button.setAccessibleDescription(tip)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setAutoDefault(True)  # Enter acts on the button that has focus
        return button

    def set_muted(self, muted: bool) -> None:
        self.mute.setChecked(muted)
        set_text_button(self.mute, "Unmute" if muted else "Mute")

    def show_state(self, snap: Snapshot) -> None:
        running = snap.state in (State.RUNNING, State.GETTING_READY)
        waiting = snap.pause_reason is PauseReason.WAITING
        set_text_button(self.toggle, "Pause" if running else "Start" if waiting else "Resume")
        self.done.setVisible(snap.self_paced and snap.state is State.RUNNING)
        hurt_open = snap.state is State.PAUSED and snap.pause_reason is PauseReason.HURT
        self.hurt.setEnabled(snap.exercise_id is not None and not hurt_open)  # paused too: pain does not wait

    def scale_to(self, unit: float) -> None:
        for button in (self.previous, self.toggle, self.next, self.hurt, self.mute, self.fullscreen, self.stop):
            _scaled(button, 21 * unit, bold=True)
            button.setMinimumHeight(int(56 * unit))
            button.setMinimumWidth(int(150 * unit))
        _scaled(self.done, 40 * unit, bold=True)
        self.done.setMinimumSize(int(360 * unit), int(96 * unit))


def set_text_button(button: QPushButton, text: str) -> None:
    if button.text() != text:
        button.setText(text)
