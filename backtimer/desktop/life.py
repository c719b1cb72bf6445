"""Desktop life around the window: tray, reminders, nudges, the screen kept awake, later starts, closing, About.

``wiring.attach()`` builds it for the composition root. Every part degrades quietly: no tray, no D-Bus, no
notification support each just mean that part does less, with at most a log line at INFO level.
"""

from __future__ import annotations

import logging
import time as _time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from backtimer.core.content.guidance import Guidance
from backtimer.core.errors import ContentError
from backtimer.core.settings import Settings
from backtimer.desktop.about import AboutDialog
from backtimer.desktop.identity import app_icon
from backtimer.desktop.inhibit import InhibitGuard, Inhibitor, make_inhibitor
from backtimer.desktop.ports import Host, SessionState
from backtimer.desktop.reminders import (
    NUDGE_TEXT,
    NUDGE_TITLE,
    REMINDER_TEXT,
    REMINDER_TITLE,
    BreakNudges,
    DailyReminder,
    parse_reminder_time,
)
from backtimer.desktop.single_instance import SingleInstance
from backtimer.desktop.tray import Tray

log = logging.getLogger(__name__)

KEEP_AWAKE = {
    "freedesktop": "the desktop's screen saver (D-Bus)",
    "windows": "Windows power requests",
    "caffeinate": "caffeinate",
    "none": "nothing on this system",
}

Ask = Callable[[str, str], bool]  # (title, question) -> yes
TRAY_NOTE = "It stays in the tray to remind you. Quit is in the icon's menu."
REMIND_MS = 30_000  # reminders and nudges are minute-grained: a check every half minute is plenty


class Desktop(QObject):
    def __init__(
        self,
        app: QApplication,
        window: QWidget,
        host: Host,
        settings: Settings,
        *,
        instance: SingleInstance | None = None,
        inhibitor: Inhibitor | None = None,
        use_tray: bool = True,
        ask: Ask | None = None,
        now: Callable[[], datetime] = datetime.now,
        monotonic: Callable[[], float] = _time.monotonic,
        details: list[tuple[str, str]] | None = None,
        guidance: Callable[[], Guidance] | None = None,
    ) -> None:
        super().__init__(window)
        self.app, self.window, self.host = app, window, host
        self.ask = ask or self._ask_with_dialog
        self.now, self.monotonic = now, monotonic
        self.details = details or []
        self.guidance = guidance
        self.guard = InhibitGuard(inhibitor if inhibitor is not None else make_inhibitor())
        self.tray = Tray(host, app_icon(), self.show_about, self.quit) if use_tray else None
        self.in_tray = self.tray.show() if self.tray else False
        self.state = SessionState.IDLE
        self.quitting = False
        self.told_about_tray = False  # the first hide to the tray says where backtimer went
        self.notified: list[tuple[str, str]] = []  # what was shown, newest last (also for tests)
        self.apply_settings(settings)
        window.installEventFilter(self)
        QShortcut(QKeySequence("Ctrl+I"), window, self.show_about)  # with or without tray (F1 lists the keys)
        self.instance = instance
        if instance is not None:
            instance.serve(host.start_routine)
        self._remind = self._timer(REMIND_MS, self.check_reminders)
        app.aboutToQuit.connect(self.shut_down)

    def apply_settings(self, settings: Settings) -> None:
        """Call again whenever the settings change (the composition root subscribes it to the preferences)."""
        self.settings = settings
        self.reminder = DailyReminder(parse_reminder_time(settings.reminder_time), tuple(settings.rest_weekdays))
        self.nudges = BreakNudges(settings.movement_break_minutes)
        # With a tray and something to remind about, closing the window keeps backtimer running in the tray.
        self.keep_running = self.in_tray and (self.reminder.at is not None or self.nudges.every_minutes > 0)
        self.app.setQuitOnLastWindowClosed(not self.in_tray)

    def refresh(self) -> None:
        """Follow the session (call on each change): hold the screen on while it runs, keep the tray menu in step."""
        state = self.host.session_state()
        if state is self.state:
            return
        self.state = state
        self.guard.follow(state)
        if self.tray is not None:
            self.tray.refresh(state)

    def check_reminders(self) -> None:
        looking = self.window.isVisible() and self.window.isActiveWindow()
        if self.reminder.check(self.now(), done_today=self.host.done_today, looking=looking):
            self.notify(REMINDER_TITLE, REMINDER_TEXT)
        idle = False  # the screen saver's own state is not asked: a sleeping computer shows up as a gap
        if self.nudges.check(self.monotonic(), idle=idle, in_session=self.state is not SessionState.IDLE):
            self.notify(NUDGE_TITLE, NUDGE_TEXT)

    def notify(self, title: str, text: str) -> None:
        """A tray notification where there is one; otherwise the line goes where the window shows its notices."""
        self.notified.append((title, text))
        if self.tray is not None and self.tray.notify(title, text):
            return
        self.host.notice(f"{title}: {text}")

    def show_about(self) -> AboutDialog:
        backend = KEEP_AWAKE.get(self.guard.inhibitor.backend, self.guard.inhibitor.backend)
        details = [*self.details, ("Screen kept on by", backend)]
        guidance = None
        if self.guidance is not None:
            try:
                guidance = self.guidance()
            except ContentError as err:
                log.info("guidance unavailable: %s", err)
        dialog = AboutDialog(details, self.window, guidance)
        dialog.open()
        return dialog

    def quit(self) -> None:
        """From the tray: close the window (which asks if a session runs), then leave."""
        self.quitting = True
        if self.window.close():
            self.app.quit()
        else:
            self.quitting = False
        self.told_about_tray = False  # the first hide to the tray says where backtimer went

    def shut_down(self) -> None:
        """As the app quits: let the screen rest, take the icon away, free the data folder for the next start."""
        self.guard.inhibitor.release()
        if self.tray is not None:
            self.tray.hide()
        if self.instance is not None:
            self.instance.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            try:
                return self._closing(event)
            except Exception:  # an exception escaping a Qt virtual takes the process down: close as usual instead
                log.exception("while closing the window")
        return super().eventFilter(watched, event)

    def _closing(self, event: QEvent) -> bool:
        """True swallows the close (kept open, or hidden to the tray)."""
        state = self.host.session_state()
        if state is not SessionState.IDLE:
            running = state is SessionState.RUNNING
            if running:
                self.host.toggle_pause()  # nothing runs on, and nothing is said, while the question is open
            if not self.ask("Stop the session?", "A session is on. Stop it and close? What you did so far is kept."):
                if running:
                    self.host.toggle_pause()  # back in, with the usual get-ready
                event.ignore()
                return True
            self.host.stop_session()
            self.refresh()
        if self.keep_running and not self.quitting:
            self.window.hide()
            event.ignore()
            if not self.told_about_tray and self.tray is not None:
                self.told_about_tray = self.tray.notify("backtimer is still here", TRAY_NOTE)
            return True
        if self.in_tray:  # quit-on-last-window is off while the icon shows: leave by hand
            QTimer.singleShot(0, self.app.quit)
        return False

    def _ask_with_dialog(self, title: str, question: str) -> bool:
        return QMessageBox.question(self.window, title, question) is QMessageBox.StandardButton.Yes

    def _timer(self, interval_ms: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        timer.start()
        return timer
