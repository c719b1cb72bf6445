"""Clocks for the shells (terminal and window). The core never reads a clock: it is handed ``now``."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds on a monotonic scale."""
        ...


class MonotonicClock:
    def now(self) -> float:
        return time.monotonic()


class ScaledClock:
    """Runs ``factor`` times faster than real time (``backtimer run --speed``), starting from the real clock."""

    def __init__(self, factor: float, base: Clock | None = None) -> None:
        self.factor = factor
        self._base = base or MonotonicClock()
        self._origin = self._base.now()

    def now(self) -> float:
        return self._origin + (self._base.now() - self._origin) * self.factor

    def real_seconds(self, session_seconds: float) -> float:
        return session_seconds / self.factor
