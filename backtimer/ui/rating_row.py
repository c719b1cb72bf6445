"""A 0 to 10 rating as a row of buttons that the keyboard sets too: digits, "1" then "0" for 10, ← and →."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QPushButton, QWidget

TOP = 10


class RatingRow(QFrame):
    """One focus stop for the whole row (the buttons are for the mouse); the value is optional."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "rating")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._name = name
        self._after_one = False  # "1" was just typed: a "0" now makes 10
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # a second click on the chosen number clears it: the rating is optional
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 6, 6, 6)
        row.setSpacing(6)
        for value in range(TOP + 1):
            button = QPushButton(str(value))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            font = QFont(button.font())
            font.setPointSizeF(font.pointSizeF() * 1.3)
            font.setBold(True)
            button.setFont(font)
            wide = QFontMetrics(font).horizontalAdvance("10") + 28  # "10" whole, whatever the scale or font size
            button.setMinimumSize(max(56, wide), 56)
            self.group.addButton(button, value)
            row.addWidget(button)
        row.addStretch(1)
        self.group.idToggled.connect(self._only_one)
        self._describe()

    def value(self) -> int | None:
        checked = [self.group.id(b) for b in self.group.buttons() if b.isChecked()]
        return checked[0] if checked else None

    def set_value(self, value: int | None) -> None:
        for button in self.group.buttons():
            button.setChecked(self.group.id(button) == value)
        self._describe()

    def _only_one(self, chosen: int, checked: bool) -> None:
        if checked:
            for button in self.group.buttons():
                if self.group.id(button) != chosen and button.isChecked():
                    button.setChecked(False)
        self._describe()
        self.changed.emit()

    def _describe(self) -> None:
        value = self.value()
        now = "not rated" if value is None else f"{value} of {TOP}"
        self.setAccessibleName(f"{self._name}: {now}")
        self.setAccessibleDescription("Type 0 to 10, or use the left and right arrows; Delete clears it")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.key(event):
            super().keyPressEvent(event)

    def key(self, event: QKeyEvent) -> bool:
        """Set the rating from a key; False when the key is not one of the rating's."""
        text, key = event.text(), event.key()
        value = self.value()
        if text.isdigit() and len(text) == 1:
            digit = int(text)
            self.set_value(TOP if self._after_one and digit == 0 else digit)
            self._after_one = digit == 1
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            self.set_value(0 if value is None else min(value + 1, TOP))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down):
            self.set_value(TOP if value is None else max(value - 1, 0))
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_value(None)
        else:
            return False
        if not text.isdigit():
            self._after_one = False
        self.changed.emit()
        return True

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._after_one = False
        super().focusOutEvent(event)
