"""The player: what to do now, huge enough to read from the mat, with every control one key away."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from backtimer.core.content.model import Exercise, Level
from backtimer.core.session.plan import Plan
from backtimer.core.session.snapshot import PauseReason, Snapshot, State
from backtimer.core.session.steps import StepKind
from backtimer.core.wording import duration_text
from backtimer.ui import wording
from backtimer.ui.a11y import Announcer, name_player_parts
from backtimer.ui.fit_label import FitLabel
from backtimer.ui.player_overlays import HurtPanel, PausedPanel, StopQuestion
from backtimer.ui.player_parts import Controls, FigureCard, InfoPanel, set_text
from backtimer.ui.progress import SessionProgress, exercise_marks
from backtimer.ui.rating_panel import RatingPanel
from backtimer.ui.theme import LIGHT, Colors, blend, phase_color

if TYPE_CHECKING:
    from backtimer.ui.figure_widget import FigureWidget


WAITING_NOTICE = "Press Space or Enter when you're ready."


class PlayerView(QWidget):
    """Renders snapshots; every button and key only emits an intent for the controller."""

    toggle_requested = Signal()
    next_requested = Signal()
    previous_requested = Signal()
    stop_requested = Signal()
    done_requested = Signal()
    hurt_requested = Signal()
    mute_requested = Signal()
    fullscreen_requested = Signal()
    easier_chosen = Signal()
    skip_chosen = Signal()
    carry_on_chosen = Signal()
    help_requested = Signal()  # "When to stop and get help", offered after "This hurts" twice
    stop_confirmed = Signal()  # the stop question answered "stop"
    stop_declined = Signal()  # ... or "carry on"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Player")
        self._plan: Plan | None = None
        self._colors = LIGHT
        self._phase_color = ""
        self._tint = QColor(LIGHT.window)
        self._asking_stop = False
        self.announce = Announcer(self)
        self.title = FitLabel(fill=0.94, lines=2, largest=0.62)
        self.exercise_number = QLabel()
        self.session_time = QLabel()
        self.set_line = FitLabel(fill=0.8)
        self.phase = FitLabel(fill=0.92)
        self.count = FitLabel(fill=0.92)
        self.count.set_sample("0:00")
        self.reps = FitLabel(fill=0.62)
        self.step_bar = SessionProgress()  # the current step, under the count
        self.figure = FigureCard()
        self.info = InfoPanel()
        self.info.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)  # never squeezes the text
        self.paused = PausedPanel()
        self.hurt = HurtPanel()
        self.rating = RatingPanel()
        self.rated = self.rating.rated  # (exercise id, rating) after an exercise
        self._asking = False
        self.side = QStackedWidget()  # the how-to and what is next, or the one-key rating after an exercise
        self.side.addWidget(self.info)
        self.side.addWidget(self.rating)
        self.stop_question = StopQuestion()
        self.main_page = QWidget()
        self.display = QStackedWidget()  # the big display, or the state that takes it over
        self.notice = QLabel()
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress = SessionProgress()
        self.controls = Controls()
        self._build()
        self._connect()
        name_player_parts(self)

    # ----- layout --------------------------------------------------------------------------------------------
    def _build(self) -> None:
        for label in (self.exercise_number, self.session_time, self.notice):
            label.setProperty("role", "muted")
        self.session_time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for label in (self.title, self.set_line, self.phase):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.addWidget(self.exercise_number)
        top.addStretch(1)
        top.addWidget(self.session_time)
        counting = QVBoxLayout()
        counting.setSpacing(6)
        counting.addWidget(self.count, 74)
        counting.addWidget(self.step_bar)
        counting.addWidget(self.reps, 16)
        counting.addWidget(self.controls.done, 0, Qt.AlignmentFlag.AlignHCenter)
        middle = QHBoxLayout()
        middle.setSpacing(24)
        middle.addWidget(self.figure, 4)
        middle.addWidget(self.side, 4)
        middle.addLayout(counting, 5)
        page = QVBoxLayout(self.main_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(4)
        page.addWidget(self.title, 36)  # 4 cm letters on a 24-inch full-HD screen, two lines for long names
        page.addWidget(self.set_line, 5)
        page.addWidget(self.phase, 18)
        page.addLayout(middle, 41)
        for widget in (self.main_page, self.paused, self.hurt, self.stop_question):
            self.display.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 14, 36, 14)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.display, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.progress)
        layout.addWidget(self.controls)

    def _connect(self) -> None:
        c = self.controls
        c.previous.clicked.connect(self.previous_requested)
        c.toggle.clicked.connect(self.toggle_requested)
        c.next.clicked.connect(self.next_requested)
        c.done.clicked.connect(self.done_requested)
        c.hurt.clicked.connect(self.hurt_requested)
        c.mute.clicked.connect(self.mute_requested)
        c.fullscreen.clicked.connect(self.fullscreen_requested)
        c.stop.clicked.connect(self.stop_requested)
        self.paused.resume.clicked.connect(self.toggle_requested)
        self.paused.hurt.clicked.connect(self.hurt_requested)
        self.paused.stop.clicked.connect(self.stop_requested)
        self.hurt.easier.clicked.connect(self.easier_chosen)
        self.hurt.skip.clicked.connect(self.skip_chosen)
        self.hurt.carry_on.clicked.connect(self.carry_on_chosen)
        self.hurt.help.clicked.connect(self.help_requested)
        self.stop_question.carry_on.clicked.connect(self.stop_declined)
        self.stop_question.stop.clicked.connect(self.stop_confirmed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        unit = max(min(self.height() / 1080, self.width() / 1920), 0.4)  # 1.0 on a full-HD screen
        self.info.scale_to(unit)
        self.rating.scale_to(unit)
        for takeover in (self.paused, self.hurt, self.stop_question):
            takeover.scale_to(unit)
        self.controls.scale_to(unit)
        for label, size in ((self.exercise_number, 26), (self.session_time, 26), (self.notice, 34)):
            font = label.font()
            font.setPixelSize(max(int(size * unit), 11))
            font.setBold(label is self.notice)  # "Press Enter or Done when you have finished" is read from the mat
            label.setFont(font)
        self.progress.setFixedHeight(max(int(20 * unit), 10))
        self.step_bar.setFixedHeight(max(int(18 * unit), 8))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)  # the phase's colour over the whole player, lightly: the state reads from afar
        painter.fillRect(self.rect(), self._tint)
        painter.end()

    # ----- rendering -------------------------------------------------------------------------------------------
    def set_colors(self, colors: Colors) -> None:
        self._colors = colors
        self._phase_color = ""
        self.progress.set_colors(colors.track, colors.work, colors.text, colors.edge)
        self.step_bar.set_colors(colors.track, colors.text, colors.text, colors.edge)
        self.set_line.set_color(colors.muted)
        self.reps.set_color(colors.muted)
        self.title.set_color(colors.text)

    def set_plan(self, plan: Plan) -> None:
        """The plan's fixed parts: the exercises and where each begins. Called again after "easier form"."""
        self._plan = plan
        self.progress.set_marks(exercise_marks(plan))
        self.figure.set_plan(plan)

    def set_figure(self, widget: FigureWidget) -> None:
        self.figure.set_figure(widget)

    def set_muted(self, muted: bool) -> None:
        self.controls.set_muted(muted)
        self.announce.voice_heard = not muted

    def show_snapshot(self, snap: Snapshot) -> None:
        """Show one moment. Labels only repaint when their text really changes."""
        assert self._plan is not None, "set_plan() before show_snapshot()"
        plan = self._plan
        exercise = wording.shown_exercise(snap, plan)
        paused = snap.state is State.PAUSED
        waiting = paused and snap.pause_reason is PauseReason.WAITING
        move = plan.steps[snap.step_index].transition  # "Roll onto your back.": as large as the line allows
        set_text(self.title, wording.title_text(snap, plan))
        set_text(self.set_line, move if move and snap.kind is not StepKind.WORK else wording.set_text(snap))
        set_text(self.exercise_number, wording.exercise_number(snap, plan))
        elapsed = duration_text(snap.session_elapsed)
        set_text(self.session_time, f"{elapsed} of {duration_text(snap.session_total)}")
        set_text(self.phase, "Ready when you are" if waiting else wording.phase_text(snap))
        set_text(self.count, wording.count_text(snap))
        set_text(self.reps, wording.rep_text(snap))
        set_text(self.notice, WAITING_NOTICE if waiting else wording.notice_text(snap))
        self.notice.setVisible(bool(self.notice.text()) and (not paused or waiting))
        self._paint_phase(phase_color(self._colors, snap.phase_word, paused=paused))
        beginner = plan.level is Level.BEGINNER
        self.info.show_exercise(exercise, snap.easier, wording.next_text(snap), beginner=beginner)
        between = snap.kind is not StepKind.WORK or snap.get_ready_left is not None
        self.side.setCurrentWidget(self.rating if self._asking else self.info)
        self.side.setVisible(between or self._asking)
        self.figure.show_exercise(exercise)
        self.figure.update_from(snap)
        self.step_bar.set_fraction(wording.step_fraction(snap))
        self.controls.show_state(snap)
        self.progress.set_fraction(snap.session_progress)
        self._take_over(snap, exercise)
        if self.display.currentWidget() is self.main_page:  # a state that took over was announced as such
            self.announce.phase(f"{self.phase.text()}. {self.title.text()}")

    def _take_over(self, snap: Snapshot, exercise: Exercise | None) -> None:
        """Paused, hurt and the stop question take the big display; otherwise the exercise has it."""
        paused = snap.state is State.PAUSED
        hurt = paused and snap.pause_reason is PauseReason.HURT
        page: QWidget = self.main_page
        if self._asking_stop:
            page = self.stop_question
        elif hurt:
            self.hurt.offer(exercise, easier_done=snap.easier)
            page = self.hurt
        elif paused and snap.pause_reason is not PauseReason.WAITING:  # waiting for the person: the exercise shows
            self.paused.show_reason(wording.notice_text(snap), can_hurt=snap.exercise_id is not None)
            page = self.paused
        if self.display.currentWidget() is not page:
            shown, focused = self.display.currentWidget(), QApplication.focusWidget()
            had_focus = shown is not None and focused is not None and shown.isAncestorOf(focused)
            self.display.setCurrentWidget(page)
            if had_focus or page is not self.main_page:
                self.setFocus()  # the keys stay with the player, not with a button that has just gone
            self.announce.state(page.accessibleName() if page is not self.main_page else "")
        tints: dict[QWidget, str] = {self.hurt: self._colors.danger, self.stop_question: self._colors.muted}
        self._set_tint(tints.get(page, self._phase_color))

    def ask_stop(self, asking: bool) -> None:
        """Show or hide the stop question (the window pauses the session while it is open)."""
        self._asking_stop = asking
        if asking:
            self.display.setCurrentWidget(self.stop_question)
            self._set_tint(self._colors.muted)
            self.setFocus()
            self.announce.state("Stop the session? Space carries on, Enter stops.")

    @property
    def asking_stop(self) -> bool:
        return self._asking_stop

    def _paint_phase(self, color: str) -> None:
        if color != self._phase_color:
            self._phase_color = color
            self.phase.set_color(color)
            self.count.set_color(color)

    def _set_tint(self, color: str) -> None:
        tint = blend(self._colors.window, color, self._colors.tint)
        if tint != self._tint:
            self._tint = tint
            self.update()

    def offer_help(self, offered: bool) -> None:
        """After "This hurts" twice in one session, the hurt panel also offers the red flags."""
        self.hurt.help.setVisible(offered)

    def ask_rating(self, exercise_id: str | None, name: str = "") -> None:
        """Show the one-key rating for an exercise just done (None: hide it)."""
        self._asking = exercise_id is not None
        if exercise_id is not None:
            self.rating.ask(exercise_id, name)
            self.side.setCurrentWidget(self.rating)
            self.side.show()
        elif self.side.currentWidget() is self.rating:
            self.side.setCurrentWidget(self.info)

    # ----- keys ------------------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        rating_shown = self._asking and self.display.currentWidget() is self.main_page
        if rating_shown and not event.isAutoRepeat() and self.rating.key(Qt.Key(event.key())):
            event.accept()
            return
        signal = self._key_signals().get(Qt.Key(event.key()))
        if signal is None or event.isAutoRepeat():
            super().keyPressEvent(event)
            return
        signal.emit()
        event.accept()

    def _key_signals(self) -> dict[Qt.Key, SignalInstance]:
        k = Qt.Key
        if self._asking_stop:  # carrying on is the default: a reflexive Space or Esc never stops
            return {
                k.Key_Space: self.stop_declined,
                k.Key_Escape: self.stop_declined,
                k.Key_Return: self.stop_confirmed,
                k.Key_Enter: self.stop_confirmed,
                k.Key_Y: self.stop_confirmed,
            }
        keys = {
            k.Key_Space: self.toggle_requested,
            k.Key_Right: self.next_requested,
            k.Key_Left: self.previous_requested,
            k.Key_Escape: self.stop_requested,
            k.Key_M: self.mute_requested,
            k.Key_F11: self.fullscreen_requested,
            k.Key_Return: self.done_requested,
            k.Key_Enter: self.done_requested,
            k.Key_H: self.hurt_requested,
        }
        if self.display.currentWidget() is self.hurt:
            keys.update({k.Key_2: self.skip_chosen, k.Key_3: self.carry_on_chosen, k.Key_Space: self.carry_on_chosen})
            if self.hurt.easier.isEnabled():
                keys[k.Key_1] = self.easier_chosen
            if self.hurt.help.isVisible():
                keys[k.Key_4] = self.help_requested
        return keys
