"""The main window: home, player and summary on one stack. It renders and passes intents to the practice layer."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from backtimer.core.content.levels import Level
from backtimer.ui import screen_fit
from backtimer.ui.dialogs import Ask, Dialogs, Inform
from backtimer.ui.home import HomeView
from backtimer.ui.keys_help import install_keys_help
from backtimer.ui.ports import WindowParts
from backtimer.ui.session_flow import SessionFlow
from backtimer.ui.theme import apply_theme, colors_for, system_scheme

if TYPE_CHECKING:  # the player and the summary are imported when first used: a quicker first paint
    from pathlib import Path

    from backtimer.core.content.catalog import Catalog
    from backtimer.core.content.model import Routine
    from backtimer.core.settings import Settings
    from backtimer.practice.ports import DayStatus
    from backtimer.practice.starting import Practice
    from backtimer.ui.editor.page import EditorPage
    from backtimer.ui.player import PlayerView
    from backtimer.ui.progress_home import HomeProgress
    from backtimer.ui.summary import SummaryView


STARTED_BY_MS = 3000  # home is filled in by then even when its first paint has not come
ChooseFile = Callable[[str, str], str]  # (title, suggested path) -> chosen path, "" when cancelled


def _save_file_name(title: str, suggested: str) -> str:
    from PySide6.QtWidgets import QFileDialog

    chosen, _filter = QFileDialog.getSaveFileName(None, title, suggested, "PDF (*.pdf)")
    return chosen


def _level(name: str) -> Level:
    return Level(name) if name in Level._value2member_map_ else Level.STANDARD


class MainWindow(QMainWindow):
    session_changed = Signal()  # a session began, paused, resumed or ended (the desktop parts follow it)
    started = Signal()  # once, when home is filled in just after the first paint (the desktop parts come then)

    def __init__(
        self,
        practice: Practice,
        catalog: Catalog | Callable[[], Catalog],
        parts: WindowParts | None = None,
        *,
        ask: Ask | None = None,
        inform: Inform | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle("backtimer")
        self.practice = practice
        self._catalog: Catalog | None = None if callable(catalog) else catalog
        self._load_catalog = catalog if callable(catalog) else None
        self.dialogs = Dialogs(self, QStackedWidget(self), parts or WindowParts(), practice.preferences, self.notice)
        self.stack = self.dialogs.stack
        self.ask = ask or self.dialogs.ask
        self.inform = inform or self.dialogs.inform
        self.choose_file: ChooseFile = _save_file_name  # tests put their own here
        scheme = self.dialogs.parts.system_scheme  # the first frame in the system's choice as last seen
        self._system_dark = scheme.recall() if scheme is not None else None  # None: Qt is asked (before the paint)
        self.colors = colors_for(self.settings.theme, self._system_dark)
        self._theme_app()  # before any widget exists, so each is built with the final fonts
        self.session = SessionFlow(self)
        self.extra_routines: list[Routine] = []  # routines opened from a file this run
        self.ready = False  # lengths and streak filled in (just after the first paint)
        # made inside the stack, and the stack inside the window: moving a styled tree later costs ~10 ms
        self.home = HomeView([], practice.estimate, self.stack, lengths=False)
        self.stack.addWidget(self.home)
        self.setCentralWidget(self.stack)
        screen_fit.size_by_current_page(self.stack)
        self.keys = install_keys_help(self)  # F1 or ?: every key, over any page
        self._connect_home()
        self.home.select(self.settings.last_routine, _level(self.settings.level))
        self.home.history.setVisible(self.dialogs.parts.make_history_view is not None)
        self.home.status_card.hide()
        self.notices: list[str] = []
        practice.notices.subscribe(self.notice)
        practice.preferences.subscribe(self._settings_changed)
        if self._catalog is not None:
            self._list_routines(self._catalog)
        # the rest of home after the window is on screen: the person sees it at once, numbers a moment later
        self.home.first_painted.connect(lambda: QTimer.singleShot(0, self.finish_start))
        QTimer.singleShot(STARTED_BY_MS, self, self.finish_start)  # a window opened minimised never paints

    @property
    def settings(self) -> Settings:
        return self.practice.settings

    @property
    def catalog(self) -> Catalog:
        """The exercises and routines; given as a loader, read at the first need (just after the first paint)."""
        if self._catalog is None:
            assert self._load_catalog is not None
            self._catalog = self._load_catalog()
            self._list_routines(self._catalog)
        return self._catalog

    def _list_routines(self, catalog: Catalog) -> None:
        self.home.set_routines([*catalog.routines.values(), *self.extra_routines])
        for problem in catalog.problems:
            self.notice(f"Skipped {problem}")

    def _connect_home(self) -> None:
        h = self.home
        h.start_requested.connect(self.session.start)
        h.settings_requested.connect(self.dialogs.settings)
        h.history_requested.connect(lambda: self.dialogs.history(self._page_closed, self.save_report))
        h.avoid_requested.connect(self.dialogs.avoid)
        h.safety_requested.connect(lambda: self.dialogs.safety(remember=False))
        h.help_requested.connect(self.dialogs.red_flags)
        h.keys_requested.connect(self.keys.open_overlay)
        h.exercise_requested.connect(lambda routine, index: self.dialogs.exercise(routine, index, self.home.level))
        h.editor_requested.connect(self.open_editor)
        h.open_file_requested.connect(self.open_programme_file)
        content = self.dialogs.parts.content
        h.editor.setVisible(content is not None)
        h.open_file.setVisible(content is not None)
        if content is not None:
            content.subscribe(self._content_changed)

    # ----- your own routines -----------------------------------------------------------------------------------
    def open_editor(self) -> EditorPage | None:
        page = self.dialogs.editor(self._page_closed, self.ask, self.inform)
        if page is not None:
            page.opened.connect(self._programme_opened)
        return page

    def open_programme_file(self, path: Path | None = None) -> None:
        """Ctrl+O on home: a programme file, kept among your routines or tried this once (a bad file: one line)."""
        from backtimer.ui.editor.programme import ask_open_path, open_programme

        content = self.dialogs.parts.content
        path = path or ask_open_path(self)()
        if content is not None and path is not None:
            opened = open_programme(content, path, self.ask, self.inform)
            if opened is not None:
                self._programme_opened(*opened)

    def _programme_opened(self, routine: Routine, kept: bool) -> None:
        if kept:
            self.home.select(routine.id, routine.default_level)
        else:
            self.add_routine(routine)

    def _content_changed(self, catalog: Catalog) -> None:
        """A routine or exercise of the person's was saved, imported or deleted: home shows the files anew."""
        self._catalog = catalog
        self.practice.forget_estimates()
        chosen = self.home.routine.id if self.home.routine else self.settings.last_routine
        self.home.set_routines([*catalog.routines.values(), *self.extra_routines])
        self.home.select(chosen, self.home.level)

    def finish_start(self) -> None:
        """What home shows beyond the frame (routines, their lengths, today and the streak), once the window is up."""
        if self.ready:
            return
        self.ready = True
        try:
            QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: self.follow_system_scheme())
            self.follow_system_scheme(at_start=True)
            self.catalog  # noqa: B018 - read now, if it was not yet
            self.home.refresh_lengths()
            self.refresh_status()
            self.progress.ask_next_day()
            self.home.routines.current_changed.connect(self.progress.refresh)
            self.home.level_group.buttonToggled.connect(self._level_toggled)
            parts = self.dialogs.parts
            if self.settings.voice_enabled or self.settings.beeps:  # before the first session, not during
                self.home.sound.check(parts.check_sound, parts.play_test_sound)
            QTimer.singleShot(1000, self.prepare_voice)
        finally:  # the tray, later starts and the safety notice come whatever went wrong above
            self.started.emit()

    def _level_toggled(self, _button: object, checked: bool) -> None:
        if checked:
            self.progress.refresh()

    @cached_property
    def progress(self) -> HomeProgress:
        """The coach's cards on home: the next-day question and the suggestions."""
        from backtimer.ui.progress_home import HomeProgress

        return HomeProgress(self.home, self.practice, self.dialogs.rules, self)

    def prepare_voice(self) -> None:
        """Let the voice make the chosen routine's clips now, so a session starts with their exact lengths."""
        routine = self.home.routine
        if routine is not None and self.session.controller is None and self.settings.voice_enabled:
            self.practice.prepare_voice(routine, self.home.level)

    def add_routine(self, routine: Routine) -> None:
        """A routine read from a file given on the command line: listed on home for this run, and selected."""
        self.extra_routines.append(routine)
        self.home.set_routines([*self.catalog.routines.values(), *self.extra_routines])
        self.home.select(routine.id, self.home.level)

    def refresh_status(self) -> DayStatus | None:
        status = self.practice.day_status()
        self.home.set_status(status)
        if self.ready:
            self.progress.refresh()
        return status

    def _settings_changed(self, _old: Settings, new: Settings) -> None:
        self.home.select(self.home.routine.id if self.home.routine else new.last_routine, _level(new.level))
        self.home.refresh_lengths()
        self.apply_look()
        self.refresh_status()

    def follow_system_scheme(self, *, at_start: bool = False) -> None:
        """Follow the system's light or dark choice and remember it for the next start's first frame.

        ``at_start``: just after the first paint, which used the choice as last seen. A choice Qt does not know yet
        keeps that one then (some desktops answer a moment later, with ``colorSchemeChanged``); otherwise, as ever,
        a scheme Qt does not know is light."""
        dark = system_scheme()
        if dark is None:
            if at_start and self._system_dark is not None:
                return
            dark = False
        self._system_dark = dark
        memory = self.dialogs.parts.system_scheme
        if memory is not None:
            memory.remember(dark)
        self.apply_look()

    def apply_look(self) -> None:
        """Follow a change of the theme setting or of the system's light/dark choice."""
        colors = colors_for(self.settings.theme, self._system_dark)
        if colors != self.colors:
            self.colors = colors
            self._theme_app()
            if "player" in self.__dict__:  # built already
                self.player.set_colors(colors)

    def _theme_app(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.colors)

    # ----- the pages -------------------------------------------------------------------------------------------
    @cached_property
    def player(self) -> PlayerView:
        from backtimer.ui.player import PlayerView

        player = PlayerView()
        player.set_colors(self.colors)
        player.stop_requested.connect(self.session.request_stop)
        player.stop_confirmed.connect(lambda: self.session.answer_stop(True))
        player.stop_declined.connect(lambda: self.session.answer_stop(False))
        player.fullscreen_requested.connect(self.toggle_fullscreen)
        player.help_requested.connect(self.dialogs.red_flags)
        self.stack.addWidget(player)
        return player

    @cached_property
    def summary(self) -> SummaryView:
        from backtimer.ui.summary import SummaryView

        summary = SummaryView()
        summary.finished.connect(self.session.close_summary)
        summary.help_requested.connect(self.dialogs.red_flags)
        self.stack.addWidget(summary)
        return summary

    def _page_closed(self) -> None:
        self.stack.setCurrentWidget(self.home)
        self.refresh_status()  # a deleted session changes the streak
        self.home.routines.setFocus()

    def save_report(self) -> Path | None:
        """The physiotherapist's PDF for the chosen routine: asks where, writes it, says so."""
        from backtimer.ui.report_action import save_report

        routine = self.home.routine
        if routine is None:
            return None
        names = {exercise_id: e.name for exercise_id, e in self.catalog.exercises.items()}
        return save_report(self, routine, self.home.level, names)

    def toggle_fullscreen(self) -> None:
        screen_fit.toggle_full_screen(self)

    def notice(self, text: str) -> None:
        """A one-line message that must not interrupt: shown in the status bar and kept on home."""
        self.notices.append(text)
        self.statusBar().showMessage(text, 15000)
        self.home.set_notice("\n".join(self.notices[-3:]))

    # ----- closing -----------------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session.controller is not None:
            self.session.controller.shutdown()  # an open session is recorded as stopped, with what was done
        super().closeEvent(event)

    def shut_down(self) -> None:
        """Once, as the app exits: stop any session and silence the voice (the composition root closes storage)."""
        self.session.shut_down()
        self.practice.close()

    def current_page(self) -> QWidget:
        """The page on show: home, player, summary or history (for tests and screenshots)."""
        widget = self.stack.currentWidget()
        assert widget is not None
        return widget
