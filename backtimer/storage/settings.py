"""The user's settings: one dataclass of defaults. Persistence (atomic JSON, unknown keys kept) lives beside it."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported when first used: the window's start-up does not need it
    from backtimer.core.model import Routine
    from backtimer.core.streaks import StreakRules


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
    movement_break_minutes: int = 0  # nudge to get up after this many minutes at the computer; 0: off
    theme: str = "system"  # system, light, dark
    safety_acknowledged: bool = False


SCHEMA_VERSION = 1
THEMES = ("system", "light", "dark")
LEVELS = ("beginner", "standard", "advanced")


def streak_rules(settings: Settings) -> StreakRules:
    from backtimer.core.streaks import StreakRules

    return StreakRules(frozenset(settings.rest_weekdays), settings.day_start_hour, settings.weekly_goal)


class SettingsFile:
    """Settings in one JSON file: atomic writes, unknown keys kept, only what differs from the defaults saved.

    ``notices`` collects one-line messages for the user (a damaged file moved aside, a value that was ignored).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.notices: list[str] = []
        self._raw: dict[str, Any] = {}

    def load(self) -> Settings:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Settings()
        except OSError as err:
            self.notices.append(f"Could not read the settings ({err.strerror}); using the defaults.")
            return Settings()
        try:
            raw = json.loads(text)
            if not isinstance(raw, dict):
                raise ValueError("not a JSON object")
        except ValueError:
            try:
                kept = move_aside(self.path)
            except OSError as err:  # a read-only folder: leave the file where it is, start with the defaults
                self.notices.append(
                    f"The settings file is damaged and cannot be moved aside ({err.strerror}); the defaults are used."
                )
                return Settings()
            self.notices.append(f"The settings file was damaged; it was kept as {kept.name} and the defaults are used.")
            return Settings()
        self._raw = raw
        return self._from_raw(raw)

    def _from_raw(self, raw: dict[str, Any]) -> Settings:
        values: dict[str, Any] = {}
        for item in fields(Settings):
            if item.name not in raw:
                continue
            value = _checked(item.name, raw[item.name], getattr(DEFAULTS, item.name))
            if value is None:
                self.notices.append(
                    f"{self.path.name}: {item.name}: {raw[item.name]!r} is not valid; using the default."
                )
            else:
                values[item.name] = value
        return replace(DEFAULTS, **values)

    def save(self, settings: Settings) -> None:
        """Write atomically; raises OSError when the folder cannot be written (the caller shows one line)."""
        raw = dict(self._raw)
        for item in fields(Settings):
            value = getattr(settings, item.name)
            if value != getattr(DEFAULTS, item.name) or item.name in raw:
                raw[item.name] = list(value) if isinstance(value, tuple) else value
        raw["version"] = raw.get("version", SCHEMA_VERSION)
        atomic_write(self.path, json.dumps(raw, indent=2, ensure_ascii=False) + "\n")
        self._raw = raw


DEFAULTS = Settings()


def _checked(name: str, value: Any, default: Any) -> Any:
    """The value if it has the right type and range, else None."""
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool) and value in _INT_RANGES.get(name, range(0, 10**6))
        return value if ok else None
    if isinstance(default, float):
        low, high = _FLOAT_RANGES.get(name, (0.0, 3600.0))
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        return float(value) if number and low <= value <= high else None
    if isinstance(default, tuple):
        ok = isinstance(value, list) and all(type(v) is int and 0 <= v <= 6 for v in value)
        return tuple(sorted(set(value))) if ok else None
    if isinstance(value, str):
        allowed = _CHOICES.get(name)
        if name == "reminder_time" and value and not _is_hhmm(value):
            return None
        return value if allowed is None or value in allowed else None
    return None


_INT_RANGES = {"voice_rate": range(50, 401), "weekly_goal": range(1, 8), "day_start_hour": range(0, 24)}
_FLOAT_RANGES = {"voice_volume": (0.0, 1.0)}
_CHOICES: dict[str, tuple[str, ...]] = {"theme": THEMES, "level": LEVELS}


def _is_hhmm(text: str) -> bool:
    hours, _, minutes = text.partition(":")
    return hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60 and len(minutes) == 2


def atomic_write(path: Path, text: str) -> None:
    """Write a temp file beside ``path``, fsync it, then replace: a crash leaves the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable where the platform allows opening a folder (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def free_sibling(path: Path, tag: str) -> Path:
    """A name beside ``path`` that is not taken: ``<stem>.<tag>-<time>[-n]<suffix>``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{tag}-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.{tag}-{stamp}-{n}{path.suffix}")
    return target


def move_aside(path: Path) -> Path:
    """Rename a damaged file to ``<stem>.corrupt-<time><suffix>`` beside it (kept, never deleted)."""
    target = free_sibling(path, "corrupt")
    os.replace(path, target)
    return target


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
