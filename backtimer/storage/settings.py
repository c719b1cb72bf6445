"""Reading and writing the settings file: atomic JSON, unknown keys kept, only what differs from the defaults."""

from __future__ import annotations

import json
from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any

from backtimer.core.settings import DEFAULTS, LEVELS, THEMES, Settings
from backtimer.storage.files import atomic_write, move_aside

if TYPE_CHECKING:
    from pathlib import Path

SCHEMA_VERSION = 1


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
