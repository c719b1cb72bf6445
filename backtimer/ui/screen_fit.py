"""Windows that fit the screen they open on: the first size, dialogs within the screen, full screen and back."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

ROOMY = QSize(1400, 880)  # below this much room (a laptop screen) the window opens maximised


def first_size(available: QRect) -> tuple[QSize, bool]:
    """The window's first size on a screen with ``available`` room (without panels), and whether to maximise."""
    room = available.size()
    if room.width() < ROOMY.width() or room.height() < ROOMY.height():
        return room, True
    width = min(max(1280, round(room.width() * 0.8)), room.width(), 2400)
    height = min(max(760, round(room.height() * 0.85)), room.height(), 1500)
    return QSize(width, height), False


def available_for(widget: QWidget) -> QRect:
    """The room on the screen ``widget`` is on (or the primary screen)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)


def open_window(window: QWidget) -> None:
    """Size ``window`` for its screen and show it."""
    size, maximise = first_size(available_for(window))
    window.resize(size)
    if maximise:
        window.showMaximized()
    else:
        window.show()


def fit_dialog(dialog: QWidget, width: int, height: int) -> None:
    """``width`` x ``height``, or less where the screen is smaller (the dialog's content scrolls then)."""
    room = available_for(dialog.parentWidget() or dialog)
    dialog.resize(min(width, round(room.width() * 0.94)), min(height, round(room.height() * 0.92)))


def toggle_full_screen(window: QWidget) -> None:
    if window.isFullScreen():
        leave_full_screen(window)
    else:  # the maximised flag is kept alongside full screen: leaving it gives the maximised window back
        window.setWindowState(window.windowState() | Qt.WindowState.WindowFullScreen)


def leave_full_screen(window: QWidget) -> None:
    if window.isFullScreen():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowFullScreen)
