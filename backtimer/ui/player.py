"""The player: what to do now, huge enough to read from the mat, with every control one key away."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from backtimer.core.content.model import Level
from backtimer.core.session.plan import Plan
from backtimer.core.session.snapshot import PauseReason, Snapshot, State
from backtimer.core.session.steps import StepKind
from backtimer.core.wording import duration_text
from backtimer.ui import wording
from backtimer.ui.fit_label import FitLabel
from backtimer.ui.player_parts import Controls, FigureCard, HurtPanel, InfoPanel, set_text
from backtimer.ui.progress import SessionProgress, exercise_marks
from backtimer.ui.rating_panel import RatingPanel
from backtimer.ui.theme import LIGHT, Colors, phase_color

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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._plan: Plan | None = None
        self._colors = LIGHT
        self._phase_color = ""
        self.title = FitLabel(fill=0.82)
        self.exercise_number = QLabel()
        self.session_time = QLabel()
        self.set_line = FitLabel(fill=0.8)
        self.phase = FitLabel(fill=0.86)
        self.count = FitLabel(fill=0.92)
        self.count.set_sample("0:00")
        self.reps = FitLabel(fill=0.78)
        self.figure = FigureCard()
        self.info = InfoPanel()
        self.hurt = HurtPanel()
        self.rating = RatingPanel()
        self.rated = self.rating.rated  # (exercise id, rating) after an exercise
        self._asking = False
        self.bottom = QStackedWidget()
        self.bottom.addWidget(self.info)
        self.bottom.addWidget(self.hurt)
        self.bottom.addWidget(self.rating)
        self.notice = QLabel()
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress = SessionProgress()
        self.controls = Controls()
        self._build()
        self._connect()

    # ----- layout --------------------------------------------------------------------------------------------
    def _build(self) -> None:
        for label in (self.exercise_number, self.session_time, self.notice):
            label.setProperty("role", "muted")
        self.session_time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.set_line.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.addWidget(self.exercise_number)
        top.addStretch(1)
        top.addWidget(self.session_time)
        centre = QVBoxLayout()
        centre.setSpacing(0)
        centre.addWidget(self.phase, 20)
        centre.addWidget(self.count, 58)
        centre.addWidget(self.reps, 12)
        centre.addWidget(self.controls.done, 0, Qt.AlignmentFlag.AlignHCenter)
        body = QHBoxLayout()
        body.setSpacing(24)
        body.addWidget(self.figure, 4)
        body.addLayout(centre, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 18, 36, 18)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.title, 9)
        layout.addWidget(self.set_line, 6)
        layout.addLayout(body, 52)
        layout.addWidget(self.notice)
        layout.addWidget(self.bottom, 0)
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
        self.hurt.easier.clicked.connect(self.easier_chosen)
        self.hurt.skip.clicked.connect(self.skip_chosen)
        self.hurt.carry_on.clicked.connect(self.carry_on_chosen)
        self.hurt.help.clicked.connect(self.help_requested)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        unit = max(min(self.height() / 1080, self.width() / 1600), 0.45)  # 1.0 on a full-HD screen
        self.info.scale_to(unit)
        self.hurt.scale_to(unit)
        self.rating.scale_to(unit)
        self.controls.scale_to(unit)
        for label, size in ((self.exercise_number, 22), (self.session_time, 22), (self.notice, 34)):
            font = label.font()
            font.setPixelSize(max(int(size * unit), 11))
            font.setBold(label is self.notice)  # "Paused. Press Space to carry on." is read from the mat
            label.setFont(font)
        self.progress.setFixedHeight(max(int(22 * unit), 10))
        self.bottom.setFixedHeight(int(250 * unit))

    # ----- rendering -------------------------------------------------------------------------------------------
    def set_colors(self, colors: Colors) -> None:
        self._colors = colors
        self._phase_color = ""
        self.progress.set_colors(colors.line, colors.work, colors.text)
        self.set_line.setStyleSheet(f"color: {colors.muted};")
        self.reps.setStyleSheet(f"color: {colors.muted};")

    def set_plan(self, plan: Plan) -> None:
        """The plan's fixed parts: the exercises and where each begins. Called again after "easier form"."""
        self._plan = plan
        self.progress.set_marks(exercise_marks(plan))
        self.figure.set_plan(plan)

    def set_figure(self, widget: FigureWidget) -> None:
        self.figure.set_figure(widget)

    def set_muted(self, muted: bool) -> None:
        self.controls.set_muted(muted)

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
        self._paint_phase(phase_color(self._colors, snap.phase_word, paused=paused))
        beginner = plan.level is Level.BEGINNER
        self.info.show_exercise(exercise, snap.easier, wording.next_text(snap), beginner=beginner)
        self.figure.show_exercise(exercise)
        self.figure.update_from(snap)
        hurt = paused and snap.pause_reason is PauseReason.HURT
        self.bottom.setCurrentWidget(self.hurt if hurt else self.rating if self._asking else self.info)
        if hurt:
            self.hurt.offer(exercise, easier_done=snap.easier)
        self.controls.show_state(snap)
        self.progress.set_fraction(snap.session_progress)

    def _paint_phase(self, color: str) -> None:
        if color != self._phase_color:
            self._phase_color = color
            self.phase.setStyleSheet(f"color: {color};")
            self.count.setStyleSheet(f"color: {color};")

    def offer_help(self, offered: bool) -> None:
        """After "This hurts" twice in one session, the hurt panel also offers the red flags."""
        self.hurt.help.setVisible(offered)

    def ask_rating(self, exercise_id: str | None, name: str = "") -> None:
        """Show the one-key rating for an exercise just done (None: hide it)."""
        self._asking = exercise_id is not None
        if exercise_id is not None:
            self.rating.ask(exercise_id, name)
            if self.bottom.currentWidget() is self.info:
                self.bottom.setCurrentWidget(self.rating)
        elif self.bottom.currentWidget() is self.rating:
            self.bottom.setCurrentWidget(self.info)

    # ----- keys ------------------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._asking and not event.isAutoRepeat() and self.rating.key(Qt.Key(event.key())):
            event.accept()
            return
        signal = self._key_signals().get(Qt.Key(event.key()))
        if signal is None or event.isAutoRepeat():
            super().keyPressEvent(event)
            return
        signal.emit()
        event.accept()

    def _key_signals(self) -> dict[Qt.Key, SignalInstance]:
        return {
            Qt.Key.Key_Space: self.toggle_requested,
            Qt.Key.Key_Right: self.next_requested,
            Qt.Key.Key_Left: self.previous_requested,
            Qt.Key.Key_Escape: self.stop_requested,
            Qt.Key.Key_M: self.mute_requested,
            Qt.Key.Key_H: self.hurt_requested,
            Qt.Key.Key_F11: self.fullscreen_requested,
            Qt.Key.Key_Return: self.done_requested,
            Qt.Key.Key_Enter: self.done_requested,
        }
