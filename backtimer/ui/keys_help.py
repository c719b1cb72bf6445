"""Every key of the app in one overlay over the window: F1 or ? opens it, any of Esc, F1, ? or Enter closes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence, QShortcut

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from backtimer.ui.keys_overlay import KeysOverlay

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
            ("R", "My routines: make, copy or change your own"),
            ("Ctrl+O", "Open a programme file someone sent you"),
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
            from backtimer.ui.keys_overlay import KeysOverlay  # at the first F1: not needed for the first paint

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
