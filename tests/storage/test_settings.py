"""Settings in one JSON file: atomic, unknown keys kept, only changes saved, damage survived."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from backtimer.core.settings import Settings, streak_rules
from backtimer.storage.settings import SettingsFile


def test_defaults_when_there_is_no_file(tmp_path: Path) -> None:
    store = SettingsFile(tmp_path / "settings.json")
    assert store.load() == Settings()
    assert store.notices == []


def test_only_changed_values_are_saved_and_unknown_keys_kept(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "settings.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"future_option": {"a": 1}, "weekly_goal": 4}))
    store = SettingsFile(path)
    settings = store.load()
    assert settings.weekly_goal == 4
    store.save(replace(settings, rest_weekdays=(6, 5), theme="dark"))
    saved = json.loads(path.read_text())
    assert saved == {
        "future_option": {"a": 1},
        "weekly_goal": 4,
        "rest_weekdays": [6, 5],
        "theme": "dark",
        "version": 1,
    }
    again = SettingsFile(path).load()
    assert (again.rest_weekdays, again.theme, again.weekly_goal) == ((5, 6), "dark", 4)
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temp file left behind


def test_a_damaged_file_is_kept_aside_and_defaults_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"weekly_goal": 4,')
    store = SettingsFile(path)
    assert store.load() == Settings()
    assert len(store.notices) == 1 and "damaged" in store.notices[0]
    (kept,) = tmp_path.glob("settings.corrupt-*.json")
    assert kept.read_text() == '{"weekly_goal": 4,'
    store.save(Settings(weekly_goal=5))
    assert SettingsFile(path).load().weekly_goal == 5


def test_a_bad_value_falls_back_to_its_default_only(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    bad = {"weekly_goal": 0, "day_start_hour": "3", "voice_volume": 2, "theme": "neon", "rest_weekdays": [7]}
    path.write_text(json.dumps({**bad, "level": "advanced", "reminder_time": "25:00", "beeps": False}))
    store = SettingsFile(path)
    settings = store.load()
    assert (settings.level, settings.beeps) == ("advanced", False)
    assert settings.weekly_goal == 3 and settings.day_start_hour == 0 and settings.theme == "system"
    assert settings.reminder_time == "" and settings.rest_weekdays == () and settings.voice_volume == 1.0
    assert len(store.notices) == 6 and all("using the default" in n for n in store.notices)


def test_streak_rules_come_from_settings() -> None:
    rules = streak_rules(Settings(rest_weekdays=(6,), day_start_hour=3, weekly_goal=5))
    assert (rules.rest_weekdays, rules.day_start_hour, rules.weekly_goal) == (frozenset({6}), 3, 5)
