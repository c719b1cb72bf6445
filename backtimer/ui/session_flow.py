"""A session in the window: it starts on the player, the stop question pauses it there, it ends on the summary,
and home comes back. One at a time: the window's ``session``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import SignalInstance

from backtimer.ui import screen_fit

if TYPE_CHECKING:
    from backtimer.ui.controller import SessionController
    from backtimer.ui.main_window import MainWindow


class SessionFlow:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.controller: SessionController | None = None  # the session running or on the summary
        self._resume_after_stop = False  # the session ran when the stop question opened
        self._wired: list[tuple[SignalInstance, Callable[[], None]]] = []

    def start(self) -> None:
        """The chosen routine at the chosen level, on the player (nothing when a session is on already)."""
        from backtimer.ui.controller import SessionController

        w = self.window
        w.finish_start()
        routine = w.home.routine
        if routine is None or self.controller is not None:
            return
        run = w.practice.start(routine, w.home.level)
        player = w.player
        controller = SessionController(run, player, w)
        self.controller = controller
        self._wire_player(controller)
        controller.ended.connect(self.show_summary)
        controller.state_changed.connect(w.session_changed.emit)
        make_figure = w.dialogs.parts.make_figure
        if player.figure.figure is None and make_figure is not None:
            player.set_figure(make_figure())  # built on first use: a lighter start-up
            player.set_plan(run.plan)
        player.ask_stop(False)
        player.announce.voice_heard = w.settings.voice_enabled and not controller.run.muted
        w.stack.setCurrentWidget(player)
        player.setFocus()
        controller.start()
        w.session_changed.emit()

    def _wire_player(self, c: SessionController) -> None:
        p = self.window.player
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
        """Esc or Stop: asked inside the player; the session is paused while the question is open."""
        c = self.controller
        player = self.window.player
        if c is None or player.asking_stop:
            return
        self._resume_after_stop = c.session.active
        player.ask_stop(True)
        if self._resume_after_stop:
            c.toggle()

    def answer_stop(self, stop: bool) -> None:
        c = self.controller
        player = self.window.player
        player.ask_stop(False)
        if c is None:
            return
        if stop:
            c.stop()
        elif self._resume_after_stop:
            c.toggle()  # carry on, with the usual short get-ready
        elif c.last is not None:
            player.show_snapshot(c.last)

    def show_summary(self) -> None:
        c = self.controller
        assert c is not None
        w = self.window
        names = {exercise_id: e.name for exercise_id, e in w.catalog.exercises.items()}
        w.summary.show_summary(c.run.summary(names), w.refresh_status())
        last = c.run.last_unrated()
        w.summary.ask_feedback((last.id, last.name) if last else None, c.run.hurts)
        screen_fit.leave_full_screen(w)  # back to the window as it was (maximised stays maximised)
        w.stack.setCurrentWidget(w.summary)
        w.summary.rating_row.setFocus()

    def close_summary(self) -> None:
        """Save and close: the ratings and the note go with the session, and home comes back."""
        c = self.controller
        w = self.window
        if c is not None:
            rated = w.summary.last_rating()
            if rated is not None:
                c.run.rate_exercise(*rated)
            c.run.rate(None, w.summary.note_text(), pain=w.summary.pain())
        self._drop_controller()
        w.refresh_status()
        w.stack.setCurrentWidget(w.home)
        w.home.routines.setFocus()

    def _drop_controller(self) -> None:
        for signal, slot in self._wired:
            signal.disconnect(slot)
        self._wired = []
        if self.controller is not None:
            self.controller.timer.stop()
            self.controller.deleteLater()
            self.controller = None
        self.window.practice.finish()
        self.window.session_changed.emit()

    def _on_summary(self) -> bool:
        return "summary" in self.window.__dict__ and self.window.stack.currentWidget() is self.window.summary

    def shut_down(self) -> None:
        """As the app exits: what the summary holds is kept, and a session still on is recorded as stopped."""
        if self._on_summary():
            self.close_summary()  # quitting from the summary keeps the comfort rating and note given there
        if self.controller is not None:
            self.controller.shutdown()
