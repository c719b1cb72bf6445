"""Render every screen of the routine editor at 1920x1080 and 1366x768, in light and dark, into OUT (a folder).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/editor_screenshots.py OUT
Everything lives in a throwaway data dir holding the example programme from docs/examples/.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from backtimer.app import build_practice, create_window  # noqa: E402
from backtimer.command_line import CommandLine  # noqa: E402
from backtimer.core.content.drafts import EntryDraft, ExerciseDraft, Pace, RoutineDraft  # noqa: E402
from backtimer.speech.speaker import SilentSpeaker  # noqa: E402
from backtimer.storage.paths import Paths  # noqa: E402
from backtimer.ui.editor.page import EditorPage  # noqa: E402
from backtimer.ui.main_window import MainWindow  # noqa: E402

EXAMPLE = ROOT / "docs" / "examples" / "heel-slides-programme.toml"
SIZES = {"1920": (1920, 1080), "1366": (1366, 768)}


def settle(widget: QWidget) -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(5):
        app.processEvents()
    widget.repaint()


def grab(window: MainWindow, out: Path, name: str) -> None:
    for label, (width, height) in SIZES.items():
        window.resize(width, height)
        settle(window)
        window.grab().save(str(out / f"{name}-{label}.png"))


def open_window(data: Path, theme: str, clock: _Clock) -> MainWindow:
    practice = build_practice(Paths.resolve(str(data)), clock, make_speaker=lambda _s: SilentSpeaker())
    practice.preferences.apply(replace(practice.settings, theme=theme, safety_acknowledged=True))
    window, _problem = create_window(CommandLine(data_dir=str(data)), practice=practice, ask=lambda _t, _q: True)
    window.show()
    settle(window)
    window.finish_start()
    return window


class _Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def now(self) -> float:
        return self.t


def shoot(out: Path, theme: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        clock = _Clock()
        window = open_window(Path(folder), theme, clock)
        window.open_programme_file(EXAMPLE)
        grab(window, out, f"home-{theme}")
        page = window.open_editor()
        assert isinstance(page, EditorPage)
        grab(window, out, f"editor-lists-{theme}")
        page.routines.setCurrentRow(page.routines.count() - 1)
        page.edit_routine()
        page.routine_form.entries.setCurrentRow(1)
        page.routine_form.library.search.setText("back")
        grab(window, out, f"editor-routine-{theme}")
        page.routine_form.timing["get_ready"].setValue(1)
        grab(window, out, f"editor-routine-refused-{theme}")
        page.show_lists()
        page.edit_exercise()
        grab(window, out, f"editor-exercise-{theme}")
        page.show_lists()
        draft = ExerciseDraft("wall-press", name="Wall press", position="standing")
        page._edit_exercise(draft, "New exercise")
        grab(window, out, f"editor-exercise-new-{theme}")
        player_card(window, clock, out, theme)
        window.shut_down()


def player_card(window: MainWindow, clock: _Clock, out: Path, theme: str) -> None:
    """The player during an exercise of the person's own that has no figure: a card stands in for it."""
    content = window.dialogs.parts.content
    assert content is not None
    draft = ExerciseDraft("wall-press", name="Wall press", position="standing", pace=Pace.HOLD)
    draft.summary, draft.beginner, draft.muscles = "Press the small of your back into a wall.", "Gently.", ["core"]
    draft.how_to = ["Stand with your back against a wall, feet a little forward.", "Press your lower back to it."]
    content.save_exercise(draft)
    content.save_routine(RoutineDraft("wall", "Wall", entries=[EntryDraft("wall-press")]))
    window.stack.setCurrentWidget(window.home)
    window.home.select("wall", window.home.level)
    window.session.start()
    assert window.session.controller is not None
    for _ in range(14):
        clock.t += 1
        window.session.controller.poll()
    grab(window, out, f"player-card-{theme}")
    window.session.controller.stop()


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "editor-screenshots")
    target.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    for look in ("light", "dark"):
        shoot(target, look)
    print(f"wrote {len(list(target.glob('*.png')))} pictures to {target}")
