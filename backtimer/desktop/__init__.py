"""Desktop life: tray, reminders, keeping the screen awake, one instance, the About dialog.

The composition root calls ``set_app_identity(app)`` right after the QApplication exists, ``claim_or_forward`` before
building the window, and ``wiring.attach(...)`` once the window is up. Nothing in ``backtimer.core`` imports this.
"""

from backtimer.desktop.identity import APP_ID, app_icon, set_app_identity
from backtimer.desktop.life import Desktop
from backtimer.desktop.ports import Host, SessionState, StartRequest
from backtimer.desktop.single_instance import SingleInstance, claim_or_forward, forward

__all__ = [
    "APP_ID",
    "Desktop",
    "Host",
    "SessionState",
    "SingleInstance",
    "StartRequest",
    "app_icon",
    "claim_or_forward",
    "forward",
    "set_app_identity",
]
