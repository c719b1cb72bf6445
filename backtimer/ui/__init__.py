"""The Qt layer: widgets that render the engine's snapshots and send it intents.

PySide6 6.12.0 drops a reference to None on every void Qt call, which kills a Python 3.11 process after a few
thousand calls; pyproject.toml therefore asks for PySide6 < 6.12.
"""
