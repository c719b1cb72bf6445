"""Ctrl-C (SIGINT) and SIGTERM quit the window cleanly: the event loop ends, and the shutdown that follows records a
running session as stopped, with what was done.

Python runs signal handlers only between bytecodes, and Qt's event loop runs in C++: a wake-up pipe (a socket pair
on Windows) makes the loop hand control back to Python as soon as a signal lands (no polling timer).
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier


def quit_on_signals(parent: QObject, quit_: Callable[[], None]) -> Callable[[], None]:
    """Make SIGINT and SIGTERM call ``quit_`` on the GUI thread; returns what undoes it.

    A signal the process was started with ignored (``nohup``, a background job) stays ignored.
    """
    wake = _WakeUp()
    previous_fd = signal.set_wakeup_fd(wake.writer)
    notifier = QSocketNotifier(wake.reader, QSocketNotifier.Type.Read, parent)
    notifier.activated.connect(lambda *_: wake.drain())  # Python then runs the handler below
    changed: dict[int, Any] = {}
    for number in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(number) is not signal.SIG_IGN:
            changed[number] = signal.signal(number, lambda *_: quit_())

    def undo() -> None:
        for number, handler in changed.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        wake.close()

    return undo


class _WakeUp:
    """Two non-blocking ends: the signal machinery writes a byte to one, the event loop watches the other."""

    def __init__(self) -> None:
        if os.name == "nt":  # set_wakeup_fd takes only a socket there
            import socket

            self._pair = socket.socketpair()
            for end in self._pair:
                end.setblocking(False)
            self.reader, self.writer = (end.fileno() for end in self._pair)
        else:
            self.reader, self.writer = os.pipe()
            os.set_blocking(self.reader, False)
            os.set_blocking(self.writer, False)

    def drain(self) -> None:
        with contextlib.suppress(OSError):
            if os.name == "nt":
                self._pair[0].recv(64)
            else:
                os.read(self.reader, 64)

    def close(self) -> None:
        if os.name == "nt":
            for end in self._pair:
                end.close()
        else:
            os.close(self.reader)
            os.close(self.writer)
