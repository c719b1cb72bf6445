"""What the desktop parts need from the window and the session: one small protocol the composition root fills in."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class SessionState(StrEnum):
    IDLE = "idle"  # no session, or it has finished or stopped
    RUNNING = "running"  # counting (including the get-ready countdown)
    PAUSED = "paused"


@dataclass(frozen=True)
class StartRequest:
    """What a second ``backtimer [--routine X] [--level L] [--start]`` asks the running one to do."""

    routine: str | None = None
    level: str | None = None
    start: bool = False

    @property
    def empty(self) -> bool:
        """Just "show yourself": nothing to select or start."""
        return self.routine is None and self.level is None and not self.start


class Host(Protocol):
    """The window and its session, as the tray, the reminders and the screen-saver guard see them."""

    def show_window(self) -> None:
        """Show the window (also from the tray or minimized), raise it and give it the focus."""

    def start_routine(self, request: StartRequest) -> None:
        """Select ``request.routine``/``level`` (None: keep the current ones); begin at once when ``request.start``.

        "Start today's routine" in the tray sends ``StartRequest(start=True)``. A session already running is left
        alone (the window is only brought forward).
        """

    def toggle_pause(self) -> None: ...

    def stop_session(self) -> None:
        """Stop the running session and keep what was done (the window is about to close)."""

    def session_state(self) -> SessionState: ...

    def notice(self, text: str) -> None:
        """Show a one-line message in the window without interrupting (where no notification can be shown)."""

    def done_today(self) -> bool:
        """Whether today already counts (a completed session); False when the history cannot be read."""
