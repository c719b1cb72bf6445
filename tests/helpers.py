"""Small shared test tools (kept out of the package: no test doubles ship with the app)."""

from __future__ import annotations

import functools

from backtimer.core.content.catalog import Catalog
from backtimer.resources import assets_dir


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        self.t = start

    def now(self) -> float:
        return self.t

    def advance(self, seconds: float) -> float:
        self.t += seconds
        return self.t


@functools.cache
def builtin_catalog() -> Catalog:
    """The bundled content, read once per test run (it is immutable)."""
    return Catalog.load(assets_dir())
