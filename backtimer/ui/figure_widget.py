"""The figure on screen: an animated widget for the player, thumbnails, and a strip of an exercise's key poses.

The widget keeps no timer. The player's one poll timer hands it each Snapshot through ``update_from``; the widget
repaints only when the pose really changed, only while it is visible, and not at all while the session is paused.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from backtimer.core.content.model import Exercise, Side, Sides
from backtimer.core.figures.camera import Drawing
from backtimer.core.figures.poses import (
    START,
    Figure,
    active_limbs,
    figure_of,
    frame_of,
    key_drawing,
    motion_guides,
    pose_for,
)
from backtimer.core.session.plan import Plan
from backtimer.core.session.snapshot import Snapshot
from backtimer.core.session.steps import StepKind
from backtimer.ui.figure import FigureStyle, paint_figure
from backtimer.ui.figure_card import paint_card


def _background(widget: QWidget | None) -> QColor:
    palette = widget.palette() if widget is not None else QPalette()
    return palette.color(QPalette.ColorRole.Window)


class FigureWidget(QWidget):
    """The animated figure in the player. Feed it snapshots; it draws the pose of that moment."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 90)
        self._plan: Plan | None = None
        self._exercise: Exercise | None = None
        self._shown: Exercise | None = None
        self._drawing: Drawing | None = None
        self._active: tuple[str, ...] = ()
        self._place: tuple[object, ...] | None = None  # which step, side and form the drawing belongs to
        self.frames = 0  # paints so far: lets tests and the benchmark see that a still figure costs nothing

    # ----- what to show ------------------------------------------------------------------------------------------
    def set_plan(self, plan: Plan) -> None:
        """With a plan the widget finds the exercise of each step itself (call again after "easier form")."""
        self._plan = plan

    def show_exercise(self, exercise: Exercise | None) -> None:
        """Without a plan, the player names the exercise on screen (the next one during rests and get-ready)."""
        self._exercise = exercise

    @property
    def drawing(self) -> Drawing | None:
        return self._drawing

    def update_from(self, snap: Snapshot) -> None:
        """Follow the session: called on every poll of the player's timer."""
        if not self.isVisible():
            return  # hidden: no work at all; the next visible poll catches up
        exercise = self._exercise_for(snap)
        easier = snap.easier and exercise is not None and exercise.id == snap.exercise_id
        side = snap.side
        if side is None and exercise is not None and exercise.sides is not Sides.NONE:
            side = Side.LEFT  # the first side comes first: show it during the rest before
        place = (exercise.id if exercise else None, snap.step_index, side, easier)
        if not snap.active and place == self._place and self._drawing is not None:
            return  # paused (or not started): frozen where it stands
        self._place = place
        drawing = None
        if exercise is not None:
            drawing = pose_for(
                exercise, snap.kind, snap.phase_index, snap.phase_progress, side, easier, snap.step_elapsed
            )
        self._set(exercise, drawing, side)

    def _exercise_for(self, snap: Snapshot) -> Exercise | None:
        if self._plan is not None and 0 <= snap.step_index < len(self._plan.steps):
            step = self._plan.steps[snap.step_index]
            if snap.kind is StepKind.DONE:
                return self._shown
            return step.exercise or step.next_exercise
        return self._exercise

    def _set(self, exercise: Exercise | None, drawing: Drawing | None, side: Side | None) -> None:
        if drawing == self._drawing and exercise is self._shown:
            return  # a hold, a rest, a pause: nothing moved, nothing to paint
        figure = figure_of(exercise) if exercise is not None else None
        mirrored = figure is not None and side is not None and side is not figure.side
        self._active = active_limbs(figure, mirrored) if figure is not None else ()
        self._shown, self._drawing = exercise, drawing
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        self.frames += 1
        if self._shown is None:
            return
        figure = figure_of(self._shown)
        if figure is None:  # an exercise of the person's own without a figure: a card, not an empty box
            painter = QPainter(self)
            paint_card(painter, QRectF(self.rect()), self._shown, self.palette())
            painter.end()
            return
        if self._drawing is None:
            return
        painter = QPainter(self)
        style = FigureStyle.for_background(_background(self))
        paint_figure(painter, QRectF(self.rect()), self._drawing, frame_of(figure), style, self._active)
        painter.end()

    def sizeHint(self) -> QSize:
        return QSize(480, 300)


# ----- still pictures --------------------------------------------------------------------------------------------
def main_pose(figure: Figure) -> str:
    """The pose that says most about an exercise: the hold, or the first pose the movement reaches."""
    if figure.hold:
        return figure.hold
    names = figure.names()
    return names[1] if len(names) > 1 else START


def paint_key_pose(
    painter: QPainter,
    rect: QRectF,
    figure: Figure,
    pose: str,
    background: QColor,
    *,
    easier: bool = False,
    mirrored: bool = False,
    guides: bool = True,
) -> None:
    """One key pose, with arrows along the way from the start pose when ``guides``."""
    drawing = key_drawing(figure, pose, easier=easier, mirrored=mirrored)
    paths = motion_guides(figure, START, pose, easier=easier, mirrored=mirrored) if guides and pose != START else []
    style = FigureStyle.for_background(background)
    paint_figure(painter, rect, drawing, frame_of(figure), style, active_limbs(figure, mirrored), paths)


def render_pose(
    figure: Figure,
    pose: str,
    size: QSize,
    background: QColor | None = None,
    *,
    opaque: bool = True,
    easier: bool = False,
    mirrored: bool = False,
    guides: bool = True,
) -> QImage:
    """A key pose as an image. The colours suit ``background`` (default: the application's window colour), which
    fills the image when ``opaque``; otherwise the image is transparent around the figure."""
    shade = background if background is not None else _background(None)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(shade if opaque and background is not None else QColor(Qt.GlobalColor.transparent))
    painter = QPainter(image)
    paint_key_pose(painter, QRectF(image.rect()), figure, pose, shade, easier=easier, mirrored=mirrored, guides=guides)
    painter.end()
    return image


def figure_pixmap(
    exercise: Exercise, size: QSize | int = 96, background: QColor | None = None, *, ratio: float = 1.0
) -> QPixmap:
    """A still thumbnail of an exercise (its main pose, transparent around it), e.g. for the routine list and
    history details. ``background`` is what it will sit on; ``ratio`` the screen's device pixel ratio. An exercise
    without a figure gives an empty pixmap."""
    box = QSize(size, size) if isinstance(size, int) else size
    figure = figure_of(exercise)
    if figure is None:
        empty = QPixmap(box)
        empty.fill(Qt.GlobalColor.transparent)
        return empty
    pixels = QSize(round(box.width() * ratio), round(box.height() * ratio))
    image = render_pose(figure, main_pose(figure), pixels, background, opaque=False, guides=box.width() >= 64)
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def figure_icon(exercise: Exercise, size: int = 64, background: QColor | None = None) -> QIcon:
    return QIcon(figure_pixmap(exercise, size, background))


class KeyPosesStrip(QWidget):
    """An exercise's key poses side by side, each named by the word that leads into it: for a detail view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._exercise: Exercise | None = None
        self._easier = False
        self.setMinimumHeight(90)

    def set_exercise(self, exercise: Exercise | None, *, easier: bool = False) -> None:
        self._exercise, self._easier = exercise, easier
        self.update()

    def labels(self) -> list[tuple[str, str]]:
        """(pose, caption) for each panel, in order."""
        figure = figure_of(self._exercise) if self._exercise is not None else None
        if figure is None or self._exercise is None:
            return []
        words = {p.pose: p.word for p in reversed(self._exercise.tempo) if p.pose}
        if figure.hold:
            words[figure.hold] = "Hold"
        return [(name, "Start" if name == START else words.get(name, name.capitalize())) for name in figure.names()]

    def paintEvent(self, event: QPaintEvent) -> None:
        panels = self.labels()
        if not panels or self._exercise is None:
            return
        figure = figure_of(self._exercise)
        assert figure is not None
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        background = _background(self)
        width = self.width() / len(panels)
        caption = max(16.0, self.height() * 0.14)
        font = painter.font()
        font.setPixelSize(round(caption * 0.7))
        painter.setFont(font)
        for index, (name, text) in enumerate(panels):
            cell = QRectF(index * width, 0, width, self.height() - caption)
            paint_key_pose(painter, cell, figure, name, background, easier=self._easier)
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            label = QRectF(index * width, self.height() - caption, width, caption)
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()

    def sizeHint(self) -> QSize:
        return QSize(520, 160)
