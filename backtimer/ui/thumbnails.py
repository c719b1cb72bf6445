"""Still thumbnails of exercises, drawn once when first needed and then reused (routine cards, history details).

The figure modules are imported on the first drawing, not with this module: home can show its cards before any
figure code has loaded, and the pictures follow a moment later.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPoint, QRect, QRectF, QSize, QTimer, Signal
from PySide6.QtGui import QColor, QEnterEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:
    from collections.abc import Sequence

    from backtimer.core.content.model import Exercise

_Key = tuple[str, int, int, int, float]  # exercise id, width, height, background, device pixel ratio


class Thumbnails:
    """A cache of exercise pictures. Keyed by what changes the picture: the exercise, size, background and ratio."""

    def __init__(self) -> None:
        self._pixmaps: dict[_Key, tuple[Exercise, QPixmap]] = {}
        self._uris: dict[_Key, str] = {}

    def pixmap(self, exercise: Exercise, size: QSize, background: QColor, ratio: float = 1.0) -> QPixmap:
        """The exercise's main pose, transparent around it; an empty pixmap for an exercise without a figure."""
        key = (exercise.id, size.width(), size.height(), background.rgb(), ratio)
        known = self._pixmaps.get(key)
        if known is not None and known[0] is exercise:
            return known[1]
        from backtimer.ui.figure_widget import figure_pixmap  # after the first paint: a lighter start-up

        pixmap = figure_pixmap(exercise, size, background, ratio=ratio)
        self._pixmaps[key] = (exercise, pixmap)
        self._uris.pop(key, None)
        return pixmap

    def has(self, exercise: Exercise, size: QSize, background: QColor, ratio: float = 1.0) -> bool:
        known = self._pixmaps.get((exercise.id, size.width(), size.height(), background.rgb(), ratio))
        return known is not None and known[0] is exercise

    def img_tag(self, exercise: Exercise, size: QSize, background: QColor, ratio: float = 1.0) -> str:
        """An ``<img>`` for rich text (a PNG data URL), drawn at the screen's ratio so it stays sharp."""
        key = (exercise.id, size.width(), size.height(), background.rgb(), ratio)
        pixmap = self.pixmap(exercise, size, background, ratio)
        if pixmap.isNull():
            return ""
        if key not in self._uris:
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            pixmap.toImage().save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; only str works
            self._uris[key] = "data:image/png;base64," + base64.b64encode(bytes(data.data())).decode("ascii")
        return f"<img src='{self._uris[key]}' width='{size.width()}' height='{size.height()}'>"


class ThumbStrip(QWidget):
    """A row of exercise thumbnails. A click on one emits its index; hovering names it.

    The pictures are drawn just after the strip first shows (the first paint leaves their places empty), so a
    window full of strips appears as fast as one without them.
    """

    clicked = Signal(int)
    CELL = QSize(64, 44)
    GAP = 4

    def __init__(self, exercises: Sequence[Exercise], cache: Thumbnails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exercises = list(exercises)
        self.cache = cache
        self.hover = -1
        self._pending = False
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        count = len(self.exercises)
        return QSize(max(count * (self.CELL.width() + self.GAP) - self.GAP, 0), self.CELL.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def cell(self, index: int) -> QRect:
        return QRect(QPoint(index * (self.CELL.width() + self.GAP), 0), self.CELL)

    def index_at(self, pos: QPoint) -> int:
        return next((i for i in range(len(self.exercises)) if self.cell(i).contains(pos)), -1)

    def background(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Base)  # the cards' colour

    def ready(self) -> bool:
        """Whether every picture is drawn (tests wait for this)."""
        back, ratio = self.background(), self.devicePixelRatioF()
        return all(self.cache.has(e, self.CELL, back, ratio) for e in self.exercises)

    def draw_pictures(self) -> None:
        self._pending = False
        back, ratio = self.background(), self.devicePixelRatioF()
        for exercise in self.exercises:
            self.cache.pixmap(exercise, self.CELL, back, ratio)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        back, ratio = self.background(), self.devicePixelRatioF()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if 0 <= self.hover < len(self.exercises):
            painter.setPen(self.palette().color(QPalette.ColorRole.Highlight))
            painter.setBrush(self.palette().color(QPalette.ColorRole.AlternateBase))
            painter.drawRoundedRect(QRectF(self.cell(self.hover)).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        missing = False
        for index, exercise in enumerate(self.exercises):
            if self.cache.has(exercise, self.CELL, back, ratio):
                painter.drawPixmap(self.cell(index).topLeft(), self.cache.pixmap(exercise, self.CELL, back, ratio))
            else:
                missing = True
        painter.end()
        if missing and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.draw_pictures)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._set_hover(self.index_at(event.position().toPoint()))
        super().mouseMoveEvent(event)

    def enterEvent(self, event: QEnterEvent) -> None:
        self._set_hover(self.index_at(event.position().toPoint()))
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hover(-1)

    def _set_hover(self, index: int) -> None:
        if index != self.hover:
            self.hover = index
            self.setToolTip(f"{self.exercises[index].name}: click to see how it is done" if index >= 0 else "")
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position().toPoint())
        if index < 0:
            event.ignore()  # between pictures: the card under the strip takes the click
            return
        event.accept()
        self.clicked.emit(index)
