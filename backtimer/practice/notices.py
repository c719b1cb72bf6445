"""One-line notices for the person: posted from anywhere below the window, shown by whoever listens."""

from __future__ import annotations

from collections.abc import Callable

Listener = Callable[[str], None]


class Notices:
    """Keeps every notice; a listener that subscribes late is handed the earlier ones first."""

    def __init__(self, earlier: list[str] | None = None) -> None:
        self.posted: list[str] = list(earlier or [])
        self._listeners: list[Listener] = []

    def post(self, text: str) -> None:
        self.posted.append(text)
        for listener in list(self._listeners):
            listener(text)

    def subscribe(self, listener: Listener) -> None:
        for text in self.posted:
            listener(text)
        self._listeners.append(listener)
