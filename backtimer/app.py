"""The one composition root: builds the clock, the practice layer, the stores and the window, and runs Qt.

What needs no Qt is imported at the top, and Qt only when the window is made: PySide6 reads the source of every
module imported after it (to find ``from __feature__ import ...``), which cost the first paint ~20 ms.
"""

from __future__ import annotations

import gc
import os
import sys
from functools import cache
from typing import TYPE_CHECKING

from backtimer.clock import Clock, MonotonicClock
from backtimer.core.errors import BadInput
from backtimer.practice.content import OwnContent
from backtimer.practice.history import StoredHistory
from backtimer.practice.notices import Notices
from backtimer.practice.preferences import Preferences
from backtimer.practice.starting import MakeSpeaker, Practice
from backtimer.resources import asset, assets_dir
from backtimer.storage.look import RememberedScheme
from backtimer.storage.settings import SettingsFile
from backtimer.ui.ports import SchemeMemory, WindowParts

if TYPE_CHECKING:
    from collections.abc import Callable

    from backtimer.command_line import CommandLine
    from backtimer.core.content.catalog import Catalog
    from backtimer.core.content.guidance import Guidance
    from backtimer.core.settings import Settings
    from backtimer.desktop.life import Desktop
    from backtimer.speech.speaker import Speaker
    from backtimer.storage.paths import Paths
    from backtimer.ui.dialogs import Ask, Inform
    from backtimer.ui.figure_widget import FigureWidget
    from backtimer.ui.history_view import HistoryView
    from backtimer.ui.main_window import MainWindow
    from backtimer.ui.voice_settings import VoiceSettings


def build_practice(paths: Paths, clock: Clock, *, make_speaker: MakeSpeaker | None = None) -> Practice:
    """Settings, history and voice for a window; faults come back as one-line notices."""
    settings_file = SettingsFile(paths.settings_file)
    preferences = Preferences(settings_file.load(), settings_file.save)
    notices = Notices(list(settings_file.notices))
    history = StoredHistory(paths.history_db, notices, lambda: paths.unsaved_places)

    def speaker(chosen: Settings) -> Speaker:
        from backtimer.speech.factory import make_speaker as make  # the voice worker starts at the first use

        return make(chosen, paths.voice_cache, spares=paths.voice_spares)

    speakers = make_speaker or speaker
    return Practice(preferences, clock, make_speaker=speakers, history=history, notices=notices, ask_ratings=True)


def build_parts(
    practice: Practice,
    catalog: Callable[[], Catalog] | None,
    make_speaker: MakeSpeaker,
    content: OwnContent | None = None,
    system_scheme: SchemeMemory | None = None,
) -> WindowParts:
    """The pages the window builds when first opened (history, the voice settings page, the figure) and what it
    remembers between runs."""

    def history_view() -> HistoryView:
        from backtimer.ui.history_view import HistoryView  # built when first opened: a lighter start-up

        assert isinstance(practice.history, StoredHistory)
        known = catalog() if catalog is not None else None
        names = known.names() if known else {}  # with the names of deleted routines and exercises
        store = practice.history.store
        return HistoryView(store, practice.settings, names=names, exercises=known.exercises if known else None)

    def figure() -> FigureWidget:
        from backtimer.ui.figure_widget import FigureWidget

        return FigureWidget()

    def voice_page(chosen: Settings) -> VoiceSettings:
        from backtimer.speech.synth import list_voices
        from backtimer.ui.voice_settings import VoiceSettings

        return VoiceSettings(chosen, make_speaker=make_speaker, voices=list_voices)

    def check_sound() -> str | None:
        from backtimer.speech.sound_check import sound_problem

        return sound_problem()

    def play_test_sound() -> str | None:
        from backtimer.speech.sound_check import play_test_sound as play

        return play()

    history = history_view if isinstance(practice.history, StoredHistory) else None
    return WindowParts(
        history,
        voice_page,
        figure,
        read_guidance,
        content=content,
        check_sound=check_sound,
        play_test_sound=play_test_sound,
        system_scheme=system_scheme,
    )


@cache
def read_guidance() -> Guidance:
    """The bundled guidance, read once (ContentError names the field when the file is broken)."""
    from backtimer.core.content.guidance import load_guidance

    return load_guidance(asset("guidance.toml"))


def create_window(
    line: CommandLine,
    clock: Clock | None = None,
    *,
    practice: Practice | None = None,
    ask: Ask | None = None,
    inform: Inform | None = None,
) -> tuple[MainWindow, str | None]:
    """The window for ``backtimer [gui] ...`` and the one-line problem with its arguments, if any."""
    paths = line.paths

    def load() -> Catalog:
        from backtimer.core.content.catalog import Catalog

        return Catalog.load(assets_dir(), paths.user_content)

    content = OwnContent(paths.user_content, load)

    def catalog() -> Catalog:
        """Read just after the window's first paint (or at once when the arguments name a routine); again after
        the person's own routines change."""
        return content.catalog

    practice = practice or build_practice(paths, clock or MonotonicClock())
    scheme = RememberedScheme(paths.system_scheme)
    parts = build_parts(practice, catalog, practice.make_speaker, content, scheme)
    from backtimer.ui.main_window import MainWindow

    window = MainWindow(practice, catalog, parts, ask=ask, inform=inform)
    return window, choose(window, line.routine, line.level)


def choose(window: MainWindow, routine_name: str | None, level_name: str | None) -> str | None:
    """Select the routine and level named on the command line; a bad one is reported, and home opens anyway."""
    try:
        if routine_name:
            routine = window.catalog.routine(routine_name)
            if routine.id not in window.catalog.routines:
                window.add_routine(routine)
            window.home.select(routine.id, routine.default_level)
        if level_name:
            from backtimer.core.content.loader import parse_level

            level = parse_level(level_name, "--level")
            window.home.select(window.home.routine.id if window.home.routine else "", level)
    except BadInput as err:
        return str(err)
    return None


def run_gui(line: CommandLine) -> int:
    problem = _no_screen()
    if problem:
        print(f"backtimer: {problem}", file=sys.stderr)
        return 1
    line.paths  # noqa: B018 - found now (platformdirs) before Qt, like every module the window needs without Qt
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from backtimer.ui.theme import new_application

    app = QApplication.instance() or new_application(sys.argv[0])
    assert isinstance(app, QApplication)
    from backtimer.desktop.identity import set_app_identity
    from backtimer.desktop.wiring import attach, claim_instance

    set_app_identity(app)  # name, version, icon, and the desktop file name Wayland needs to show the icon
    claim = claim_instance(line)
    if claim.forwarded:
        return 0  # the backtimer already running came forward and took --routine/--level/--start
    window, problem = create_window(line)  # settings and history: once we are the one backtimer for the folder
    from backtimer.ui.screen_fit import open_window

    open_window(window)  # sized for the screen it opens on (maximised on a small one)
    window.started.connect(gc.enable)  # (``backtimer gui`` holds the collector back until home is filled in)
    desktop: list[Desktop] = []  # tray, reminders, screen kept on, later starts: once the window has painted
    window.started.connect(lambda: desktop.append(attach(app, window, claim, choose, read_guidance)))
    if problem is not None:
        window.started.connect(lambda: window.inform("That routine could not be opened", problem))
    window.started.connect(lambda: _first_moves(window, start=line.start and not problem))  # over a painted home
    from backtimer.desktop.interrupts import quit_on_signals

    # Ctrl-C in the terminal is a decision already made: leave the loop (exit, not quit: quit would ask about a
    # running session), from the loop itself rather than from whatever handler the signal landed in.
    undo = quit_on_signals(app, lambda: QTimer.singleShot(0, lambda: app.exit(0)))
    code = app.exec()
    window.shut_down()
    undo()
    history = window.practice.history
    problem_left = history.close() if isinstance(history, StoredHistory) else None
    if problem_left:
        print(f"backtimer: {problem_left}", file=sys.stderr)
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
    dialog = window.dialogs.safety_once()
    if not start:
        return
    if dialog is None:
        window.session.start()
    else:
        dialog.accepted.connect(window.session.start)
