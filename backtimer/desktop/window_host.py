"""The Host protocol filled in from backtimer's MainWindow: the only module here that knows the window's API."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from backtimer.core.session.snapshot import State
from backtimer.desktop.ports import SessionState, StartRequest

if TYPE_CHECKING:
    from backtimer.ui.main_window import MainWindow

Select = Callable[[StartRequest], str | None]  # selects routine/level; returns a one-line problem or None

_STATES = {
    State.RUNNING: SessionState.RUNNING,
    State.GETTING_READY: SessionState.RUNNING,
    State.PAUSED: SessionState.PAUSED,
}


class MainWindowHost:
    def __init__(self, window: MainWindow, select: Select) -> None:
        self.window = window
        self.select = select

    def show_window(self) -> None:
        w = self.window
        if w.isMinimized():
            w.setWindowState(w.windowState() & ~Qt.WindowState.WindowMinimized)
        w.show()
        w.raise_()
        w.activateWindow()

    def start_routine(self, request: StartRequest) -> None:
        self.show_window()
        if self.session_state() is not SessionState.IDLE:
            return  # never swap a running session for another
        problem = self.select(request) if request.routine or request.level else None
        if problem is not None:
            self.window.notice(problem)
        elif request.start:
            self.window.session.start()

    def toggle_pause(self) -> None:
        if self.window.session.controller is not None:
            self.window.session.controller.toggle()

    def stop_session(self) -> None:
        if self.window.session.controller is not None:
            self.window.session.controller.shutdown()

    def session_state(self) -> SessionState:
        controller = self.window.session.controller
        if controller is None or controller.ended_at is not None:
            return SessionState.IDLE
        return _STATES.get(controller.session.state, SessionState.IDLE)

    def notice(self, text: str) -> None:
        self.window.notice(text)

    def done_today(self) -> bool:
        try:
            status = self.window.refresh_status()
        except Exception:  # the history cannot be read: a reminder too many beats a crash in the tray
            return False
        return bool(status and status.done_today)
