"""The user's settings: one dataclass of defaults. Persistence (atomic JSON, unknown keys kept) lives beside it."""

from __future__ import annotations

from dataclasses import dataclass


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
    get_ready_seconds: float = 10.0
    rest_between_sets: float = 30.0
    rest_between_exercises: float = 20.0
    switch_sides_seconds: float = 5.0
    # history and streaks
    rest_weekdays: tuple[int, ...] = ()  # 0 = Monday ... 6 = Sunday
    weekly_goal: int = 3  # sessions a week
    day_start_hour: int = 0  # a session before this hour counts for the day before
    # desktop
    reminder_time: str = ""  # "HH:MM", empty: off
    theme: str = "system"  # system, light, dark
    safety_acknowledged: bool = False
