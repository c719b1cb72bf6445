"""Every key of the app in one overlay over the window: F1 or ? opens it, any of Esc, F1, ? or Enter closes it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPainter, QPaintEvent, QShortcut
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "During a session",
        (
            ("Space", "Pause, or carry on"),
            ("→  /  ←", "Next step  /  back to the start of the previous set"),
            ("Enter", "Done with this set (reps at your own pace)"),
            ("H", "This hurts: stop the exercise now (also while paused)"),
            ("1  2  3", "After This hurts: easier form, skip the exercise, carry on"),
            ("4", "After This hurts twice: when to stop and get help"),
            ("1  2  3  4", "After an exercise: easy, just right, hard, painful (optional)"),
            ("Esc", "Stop? (asked first: Space or Esc carry on, Enter or Y stops)"),
            ("M", "Voice off or on"),
            ("F11", "Full screen on or off"),
        ),
    ),
    (
        "Home",
        (
            ("↑  /  ↓", "Choose a routine (in the list)"),
            ("Enter", "On the list: start the chosen routine; on a button: that button"),
            ("E", "The exercises of the chosen routine"),
        ),
    ),
    (
        "Exercises, summary, history",
        (
            ("←  /  →", "Exercise pages: the previous or next exercise"),
            ("0 … 10, ←  →", "Summary: pain now, 0 none to 10 the worst (Delete clears it)"),
            ("Enter", "Summary: save and close"),
            ("Esc", "Close a page or dialog"),
        ),
    ),
    (
        "Everywhere",
        (
            ("Tab  /  Shift+Tab", "Move between controls"),
            ("F1  or  ?", "This list of keys"),
            ("Ctrl+I", "About backtimer"),
        ),
    ),
)


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


class KeysHelp(QObject):
    """F1 and ? over ``window``; the list itself is built the first time it opens (a quicker start-up)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self._overlay: KeysOverlay | None = None
        for key in ("F1", "?"):  # ? only when no text field takes it
            shortcut = QShortcut(QKeySequence(key), window)
            shortcut.activated.connect(self.toggle)
        window.installEventFilter(self)

    @property
    def overlay(self) -> KeysOverlay:
        if self._overlay is None:
            self._overlay = KeysOverlay(self.window)
        return self._overlay

    def open_overlay(self) -> None:
        self.overlay.open_overlay()

    def toggle(self) -> None:
        self.overlay.toggle()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        overlay = self._overlay  # keeps the size of the window
        if event.type() == QEvent.Type.Resize and overlay is not None and overlay.isVisible():
            overlay.setGeometry(self.window.rect())
        return False


def install_keys_help(window: QWidget) -> KeysHelp:
    return KeysHelp(window)
