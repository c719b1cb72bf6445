"""Small pieces the summary adds for the progression coach: the rating of the last exercise, and the red-flag offer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from backtimer.ui.rating_panel import CHOICES

PAIN_OFFER = 7  # pain this high offers the "When to stop and get help" page
HURTS_OFFER = 2  # "This hurts" pressed this often in one session offers it too


class LastRating(QFrame):
    """ "How was Knee-drop twist?" for the last exercise, which has no rest after it to ask in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exercise_id = ""
        self.question = QLabel()
        font = self.question.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.question.setFont(font)
        self.group = QButtonGroup(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.question)
        for n, (rating, text) in enumerate(CHOICES):
            button = QPushButton(text.split("  ", 1)[1])
            button.setCheckable(True)
            button.setMinimumHeight(48)
            button.setProperty("rating", rating)
            self.group.addButton(button, n)
            row.addWidget(button)
        row.addStretch(1)
        self.hide()

    def ask(self, exercise_id: str | None, name: str = "") -> None:
        self.exercise_id = exercise_id or ""
        self.question.setText(f"How was {name}?")
        self.group.setExclusive(False)
        for button in self.group.buttons():
            button.setChecked(False)
        self.group.setExclusive(True)
        self.setVisible(exercise_id is not None)

    def answer(self) -> tuple[str, str] | None:
        """(exercise id, rating) when one was chosen."""
        chosen = self.group.checkedButton()
        if not self.exercise_id or chosen is None:
            return None
        return self.exercise_id, str(chosen.property("rating"))


class HelpOffer(QFrame):
    """Shown after pain of 7 or more, or "This hurts" twice: points to the red flags."""

    requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton("When to stop and get help")
        self.button.setProperty("role", "danger")
        self.button.setMinimumHeight(48)
        self.button.clicked.connect(self.requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.addWidget(self.text)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.hide()

    def update_for(self, pain: int | None, hurts: int) -> None:
        reasons = []
        if pain is not None and pain >= PAIN_OFFER:
            reasons.append(f"pain of {pain} out of 10")
        if hurts >= HURTS_OFFER:
            reasons.append(f'"This hurts" {hurts} times')
        self.text.setText(
            f"You recorded {' and '.join(reasons)}. Take it easy next time, and have a look at the signs that mean"
            " you should stop and get help."
        )
        self.setVisible(bool(reasons))
