"""The real window on the offscreen platform, driven by a fake clock: no test waits on real time."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from backtimer.app import build_practice, create_window
from backtimer.command_line import CommandLine
from backtimer.core.session.snapshot import State
from backtimer.core.settings import Settings
from backtimer.practice.preferences import Preferences
from backtimer.practice.starting import Practice
from backtimer.storage.paths import Paths
from backtimer.ui.main_window import MainWindow
from tests.helpers import RecordingSpeaker


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def now(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@dataclass
class Asker:
    """Answers the window's questions (e.g. "Stop the session?") and remembers them."""

    answer: bool = True
    asked: list[str] = field(default_factory=list)

    def __call__(self, title: str, question: str) -> bool:
        self.asked.append(title)
        return self.answer


@dataclass
class Harness:
    window: MainWindow
    clock: FakeClock
    speaker: RecordingSpeaker
    asker: Asker
    informed: list[str]
    problem: str | None

    def advance(self, seconds: float, step: float = 1.0) -> None:
        """Move the clock on in steps shorter than the suspend gap, polling after each, as the timer would."""
        left = seconds
        while left > 1e-9:
            move = min(step, left)
            self.clock.advance(move)
            left -= move
            controller = self.window.session.controller
            if controller is None:
                return
            controller.poll()

    def run_until(self, done: Callable[[], bool], limit: float = 4000.0) -> None:
        spent = 0.0
        while not done():
            assert spent < limit, "the session did not get there"
            self.advance(1.0)
            spent += 1.0

    def state(self) -> State | None:
        c = self.window.session.controller
        return c.session.state if c is not None else None


@pytest.fixture
def make_harness(qtbot: QtBot, data_dir: Path) -> Iterator[Callable[..., Harness]]:
    made: list[MainWindow] = []

    def make(
        routine: str | None = None, level: str | None = None, *, bare: bool = False, data: Path | None = None
    ) -> Harness:
        """The real window; ``bare``: with no history, no saved settings and a silent voice (the bare minimum)."""
        clock = FakeClock()
        speaker = RecordingSpeaker()
        asker = Asker()
        informed: list[str] = []
        folder = data or data_dir
        paths = Paths.resolve(str(folder))
        if bare:
            practice = Practice(Preferences(Settings()), clock, make_speaker=lambda _settings: speaker)
        else:
            practice = build_practice(paths, clock, make_speaker=lambda _settings: speaker)
        line = CommandLine(data_dir=str(folder), routine=routine, level=level)
        window, problem = create_window(
            line, clock, practice=practice, ask=asker, inform=lambda _t, message: informed.append(message)
        )
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.ready)
        made.append(window)
        return Harness(window, clock, speaker, asker, informed, problem)

    yield make
    for window in made:
        window.shut_down()
