"""Render the window's screens into docs/screenshots/, in dark and light.

Run under Xvfb with the real X platform, from the repository root:
    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshots.py
Everything lives in a throwaway data dir; the session clock is a fake one, moved on step by step.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QCursor  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from backtimer.app import build_practice, create_window  # noqa: E402
from backtimer.command_line import CommandLine  # noqa: E402
from backtimer.core.session.snapshot import Snapshot, State  # noqa: E402
from backtimer.core.session.steps import StepKind  # noqa: E402
from backtimer.speech.speaker import SilentSpeaker  # noqa: E402
from backtimer.storage.paths import Paths  # noqa: E402
from backtimer.ui.main_window import MainWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
FULL_HD = (1920, 1080)
HOME_SIZE = (1280, 820)


class StepClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def now(self) -> float:
        return self.t


def open_window(theme: str, data: Path, clock: StepClock) -> MainWindow:
    paths = Paths.resolve(str(data))
    practice = build_practice(paths, clock, make_speaker=lambda _settings: SilentSpeaker())  # pictures: no voice
    practice.preferences.apply(replace(practice.settings, theme=theme, safety_acknowledged=True))
    window, _problem = create_window(CommandLine(data_dir=str(data)), clock, practice=practice)
    window.show()
    return window


def run_to(window: MainWindow, clock: StepClock, wanted: Callable[[Snapshot], bool], limit: float = 5000) -> None:
    app = QApplication.instance()
    spent = 0.0
    while True:
        controller = window.session.controller
        assert controller is not None and spent < limit, "never reached the wanted moment"
        snap = controller.poll()
        if wanted(snap):
            break
        clock.t += 0.25
        spent += 0.25
    if app is not None:
        app.processEvents()


def save_grab(widget: QWidget, name: str) -> None:
    """Let pending layout and paints land, then save the widget as docs/screenshots/<name>.png."""
    app = QApplication.instance()
    for _ in range(3):
        if app is not None:
            app.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))


def shoot(window: MainWindow, name: str, size: tuple[int, int]) -> None:
    window.resize(*size)
    save_grab(window, name)


def start(window: MainWindow, routine: str, level: str) -> None:
    from backtimer.core.content.model import Level

    window.home.select(routine, Level(level))
    window.session.start()


def finish(window: MainWindow, clock: StepClock) -> None:
    controller = window.session.controller
    while controller is not None and window.stack.currentWidget() is window.player:
        clock.t += 1.0
        controller.poll()


def player_shots(window: MainWindow, clock: StepClock, theme: str) -> None:
    window.resize(*FULL_HD)
    start(window, "lower-back", "standard")
    run_to(window, clock, lambda s: s.kind is StepKind.WORK and s.rep == 4 and s.phase_index == 0)
    clock.t += 0.8
    run_to(window, clock, lambda s: True)
    shoot(window, f"player-reps-{theme}", FULL_HD)
    run_to(window, clock, lambda s: s.kind is StepKind.REST and (s.seconds_left or 0) < 24)
    shoot(window, f"player-rest-{theme}", FULL_HD)
    run_to(window, clock, lambda s: s.kind is StepKind.SWITCH and (s.seconds_left or 0) < 3.5)
    shoot(window, f"player-switch-{theme}", FULL_HD)
    window.player.hurt_requested.emit()
    shoot(window, f"player-hurt-{theme}", FULL_HD)
    assert window.session.controller is not None
    window.session.controller.stop()
    window.session.close_summary()
    start(window, "core-stability", "standard")
    run_to(window, clock, lambda s: s.exercise_id == "plank" and s.kind is StepKind.WORK and s.state is State.RUNNING)
    run_to(window, clock, lambda s: (s.seconds_left or 99) < 12.5)
    shoot(window, f"player-hold-{theme}", FULL_HD)
    assert window.session.controller is not None
    window.session.controller.stop()
    window.session.close_summary()


def exercise_shot(window: MainWindow, theme: str) -> None:
    """The detail view of one exercise of the chosen routine, as it opens from home."""
    routine = window.catalog.routines["lower-back"]
    index = next(i for i, e in enumerate(routine.entries) if e.exercise.id == "bird-dog")
    dialog = window.dialogs.exercise(routine, index, window.home.level)
    save_grab(dialog, f"exercise-{theme}")
    dialog.close()


def main() -> int:
    if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        print("note: not on the X platform; run under xvfb-run for real screenshots", file=sys.stderr)
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    QCursor.setPos(0, 0)  # the pointer out of the way: no hover marks in the pictures
    for theme in ("dark", "light"):
        with tempfile.TemporaryDirectory() as data:
            clock = StepClock()
            window = open_window(theme, Path(data), clock)
            window.resize(*FULL_HD)
            player_shots(window, clock, theme)
            start(window, "start-small", "beginner")
            finish(window, clock)
            window.summary.rating.button(7).setChecked(True)
            window.summary.note.setText("Hips felt loose today.")
            shoot(window, f"summary-{theme}", HOME_SIZE)
            window.session.close_summary()
            shoot(window, f"home-{theme}", HOME_SIZE)
            exercise_shot(window, theme)
            history = window.dialogs.history(lambda: None)
            if history is not None:
                shoot(window, f"history-{theme}", FULL_HD)
                window.home.setFocus()
                history.back.emit()
            window.dialogs.avoid()
            window.shut_down()
            window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
