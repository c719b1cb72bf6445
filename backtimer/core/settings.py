"""The person's settings as one frozen value, and the pure helpers that apply them to routines and streaks."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from backtimer.core.content.model import Routine
    from backtimer.core.progress.streaks import StreakRules


@dataclass(frozen=True)
class Settings:
    # voice and sound
    voice_enabled: bool = True
    voice_name: str = ""  # empty: the engine's default voice
    voice_rate: int = 175  # words per minute
    voice_volume: float = 1.0  # 0..1
    count_reps: bool = True
    beeps: bool = True
    # session
    level: str = "standard"
    last_routine: str = "lower-back"
    get_ready_seconds: float = 20.0  # the first get-ready: time to get down onto the floor
    wait_for_me: bool = False  # hold each get-ready until Space or Enter
    rest_between_sets: float = 30.0
    rest_between_exercises: float = 20.0
    switch_sides_seconds: float = 5.0
    # history and streaks
    rest_weekdays: tuple[int, ...] = ()  # 0 = Monday ... 6 = Sunday
    weekly_goal: int = 3  # sessions a week
    day_start_hour: int = 0  # a session before this hour counts for the day before
    # desktop
    reminder_time: str = ""  # "HH:MM", empty: off
    movement_break_minutes: int = 0  # nudge to get up after this many minutes at the computer; 0: off
    theme: str = "system"  # system, light, dark, high-contrast
    safety_acknowledged: bool = False


THEMES = ("system", "light", "dark", "high-contrast")
LEVELS = ("beginner", "standard", "advanced")
DEFAULTS = Settings()


def streak_rules(settings: Settings) -> StreakRules:
    from backtimer.core.progress.streaks import StreakRules  # read after the first paint

    return StreakRules(frozenset(settings.rest_weekdays), settings.day_start_hour, settings.weekly_goal)


def timed_routine(routine: Routine, settings: Settings) -> Routine:
    """The routine with the user's get-ready, rest and side-switch lengths (the window and ``run`` alike)."""
    timing = replace(
        routine.timing,
        get_ready=settings.get_ready_seconds,
        rest_between_sets=settings.rest_between_sets,
        rest_between_exercises=settings.rest_between_exercises,
        switch_sides=settings.switch_sides_seconds,
    )
    return replace(routine, timing=timing)
