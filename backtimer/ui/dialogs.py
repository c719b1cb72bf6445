"""The dialogs and side pages the window opens from home: safety, what to avoid, an exercise, settings, history."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QDialog, QStackedWidget, QWidget

from backtimer.core.errors import ContentError
from backtimer.ui.widgets import scrolling

if TYPE_CHECKING:  # each is imported when first opened: a quicker first paint
    from backtimer.core.content.guidance import Guidance
    from backtimer.core.content.model import Level, Routine
    from backtimer.practice.preferences import Preferences
    from backtimer.ui.editor.page import EditorPage
    from backtimer.ui.exercise_detail import ExerciseDialog
    from backtimer.ui.guidance import AvoidDialog, SafetyDialog
    from backtimer.ui.history_view import HistoryView
    from backtimer.ui.ports import WindowParts
    from backtimer.ui.red_flags import RedFlagsDialog
    from backtimer.ui.settings_dialog import SettingsDialog

Ask = Callable[[str, str], bool]  # (title, question) -> yes
Inform = Callable[[str, str], None]  # (title, one-line message)
FALLBACK = (
    "Before you start",
    "backtimer is not medical advice. Move gently, and stop at once if you feel sharp pain.",
)  # the guidance when its file cannot be read (its module is imported at the first need: a quicker first paint)


D = TypeVar("D", bound=QDialog)


class Dialogs:
    """Opens each dialog over ``parent``; side pages go on ``stack`` and come back with ``on_page_closed``."""

    def __init__(
        self,
        parent: QWidget,
        stack: QStackedWidget,
        parts: WindowParts,
        preferences: Preferences,
        notify: Callable[[str], None],
    ) -> None:
        self.parent, self.stack, self.parts, self.preferences, self.notify = parent, stack, parts, preferences, notify
        self._guidance: Guidance | None = None

    @property
    def guidance(self) -> Guidance:
        if self._guidance is None:
            from backtimer.core.content.guidance import Guidance

            fallback = Guidance(*FALLBACK, (), ())
            try:
                self._guidance = self.parts.guidance() if self.parts.guidance else fallback
            except ContentError as err:
                self.notify(str(err))
                self._guidance = fallback
        return self._guidance

    def ask(self, title: str, question: str) -> bool:
        from PySide6.QtWidgets import QMessageBox  # at the first question, not before the first paint

        return QMessageBox.question(self.parent, title, question) is QMessageBox.StandardButton.Yes

    def inform(self, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.parent, title, message)

    def safety(self, *, remember: bool) -> SafetyDialog:
        from backtimer.ui.guidance import SafetyDialog

        dialog = SafetyDialog(self.guidance, self.parent)
        if remember:
            dialog.accepted.connect(self._safety_seen)
        dialog.open()
        return dialog

    def safety_once(self) -> SafetyDialog | None:
        """The safety notice, on the first launch only (until it has been read)."""
        return None if self.preferences.current.safety_acknowledged else self.safety(remember=True)

    def _safety_seen(self) -> None:
        problem = self.preferences.apply(replace(self.preferences.current, safety_acknowledged=True))
        if problem:
            self.notify(problem)

    def red_flags(self) -> RedFlagsDialog:
        """ "When to stop and get help": from home, and offered after pain of 7+ or "This hurts" twice."""
        from backtimer.ui.red_flags import RedFlagsDialog

        dialog = RedFlagsDialog(self.guidance.red_flags, self.parent)
        return _opened(dialog)

    def rules(self) -> QDialog:
        """How the coach's suggestions work, in plain words."""
        from backtimer.ui.progress_home import RulesDialog

        dialog = RulesDialog("How suggestions work", self.guidance.progression, self.parent)
        return _opened(dialog)

    def avoid(self) -> AvoidDialog:
        from backtimer.ui.guidance import AvoidDialog

        dialog = AvoidDialog(self.guidance, self.parent)
        dialog.open()
        return dialog

    def exercise(self, routine: Routine, index: int, level: Level) -> ExerciseDialog:
        """An exercise of a routine in full, at ``level``; ← and → go through the others."""
        from backtimer.ui.exercise_detail import ExerciseDialog

        dialog = ExerciseDialog(routine.entries, index, level, self.parent, routine_title=routine.title)
        return _opened(dialog)

    def settings(self) -> SettingsDialog:
        """The settings; accepted, they go to the preferences, which tell everyone who listens."""
        from backtimer.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.preferences.current, self.parts.make_voice_settings, self.parent)

        def accepted() -> None:
            problem = self.preferences.apply(dialog.result_settings())
            if problem:
                self.notify(problem)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def history(
        self, on_closed: Callable[[], None], on_report: Callable[[], object] | None = None
    ) -> HistoryView | None:
        """The history as a page of its own (in a scroll area: a tall page scrolls, the window keeps its size)."""
        if self.parts.make_history_view is None:
            return None
        view = self.parts.make_history_view()
        page = scrolling(view)
        self.stack.addWidget(page)

        def close() -> None:
            self.stack.removeWidget(page)
            page.deleteLater()
            on_closed()

        view.back.connect(close)
        if on_report is not None:
            view.report_requested.connect(on_report)
        view.report.setVisible(on_report is not None)
        self.stack.setCurrentWidget(page)
        view.setFocus()
        return view

    def editor(self, on_closed: Callable[[], None], ask: Ask, inform: Inform) -> EditorPage | None:
        """Your routines and exercises, as a page of its own."""
        if self.parts.content is None:
            return None
        from backtimer.ui.editor.page import EditorPage

        page = EditorPage(self.parts.content, ask, inform)
        self.stack.addWidget(page)

        def close() -> None:
            self.stack.removeWidget(page)
            page.deleteLater()
            on_closed()

        page.back.connect(close)
        self.stack.setCurrentWidget(page)
        page.routines.setFocus()
        return page


def _opened(dialog: D) -> D:
    """``dialog`` opened over the window, deleted once closed."""
    from PySide6.QtCore import Qt  # (after the first paint: see widgets.set_enum)

    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
