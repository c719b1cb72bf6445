"""A private D-Bus session bus per test that wants one, and a fake screen-saver service on it."""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from pytestqt.qtbot import QtBot

HERE = Path(__file__).resolve().parent
_names = itertools.count()


@dataclass
class Bus:
    address: str
    connection: QDBusConnection
    name: str


@pytest.fixture
def private_bus() -> Iterator[Bus]:
    """A dbus-daemon of our own: nothing of the real desktop is touched."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed (apt: dbus-daemon)")
    proc = subprocess.Popen(
        [daemon, "--session", "--print-address=1", "--nofork", "--nopidfile"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    name = f"backtimer-test-{os.getpid()}-{next(_names)}"
    connection = QDBusConnection.connectToBus(address, name)
    assert connection.isConnected(), address
    try:
        yield Bus(address, connection, name)
    finally:
        QDBusConnection.disconnectFromBus(name)
        proc.terminate()
        proc.wait(10)
        proc.stdout.close()


@dataclass
class FakeService:
    proc: subprocess.Popen[bytes]
    bus: Bus

    def inhibitors(self) -> list[str]:
        call = QDBusMessage.createMethodCall(
            "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "Inhibitors"
        )
        reply = self.bus.connection.call(call)
        assert reply.type() == QDBusMessage.MessageType.ReplyMessage, reply.errorMessage()
        return list(reply.arguments()[0])


@pytest.fixture
def screensaver(private_bus: Bus, qtbot: QtBot) -> Iterator[FakeService]:
    """The fake org.freedesktop.ScreenSaver running in its own process on the private bus."""
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": private_bus.address}
    proc = subprocess.Popen([sys.executable, str(HERE / "fake_screensaver.py")], env=env)
    bus_iface = private_bus.connection.interface()
    assert bus_iface is not None
    qtbot.waitUntil(lambda: bool(bus_iface.isServiceRegistered("org.freedesktop.ScreenSaver").value()), timeout=10000)
    try:
        yield FakeService(proc, private_bus)
    finally:
        proc.terminate()
        proc.wait(10)
