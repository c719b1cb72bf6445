"""The two calls backtimer/app.py makes: ``claim_instance`` before building the window, ``attach`` after showing it."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from backtimer.desktop.ports import StartRequest
from backtimer.desktop.single_instance import SingleInstance, claim_or_forward

if TYPE_CHECKING:
    from backtimer.command_line import CommandLine
    from backtimer.core.content.guidance import Guidance
    from backtimer.desktop.life import Desktop
    from backtimer.ui.main_window import MainWindow

log = logging.getLogger(__name__)

EXIT_AFTER_ENV = "BACKTIMER_EXIT_AFTER_MS"  # smoke tests: quit on our own this long after the window shows


@dataclass(frozen=True)
class Claim:
    forwarded: bool  # a running backtimer took the request: this process has nothing more to do
    instance: SingleInstance | None  # ours to keep (None: the single-instance parts could not be set up)
    data: str = ""  # the data folder, for the About dialog


Choose = Callable[["MainWindow", str | None, str | None], str | None]  # (window, routine, level) -> problem


def request_from(line: CommandLine) -> StartRequest:
    return StartRequest(line.routine, line.level, line.start)


def claim_instance(line: CommandLine) -> Claim:
    """Become the one backtimer for this data folder, or hand the arguments to the one that runs."""
    try:
        data = line.paths.data
        instance = claim_or_forward(data, request_from(line))
    except OSError as err:  # an unwritable data folder: the window says so itself; do not block the start
        log.info("single-instance lock unavailable: %s", err)
        return Claim(False, None)
    return Claim(instance is None, instance, str(data))


def attach(
    app: QApplication, window: MainWindow, claim: Claim, choose: Choose, guidance: Callable[[], Guidance]
) -> Desktop:
    """Tray, reminders, screen kept on, later starts and close handling for the shown window.

    ``choose`` selects the routine and level a later start asked for (the composition root's own function).
    Called once the window has painted: the tray and the rest need not hold up the first sight of it.
    """
    from backtimer.desktop.life import Desktop
    from backtimer.desktop.window_host import MainWindowHost

    def select(request: StartRequest) -> str | None:
        return choose(window, request.routine, request.level)

    host = MainWindowHost(window, select)
    desktop = Desktop(
        app,
        window,
        host,
        window.settings,
        instance=claim.instance,
        details=[("Data folder", claim.data)] if claim.data else None,
        guidance=guidance,
    )
    window.session_changed.connect(desktop.refresh)  # pushed, not polled
    window.practice.preferences.subscribe(lambda _old, new: desktop.apply_settings(new))
    desktop.refresh()
    exit_after = os.environ.get(EXIT_AFTER_ENV, "")
    if exit_after.isdigit():
        QTimer.singleShot(int(exit_after), lambda: app.exit(0))  # exit, not quit: quit would ask about a session
    return desktop
