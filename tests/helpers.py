"""Small shared test tools (kept out of the package: no test doubles ship with the app)."""

from __future__ import annotations

import functools

from backtimer.core.content.catalog import Catalog
from backtimer.core.session.snapshot import DueCue
from backtimer.resources import assets_dir
from backtimer.speech.speaker import SilentSpeaker


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


class RecordingSpeaker(SilentSpeaker):
    """Remembers what it was asked to say, with the time: for tests and for checking a cue script."""

    def __init__(self) -> None:
        self.played: list[tuple[float, DueCue]] = []
        self.cancels = 0
        self.muted = False

    def play(self, cue: DueCue, now: float) -> None:
        if not self.muted:
            self.played.append((now, cue))

    def cancel(self) -> None:
        self.cancels += 1

    def set_muted(self, muted: bool) -> None:
        self.muted = muted

    @property
    def texts(self) -> list[str]:
        return [cue.cue.text for _, cue in self.played if cue.cue.text]
