"""A calendar heatmap of the last twelve months: one square a day, weeks as columns, Monday on top."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from backtimer.ui.theme import Colors, blend_hex

# Shared objects: PySide6 6.12 crashes (a refcount bug) when setPen/setBrush get a bare enum many times.
NO_PEN = QPen(Qt.PenStyle.NoPen)
NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)
WEEKS = 53
MAX_CELL = 28.0  # pixels: beyond this the squares only get heavier, not more readable
WEEKDAY_LABELS = ("Mon", "", "Wed", "", "Fri", "", "Sun")


@dataclass(frozen=True)
class Day:
    completed: int  # completed sessions that day
    stopped: int  # stopped ones


class Heatmap(QWidget):
    """Drawn, not built from widgets: 371 squares paint in a millisecond and scale with the window."""

    def __init__(self, colors: Colors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colors = colors
        self.days: Mapping[date, Day] = {}
        self.today = date.today()
        self.rest_weekdays: frozenset[int] = frozenset()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(640)
        self._fit_height()

    def set_data(self, days: Mapping[date, Day], today: date, rest_weekdays: frozenset[int]) -> None:
        self.days, self.today, self.rest_weekdays = days, today, rest_weekdays
        self.setToolTip("")
        self.update()

    def first_day(self) -> date:
        """The Monday that starts the first column, so that today sits in the last one."""
        monday = self.today - timedelta(days=self.today.weekday())
        return monday - timedelta(weeks=WEEKS - 1)

    def sizeHint(self) -> QSize:
        return QSize(1200, self.height())

    def _metrics(self) -> tuple[QFont, QFontMetricsF]:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 13.0))
        return font, QFontMetricsF(font)

    def _geometry(self) -> tuple[float, float, float]:
        """(left, top, cell): the squares as large as the width allows, up to MAX_CELL, centred."""
        _, metrics = self._metrics()
        labels = metrics.horizontalAdvance("Wed") + 14
        cell = min((self.width() - labels - 4) / WEEKS, MAX_CELL)
        left = labels + max((self.width() - labels - WEEKS * cell) / 2 - labels / 2, 0)
        return left, metrics.height() + 8, cell

    def _fit_height(self) -> None:
        _, metrics = self._metrics()
        _, top, cell = self._geometry()
        height = int(top + 7 * cell + metrics.height() + 18)
        if height != self.minimumHeight():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def shade(self, day: date) -> QColor:
        return self.shade_for(self.days.get(day))

    def _edge_for(self, info: Day | None) -> QPen:
        """An empty day gets an edge (at least 3:1), so the grid of days shows; a coloured one needs none."""
        empty = info is None or (info.completed == 0 and info.stopped == 0)
        return QPen(QColor(self.colors.edge), 1.0) if empty else NO_PEN

    def shade_for(self, info: Day | None) -> QColor:
        return QColor(shade_for_colors(self.colors, info))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font, metrics = self._metrics()
        painter.setFont(font)
        left, top, cell = self._geometry()
        gap = max(cell * 0.16, 2.0)
        self._draw_weekdays(painter, left, top, cell)
        self._draw_months(painter, left, top, cell)
        self._draw_days(painter, left, top, cell, gap)
        self._draw_legend(painter, left, top + 7 * cell + 10, metrics)
        painter.end()

    def _draw_weekdays(self, painter: QPainter, left: float, top: float, cell: float) -> None:
        for row, label in enumerate(WEEKDAY_LABELS):
            rest = row in self.rest_weekdays
            painter.setPen(QColor(self.colors.muted))
            text = label or ("" if not rest else "·")
            rect = QRectF(left - 200, top + row * cell, 192, cell)
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)

    def _draw_months(self, painter: QPainter, left: float, top: float, cell: float) -> None:
        painter.setPen(QColor(self.colors.muted))
        start = self.first_day()
        last_x = -1e9
        for week in range(WEEKS):
            monday = start + timedelta(weeks=week)
            first = next((monday + timedelta(days=d) for d in range(7) if (monday + timedelta(days=d)).day == 1), None)
            if week == 0 and first is None:
                first = monday if monday.day <= 7 else None  # label a month that began just before the first column
            if first is None:
                continue
            x = left + week * cell
            label = f"{first:%b}" if first.month != 1 else f"{first:%b %Y}"
            if x - last_x > painter.fontMetrics().horizontalAdvance("Sep 2025") * 0.55:
                painter.drawText(QPointF(x, top - 8), label)
                last_x = x

    def _draw_days(self, painter: QPainter, left: float, top: float, cell: float, gap: float) -> None:
        start = self.first_day()
        radius = cell * 0.18
        for week in range(WEEKS):
            for row in range(7):
                day = start + timedelta(weeks=week, days=row)
                if day > self.today:
                    return
                rect = QRectF(left + week * cell, top + row * cell, cell - gap, cell - gap)
                painter.setPen(self._edge_for(self.days.get(day)))
                painter.setBrush(self.shade(day))
                painter.drawRoundedRect(rect, radius, radius)
                if row in self.rest_weekdays and day not in self.days:
                    painter.setPen(QPen(QColor(self.colors.line), 1.5))
                    painter.drawLine(rect.bottomLeft() + QPointF(3, -3), rect.topRight() + QPointF(-3, 3))
                if day == self.today:
                    painter.setPen(QPen(QColor(self.colors.text), 2.0))
                    painter.setBrush(NO_BRUSH)
                    painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), radius, radius)

    def _draw_legend(self, painter: QPainter, x: float, y: float, metrics: QFontMetricsF) -> None:
        size = metrics.height() * 0.8
        items = [("Not done", Day(0, 0)), ("Stopped", Day(0, 1)), ("1", Day(1, 0)), ("2", Day(2, 0)), ("3+", Day(3, 0))]
        if self.rest_weekdays:
            items.append(("Rest day", Day(0, 0)))
        for label, sample in items:
            rect = QRectF(x, y + (metrics.height() - size) / 2, size, size)
            painter.setPen(self._edge_for(sample))
            painter.setBrush(self.shade_for(sample))
            painter.drawRoundedRect(rect, 3, 3)
            if label == "Rest day":
                painter.setPen(QPen(QColor(self.colors.line), 1.5))
                painter.drawLine(rect.bottomLeft() + QPointF(3, -3), rect.topRight() + QPointF(-3, 3))
            painter.setPen(QColor(self.colors.muted))
            painter.drawText(QPointF(x + size + 6, y + metrics.ascent()), label)
            x += size + 6 + metrics.horizontalAdvance(label) + 22
        painter.setPen(QColor(self.colors.muted))
        painter.drawText(QPointF(x + 10, y + metrics.ascent()), "sessions completed that day")


def shade_for_colors(c: Colors, info: Day | None) -> str:
    """More completed sessions, a stronger colour (each at least 3:1 against the card); a day with only stopped
    sessions, the hold colour; a day without any, an outlined empty square."""
    if info is None or (info.completed == 0 and info.stopped == 0):
        return c.raised
    if info.completed == 0:
        return blend_hex(c.raised, c.hold, 0.8)
    return blend_hex(c.raised, c.work, (0.75, 0.88, 1.0)[min(info.completed, 3) - 1])
