"""The one-key rating after an exercise, in the player's bottom panel: 1 Easy, 2 Just right, 3 Hard, 4 Painful.

Large enough to read from the mat; the buttons never take focus (the keys stay with the player). It goes away by
itself when the rest moves on (the practice run decides when), so a hands-free session never waits for it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from backtimer.ui.player_parts import set_text

CHOICES = (("easy", "1  Easy"), ("right", "2  Just right"), ("hard", "3  Hard"), ("painful", "4  Painful"))
KEYS = {Qt.Key.Key_1: "easy", Qt.Key.Key_2: "right", Qt.Key.Key_3: "hard", Qt.Key.Key_4: "painful"}


class RatingPanel(QFrame):
    rated = Signal(str, str)  # (exercise id, easy | right | hard | painful)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.exercise_id = ""
        self.question = QLabel()
        self.hint = QLabel("Press a number, or just carry on: it goes away by itself.")
        self.hint.setProperty("role", "muted")
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(18)
        for rating, text in CHOICES:
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, rating=rating: self.choose(rating))
            if rating == "painful":
                button.setProperty("role", "danger")
            self.buttons[rating] = button
            row.addWidget(button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.question)
        layout.addLayout(row)
        layout.addWidget(self.hint)

    def ask(self, exercise_id: str, name: str) -> None:
        self.exercise_id = exercise_id
        set_text(self.question, f"How was {name}?")

    def choose(self, rating: str) -> None:
        if self.exercise_id:
            self.rated.emit(self.exercise_id, rating)

    def key(self, key: Qt.Key) -> bool:
        """Handle 1-4; True when the key was a rating."""
        rating = KEYS.get(key)
        if rating is None:
            return False
        self.choose(rating)
        return True

    def scale_to(self, unit: float) -> None:
        for widget, size, bold in ((self.question, 34, True), (self.hint, 20, False)):
            font = widget.font()
            font.setPixelSize(max(int(size * unit), 11))
            font.setBold(bold)
            widget.setFont(font)
        for button in self.buttons.values():
            font = button.font()
            font.setPixelSize(max(int(30 * unit), 11))
            font.setBold(True)
            button.setFont(font)
            button.setMinimumHeight(int(84 * unit))
