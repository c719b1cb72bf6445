"""Home's side of the progression coach: fills the cards from ``Practice.coaching`` and passes on what was chosen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from backtimer.core.content.model import Dose
from backtimer.core.progress.coach import Action, NextDayQuestion
from backtimer.practice.coaching import Coaching
from backtimer.practice.starting import Practice
from backtimer.ui.home import HomeView
from backtimer.ui.progress_cards import NextDayCard, Shown, SuggestionsCard


class HomeProgress(QObject):
    def __init__(
        self, home: HomeView, practice: Practice, explain: Callable[[], object], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.home, self.practice, self._explain = home, practice, explain
        self.next_day = NextDayCard()
        self.suggestions = SuggestionsCard()
        home.add_card(self.next_day)
        home.add_card(self.suggestions)
        self.question: NextDayQuestion | None = None
        self.dismissed: set[tuple[str, str, Dose]] = set()  # (routine, exercise, suggested dose): "Not now"
        self.next_day.answered.connect(self.answer)
        self.suggestions.accepted.connect(self.accept)
        self.suggestions.dismissed.connect(self.dismiss)
        self.suggestions.reset_requested.connect(self.reset)
        self.suggestions.explain_requested.connect(explain)

    @property
    def coaching(self) -> Coaching | None:
        return self.practice.coaching

    def refresh(self) -> None:
        """Ask the coach again (after a session, a change of routine or level, or an accepted dose)."""
        coaching, routine = self.coaching, self.home.routine
        if coaching is None or routine is None:
            self.suggestions.hide()
            return
        advice = coaching.advice(routine, self.home.level)
        shown = [
            Shown(a.exercise.id, a.line, a.suggestion.reason, a.suggestion.action is Action.STEP_BACK)
            for a in advice
            if a.changes and (routine.id, a.exercise.id, a.suggestion.dose) not in self.dismissed
        ]
        self.suggestions.show_suggestions(shown, changed_doses=any(a.accepted for a in advice))
        self.home.routines.reveal_current()

    def ask_next_day(self) -> None:
        """The question about the last session, on a later day, once."""
        if self.coaching is None:
            return
        self.question = self.coaching.next_day_question()
        if self.question is not None:
            self.next_day.ask(f"{self.question.local_date:%A %d %B}")
            self.home.routines.reveal_current()

    def answer(self, answer: str | None) -> None:
        if self.coaching is not None and self.question is not None:
            self.coaching.answer_next_day(self.question, answer)
        self.question = None
        self.next_day.hide()
        self.refresh()  # a "worse" steps back

    def accept(self, exercise: str) -> None:
        routine = self.home.routine
        if self.coaching is not None and routine is not None:
            self.coaching.accept(routine, self.home.level, exercise)
            self.home.refresh_lengths()
        self.refresh()

    def dismiss(self, exercise: str) -> None:
        routine = self.home.routine
        if self.coaching is not None and routine is not None:
            for a in self.coaching.advice(routine, self.home.level):
                if a.exercise.id == exercise:
                    self.dismissed.add((routine.id, exercise, a.suggestion.dose))
        self.refresh()

    def reset(self) -> None:
        routine = self.home.routine
        if self.coaching is not None and routine is not None:
            self.coaching.reset(routine)
            self.home.refresh_lengths()
        self.refresh()


class RulesDialog(QDialog):
    """How suggestions work, in plain words (from the guidance data)."""

    def __init__(self, title: str, paragraphs: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(700)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        heading = QLabel(title)
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        for text in paragraphs:
            label = QLabel(text)
            label.setWordWrap(True)
            layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
