"""Ctrl-C (SIGINT) and SIGTERM quit the window cleanly: the event loop ends, and the shutdown that follows records a
running session as stopped, with what was done.

Python runs signal handlers only between bytecodes, and Qt's event loop runs in C++: a wake-up socket makes the
loop hand control back to Python as soon as a signal lands (no polling timer).
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier


def quit_on_signals(parent: QObject, quit_: Callable[[], None]) -> Callable[[], None]:
    """Make SIGINT and SIGTERM call ``quit_`` on the GUI thread; returns what undoes it.

    A signal the process was started with ignored (``nohup``, a background job) stays ignored.
    """
    reader, writer = socket.socketpair()
    for end in (reader, writer):
        end.setblocking(False)
    previous_fd = signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, parent)
    notifier.activated.connect(lambda *_: _drain(reader))  # Python then runs the handler below
    changed: dict[int, Any] = {}
    for number in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(number) is not signal.SIG_IGN:
            changed[number] = signal.signal(number, lambda *_: quit_())

    def undo() -> None:
        for number, handler in changed.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        reader.close()
        writer.close()

    return undo


def _drain(reader: socket.socket) -> None:
    with contextlib.suppress(OSError):
        reader.recv(64)
