"""The "When to stop and get help" page: the signs that need a doctor rather than exercise, and what to do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QLabel, QVBoxLayout, QWidget

from backtimer.core.content.guidance import RedFlags
from backtimer.ui.widgets import scrolling

HEADINGS = {"now": "Get help straight away", "today": "Speak to a doctor today", "app": "How backtimer helps"}


def _label(text: str, role: str | None = None, scale: float = 1.0, *, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    if scale != 1.0 or bold:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
    return label


def red_flag_list(flags: RedFlags, scale: float = 1.0) -> QWidget:
    """The signs as a list, the urgent ones first (also shown in the first-run notice)."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(6)
    for text, _urgency in flags.signs:
        column.addWidget(_label(f"•  {text}", scale=scale))
    return holder


class RedFlagsDialog(QDialog):
    def __init__(self, flags: RedFlags, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(flags.title)
        self.resize(820, 700)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setSpacing(12)
        column.addWidget(_label(flags.intro, scale=1.2))
        column.addWidget(red_flag_list(flags, 1.2))
        for key, text in flags.act:
            card = QFrame()
            card.setProperty("role", "card")
            inner = QVBoxLayout(card)
            inner.setContentsMargins(18, 12, 18, 12)
            inner.addWidget(_label(HEADINGS.get(key, key), scale=1.2, bold=True))
            inner.addWidget(_label(text, scale=1.1))
            column.addWidget(card)
        if flags.sources:
            column.addWidget(
                _label("Written in backtimer's own words, following: " + "; ".join(flags.sources), "muted")
            )
        column.addStretch(1)
        scroll = scrolling(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(_label(flags.title, "heading"))
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.body = body
