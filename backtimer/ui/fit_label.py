"""A label whose font grows and shrinks with its box, for text that must read from across the room."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def split_lines(text: str, lines: int, metrics: QFontMetricsF) -> list[str]:
    """``text`` in at most ``lines`` lines (split between words), the widest line as narrow as it can be."""
    words = text.split()
    if lines < 2 or len(words) < 2:
        return [text]
    best = [text]
    best_width = metrics.horizontalAdvance(text)
    for cut in range(1, len(words)):  # two lines are enough for every name here
        parts = [" ".join(words[:cut]), " ".join(words[cut:])]
        width = max(metrics.horizontalAdvance(part) for part in parts)
        if width < best_width:
            best, best_width = parts, width
    return best


class FitLabel(QLabel):
    """Text drawn as large as fits: its ink fills ``fill`` of the height, never wider than the box.

    The height measured is the ink (the glyphs as drawn, from the top of the tallest letter to the foot of the
    lowest), so "8" and "Hold" are as tall as promised. ``lines=2`` lets a long name break between two words.
    The font is recomputed only when the text or the size changes, so a countdown costs one small repaint a second.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        fill: float = 0.8,
        weight: QFont.Weight = QFont.Weight.Bold,
        lines: int = 1,
        largest: float = 0.0,
    ):
        super().__init__(parent)
        self._fill = fill
        self._lines = lines
        self._largest = largest  # at most this share of the height as font size (0: no limit)
        self._sample = ""  # size the font for this text, so a countdown does not jump as its digits change
        self._shown: list[str] = [""]
        self._color: QColor | None = None
        font = self.font()
        font.setWeight(weight)
        self.setFont(font)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(40, 20)

    def set_sample(self, sample: str) -> None:
        """Size the font for ``sample`` (e.g. "00:00") instead of the current text."""
        if sample != self._sample:
            self._sample = sample
            self._fit()

    def set_color(self, color: str) -> None:
        if self._color is None or self._color.name() != QColor(color).name():
            self._color = QColor(color)
            self.update()

    def setText(self, text: str) -> None:
        if text != self.text():
            super().setText(text)
            self._fit()

    def sizeHint(self) -> QSize:
        return QSize(80, 40)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def ink_height(self) -> float:
        """Pixels from the top of the tallest glyph to the foot of the lowest, of one line of the text shown."""
        metrics = QFontMetricsF(self.font())
        return max((metrics.tightBoundingRect(line).height() for line in self._shown if line), default=0.0)

    def shown_lines(self) -> list[str]:
        return list(self._shown)

    def _fit(self) -> None:
        text = self._sample or self.text() or "0"
        probe = QFont(self.font())
        probe.setPixelSize(100)
        metrics = QFontMetricsF(probe)
        size, lines = 0.0, [text]
        for count in range(1, self._lines + 1):
            parts = split_lines(text, count, metrics)
            fitted = self._size_for(parts, metrics)
            if fitted > size * 1.02:  # a second line only when it makes the text clearly larger
                size, lines = fitted, parts
        font = QFont(self.font())
        font.setPixelSize(max(int(size), 6))
        shown = split_lines(self.text(), len(lines), metrics) if self._sample and self.text() else lines
        self._shown = shown if self.text() else [""]
        if font.pixelSize() != self.font().pixelSize():
            self.setFont(font)
        self.update()

    def _size_for(self, parts: list[str], metrics: QFontMetricsF) -> float:
        """The pixel size at which ``parts``, one under the other, fill the box (measured at 100 px)."""
        ink = max(metrics.tightBoundingRect(part).height() for part in parts) / 100
        pitch = metrics.lineSpacing() * 0.88 / 100
        block = ink + pitch * (len(parts) - 1)
        widest = max(metrics.horizontalAdvance(part) for part in parts) / 100
        by_height = self.height() * self._fill / max(block, 0.01)
        by_width = self.width() * 0.96 / max(widest, 0.01)
        size = min(by_height, by_width)
        if self._largest:
            size = min(size, self.height() * self._largest)
        return max(size, 6.0)

    def paintEvent(self, event: QPaintEvent) -> None:
        lines = [line for line in self._shown if line]
        if not lines:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self.font())
        painter.setPen(self._color or self.palette().color(self.foregroundRole()))
        metrics = QFontMetricsF(self.font())
        bounds = [metrics.tightBoundingRect(line) for line in lines]
        top = min(b.top() for b in bounds)
        bottom = max(b.bottom() for b in bounds)
        pitch = metrics.lineSpacing() * 0.88  # one line's descenders just clear the next one's capitals
        block = bottom - top + pitch * (len(lines) - 1)
        baseline = (self.height() - block) / 2 - top
        align = self.alignment()
        for line in lines:
            width = metrics.horizontalAdvance(line)
            x = (self.width() - width) / 2
            if align & Qt.AlignmentFlag.AlignLeft:
                x = 0.0
            elif align & Qt.AlignmentFlag.AlignRight:
                x = self.width() - width
            painter.drawText(QPointF(x, baseline), line)
            baseline += pitch
        painter.end()
