"""The pain after the latest sessions (0 = none, 10 = worst), or for older histories the comfort ratings (10 = fine),
as a small line chart."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from backtimer.ui.theme import Colors

# Shared objects: PySide6 6.12 crashes (a refcount bug) when setPen/setBrush get a bare enum many times.
NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)
SHOWN = 30  # the latest ratings drawn


class ComfortChart(QWidget):
    def __init__(self, colors: Colors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colors = colors
        self.points: list[tuple[date, int]] = []
        self.empty = "No pain recorded yet"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(170)

    def set_points(self, points: Sequence[tuple[date, int]], empty: str = "") -> None:
        """(day, 0-10) oldest first; only the latest ``SHOWN`` are drawn; ``empty``: said when there are none."""
        self.points = list(points)[-SHOWN:]
        self.empty = empty or self.empty
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, 200)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 12.0))
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        plot = QRectF(metrics.horizontalAdvance("10") + 12, 10, 0, 0)
        plot.setRight(self.width() - 10)
        plot.setBottom(self.height() - metrics.height() - 10)
        self._draw_grid(painter, plot, metrics)
        if not self.points:
            painter.setPen(QColor(self.colors.muted))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.empty)
        else:
            self._draw_line(painter, plot)
            self._draw_dates(painter, plot, metrics)
        painter.end()

    def _draw_grid(self, painter: QPainter, plot: QRectF, metrics: QFontMetricsF) -> None:
        for value in (0, 5, 10):
            y = _y(plot, value)
            painter.setPen(QPen(QColor(self.colors.line), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(self.colors.muted))
            label = QRectF(0, y - metrics.height() / 2, plot.left() - 8, metrics.height())
            painter.drawText(label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))

    def _draw_line(self, painter: QPainter, plot: QRectF) -> None:
        points = [QPointF(_x(plot, i, len(self.points)), _y(plot, v)) for i, (_, v) in enumerate(self.points)]
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        painter.setPen(QPen(QColor(self.colors.rest), 3))
        painter.setBrush(NO_BRUSH)
        painter.drawPath(path)
        painter.setBrush(QColor(self.colors.rest))
        for point in points:
            painter.drawEllipse(point, 5, 5)

    def _draw_dates(self, painter: QPainter, plot: QRectF, metrics: QFontMetricsF) -> None:
        painter.setPen(QColor(self.colors.muted))
        first, last = self.points[0][0], self.points[-1][0]
        y = plot.bottom() + metrics.ascent() + 6
        painter.drawText(QPointF(plot.left(), y), f"{first:%d %b}")
        text = f"{last:%d %b}"
        painter.drawText(QPointF(plot.right() - metrics.horizontalAdvance(text), y), text)


def _x(plot: QRectF, index: int, count: int) -> float:
    if count == 1:
        return plot.center().x()
    return plot.left() + 6 + (plot.width() - 12) * index / (count - 1)


def _y(plot: QRectF, value: int) -> float:
    return plot.bottom() - 6 - (plot.height() - 12) * value / 10
