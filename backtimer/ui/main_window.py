"""The main window: home, player and summary on one stack, and the few dialogs around them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, SignalInstance
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QFrame, QMainWindow, QMessageBox, QScrollArea, QStackedWidget, QWidget

from backtimer.clock import Clock
from backtimer.core.content.model import Level, Routine
from backtimer.core.settings import Settings, timed_routine
from backtimer.ui.home import HomeView
from backtimer.ui.ports import DayStatus, Services
from backtimer.ui.theme import apply_theme, colors_for

if TYPE_CHECKING:  # the player, summary and dialogs are imported when first used: a quicker first paint
    from backtimer.core.content.catalog import Catalog
    from backtimer.speech.speaker import Speaker
    from backtimer.ui.controller import SessionController
    from backtimer.ui.exercise_detail import ExerciseDialog
    from backtimer.ui.guidance import AvoidDialog, Guidance, SafetyDialog
    from backtimer.ui.player import PlayerView
    from backtimer.ui.settings_dialog import SettingsDialog
    from backtimer.ui.summary import SummaryView

Ask = Callable[[str, str], bool]  # (title, question) -> yes
Inform = Callable[[str, str], None]  # (title, one-line message)


def _level(name: str) -> Level:
    return Level(name) if name in Level._value2member_map_ else Level.STANDARD


class MainWindow(QMainWindow):
    def __init__(
        self,
        catalog: Catalog | Callable[[], Catalog],
        services: Services,
        clock: Clock,
        *,
        ask: Ask | None = None,
        inform: Inform | None = None,
        guidance: Guidance | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle("backtimer")
        self._catalog: Catalog | None = None if callable(catalog) else catalog
        self._load_catalog = catalog if callable(catalog) else None
        self.services = services
        self.clock = clock
        self.ask = ask or self._ask_with_dialog
        self.inform = inform or self._inform_with_dialog
        self._guidance = guidance
        self.colors = colors_for(services.settings.theme)
        self._theme_app()  # before any widget exists, so each is built with the final fonts
        self._speaker: Speaker | None = None  # made at the first session: the voice engine is not needed before
        self.controller: SessionController | None = None
        self._wired: list[tuple[SignalInstance, Callable[[], None]]] = []
        self.extra_routines: list[Routine] = []  # routines opened from a file this run
        self._estimates: dict[tuple[str, Level], float] = {}
        self.ready = False  # lengths and streak filled in (just after the first paint)
        self.home = HomeView([], self.estimate, lengths=False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.home)
        self.setCentralWidget(self.stack)
        self._connect()
        self.home.select(services.settings.last_routine, _level(services.settings.level))
        self.home.history.setVisible(services.make_history_view is not None)
        self.home.status_card.hide()
        self.notices: list[str] = list(services.notices)
        self.home.set_notice("\n".join(self.notices))
        if self._catalog is not None:
            self._list_routines(self._catalog)
        services.notify = self.notice
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: self.apply_look())
        # the rest of home after the window is on screen: the person sees it at once, numbers a moment later
        self.home.first_painted.connect(lambda: QTimer.singleShot(0, self.finish_start))

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
        if catalog.problems:
            self.notices.extend(f"Skipped {p}" for p in catalog.problems)
            self.home.set_notice("\n".join(self.notices))

    def finish_start(self) -> None:
        """What home shows beyond the frame (routines, their lengths, today and the streak), once the window is up."""
        if not self.ready:
            self.ready = True
            self.catalog  # noqa: B018 - read now, if it was not yet
            self.home.refresh_lengths()
            self.refresh_status()
            QTimer.singleShot(1000, self.prepare_voice)

    def prepare_voice(self) -> None:
        """Let the voice make the chosen routine's clips now, so a session starts with their exact lengths."""
        from backtimer.core.session.cues import CueOptions

        routine, settings = self.home.routine, self.services.settings
        if routine is None or self.controller is not None or not settings.voice_enabled:
            return
        options = CueOptions(count_reps=settings.count_reps, rate_wpm=settings.voice_rate)
        self.services.prepare_voice(self.speaker, timed_routine(routine, settings), self.home.level, options)

    def _connect(self) -> None:
        h = self.home
        h.start_requested.connect(self.start_session)
        h.settings_requested.connect(self.open_settings)
        h.history_requested.connect(self.open_history)
        h.avoid_requested.connect(self.open_avoid)
        h.safety_requested.connect(lambda: self.open_safety(remember=False))
        h.exercise_requested.connect(self.open_exercise)

    @cached_property
    def player(self) -> PlayerView:
        from backtimer.ui.player import PlayerView

        player = PlayerView()
        player.set_colors(self.colors)
        player.stop_requested.connect(self.request_stop)
        player.fullscreen_requested.connect(self.toggle_fullscreen)
        self.stack.addWidget(player)
        return player

    @cached_property
    def summary(self) -> SummaryView:
        from backtimer.ui.summary import SummaryView

        summary = SummaryView()
        summary.finished.connect(self.close_summary)
        self.stack.addWidget(summary)
        return summary

    @property
    def speaker(self) -> Speaker:
        if self._speaker is None:
            self._speaker = self.services.make_speaker(self.services.settings)
        return self._speaker

    @property
    def guidance(self) -> Guidance:
        if self._guidance is None:
            from backtimer.ui.guidance import Guidance

            self._guidance = Guidance.load()
        return self._guidance

    # ----- home --------------------------------------------------------------------------------------------------
    def estimate(self, routine: Routine, level: Level) -> float:
        from backtimer.core.session.plan import build_plan

        key = (routine.path or routine.id, level)
        if key not in self._estimates:
            self._estimates[key] = build_plan(timed_routine(routine, self.services.settings), level).total_seconds
        return self._estimates[key]

    def add_routine(self, routine: Routine) -> None:
        """A routine read from a file given on the command line: listed on home for this run, and selected."""
        self.extra_routines.append(routine)
        self.home.set_routines([*self.catalog.routines.values(), *self.extra_routines])
        self.home.select(routine.id, self.home.level)

    def refresh_status(self) -> DayStatus | None:
        status = self.services.day_status() if self.services.day_status is not None else None
        self.home.set_status(status)
        return status

    def apply_look(self) -> None:
        """Follow a change of the theme setting or of the system's light/dark choice."""
        colors = colors_for(self.services.settings.theme)
        if colors != self.colors:
            self.colors = colors
            self._theme_app()
            if "player" in self.__dict__:  # built already
                self.player.set_colors(colors)

    def _theme_app(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.colors)

    # ----- the session -------------------------------------------------------------------------------------------
    def start_session(self) -> None:
        from backtimer.core.session.cues import CueOptions
        from backtimer.core.session.machine import Session
        from backtimer.core.session.plan import build_plan
        from backtimer.ui.controller import SessionController

        self.finish_start()
        routine = self.home.routine
        if routine is None or self.controller is not None:
            return
        settings = self.services.settings
        level = self.home.level
        status = self.refresh_status()
        streak = (status.current_streak + (0 if status.done_today else 1)) if status is not None else None
        options = CueOptions(count_reps=settings.count_reps, rate_wpm=settings.voice_rate, streak=streak)
        timed = timed_routine(routine, settings)
        durations = self.services.prepare_voice(self.speaker, timed, level, options)
        session = Session(build_plan(timed, level, options, durations), durations=durations)
        recorder = self.services.begin_recording(session, self.notice) if self.services.begin_recording else None
        controller = SessionController(session, self.clock, self.speaker, self.player, recorder, self)
        degraded = self.speaker.notice()
        if degraded:
            self.notice(degraded)
        self.controller = controller
        self._wire_player(controller)
        self.services.settings = replace(settings, last_routine=routine.id, level=level.value)
        self._save_settings()
        controller.ended.connect(self.show_summary)
        if self.player.figure.figure is None and self.services.make_figure is not None:
            self.player.set_figure(self.services.make_figure())  # built on first use: a lighter start-up
            self.player.set_plan(session.plan)
        self.stack.setCurrentWidget(self.player)
        self.player.setFocus()
        controller.start()

    def _wire_player(self, c: SessionController) -> None:
        p = self.player
        pairs = (
            (p.toggle_requested, c.toggle),
            (p.next_requested, c.next),
            (p.previous_requested, c.previous),
            (p.done_requested, c.done),
            (p.hurt_requested, c.hurt),
            (p.mute_requested, c.toggle_mute),
            (p.easier_chosen, c.use_easier),
            (p.skip_chosen, c.skip_exercise),
            (p.carry_on_chosen, c.carry_on),
        )
        for signal, slot in pairs:
            signal.connect(slot)
        self._wired = list(pairs)

    def request_stop(self) -> None:
        """Esc or Stop: ask first; the session is paused while the question is open, so no work runs by."""
        c = self.controller
        if c is None:
            return
        was_active = c.session.active
        if was_active:
            c.toggle()
        if self.ask("Stop the session?", "Stop now? What you have done so far is kept."):
            c.stop()
        elif was_active:
            c.toggle()  # carry on, with the usual short get-ready

    def show_summary(self) -> None:
        from backtimer.core.session.results import tally
        from backtimer.core.session.snapshot import State
        from backtimer.ui.summary import SessionSummary

        c = self.controller
        assert c is not None
        session = c.session
        names = {exercise_id: e.name for exercise_id, e in self.catalog.exercises.items()}
        names.update({e.exercise.id: e.exercise.name for e in session.plan.routine.entries})
        summary = SessionSummary(
            routine_title=session.plan.routine.title,
            level=session.level.value,
            completed=session.state is State.FINISHED,
            seconds=c.seconds_taken,
            tallies=tuple(tally(session.results)),
            names=names,
        )
        self.summary.show_summary(summary, self.refresh_status())
        if self.isFullScreen():
            self.showNormal()
        self.stack.setCurrentWidget(self.summary)

    def close_summary(self) -> None:
        c = self.controller
        if c is not None and c.recorder is not None:
            c.recorder.rate(self.summary.comfort(), self.summary.note_text())
        self._drop_controller()
        self.refresh_status()
        self.stack.setCurrentWidget(self.home)
        self.home.routines.setFocus()

    def _drop_controller(self) -> None:
        for signal, slot in self._wired:
            signal.disconnect(slot)
        self._wired = []
        if self.controller is not None:
            self.controller.timer.stop()
            self.controller.deleteLater()
            self.controller = None

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    # ----- dialogs -----------------------------------------------------------------------------------------------
    def open_safety(self, *, remember: bool) -> SafetyDialog:
        from backtimer.ui.guidance import SafetyDialog

        dialog = SafetyDialog(self.guidance, self)
        if remember:
            dialog.accepted.connect(self._safety_seen)
        dialog.open()
        return dialog

    def show_safety_once(self) -> SafetyDialog | None:
        if self.services.settings.safety_acknowledged:
            return None
        return self.open_safety(remember=True)

    def _safety_seen(self) -> None:
        self.services.settings = replace(self.services.settings, safety_acknowledged=True)
        self._save_settings()

    def open_avoid(self) -> AvoidDialog:
        from backtimer.ui.guidance import AvoidDialog

        dialog = AvoidDialog(self.guidance, self)
        dialog.open()
        return dialog

    def open_exercise(self, routine: Routine, index: int) -> ExerciseDialog:
        """An exercise of a routine in full, at the level chosen on home; ← and → go through the others."""
        from backtimer.ui.exercise_detail import ExerciseDialog

        dialog = ExerciseDialog(routine.entries, index, self.home.level, self, routine_title=routine.title)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_settings(self) -> SettingsDialog:
        from backtimer.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services.settings, self.services.make_voice_settings, self)
        dialog.accepted.connect(lambda: self.apply_settings(dialog.result_settings()))
        dialog.open()
        return dialog

    def apply_settings(self, settings: Settings) -> None:
        old = self.services.settings
        self.services.settings = settings
        self._save_settings()
        self._estimates.clear()
        self.home.select(self.home.routine.id if self.home.routine else settings.last_routine, _level(settings.level))
        self.home.refresh_lengths()
        self.apply_look()
        if self.controller is None and settings != old and self._speaker is not None:
            self._speaker.close()  # voice settings may have changed: the next session makes a fresh speaker
            self._speaker = None
        self.refresh_status()

    def open_history(self) -> QWidget | None:
        """The history engineer's screen, as a page of its own; its ``back`` signal returns home."""
        if self.services.make_history_view is None:
            return None
        view = self.services.make_history_view()
        # In a scroll area: a page taller than the window scrolls instead of stretching the window for good.
        page = QScrollArea()
        page.setWidgetResizable(True)
        page.setFrameShape(QFrame.Shape.NoFrame)
        page.setWidget(view)
        self.stack.addWidget(page)
        back = getattr(view, "back", None)
        if isinstance(back, SignalInstance):
            back.connect(lambda: self._close_page(page))
        self.stack.setCurrentWidget(page)
        view.setFocus()
        return view

    def _close_page(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(self.home)
        self.stack.removeWidget(page)
        page.deleteLater()
        self.refresh_status()  # a deleted session changes the streak
        self.home.routines.setFocus()

    def _save_settings(self) -> None:
        if self.services.save_settings is None:
            return
        try:
            self.services.save_settings(self.services.settings)
        except OSError as err:
            self.notice(f"Could not save the settings ({err.strerror or err}); they hold until backtimer closes.")

    def notice(self, text: str) -> None:
        """A one-line message that must not interrupt: shown in the status bar and kept on home."""
        self.notices.append(text)
        self.statusBar().showMessage(text, 15000)
        self.home.set_notice("\n".join(self.notices[-3:]))

    def _ask_with_dialog(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self, title, question)
        return answer is QMessageBox.StandardButton.Yes

    def _inform_with_dialog(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # ----- closing -----------------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.controller is not None:
            self.controller.shutdown()  # an open session is recorded as stopped, with what was done
        super().closeEvent(event)

    def shut_down(self) -> None:
        """Once, as the app exits: stop any session, silence the speaker, let storage write what waits."""
        if "summary" in self.__dict__ and self.stack.currentWidget() is self.summary:
            self.close_summary()  # quitting from the summary keeps the comfort rating and note given there
        if self.controller is not None:
            self.controller.shutdown()
        if self._speaker is not None:
            self._speaker.close()
            self._speaker = None
        for close in self.services.closers:
            close()
        self.services.closers.clear()


def page_of(window: MainWindow) -> QWidget:
    """The page on show: home, player or summary (for tests and screenshots)."""
    widget = window.stack.currentWidget()
    assert widget is not None
    return widget
