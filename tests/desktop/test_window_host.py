"""The Host protocol over backtimer's real window: what the tray and a later start do to it."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from backtimer.app import choose, create_window
from backtimer.clock import MonotonicClock
from backtimer.command_line import CommandLine
from backtimer.core.settings import Settings
from backtimer.desktop.ports import SessionState, StartRequest
from backtimer.desktop.window_host import MainWindowHost
from backtimer.practice.preferences import Preferences
from backtimer.practice.starting import Practice
from backtimer.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("does not support raise")  # offscreen cannot raise a window; X11 can


@pytest.fixture
def host(qtbot: QtBot) -> MainWindowHost:
    practice = Practice(Preferences(Settings()), MonotonicClock())
    window, problem = create_window(CommandLine(), practice=practice, ask=lambda t, q: True)
    assert problem is None
    qtbot.addWidget(window)
    window.show()
    window.finish_start()

    def select(request: StartRequest) -> str | None:
        return choose(window, request.routine, request.level)

    return MainWindowHost(window, select)


def window_of(host: MainWindowHost) -> MainWindow:
    return host.window


def selected(host: MainWindowHost) -> str | None:
    routine = host.window.home.routine
    return routine.id if routine else None


def test_start_pause_resume_stop(host: MainWindowHost) -> None:
    assert host.session_state() is SessionState.IDLE
    host.start_routine(StartRequest("start-small", "beginner", start=True))
    assert selected(host) == "start-small"
    assert host.session_state() is SessionState.RUNNING
    host.toggle_pause()
    assert host.session_state() is SessionState.PAUSED
    host.toggle_pause()
    assert host.session_state() is SessionState.RUNNING
    host.stop_session()
    assert host.session_state() is SessionState.IDLE


def test_a_running_session_is_never_swapped(host: MainWindowHost) -> None:
    host.start_routine(StartRequest("start-small", None, start=True))
    host.start_routine(StartRequest("lower-back", None, start=True))
    controller = window_of(host).session.controller
    assert controller is not None and controller.session.plan.routine.id == "start-small"
    host.stop_session()


def test_a_bad_routine_from_a_later_start_is_one_notice(host: MainWindowHost) -> None:
    host.start_routine(StartRequest("no-such-routine", None, start=True))
    assert host.session_state() is SessionState.IDLE
    assert any("no-such-routine" in line for line in window_of(host).notices)


def test_selecting_without_starting(host: MainWindowHost) -> None:
    host.start_routine(StartRequest("core-stability", None, start=False))
    assert host.session_state() is SessionState.IDLE
    assert selected(host) == "core-stability"


def test_done_today_without_history_is_false(host: MainWindowHost) -> None:
    assert host.done_today() is False


def test_the_desktop_follows_pushed_changes_of_session_and_settings(host: MainWindowHost) -> None:
    """No polling: the window's session signal and the preferences' listeners reach the desktop parts."""
    from dataclasses import replace

    from PySide6.QtWidgets import QApplication

    from backtimer.app import read_guidance
    from backtimer.desktop.wiring import Claim, attach

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = window_of(host)
    desktop = attach(app, window, Claim(False, None), choose, read_guidance)
    assert desktop.state is SessionState.IDLE and desktop.reminder.at is None
    window.practice.preferences.apply(replace(window.settings, reminder_time="07:30"))
    assert desktop.reminder.at is not None
    host.start_routine(StartRequest("start-small", None, start=True))
    assert desktop.state is SessionState.RUNNING  # told by the signal, not found by a timer
    host.toggle_pause()
    assert desktop.state is SessionState.PAUSED
    host.stop_session()
    assert desktop.state is SessionState.IDLE
    desktop.shut_down()
