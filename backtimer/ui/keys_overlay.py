"""The overlay that lists every key (``keys_help.KEYS``) over the window, built the first time F1 or ? opens it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from backtimer.ui.keys_help import KEYS


class KeysOverlay(QFrame):
    """The list of keys, over the whole window (dimmed behind it)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Keys")
        self.setAccessibleDescription("Every key of backtimer. Esc closes this list.")
        self.setAutoFillBackground(False)
        card = QFrame()
        card.setProperty("role", "card")
        grid = QGridLayout(card)
        grid.setContentsMargins(28, 20, 28, 20)
        grid.setHorizontalSpacing(28)
        grid.setColumnStretch(1, 1)
        row = 0
        heading = QLabel("Keys")
        heading.setProperty("role", "heading")
        grid.addWidget(heading, row, 0, 1, 2)
        for section, keys in KEYS:
            row += 1
            title = QLabel(section.upper())
            title.setProperty("role", "muted")
            grid.addWidget(title, row, 0, 1, 2)
            for key, what in keys:
                row += 1
                key_label = QLabel(f"<b>{key}</b>")
                grid.addWidget(key_label, row, 0)
                what_label = QLabel(what)
                what_label.setWordWrap(True)
                grid.addWidget(what_label, row, 1)
        self.close_button = QPushButton("Close (Esc)")
        self.close_button.setAutoDefault(True)
        self.close_button.clicked.connect(self.close_overlay)
        grid.addWidget(self.close_button, row + 1, 1, Qt.AlignmentFlag.AlignRight)
        scroll = QScrollArea()  # a small window scrolls the list
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(card)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMaximumWidth(1100)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(scroll)
        self._before: QWidget | None = None
        self.hide()

    def open_overlay(self) -> None:
        parent = self.parentWidget()
        assert parent is not None
        self._before = parent.focusWidget()
        self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.setFocus()

    def close_overlay(self) -> None:
        self.hide()
        if self._before is not None and self._before.isVisible():
            self._before.setFocus()

    def toggle(self) -> None:
        if self.isVisible():
            self.close_overlay()
        else:
            self.open_overlay()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Question):
            self.close_overlay()
            return
        event.accept()  # no key reaches the page under the list while it is open

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)  # the page under it dimmed, so the list stands out
        painter.fillRect(self.rect(), QColor(0, 0, 0, 190))
        painter.end()
