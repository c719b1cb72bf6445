"""Keep the screen on while a session runs: nobody should have to get up from the mat to wake the computer.

Linux: ``org.freedesktop.ScreenSaver`` ``Inhibit``/``UnInhibit`` on the session bus (KDE, GNOME, Xfce, Cinnamon
and MATE all serve it; on GNOME and KDE it also holds off idle suspend). The service also drops our inhibition
when this process leaves the bus, so a crash never leaves the screen awake for good.
Windows: ``SetThreadExecutionState``. macOS: a ``caffeinate -di -w PID`` child. Anywhere else, or without a bus or
a service: a quiet no-op; the session runs the same.

Nothing here blocks on a call that can hang: ``Inhibit`` is sent asynchronously; ``UnInhibit`` waits at most
``TIMEOUT_MS`` for a service that has already answered once.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
from typing import Protocol

from PySide6.QtCore import Q_ARG, QMetaObject, QObject, Qt
from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage, QDBusPendingCall, QDBusPendingCallWatcher

from backtimer.desktop.identity import APP_NAME
from backtimer.desktop.ports import SessionState

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"
INTERFACE = "org.freedesktop.ScreenSaver"
TIMEOUT_MS = 2000
REASON = "A back exercise session is running"


class Inhibitor(Protocol):
    """Asks the system to keep the screen on. ``inhibit`` and ``release`` are idempotent and never raise."""

    @property
    def backend(self) -> str:
        """A short name for logs and the About dialog: "freedesktop", "windows", "caffeinate" or "none"."""

    @property
    def active(self) -> bool:
        """The system has granted the inhibition (it may take a moment after ``inhibit``)."""

    def inhibit(self, reason: str) -> None: ...

    def release(self) -> None: ...


class NullInhibitor:
    """Nothing to talk to: the screen behaves as the system decides."""

    def __init__(self, why: str = "not supported here") -> None:
        self.why = why

    @property
    def backend(self) -> str:
        return "none"

    @property
    def active(self) -> bool:
        return False

    def inhibit(self, reason: str) -> None:
        pass

    def release(self) -> None:
        pass


class ScreenSaverInhibitor(QObject):
    """org.freedesktop.ScreenSaver over a given D-Bus connection (the session bus, or a test's private bus)."""

    def __init__(self, connection: QDBusConnection, app_name: str = APP_NAME, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = connection
        self._app_name = app_name
        self._wanted = False
        self._cookie: int | None = None
        self._watcher: QDBusPendingCallWatcher | None = None
        self._iface: QDBusInterface | None = None
        self.unavailable: str | None = None  # why the service could not be used, once it has said so

    @property
    def backend(self) -> str:
        return "freedesktop"

    @property
    def active(self) -> bool:
        return self._cookie is not None

    def inhibit(self, reason: str) -> None:
        self._wanted = True
        if self._cookie is not None or self._watcher is not None or self.unavailable:
            return
        call = QDBusMessage.createMethodCall(SERVICE, PATH, INTERFACE, "Inhibit")
        call.setArguments([self._app_name, reason])
        pending: QDBusPendingCall = self._bus.asyncCall(call, TIMEOUT_MS)
        self._watcher = QDBusPendingCallWatcher(pending, self)
        self._watcher.finished.connect(self._granted)

    def release(self) -> None:
        self._wanted = False
        cookie, self._cookie = self._cookie, None
        if cookie is not None:
            self._uninhibit(cookie)

    def _granted(self, watcher: QDBusPendingCallWatcher) -> None:
        reply = watcher.reply()
        watcher.deleteLater()
        self._watcher = None
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            self.unavailable = reply.errorName() or "no answer"
            log.info("screen saver cannot be held off (%s): the screen may dim during a session", self.unavailable)
            return
        self._cookie = int(reply.arguments()[0])
        if not self._wanted:  # paused or stopped while the request was on its way
            self.release()

    def _uninhibit(self, cookie: int) -> None:
        """Through an introspected interface: it is what sends the cookie as the uint32 the service expects."""
        if self._iface is None:
            self._iface = QDBusInterface(SERVICE, PATH, INTERFACE, self._bus, self)
            self._iface.setTimeout(TIMEOUT_MS)
        if not self._iface.isValid():
            log.info("screen saver service went away; it drops our request with us")
            self._iface = None
            return
        QMetaObject.invokeMethod(self._iface, "UnInhibit", Qt.ConnectionType.DirectConnection, Q_ARG("uint", cookie))


class WindowsInhibitor:
    """SetThreadExecutionState on the GUI thread: display and system stay on until released."""

    _CONTINUOUS, _SYSTEM, _DISPLAY = 0x80000000, 0x00000001, 0x00000002

    def __init__(self) -> None:
        self._active = False

    @property
    def backend(self) -> str:
        return "windows"

    @property
    def active(self) -> bool:
        return self._active

    def inhibit(self, reason: str) -> None:
        self._active = self._set(self._CONTINUOUS | self._SYSTEM | self._DISPLAY)

    def release(self) -> None:
        if self._active:
            self._set(self._CONTINUOUS)
            self._active = False

    @staticmethod
    def _set(flags: int) -> bool:
        import ctypes

        kernel32 = getattr(ctypes, "windll").kernel32  # noqa: B009 - windll exists on Windows only
        return bool(kernel32.SetThreadExecutionState(flags))


class CaffeinateInhibitor:
    """macOS: ``caffeinate -di`` tied to our pid, so it ends with us even after a crash."""

    def __init__(self, command: str) -> None:
        self._command = command
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def backend(self) -> str:
        return "caffeinate"

    @property
    def active(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def inhibit(self, reason: str) -> None:
        if self.active:
            return
        with contextlib.suppress(OSError):
            self._proc = subprocess.Popen(
                [self._command, "-di", "-w", str(os.getpid())],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

    def release(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            proc.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(1)


def make_inhibitor(connection: QDBusConnection | None = None, platform: str = sys.platform) -> Inhibitor:
    """The right inhibitor for this system; ``connection`` replaces the session bus (tests use a private one)."""
    if platform == "win32":
        return WindowsInhibitor()
    if platform == "darwin":
        found = shutil.which("caffeinate")
        return CaffeinateInhibitor(found) if found else NullInhibitor("caffeinate not found")
    bus = connection if connection is not None else _session_bus()
    if bus is None or not bus.isConnected():
        return NullInhibitor("no D-Bus session bus")
    return ScreenSaverInhibitor(bus)


def _session_bus() -> QDBusConnection | None:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") and not os.environ.get("XDG_RUNTIME_DIR"):
        return None  # Qt would try to autolaunch a bus (and warn about it): there is none to find
    return QDBusConnection.sessionBus()


class InhibitGuard:
    """Holds the inhibition exactly while the session is running; paused, finished or stopped lets the screen rest."""

    def __init__(self, inhibitor: Inhibitor) -> None:
        self.inhibitor = inhibitor

    def follow(self, state: SessionState) -> None:
        if state is SessionState.RUNNING:
            self.inhibitor.inhibit(REASON)
        else:
            self.inhibitor.release()
