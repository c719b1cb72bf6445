"""The summary after a session: how long, what was done and skipped, and optional pain now (0 = none, 10 = worst),
the rating of the last exercise and a note. Pain takes digits 0-9, the arrow keys or a click."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.wording import duration_text
from backtimer.practice.ports import DayStatus
from backtimer.practice.summary import SessionSummary
from backtimer.ui.feedback_parts import HelpOffer, LastRating


class SummaryView(QWidget):
    finished = Signal()  # the person closed the summary; read pain(), last_rating() and note_text()
    help_requested = Signal()  # "When to stop and get help"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setProperty("role", "title")
        self.subheading = QLabel()
        self.subheading.setProperty("role", "muted")
        self.time = QLabel()
        self.done = QLabel()
        self.skipped = QLabel()
        self.streak = QLabel()
        self.lines = QGridLayout()
        self._scroll = QScrollArea()
        self.rating = QButtonGroup(self)
        self.rating.setExclusive(False)  # a second click on the chosen number clears it: the rating is optional
        self.last = LastRating()
        self.offer = HelpOffer()
        self.offer.requested.connect(self.help_requested)
        self._hurts = 0
        self.note = QLineEdit()
        self.note.setPlaceholderText("A note for yourself (optional)")
        self.note.setMaxLength(500)
        self.close_button = QPushButton("Save and close")
        self.close_button.setProperty("role", "primary")
        self.close_button.setMinimumHeight(72)
        self.close_button.setFont(self._bigger(self.close_button, 1.6))
        self.close_button.clicked.connect(self.finished)
        self._build()
        for button in [self.close_button, self.offer.button, *self.rating.buttons(), *self.last.group.buttons()]:
            button.installEventFilter(self)

    def _build(self) -> None:
        stats = QHBoxLayout()
        stats.setSpacing(16)
        captions = ("Time", "Exercises done", "Skipped", "Streak")
        for caption, label in zip(captions, (self.time, self.done, self.skipped, self.streak), strict=True):
            card = QFrame()
            card.setProperty("role", "card")
            inner = QVBoxLayout(card)
            inner.setContentsMargins(22, 14, 22, 14)
            inner.setSpacing(2)
            title = QLabel(caption)
            title.setProperty("role", "muted")
            label.setProperty("role", "stat")
            label.setTextFormat(Qt.TextFormat.PlainText)
            inner.addWidget(title)
            inner.addWidget(label)
            stats.addWidget(card, 1)
            if label is self.streak:
                self._streak_card = card
        self._streak_card.hide()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll = self._scroll
        ask = QLabel("How much does your back hurt now?  0 is no pain, 10 is the worst.  (optional: 0-9, arrows)")
        ask.setFont(self._bigger(ask, 1.2))
        ratings = self._pain_row()
        column = QVBoxLayout()
        column.setSpacing(14)
        column.addWidget(self.heading)
        column.addWidget(self.subheading)
        column.addLayout(stats)
        column.addWidget(scroll, 1)
        column.addWidget(ask)
        column.addLayout(ratings)
        column.addWidget(self.offer)
        column.addWidget(self.last)
        column.addWidget(self.note)
        column.addWidget(self.close_button)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(32, 28, 32, 28)
        outer.addStretch(1)
        outer.addLayout(column, 6)
        outer.addStretch(1)

    def _pain_row(self) -> QHBoxLayout:
        """0 to 10 as big buttons; one at a time, a second click clears it."""
        ratings = QHBoxLayout()
        ratings.setSpacing(6)
        for value in range(11):
            button = QPushButton(str(value))
            button.setCheckable(True)
            button.setMinimumSize(56, 56)
            button.setFont(self._bigger(button, 1.3))
            self.rating.addButton(button, value)
            ratings.addWidget(button)
        ratings.addStretch(1)
        self.rating.idToggled.connect(self._only_one)
        self.rating.idToggled.connect(lambda _id, _on: self.offer.update_for(self.pain(), self._hurts))
        return ratings

    @staticmethod
    def _bigger(widget: QWidget, factor: float, *, bold: bool = True) -> QFont:
        font = QFont(widget.font())
        font.setPointSizeF(font.pointSizeF() * factor)
        font.setBold(bold)
        return font

    def _only_one(self, chosen: int, checked: bool) -> None:
        if checked:
            for button in self.rating.buttons():
                if self.rating.id(button) != chosen and button.isChecked():
                    button.setChecked(False)

    def show_summary(self, summary: SessionSummary, status: DayStatus | None) -> None:
        self.heading.setText("Well done" if summary.completed else "Session stopped")
        self.subheading.setText(f"{summary.routine_title} · {summary.level}")
        self.time.setText(duration_text(summary.seconds))
        self.done.setText(str(summary.done_count))
        self.skipped.setText(str(summary.skipped_count))
        self.show_status(status)
        self._new_listing()
        if not summary.tallies:
            self.lines.addWidget(QLabel("Nothing was recorded this time."), 0, 0, 1, 2)
        for row, (what, status_text) in enumerate(summary.lines()):
            name, how = QLabel(what), QLabel(status_text)
            how.setProperty("role", "muted")
            for label in (name, how):
                label.setFont(self._bigger(label, 1.25, bold=label is name))
            self.lines.addWidget(name, row, 0)
            self.lines.addWidget(how, row, 1)
        self.lines.setRowStretch(len(summary.tallies) + 1, 1)
        for button in self.rating.buttons():
            button.setChecked(False)
        self.note.clear()
        self.close_button.setFocus()

    def _new_listing(self) -> None:
        """A fresh grid for this session's lines (the old one goes with its widget)."""
        listing = QFrame()
        listing.setProperty("role", "card")
        self.lines = QGridLayout(listing)
        self.lines.setContentsMargins(22, 16, 22, 16)
        self.lines.setHorizontalSpacing(40)
        self.lines.setVerticalSpacing(8)
        self.lines.setColumnStretch(1, 1)
        old = self._scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self._scroll.setWidget(listing)

    def show_status(self, status: DayStatus | None) -> None:
        self._streak_card.setVisible(status is not None)
        if status is not None:
            days = status.current_streak
            self.streak.setText(f"{days} day{'s' if days != 1 else ''}")

    def line_texts(self) -> list[tuple[str, str]]:
        """(what, how it went) for each line shown."""
        rows = []
        for row in range(self.lines.rowCount()):
            cells = [self.lines.itemAtPosition(row, col) for col in (0, 1)]
            labels = [cell.widget() if cell is not None else None for cell in cells]
            if isinstance(labels[0], QLabel) and isinstance(labels[1], QLabel):
                rows.append((labels[0].text(), labels[1].text()))
        return rows

    def pain(self) -> int | None:
        """Pain now, 0 (none) to 10 (worst), or None when not given."""
        checked = [self.rating.id(b) for b in self.rating.buttons() if b.isChecked()]
        return checked[0] if checked else None

    def set_pain(self, value: int | None) -> None:
        for button in self.rating.buttons():
            button.setChecked(self.rating.id(button) == value)

    def ask_feedback(self, last: tuple[str, str] | None, hurts: int) -> None:
        """The last exercise to rate, (id, name), if it was not rated yet; ``hurts``: "This hurts" presses."""
        self._hurts = hurts
        self.last.ask(last[0] if last else None, last[1] if last else "")
        self.offer.update_for(self.pain(), hurts)

    def last_rating(self) -> tuple[str, str] | None:
        return self.last.answer()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.pain_key(event):
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The buttons would take the arrow keys to move the focus: on this page they set the pain instead."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and watched is not self.note:
            return self.pain_key(event)
        return super().eventFilter(watched, event)

    def pain_key(self, event: QKeyEvent) -> bool:
        """Digits choose the pain now, the arrows move it (the note field keeps its own keys); True if handled."""
        key = event.key()
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self.set_pain(key - Qt.Key.Key_0)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            now = self.pain()
            step = 1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Up) else -1
            self.set_pain(min(max((now if now is not None else (-1 if step > 0 else 1)) + step, 0), 10))
        else:
            return False
        event.accept()
        return True

    def note_text(self) -> str:
        return self.note.text().strip()
