"""The tray icon and its menu: start today's routine, show the window, pause or resume, about, quit.

Where there is no tray (offscreen, bare X servers, some Wayland desktops without an extension) the icon is simply not
shown; the menu object still exists, so the app's behaviour does not branch on it beyond ``visible``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from backtimer.desktop.ports import Host, SessionState, StartRequest


class Tray:
    """Owns a QSystemTrayIcon and its menu; ``refresh(state)`` keeps the menu in step with the session."""

    def __init__(self, host: Host, icon: QIcon, on_about: Callable[[], object], on_quit: Callable[[], object]) -> None:
        self.host = host
        self.menu = QMenu()
        self.start_action = self._add("Start today's routine", lambda: host.start_routine(StartRequest(start=True)))
        self.show_action = self._add("Show backtimer", host.show_window)
        self.pause_action = self._add("Pause", host.toggle_pause)
        self.menu.addSeparator()
        self.about_action = self._add("About backtimer", on_about)
        self.quit_action = self._add("Quit", on_quit)
        self.icon = QSystemTrayIcon(icon)
        self.icon.setToolTip("backtimer")
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.refresh(SessionState.IDLE)

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    @property
    def visible(self) -> bool:
        return self.icon.isVisible()

    def show(self) -> bool:
        """Show the icon when the desktop has a tray; False (and nothing shown, nothing said) otherwise."""
        if not self.available():
            return False
        self.icon.show()
        return True

    def refresh(self, state: SessionState) -> None:
        self.start_action.setEnabled(state is SessionState.IDLE)
        self.pause_action.setVisible(state is not SessionState.IDLE)
        self.pause_action.setText("Resume" if state is SessionState.PAUSED else "Pause")
        tip = {SessionState.RUNNING: "session running", SessionState.PAUSED: "session paused"}.get(state)
        self.icon.setToolTip(f"backtimer: {tip}" if tip else "backtimer")

    def notify(self, title: str, text: str) -> bool:
        """A balloon or desktop notification from the icon; False when it cannot be shown."""
        if not self.visible or not QSystemTrayIcon.supportsMessages():
            return False
        self.icon.showMessage(title, text, self.icon.icon(), 20000)
        return True

    def hide(self) -> None:
        self.icon.hide()

    def _add(self, text: str, slot: Callable[[], object]) -> QAction:
        action = self.menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.host.show_window()
