"""The one composition root: builds the clock, speaker, stores and window, and runs the event loop."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from backtimer.clock import Clock, MonotonicClock
from backtimer.core.errors import BadInput
from backtimer.core.settings import Settings, streak_rules
from backtimer.resources import assets_dir
from backtimer.storage.paths import Paths
from backtimer.storage.settings import SettingsFile
from backtimer.ui.main_window import Ask, Inform, MainWindow
from backtimer.ui.ports import DayStatus, Recorder, Services

if TYPE_CHECKING:
    from backtimer.core.content.catalog import Catalog
    from backtimer.core.content.model import Level, Routine
    from backtimer.core.session.cues import CueOptions, Durations
    from backtimer.core.session.machine import Session
    from backtimer.speech.speaker import Speaker
    from backtimer.storage.history import HistoryStore


def build_services(paths: Paths, catalog: Catalog | Callable[[], Catalog] | None = None) -> Services:
    """Settings, history, voice and figures, wired for the window. Faults come back as one-line notices."""
    settings_file = SettingsFile(paths.settings_file)
    settings = settings_file.load()
    stores: list[HistoryStore] = []

    def history() -> HistoryStore:
        """Opened on first use, after the window's first paint."""
        if not stores:
            from backtimer.storage.history import HistoryStore

            stores.append(HistoryStore(paths.history_db))
            for text in stores[0].notices:
                services.notify(text)
            services.closers.extend([stores[0].flush, stores[0].close])
        return stores[0]

    def begin_recording(session: Session, notify: Callable[[str], None]) -> Recorder:
        from backtimer.storage.recorder import SessionRecorder

        plan = session.plan
        return SessionRecorder(history(), plan.routine.id, plan.level.value, 1.0, notify)

    def day_status() -> DayStatus:
        summary = history().summary(streak_rules(services.settings))
        return DayStatus(summary.done_today, summary.current_streak, summary.weekly_goal, summary.this_week)

    def history_view() -> QWidget:
        from backtimer.ui.history_view import HistoryView  # built when first opened: a lighter start-up

        known = catalog() if callable(catalog) else catalog
        names = known.names() if known else {}  # with the names of deleted routines and exercises
        return HistoryView(history(), services.settings, names=names, exercises=known.exercises if known else None)

    def figure() -> QWidget:
        from backtimer.ui.figure_widget import FigureWidget

        return FigureWidget()

    def speaker(chosen: Settings) -> Speaker:
        from backtimer.speech.factory import make_speaker  # the voice worker starts at the first use

        return make_speaker(chosen, paths)

    def prepare_voice(chosen: Speaker, routine: Routine, level: Level, options: CueOptions) -> Durations:
        from backtimer.speech.speaker import durations_of
        from backtimer.speech.texts import spoken_texts

        chosen.prepare(spoken_texts(routine, level, options))  # the clips are made by the voice worker, off this thread
        return durations_of(chosen, options.rate_wpm)

    def voice_page(chosen: Settings) -> QWidget:
        from backtimer.ui.voice_settings import VoiceSettings

        return VoiceSettings(chosen, make_speaker=speaker)

    services = Services(
        settings=settings,
        make_speaker=speaker,
        prepare_voice=prepare_voice,
        make_voice_settings=voice_page,
        save_settings=settings_file.save,
        begin_recording=begin_recording,
        day_status=day_status,
        make_history_view=history_view,
        make_figure=figure,
        notices=list(settings_file.notices),
    )
    return services


def create_window(
    args: argparse.Namespace,
    clock: Clock | None = None,
    *,
    services: Services | None = None,
    ask: Ask | None = None,
    inform: Inform | None = None,
) -> tuple[MainWindow, str | None]:
    """The window for ``backtimer [gui] ...`` and the one-line problem with its arguments, if any."""
    paths = Paths.resolve(getattr(args, "data_dir", None))

    @cache
    def catalog() -> Catalog:
        """Read just after the window's first paint, or at once when the arguments name a routine."""
        from backtimer.core.content.catalog import Catalog

        return Catalog.load(assets_dir(), paths.user_content)

    services = services or build_services(paths, catalog)
    window = MainWindow(catalog, services, clock or MonotonicClock(), ask=ask, inform=inform)
    return window, choose_from_args(window, args)


def choose_from_args(window: MainWindow, args: argparse.Namespace) -> str | None:
    """Select the routine and level named on the command line; a bad one is reported, and home opens anyway."""
    try:
        name = getattr(args, "routine", None)
        if name:
            routine = window.catalog.routine(name)
            if routine.id not in window.catalog.routines:
                window.add_routine(routine)
            window.home.select(routine.id, routine.default_level)
        level = getattr(args, "level", None)
        if level:
            from backtimer.core.content.loader import parse_level

            window.home.select(window.home.routine.id if window.home.routine else "", parse_level(level, "--level"))
    except BadInput as err:
        return str(err)
    return None


def run_gui(args: argparse.Namespace) -> int:
    problem = _no_screen()
    if problem:
        print(f"backtimer: {problem}", file=sys.stderr)
        return 1
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    from backtimer.desktop import set_app_identity
    from backtimer.desktop.wiring import attach, claim_instance

    set_app_identity(app)  # name, version, icon, and the desktop file name Wayland needs to show the icon
    claim = claim_instance(args)
    if claim.forwarded:
        return 0  # the backtimer already running came forward and took --routine/--level/--start
    window, problem = create_window(args)
    window.resize(1280, 820)
    window.show()
    _desktop = attach(
        app, window, claim, choose_from_args
    )  # tray, reminders, screen kept on, later starts, close handling
    if problem is not None:
        QTimer.singleShot(0, lambda: window.inform("That routine could not be opened", problem))
    QTimer.singleShot(0, lambda: _first_moves(window, start=bool(getattr(args, "start", False)) and not problem))
    code = app.exec()
    window.shut_down()
    return code


def _no_screen() -> str | None:
    """Why no window can open here, in one line (Qt itself would abort the process), or None."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return "no screen to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set); try `backtimer run ROUTINE`"


def _first_moves(window: MainWindow, *, start: bool) -> None:
    """The safety notice on first launch; ``--start`` begins once it has been read."""
    dialog = window.show_safety_once()
    if not start:
        return
    if dialog is None:
        window.start_session()
    else:
        dialog.accepted.connect(window.start_session)
