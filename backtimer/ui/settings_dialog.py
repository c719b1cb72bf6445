"""The settings dialog over the Settings dataclass: session lengths, level, streak rules, reminder and theme."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.content.model import Level
from backtimer.core.settings import Settings

if TYPE_CHECKING:
    from backtimer.ui.voice_settings import VoiceSettings

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
THEMES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"), ("high-contrast", "High contrast"))


def _seconds(value: float, low: float, high: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(0)
    box.setSuffix(" s")
    box.setValue(value)
    return box


class SettingsDialog(QDialog):
    """Edits a copy; ``result_settings()`` returns the changed Settings after the dialog was accepted."""

    def __init__(
        self,
        settings: Settings,
        voice_page: Callable[[Settings], VoiceSettings] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setMinimumWidth(560)
        self._settings = settings
        self.level = QComboBox()
        for level in Level:
            self.level.addItem(level.value.capitalize(), level.value)
        self.level.setCurrentIndex(max(self.level.findData(settings.level), 0))
        self.get_ready = _seconds(settings.get_ready_seconds, 3, 60)
        self.rest_sets = _seconds(settings.rest_between_sets, 0, 300)
        self.rest_exercises = _seconds(settings.rest_between_exercises, 0, 300)
        self.switch = _seconds(settings.switch_sides_seconds, 0, 60)
        self.switch.setToolTip("Some exercises take longer to switch (a side plank, a figure-four): they keep theirs")
        self.wait_for_me = QCheckBox("Wait for me before each exercise")
        self.wait_for_me.setChecked(settings.wait_for_me)
        self.wait_for_me.setToolTip("After each get-ready, start only when you press Space or Enter")
        self.rest_days = [QCheckBox(day) for day in WEEKDAYS]
        for index, box in enumerate(self.rest_days):
            box.setChecked(index in settings.rest_weekdays)
        self.weekly_goal = QSpinBox()
        self.weekly_goal.setRange(1, 14)
        self.weekly_goal.setValue(settings.weekly_goal)
        self.weekly_goal.setSuffix(" sessions a week")
        self.day_start = QSpinBox()
        self.day_start.setRange(0, 12)
        self.day_start.setValue(settings.day_start_hour)
        self.day_start.setSuffix(":00")
        self.day_start.setToolTip("A session before this hour counts for the day before")
        self.reminder_on = QCheckBox("Remind me at")
        self.reminder = QTimeEdit()
        self.reminder.setDisplayFormat("HH:mm")
        time = QTime.fromString(settings.reminder_time, "HH:mm")
        self.reminder_on.setChecked(time.isValid())
        self.reminder.setTime(time if time.isValid() else QTime(18, 0))
        self.reminder.setEnabled(time.isValid())
        self.reminder_on.toggled.connect(self.reminder.setEnabled)
        self.theme = QComboBox()
        for value, text in THEMES:
            self.theme.addItem(text, value)
        self.theme.setCurrentIndex(max(self.theme.findData(settings.theme), 0))
        self.voice = voice_page(settings) if voice_page is not None else None
        self._build()

    def _build(self) -> None:
        tabs = QTabWidget()
        session = QFormLayout()
        session.addRow("Level", self.level)
        session.addRow("Get ready before the first exercise", self.get_ready)
        session.addRow("Rest between sets", self.rest_sets)
        session.addRow("Rest between exercises", self.rest_exercises)
        session.addRow("Time to switch sides", self.switch)
        session.addRow("", self.wait_for_me)
        tabs.addTab(self._page(session), "Session")
        days = QHBoxLayout()
        for box in self.rest_days:
            days.addWidget(box)
        habits = QFormLayout()
        habits.addRow("Rest days (never break a streak)", days)
        habits.addRow("Weekly goal", self.weekly_goal)
        habits.addRow("A new day starts at", self.day_start)
        reminder = QHBoxLayout()
        reminder.addWidget(self.reminder_on)
        reminder.addWidget(self.reminder)
        reminder.addStretch(1)
        habits.addRow("Daily reminder", reminder)
        tabs.addTab(self._page(habits), "Streak and reminder")
        if self.voice is not None:
            tabs.addTab(self.voice, "Voice")
        look = QFormLayout()
        look.addRow("Theme", self.theme)
        tabs.addTab(self._page(look), "Look")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    @staticmethod
    def _page(form: QFormLayout) -> QWidget:
        page = QWidget()
        form.setContentsMargins(18, 18, 18, 18)
        form.setVerticalSpacing(12)
        page.setLayout(form)
        return page

    def result_settings(self) -> Settings:
        settings = replace(
            self._settings,
            level=str(self.level.currentData()),
            get_ready_seconds=self.get_ready.value(),
            rest_between_sets=self.rest_sets.value(),
            rest_between_exercises=self.rest_exercises.value(),
            switch_sides_seconds=self.switch.value(),
            wait_for_me=self.wait_for_me.isChecked(),
            rest_weekdays=tuple(i for i, box in enumerate(self.rest_days) if box.isChecked()),
            weekly_goal=self.weekly_goal.value(),
            day_start_hour=self.day_start.value(),
            reminder_time=self.reminder.time().toString("HH:mm") if self.reminder_on.isChecked() else "",
            theme=str(self.theme.currentData()),
        )
        if self.voice is not None:  # the voice page edits its own fields
            settings = self.voice.apply_to(settings)
        return settings

    def done(self, result: int) -> None:
        """However the dialog closes, the voice page's test speaker (a worker process) goes with it."""
        if self.voice is not None:
            self.voice.close_tester()
        super().done(result)
