"""A label whose font grows and shrinks with its box, for text that must read from across the room."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class FitLabel(QLabel):
    """One line of text drawn as large as fits: ``fill`` of the height, never wider than the box.

    The font is recomputed only when the text or the size changes, so a countdown costs one small repaint a second.
    """

    def __init__(self, parent: QWidget | None = None, *, fill: float = 0.8, weight: QFont.Weight = QFont.Weight.Bold):
        super().__init__(parent)
        self._fill = fill
        self._sample = ""  # size the font for this text, so a countdown does not jump as its digits change
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

    def setText(self, text: str) -> None:
        if text != self.text():
            super().setText(text)
            if not self._sample:
                self._fit()

    def sizeHint(self) -> QSize:
        return QSize(80, 40)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        text = self._sample or self.text() or "0"
        height = max(self.height() * self._fill, 6.0)
        font = QFont(self.font())
        font.setPixelSize(max(int(height), 6))
        width = QFontMetricsF(font).horizontalAdvance(text)
        room = self.width() * 0.96
        if width > room > 0:
            font.setPixelSize(max(int(height * room / width), 6))
        if font.pixelSize() != self.font().pixelSize():
            self.setFont(font)
