"""The screen is held on while a session runs: checked against a real service object on a private D-Bus bus."""

from __future__ import annotations

from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from backtimer.desktop.inhibit import (
    REASON,
    CaffeinateInhibitor,
    InhibitGuard,
    NullInhibitor,
    ScreenSaverInhibitor,
    WindowsInhibitor,
    make_inhibitor,
)
from backtimer.desktop.ports import SessionState
from tests.desktop.conftest import Bus, FakeService


def test_inhibit_then_release(screensaver: FakeService, qtbot: QtBot) -> None:
    inhibitor = ScreenSaverInhibitor(screensaver.bus.connection)
    inhibitor.inhibit(REASON)
    qtbot.waitUntil(lambda: inhibitor.active)
    assert screensaver.inhibitors() == [f"backtimer|{REASON}"]
    inhibitor.release()
    assert not inhibitor.active
    assert screensaver.inhibitors() == []


def test_the_guard_follows_the_session(screensaver: FakeService, qtbot: QtBot) -> None:
    guard = InhibitGuard(ScreenSaverInhibitor(screensaver.bus.connection))
    seen = []
    for state in (SessionState.RUNNING, SessionState.PAUSED, SessionState.RUNNING, SessionState.IDLE):
        guard.follow(state)
        running = state is SessionState.RUNNING
        qtbot.waitUntil(lambda running=running: guard.inhibitor.active is running)  # type: ignore[misc]
        seen.append(len(screensaver.inhibitors()))
    assert seen == [1, 0, 1, 0]


def test_repeated_inhibits_hold_one_request(screensaver: FakeService, qtbot: QtBot) -> None:
    inhibitor = ScreenSaverInhibitor(screensaver.bus.connection)
    for _ in range(3):
        inhibitor.inhibit(REASON)
    qtbot.waitUntil(lambda: inhibitor.active)
    inhibitor.inhibit(REASON)
    assert len(screensaver.inhibitors()) == 1


def test_a_release_before_the_answer_still_lets_the_screen_rest(screensaver: FakeService, qtbot: QtBot) -> None:
    """Pause pressed while the Inhibit call is on its way: the cookie that comes back is handed in at once."""
    inhibitor = ScreenSaverInhibitor(screensaver.bus.connection)
    inhibitor.inhibit(REASON)
    inhibitor.release()
    qtbot.waitUntil(lambda: inhibitor._watcher is None)
    assert not inhibitor.active
    assert screensaver.inhibitors() == []


def test_a_bus_without_a_screen_saver_is_quiet(private_bus: Bus, qtbot: QtBot) -> None:
    inhibitor = ScreenSaverInhibitor(private_bus.connection)
    inhibitor.inhibit(REASON)
    qtbot.waitUntil(lambda: inhibitor.unavailable is not None)
    assert not inhibitor.active
    inhibitor.inhibit(REASON)  # no second attempt, no noise
    inhibitor.release()
    assert inhibitor._watcher is None


def test_no_bus_at_all_gives_a_no_op() -> None:
    dead = QDBusConnection.connectToBus("unix:path=/nonexistent/backtimer-bus", "backtimer-test-no-bus")
    try:
        inhibitor = make_inhibitor(dead, platform="linux")
    finally:
        QDBusConnection.disconnectFromBus("backtimer-test-no-bus")
    assert isinstance(inhibitor, NullInhibitor)
    assert inhibitor.backend == "none"
    inhibitor.inhibit(REASON)
    inhibitor.release()
    assert not inhibitor.active


def test_each_platform_gets_its_own_kind(private_bus: Bus) -> None:
    assert isinstance(make_inhibitor(private_bus.connection, platform="linux"), ScreenSaverInhibitor)
    assert isinstance(make_inhibitor(platform="win32"), WindowsInhibitor)
    mac = make_inhibitor(platform="darwin")  # no caffeinate here: a no-op that says why
    assert isinstance(mac, (CaffeinateInhibitor, NullInhibitor))
