"""The desktop parts around a window: tray menu, closing, reminders, later starts, screen kept on, About."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from backtimer import __version__
from backtimer.app import read_guidance
from backtimer.core.settings import Settings
from backtimer.desktop.about import AboutDialog
from backtimer.desktop.inhibit import NullInhibitor, ScreenSaverInhibitor
from backtimer.desktop.life import Desktop
from backtimer.desktop.ports import SessionState, StartRequest
from backtimer.desktop.reminders import REMINDER_TITLE
from backtimer.desktop.single_instance import SingleInstance
from backtimer.desktop.tray import Tray
from tests.desktop.conftest import FakeService


class Window(QWidget):
    """A plain window with the one extra the desktop parts use: a place for notices."""

    def __init__(self) -> None:
        super().__init__()
        self.notices: list[str] = []

    def notice(self, text: str) -> None:
        self.notices.append(text)


class FakeHost:
    """The app side of the Host protocol, kept as plain state."""

    def __init__(self) -> None:
        self.state = SessionState.IDLE
        self.done = False
        self.calls: list[object] = []

    def show_window(self) -> None:
        self.calls.append("show")

    def start_routine(self, request: StartRequest) -> None:
        self.calls.append(request)
        if request.start:
            self.state = SessionState.RUNNING

    def toggle_pause(self) -> None:
        self.calls.append("toggle")
        self.state = SessionState.PAUSED if self.state is SessionState.RUNNING else SessionState.RUNNING

    def stop_session(self) -> None:
        self.calls.append("stop")
        self.state = SessionState.IDLE

    def session_state(self) -> SessionState:
        return self.state

    def done_today(self) -> bool:
        return self.done

    def notice(self, text: str) -> None:
        self.calls.append(("notice", text))


@pytest.fixture
def window(qtbot: QtBot) -> Window:
    w = Window()
    qtbot.addWidget(w)
    w.show()
    return w


def make(
    window: Window,
    host: FakeHost,
    *,
    settings: Settings | None = None,
    answers: list[bool] | None = None,
    now: Callable[[], datetime] = datetime.now,
    instance: SingleInstance | None = None,
    details: list[tuple[str, str]] | None = None,
) -> Desktop:
    """A Desktop around the window; ``answers`` are what the person says to each question (then: yes)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    said = answers if answers is not None else []
    return Desktop(
        app,
        window,
        host,
        settings or Settings(),
        inhibitor=NullInhibitor(),
        ask=lambda _title, _question: said.pop(0) if said else True,
        now=now,
        guidance=read_guidance,
        instance=instance,
        details=details,
    )


def test_no_tray_here_and_nothing_said_about_it(window: Window) -> None:
    desktop = make(window, FakeHost())
    assert not Tray.available()
    assert not desktop.in_tray
    assert QApplication.quitOnLastWindowClosed()  # without an icon, closing the window ends the app
    assert window.notices == []


def test_without_a_tray_a_reminder_goes_to_the_window(window: Window) -> None:
    host = FakeHost()
    desktop = make(window, host)
    desktop.notify("Hello", "there")
    assert ("notice", "Hello: there") in host.calls


def test_the_tray_menu_drives_the_app(window: Window) -> None:
    host = FakeHost()
    desktop = make(window, host)
    assert desktop.tray is not None
    tray = desktop.tray
    assert tray.start_action.isEnabled() and not tray.pause_action.isVisible()
    tray.start_action.trigger()
    assert host.calls == [StartRequest(start=True)]
    desktop.refresh()
    assert not tray.start_action.isEnabled()
    assert tray.pause_action.isVisible() and tray.pause_action.text() == "Pause"
    tray.pause_action.trigger()
    desktop.refresh()
    assert tray.pause_action.text() == "Resume"
    tray.show_action.trigger()
    assert host.calls[-1] == "show"


def test_closing_during_a_session_asks(window: Window) -> None:
    host = FakeHost()
    host.state = SessionState.RUNNING
    answers = [False, True]
    make(window, host, answers=answers)
    assert not window.close()  # "no": the session goes on
    assert window.isVisible() and host.state is SessionState.RUNNING
    assert window.close()  # "yes": stopped (what was done is kept by the app) and closed
    # paused while each question was open, resumed after the "no", left paused before the stop after the "yes"
    assert host.calls == ["toggle", "toggle", "toggle", "stop"] and not window.isVisible()
    assert answers == []


def test_closing_when_idle_just_closes(window: Window) -> None:
    make(window, FakeHost(), answers=[])
    assert window.close()


def test_the_quit_item_goes_through_the_same_question(window: Window) -> None:
    host = FakeHost()
    host.state = SessionState.PAUSED
    desktop = make(window, host, answers=[False])
    desktop.quit()
    assert window.isVisible() and not desktop.quitting


def test_the_daily_reminder_shows_when_today_is_not_done(window: Window) -> None:
    host = FakeHost()
    clock = {"now": datetime(2026, 11, 24, 17, 59)}
    window.hide()  # not looking at backtimer
    desktop = make(window, host, settings=Settings(reminder_time="18:00"), now=lambda: clock["now"])
    desktop.check_reminders()
    assert desktop.notified == []
    clock["now"] = datetime(2026, 11, 24, 18, 0, 30)
    desktop.check_reminders()
    desktop.check_reminders()
    assert [title for title, _ in desktop.notified] == [REMINDER_TITLE]
    host.done = True
    clock["now"] = datetime(2026, 11, 25, 18, 5)
    desktop.check_reminders()
    assert len(desktop.notified) == 1


def test_settings_changes_are_followed(window: Window) -> None:
    desktop = make(window, FakeHost())
    assert desktop.reminder.at is None
    desktop.apply_settings(Settings(reminder_time="07:30", movement_break_minutes=45))
    assert desktop.reminder.at is not None and desktop.nudges.every_minutes == 45


def test_a_later_start_reaches_the_host(window: Window, tmp_path: Path) -> None:
    instance = SingleInstance(tmp_path / "one")
    assert instance.claim()
    host = FakeHost()
    make(window, host, instance=instance)
    instance.requested.emit(StartRequest("start-small", None, True))
    assert host.calls == [StartRequest("start-small", None, True)]
    instance.close()


def test_the_screen_is_kept_on_only_while_the_session_runs(
    window: Window, screensaver: FakeService, qtbot: QtBot
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    host = FakeHost()
    inhibitor = ScreenSaverInhibitor(screensaver.bus.connection)
    desktop = Desktop(app, window, host, Settings(), inhibitor=inhibitor, ask=lambda t, q: True)
    seen = []
    for state in (SessionState.RUNNING, SessionState.PAUSED, SessionState.RUNNING, SessionState.IDLE):
        host.state = state
        desktop.refresh()
        running = state is SessionState.RUNNING
        qtbot.waitUntil(lambda running=running: inhibitor.active is running)  # type: ignore[misc]
        seen.append(len(screensaver.inhibitors()))
    assert seen == [1, 0, 1, 0]
    host.state = SessionState.RUNNING
    desktop.refresh()
    qtbot.waitUntil(lambda: inhibitor.active)
    desktop.shut_down()  # quitting mid-session lets the screen rest too
    assert screensaver.inhibitors() == []


def test_about_shows_version_license_and_safety(window: Window, qtbot: QtBot) -> None:
    dialog = make(window, FakeHost(), details=[("Data folder", "/somewhere")]).show_about()
    qtbot.addWidget(dialog)
    text = dialog.body.text()
    guidance = read_guidance()
    title, safety = guidance.safety_title, guidance.safety_text
    assert __version__ in text and "MIT" in text and "/somewhere" in text
    assert title in text and "medical advice" in safety and safety.split(";")[0] in text
    assert "Screen kept on by" in text


def test_about_without_a_readable_guidance_file_still_opens(window: Window, qtbot: QtBot, tmp_path: Path) -> None:
    from backtimer.core.content.guidance import load_guidance

    broken = tmp_path / "guidance.toml"
    broken.write_text("[safety]\ntitle = 3\n")
    host = FakeHost()
    desktop = make(window, host)
    desktop.guidance = lambda: load_guidance(broken)
    dialog = desktop.show_about()
    qtbot.addWidget(dialog)
    assert "not medical advice" in dialog.body.text()
    assert AboutDialog().body.text().count("not medical advice") == 1  # no guidance given: the short fallback


def test_with_something_to_remind_closing_hides_to_the_tray(window: Window) -> None:
    """Where a tray exists (not offscreen), closing keeps backtimer running so the reminder can come."""
    desktop = make(window, FakeHost(), settings=Settings(reminder_time="18:00"))
    assert not desktop.keep_running  # no tray here: closing closes
    desktop.keep_running = True  # what a desktop with a tray gets
    assert not window.close()
    assert not window.isVisible()  # hidden, not closed
    desktop.quit()  # the tray's Quit really leaves
    assert not window.isVisible()
