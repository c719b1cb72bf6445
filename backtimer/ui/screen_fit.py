"""Windows that fit the screen they open on: the first size, dialogs within the screen, full screen and back."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from backtimer.ui.widgets import scrolling, set_enum

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
    from PySide6.QtCore import Qt  # (after the first paint: see widgets.set_enum)

    if window.isFullScreen():
        leave_full_screen(window)
    else:  # the maximised flag is kept alongside full screen: leaving it gives the maximised window back
        window.setWindowState(window.windowState() | Qt.WindowState.WindowFullScreen)


def leave_full_screen(window: QWidget) -> None:
    from PySide6.QtCore import Qt

    if window.isFullScreen():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowFullScreen)


class _PageScroll(QScrollArea):
    """Arrow keys that no control took go on to the page's owner (the summary's pain scale answers to them);
    Page Up and Page Down still scroll, and Tab brings the focused control into sight."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt

        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right):
            event.ignore()
            return
        super().keyPressEvent(event)


def scroll_page(owner: QWidget) -> QWidget:
    """A page that is the whole of ``owner``, scrolling up and down (never sideways) when the screen is too short
    for it (1024x600, a scale factor of 2, large system text).

    (Not ``scroll.viewport()`` here: the first QWidget that Qt made itself and Python asks for costs ~30 ms while
    the bindings look up every widget class, which would hold up the first paint.)"""
    page = QWidget()
    scroll = scrolling(page, _PageScroll())
    set_enum(scroll, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
    set_enum(scroll, "focusPolicy", "NoFocus")  # Tab goes through the page's own controls
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)
    return page


def centred(holder: QWidget, column: QVBoxLayout, top: int, bottom: int) -> QWidget:
    """``column`` in the middle six-eighths of ``holder``'s width (home and the summary)."""
    outer = QHBoxLayout(holder)
    outer.setContentsMargins(32, top, 32, bottom)
    outer.addStretch(1)
    outer.addLayout(column, 6)
    outer.addStretch(1)
    return holder


def size_by_current_page(stack: QStackedWidget) -> None:
    """The window needs room for the page on show only: a hidden page's minimum (home's, the summary's) would
    otherwise keep the player taller than a small screen."""

    def follow(current: int) -> None:
        for index in range(stack.count()):
            page = stack.widget(index)
            policy = QSizePolicy.Policy.Preferred if index == current else QSizePolicy.Policy.Ignored
            if page is not None:
                page.setSizePolicy(policy, policy)
        stack.updateGeometry()

    stack.currentChanged.connect(follow)
    follow(stack.currentIndex())
