"""Desktop life: tray, reminders, keeping the screen awake, one instance, the About dialog.

The composition root calls ``identity.set_app_identity(app)`` right after the QApplication exists,
``wiring.claim_instance`` before building the window, and ``wiring.attach(...)`` once the window has painted.
Nothing in ``backtimer.core`` imports this.
"""
