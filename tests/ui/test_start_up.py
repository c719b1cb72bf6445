"""What the first paint waits for: the start-up choices that keep it quick, checked on a real launch.

The figures themselves are ``benchmarks/bench_startup.py``'s; these tests hold the choices behind them.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

import backtimer.app
import backtimer.ui.main_window
from backtimer.app import create_window
from backtimer.command_line import CommandLine
from backtimer.commands.gui import cmd_gui
from backtimer.storage.look import RememberedScheme
from backtimer.storage.paths import Paths
from backtimer.ui.routine_list import RoutineList
from backtimer.ui.theme import DARK, LIGHT
from backtimer.ui.widgets import set_enum

ROOT = Path(__file__).resolve().parents[2]

PROBE = ROOT / "benchmarks" / "first_frame.py"  # `python -m backtimer`, watched (the start-up benchmark's too)


def _launch(data: Path) -> dict[str, dict[str, str]]:
    """What held at the first frame and once home was filled in: ``{moment: {"qt-namespace": "0", ...}}``."""
    env = {**os.environ, "BACKTIMER_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(PROBE)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    lines = [dict(field.split("=", 1) for field in line.split()) for line in done.stdout.splitlines()]
    return {line.pop("moment"): line for line in lines if "moment" in line}


@pytest.fixture
def returning(tmp_path: Path) -> Path:
    """The data folder of someone who has opened backtimer before."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"safety_acknowledged": True, "voice_enabled": False}))
    return data


def test_the_composition_root_loads_no_qt_until_a_window_is_made() -> None:
    # PySide6 reads the source of every module imported after it: what needs no Qt comes first
    code = "import sys, backtimer.app; print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_first_frame_comes_before_the_qt_namespace_and_the_cycle_collector(returning: Path) -> None:
    RememberedScheme(Paths.resolve(str(returning)).system_scheme).remember(False)
    moments = _launch(returning)
    assert (moments["first-frame"]["qt-namespace"], moments["first-frame"]["collecting"]) == ("0", "0")
    assert moments["home-filled-in"]["collecting"] == "1"  # and the collector is back for the rest of the run


def test_a_first_launch_asks_the_system_for_its_scheme_and_remembers_it(returning: Path) -> None:
    memory = RememberedScheme(Paths.resolve(str(returning)).system_scheme)
    assert memory.recall() is None
    moments = _launch(returning)
    assert moments["first-frame"]["qt-namespace"] == "1"  # asked before the first paint: nothing was remembered
    assert memory.recall() is False  # the offscreen platform is not dark


def _system(monkeypatch: pytest.MonkeyPatch, answers: list[bool | None]) -> Callable[[], bool | None]:
    """The system's scheme as Qt would report it: each answer in turn (True dark, False light, None not known)."""

    def scheme() -> bool | None:
        return answers.pop(0)

    monkeypatch.setattr(backtimer.ui.main_window, "system_scheme", scheme)
    return scheme


def _window_colour() -> str:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return str(app.palette().color(QPalette.ColorRole.Window).name())


def test_the_first_frame_is_painted_in_the_remembered_scheme_then_follows_the_system(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = CommandLine(data_dir=str(tmp_path))
    memory = RememberedScheme(line.paths.system_scheme)
    memory.remember(True)  # dark when last seen
    _system(monkeypatch, [False, True])  # light now; later, dark again
    window, _problem = create_window(line)
    qtbot.addWidget(window)
    assert (window.colors, _window_colour()) == (DARK, DARK.window)  # the first frame: no question to Qt before it
    window.finish_start()  # just after the first paint
    assert (window.colors, _window_colour(), memory.recall()) == (LIGHT, LIGHT.window, False)
    window.follow_system_scheme()  # colorSchemeChanged: the person turned the desktop dark
    assert (window.colors, _window_colour(), memory.recall()) == (DARK, DARK.window, True)


def test_a_scheme_not_known_yet_keeps_the_remembered_one_until_the_system_says(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # some desktops answer a moment after the start: no dark-light-dark flash in between
    line = CommandLine(data_dir=str(tmp_path))
    memory = RememberedScheme(line.paths.system_scheme)
    memory.remember(True)
    _system(monkeypatch, [None, None])
    window, _problem = create_window(line)
    qtbot.addWidget(window)
    window.finish_start()
    window.practice.preferences.apply(replace(window.settings, level="advanced"))  # re-applies the look: dark
    assert (window.colors, memory.recall()) == (DARK, True)
    window.follow_system_scheme()  # a change to a scheme Qt cannot name is light, as ever
    assert (window.colors, memory.recall()) == (LIGHT, False)


def test_a_chosen_theme_needs_no_memory(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({"theme": "dark"}))
    line = CommandLine(data_dir=str(tmp_path))
    RememberedScheme(line.paths.system_scheme).remember(False)
    window, _problem = create_window(line)
    qtbot.addWidget(window)
    window.finish_start()
    assert window.colors == DARK


def test_the_remembered_scheme_survives_damage_and_a_folder_it_cannot_write(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "system-scheme"
    memory = RememberedScheme(path)
    path.parent.mkdir()
    path.write_bytes(b"\xff\xfe not a word")
    assert memory.recall() is None
    memory.remember(True)
    assert path.read_text() == "dark\n"
    blocked = RememberedScheme(tmp_path / "settings-file" / "system-scheme")
    (tmp_path / "settings-file").write_text("a file where the folder would be")
    blocked.remember(False)  # only a cache: no error, and the next start asks Qt again
    assert blocked.recall() is None


def test_enum_properties_set_by_name(qtbot: QtBot) -> None:
    area = QScrollArea()
    qtbot.addWidget(area)
    set_enum(area, "focusPolicy", "NoFocus")
    assert area.focusPolicy() == Qt.FocusPolicy.NoFocus
    with pytest.raises(ValueError, match="no focusPolicy called 'Nowhere'"):
        set_enum(area, "focusPolicy", "Nowhere")
    with pytest.raises(ValueError, match="no focusPolicyy called"):
        set_enum(area, "focusPolicyy", "NoFocus")
    assert area.dynamicPropertyNames() == []  # a misspelt name leaves nothing behind
    routines = RoutineList()
    qtbot.addWidget(routines)
    assert routines.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert routines.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_the_collector_is_back_on_whichever_way_the_window_command_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    def handed_over(_line: CommandLine) -> int:  # e.g. a backtimer already running took the request
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(backtimer.app, "run_gui", handed_over)
    assert cmd_gui(argparse.Namespace()) == 0
    assert seen == [False] and gc.isenabled()
