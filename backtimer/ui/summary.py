"""The summary after a session: how long, what was done and skipped, and optional pain now (0 = none, 10 = worst),
the rating of the last exercise and a note. Pain takes digits 0-9, the arrow keys or a click."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
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
from backtimer.ui.rating_row import RatingRow
from backtimer.ui.screen_fit import centred, scroll_page


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
        self.rating_row = RatingRow("Pain now, 0 no pain to 10 the worst")
        self.rating = self.rating_row.group
        self.last = LastRating()
        self.offer = HelpOffer()
        self.offer.requested.connect(self.help_requested)
        self._hurts = 0
        self.rating_row.changed.connect(lambda: self.offer.update_for(self.pain(), self._hurts))
        self.note = QLineEdit()
        self.note.setPlaceholderText("A note for yourself (optional)")
        self.note.setMaxLength(500)
        self.close_button = QPushButton("Save and close")
        self.close_button.setProperty("role", "primary")
        self.close_button.setMinimumHeight(72)
        self.close_button.setFont(self._bigger(self.close_button, 1.6))
        self.close_button.setAutoDefault(True)  # Enter on it saves and closes
        self.close_button.clicked.connect(self.finished)
        self.note.returnPressed.connect(self.finished)  # Enter in the note too
        self.note.setAccessibleName("Note")
        self._build()
        QWidget.setTabOrder(self.rating_row, self.note)  # rating, note, save: the ratings of the last exercise after
        QWidget.setTabOrder(self.note, self.close_button)

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
        self._scroll.setAccessibleName("What was done and what was skipped")
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll = self._scroll
        ask = QLabel("How much does your back hurt now?  0 is no pain, 10 is the worst. (optional: 0 to 10, or arrows)")
        ask.setFont(self._bigger(ask, 1.2))
        ask.setWordWrap(True)  # never wider than a small screen
        scroll.setMinimumHeight(90)  # a few lines of the list, however short the screen (the page scrolls)
        column = QVBoxLayout()
        column.setSpacing(14)
        column.addWidget(self.heading)
        column.addWidget(self.subheading)
        column.addLayout(stats)
        column.addWidget(scroll, 1)
        column.addWidget(ask)
        column.addWidget(self.rating_row)
        column.addWidget(self.offer)
        column.addWidget(self.last)
        column.addWidget(self.note)
        centred(scroll_page(self), column, 28, 8)  # the whole page scrolls on a short screen
        closing = QVBoxLayout()
        closing.addWidget(self.close_button)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(centred(QWidget(), closing, 8, 20))  # Save and close stays in sight

    @staticmethod
    def _bigger(widget: QWidget, factor: float, *, bold: bool = True) -> QFont:
        font = QFont(widget.font())
        font.setPointSizeF(font.pointSizeF() * factor)
        font.setBold(bold)
        return font

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.rating_row.hasFocus():
            self.finished.emit()  # a rating given: Enter saves it
            return
        if not self.rating_row.key(event):  # digits and arrows set the rating from anywhere but the note
            super().keyPressEvent(event)

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
        self.rating_row.set_value(None)
        self.note.clear()
        self.rating_row.setFocus()  # digits and arrows rate at once; Enter saves, Tab goes to the note

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
        return self.rating_row.value()

    def set_pain(self, value: int | None) -> None:
        self.rating_row.set_value(value)

    def ask_feedback(self, last: tuple[str, str] | None, hurts: int) -> None:
        """The last exercise to rate, (id, name), if it was not rated yet; ``hurts``: "This hurts" presses."""
        self._hurts = hurts
        self.last.ask(last[0] if last else None, last[1] if last else "")
        self.offer.update_for(self.pain(), hurts)

    def last_rating(self) -> tuple[str, str] | None:
        return self.last.answer()

    def note_text(self) -> str:
        return self.note.text().strip()
