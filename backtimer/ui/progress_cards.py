"""Home's progression cards: the next-day question, and the coach's suggestions with Accept / Not now.

They only show what they are given and emit what the person chose; ui/progress_home.py talks to the coach.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


@dataclass(frozen=True)
class Shown:
    """One suggestion as home shows it."""

    exercise: str
    line: str  # "Ready for more: Bird-dog 10 → 11 reps a side"
    reason: str
    easing: bool  # a step back (shown in the warning colour)


def _big(label: QLabel, factor: float, *, bold: bool = True) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    return label


class NextDayCard(QFrame):
    answered = Signal(object)  # "better" | "same" | "worse", or None for "Not now"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.question = _big(QLabel(), 1.25)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(12)
        for answer, text in (("better", "Better"), ("same", "Same"), ("worse", "Worse")):
            button = QPushButton(text)
            button.setMinimumHeight(48)
            button.clicked.connect(lambda _c=False, answer=answer: self.answered.emit(answer))
            self.buttons[answer] = button
            row.addWidget(button, 1)
        self.later = QPushButton("Not now")
        self.later.clicked.connect(lambda: self.answered.emit(None))
        row.addWidget(self.later)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 10, 22, 10)
        layout.setSpacing(6)
        layout.addWidget(self.question)
        layout.addLayout(row)
        self.hide()

    def ask(self, when: str) -> None:
        self.question.setText(f"How is your back compared with before your last session ({when})?")
        self.show()


class SuggestionsCard(QFrame):
    accepted = Signal(str)  # exercise id
    dismissed = Signal(str)
    reset_requested = Signal()
    explain_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.heading = QLabel("Your progress")
        self.heading.setProperty("role", "muted")
        self.rows = QGridLayout()
        self.rows.setHorizontalSpacing(12)
        self.rows.setVerticalSpacing(2)
        self.rows.setColumnStretch(0, 1)
        self.lines: list[tuple[Shown, QLabel, QPushButton, QPushButton]] = []
        self.reset = QPushButton("Back to the routine's level")
        self.reset.setToolTip("Undo every dose change you accepted for this routine")
        self.reset.clicked.connect(self.reset_requested)
        self.explain = QPushButton("How suggestions work")
        self.explain.clicked.connect(self.explain_requested)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.explain)
        top.addWidget(self.reset)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 10, 22, 10)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(self.rows)
        self.hide()

    def show_suggestions(self, shown: list[Shown], *, changed_doses: bool) -> None:
        """The suggestions to act on; the card stays hidden when there are none and nothing to undo."""
        while self.rows.count():
            old = self.rows.takeAt(0)
            widget = old.widget() if old is not None else None
            if widget is not None:
                widget.deleteLater()
        self.lines = []
        for row, item in enumerate(shown):
            self._add(row, item)
        self.reset.setVisible(changed_doses)
        self.setVisible(bool(shown) or changed_doses)

    def _add(self, row: int, item: Shown) -> None:
        text = _big(QLabel(item.line), 1.2)
        text.setProperty("role", "danger" if item.easing else "")
        text.setToolTip(item.reason)
        why = QLabel(item.reason)
        why.setProperty("role", "muted")
        why.setWordWrap(True)
        accept = QPushButton("Accept")
        accept.setProperty("role", "primary")
        accept.setMinimumHeight(44)
        accept.clicked.connect(lambda: self.accepted.emit(item.exercise))
        later = QPushButton("Not now")
        later.setMinimumHeight(44)
        later.clicked.connect(lambda: self.dismissed.emit(item.exercise))
        self.rows.addWidget(text, row * 2, 0)
        self.rows.addWidget(accept, row * 2, 1, Qt.AlignmentFlag.AlignTop)
        self.rows.addWidget(later, row * 2, 2, Qt.AlignmentFlag.AlignTop)
        self.rows.addWidget(why, row * 2 + 1, 0, 1, 3)
        self.lines.append((item, text, accept, later))
