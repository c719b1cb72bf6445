"""The bar along the bottom of the player: the whole session, with a mark where each exercise begins."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from backtimer.core.session.plan import Plan
from backtimer.core.session.steps import StepKind


def exercise_marks(plan: Plan) -> list[float]:
    """Where each exercise starts, as a fraction of the session's planned length."""
    offsets = plan.offsets()
    total = plan.total_seconds or 1.0
    marks: list[float] = []
    seen: set[int] = set()
    for step, offset in zip(plan.steps, offsets, strict=True):
        if step.kind is StepKind.WORK and step.entry_index is not None and step.entry_index not in seen:
            seen.add(step.entry_index)
            marks.append(offset / total)
    return marks


class SessionProgress(QWidget):
    """Repaints only when the filled part moves by a whole pixel or the marks change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._marks: list[float] = []
        self._fraction = 0.0
        self._current = -1  # which exercise is under way, highlighted
        self._track = QColor("#888888")
        self._fill = QColor("#45c89f")
        self._mark = QColor("#ffffff")
        self._outline: QColor | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(22)

    def set_colors(self, track: str, fill: str, mark: str, outline: str = "") -> None:
        """``outline``: an edge round the bar, so its whole length shows against any background."""
        self._track, self._fill, self._mark = QColor(track), QColor(fill), QColor(mark)
        self._outline = QColor(outline) if outline else None
        self.update()

    def set_marks(self, marks: list[float]) -> None:
        if marks != self._marks:
            self._marks = marks
            self.update()

    @property
    def marks(self) -> list[float]:
        return list(self._marks)

    @property
    def fraction(self) -> float:
        return self._fraction

    def set_fraction(self, fraction: float) -> None:
        fraction = min(max(fraction, 0.0), 1.0)
        if round(fraction * self.width()) != round(self._fraction * self.width()):
            self.update()
        self._fraction = fraction

    def sizeHint(self) -> QSize:
        return QSize(400, 22)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        h = float(self.height())
        bar = QRectF(0, h * 0.25, self.width(), h * 0.5)
        radius = bar.height() / 2
        painter.setPen(QPen(self._outline, 1.5) if self._outline is not None else Qt.PenStyle.NoPen)
        painter.setBrush(self._track)
        painter.drawRoundedRect(bar, radius, radius)
        painter.setPen(Qt.PenStyle.NoPen)
        if self._fraction > 0:
            filled = QRectF(bar.left(), bar.top(), max(bar.width() * self._fraction, bar.height()), bar.height())
            painter.setBrush(self._fill)
            painter.drawRoundedRect(filled, radius, radius)
        painter.setBrush(self._mark)
        for mark in self._marks[1:]:  # the first exercise starts near the left end: no mark needed there
            x = bar.left() + bar.width() * mark
            painter.drawRoundedRect(QRectF(x - 2, 0, 4, h), 2, 2)
        painter.end()
