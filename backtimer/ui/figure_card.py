"""What stands in for the figure of an exercise that has none: a tidy card with its name, position and summary."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette

from backtimer.core.content.model import Exercise


def paint_card(painter: QPainter, rect: QRectF, exercise: Exercise, palette: QPalette) -> None:
    """A rounded card, centred in ``rect``, in the palette's colours; the text scales with the space."""
    width = min(rect.width() * 0.9, rect.height() * 2.2)
    height = min(rect.height() * 0.86, width * 0.55)
    card = QRectF(rect.center().x() - width / 2, rect.center().y() - height / 2, width, height)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.WindowText)
    muted = QColor(text)
    muted.setAlphaF(0.7)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(base)
    painter.drawRoundedRect(card, height * 0.08, height * 0.08)
    pad = height * 0.1
    inner = card.adjusted(pad, pad, -pad, -pad)
    name_size = max(10.0, height * 0.16)
    line_size = max(8.0, height * 0.085)
    font = QFont(painter.font())
    font.setPixelSize(round(name_size))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(text)
    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
    painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), name_size * 1.5), flags, exercise.name)
    font.setBold(False)
    font.setPixelSize(round(line_size))
    painter.setFont(font)
    painter.setPen(muted)
    top = inner.top() + name_size * 1.6
    painter.drawText(QRectF(inner.left(), top, inner.width(), line_size * 1.6), flags, exercise.position.capitalize())
    painter.setPen(text)
    steps = exercise.summary  # the steps are in the panel below the card
    body = QRectF(inner.left(), top + line_size * 2.0, inner.width(), inner.bottom() - top - line_size * 2.0)
    painter.drawText(body, flags | Qt.AlignmentFlag.AlignTop, steps)
