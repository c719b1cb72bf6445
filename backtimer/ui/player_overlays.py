"""States that take over the player's big display: paused, "This hurts" and the stop question.

Each is read from the mat: a huge heading, one line, and big choices that name their key ("1", "Space"...).
The keys themselves are handled by the player, so they work whichever control has focus.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from backtimer.core.content.model import Exercise
from backtimer.ui.fit_label import FitLabel


def _font(widget: QWidget, pixels: float, *, bold: bool = False) -> None:
    font = widget.font()
    font.setPixelSize(max(int(pixels), 10))
    font.setBold(bold)
    widget.setFont(font)


class Takeover(QFrame):
    """A heading read from across the room, one line under it, and large choices in a row."""

    def __init__(self, heading: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "takeover")
        self.setAccessibleName(name)
        self.heading = FitLabel(fill=0.9, lines=2, largest=0.6)
        self.heading.setText(heading)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "muted")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choices: list[QPushButton] = []
        self._row = QHBoxLayout()
        self._row.setSpacing(24)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 12, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(self.heading, 40)
        layout.addWidget(self.text, 14)
        layout.addWidget(self.hint, 8)
        layout.addLayout(self._row, 0)

    def choice(self, key: str, text: str, tip: str, *, role: str = "") -> QPushButton:
        """A big button labelled with its key, e.g. "1  Easier form"."""
        button = QPushButton(f"{key}   {text}")
        button.setToolTip(tip)
        button.setAccessibleName(text)
        button.setAccessibleDescription(f"{tip}. Key: {key}")
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setAutoDefault(True)  # Enter acts on the button that has focus
        if role:
            button.setProperty("role", role)
        self.choices.append(button)
        self._row.addWidget(button, 1)
        return button

    def scale_to(self, unit: float) -> None:
        _font(self.text, 40 * unit, bold=True)
        _font(self.hint, 28 * unit)
        for button in self.choices:
            _font(button, 36 * unit, bold=True)
            button.setMinimumHeight(int(132 * unit))


class PausedPanel(Takeover):
    """Paused by the person (or by a clock jump): carry on, it hurts, or stop."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Paused", "Paused", parent)
        self.resume = self.choice("Space", "Carry on", "Carry on with a short get-ready", role="primary")
        self.hurt = self.choice("H", "This hurts", "Stop this exercise and choose what to do", role="danger")
        self.stop = self.choice("Esc", "Stop", "End the session (you will be asked)")

    def show_reason(self, text: str, *, can_hurt: bool) -> None:
        if self.text.text() != text:
            self.text.setText(text)
        self.hurt.setEnabled(can_hurt)


class HurtPanel(Takeover):
    """After "This hurts": the exercise has stopped; offer the easier form, skipping it, or carrying on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Stopped", "This hurts: stopped", parent)
        self.text.setText("Move gently out of the position. What next?")
        self.easier = self.choice(
            "1", "Easier form", "Redo this set with fewer reps, in the easier form", role="primary"
        )
        self.skip = self.choice("2", "Skip this exercise", "Leave this exercise out and go to the next one")
        self.carry_on = self.choice("3", "Carry on", "Carry on with this exercise as it was (also Space)")
        self.help = self.choice(
            "4", "When to get help", 'The signs that need care; offered after "This hurts" twice', role="danger"
        )
        self.help.hide()

    def offer(self, exercise: Exercise | None, *, easier_done: bool) -> None:
        self.easier.setEnabled(not easier_done)
        name = exercise.name if exercise else ""
        heading = f"{name}: stopped" if name else "Stopped"
        if self.heading.text() != heading:
            self.heading.setText(heading)
        hint = f"Easier form: {exercise.beginner}" if exercise and exercise.beginner and not easier_done else ""
        if easier_done:
            hint = "This is the easier form already: skip the exercise, or carry on gently."
        if self.hint.text() != hint:
            self.hint.setText(hint)


class StopQuestion(Takeover):
    """ "Stop the session?", asked inside the player; carrying on is what Space and Esc do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Stop the session?", "Stop the session?", parent)
        self.text.setText("What you have done so far is kept.")
        self.hint.setText("Space or Esc: carry on  ·  Enter or Y: stop")
        self.carry_on = self.choice("Space", "Carry on", "Carry on with the session", role="primary")
        self.stop = self.choice("Enter", "Stop now", "Stop the session and see the summary", role="danger")
