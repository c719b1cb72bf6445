"""The two calls backtimer/app.py makes: ``claim_instance`` before building the window, ``attach`` after showing it."""

from __future__ import annotations

import argparse
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from backtimer.desktop.life import Desktop
from backtimer.desktop.ports import StartRequest
from backtimer.desktop.single_instance import SingleInstance, claim_or_forward
from backtimer.desktop.window_host import MainWindowHost
from backtimer.storage.paths import Paths

if TYPE_CHECKING:
    from backtimer.ui.main_window import MainWindow

log = logging.getLogger(__name__)

EXIT_AFTER_ENV = "BACKTIMER_EXIT_AFTER_MS"  # smoke tests: quit on our own this long after the window shows


@dataclass(frozen=True)
class Claim:
    forwarded: bool  # a running backtimer took the request: this process has nothing more to do
    instance: SingleInstance | None  # ours to keep (None: the single-instance parts could not be set up)
    data: str = ""  # the data folder, for the About dialog


def request_from(args: argparse.Namespace) -> StartRequest:
    return StartRequest(
        getattr(args, "routine", None), getattr(args, "level", None), bool(getattr(args, "start", False))
    )


def claim_instance(args: argparse.Namespace) -> Claim:
    """Become the one backtimer for this data folder, or hand the arguments to the one that runs."""
    try:
        data = Paths.resolve(getattr(args, "data_dir", None)).data
        instance = claim_or_forward(data, request_from(args))
    except OSError as err:  # an unwritable data folder: the window says so itself; do not block the start
        log.info("single-instance lock unavailable: %s", err)
        return Claim(False, None)
    return Claim(instance is None, instance, str(data))


def attach(
    app: QApplication, window: MainWindow, claim: Claim, choose: Callable[[MainWindow, argparse.Namespace], str | None]
) -> Desktop:
    """Tray, reminders, screen kept on, later starts and close handling for the shown window.

    ``choose`` selects the routine and level a later start asked for (the composition root's own function).
    """

    def select(request: StartRequest) -> str | None:
        return choose(window, argparse.Namespace(routine=request.routine, level=request.level))

    host = MainWindowHost(window, select)
    desktop = Desktop(
        app,
        window,
        host,
        window.services.settings,
        instance=claim.instance,
        settings_source=lambda: window.services.settings,
        details=[("Data folder", claim.data)] if claim.data else None,
    )
    desktop.refresh()
    exit_after = os.environ.get(EXIT_AFTER_ENV, "")
    if exit_after.isdigit():
        QTimer.singleShot(int(exit_after), lambda: app.exit(0))  # exit, not quit: quit would ask about a session
    return desktop
