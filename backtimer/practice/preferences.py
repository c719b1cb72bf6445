"""The owner of the person's settings: one current value, saved on change, pushed to whoever listens."""

from __future__ import annotations

from collections.abc import Callable

from backtimer.core.settings import Settings

Save = Callable[[Settings], None]  # raises OSError when the file cannot be written
Listener = Callable[[Settings, Settings], None]  # (old, new)


class Preferences:
    def __init__(self, settings: Settings, save: Save | None = None) -> None:
        self._current = settings
        self._save = save
        self._listeners: list[Listener] = []

    @property
    def current(self) -> Settings:
        return self._current

    def subscribe(self, listener: Listener) -> None:
        """``listener(old, new)`` runs after every change, in the order of subscription."""
        self._listeners.append(listener)

    def apply(self, settings: Settings) -> str | None:
        """Make ``settings`` current, save them and tell the listeners; a one-line problem when saving failed."""
        old = self._current
        if settings == old:
            return None
        self._current = settings
        problem = self._write(settings)
        for listener in list(self._listeners):
            listener(old, settings)
        return problem

    def _write(self, settings: Settings) -> str | None:
        if self._save is None:
            return None
        try:
            self._save(settings)
        except OSError as err:
            return f"Could not save the settings ({err.strerror or err}); they hold until backtimer closes."
        return None
