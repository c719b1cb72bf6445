"""A stand-in org.freedesktop.ScreenSaver for tests: a real service object on whatever bus
DBUS_SESSION_BUS_ADDRESS names. Run as a child process: ``python fake_screensaver.py``.

It keeps the inhibitions it has granted and answers ``Inhibitors()`` with one "application|reason" line per active
inhibition, so a test can look. (Real desktops also drop the inhibitions of a client that leaves the bus; that needs
QDBusContext, which PySide6 cannot mix into a Python QObject, so this stand-in does not.)
"""

from __future__ import annotations

import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection

NAME = "org.freedesktop.ScreenSaver"


@ClassInfo({"D-Bus Interface": NAME})  # type: ignore[call-arg]  # the stubs miss the dict form
class FakeScreenSaver(QObject):  # type: ignore[operator]
    def __init__(self) -> None:
        super().__init__()
        self.next_cookie = 3_000_000_000  # past the int32 range: the cookie must travel as a uint32
        self.active: dict[int, tuple[str, str]] = {}  # cookie -> (application, reason)

    @Slot(str, str, result="uint")
    def Inhibit(self, app: str, reason: str) -> int:  # D-Bus method names
        self.next_cookie += 1
        self.active[self.next_cookie] = (app, reason)
        return self.next_cookie

    @Slot("uint")
    def UnInhibit(self, cookie: int) -> None:
        self.active.pop(cookie, None)

    @Slot(result="QStringList")
    def Inhibitors(self) -> list[str]:
        return [f"{app}|{reason}" for app, reason in self.active.values()]


def main() -> int:
    app = QCoreApplication(sys.argv[:1])
    bus = QDBusConnection.sessionBus()
    service = FakeScreenSaver()
    options = QDBusConnection.RegisterOption.ExportAllSlots
    if not (bus.registerObject("/org/freedesktop/ScreenSaver", service, options) and bus.registerService(NAME)):
        print("cannot register", file=sys.stderr)
        return 1
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
