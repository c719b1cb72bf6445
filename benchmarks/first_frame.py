"""A launch, watched: ``python benchmarks/first_frame.py [bare]`` prints one line per moment and exits.

- ``app`` (the default): exactly ``python -m backtimer`` (its arguments, desktop parts and all) with only a watcher
  added. Moments: ``first-frame`` (the window painted and flushed) and ``home-filled-in`` (routines, lengths and
  streak in; the desktop parts attached), after which it exits.
- ``bare``: a bare PySide6 window of the size backtimer's first window takes, launched the same way; one moment.

Each line is ``moment=NAME t=PERF_COUNTER rss=KIB qt-namespace=0|1 collecting=0|1``: perf_counter is
CLOCK_MONOTONIC on Linux, the same clock in the launching process; ``qt-namespace`` is whether the bindings have
built ``PySide6.QtCore.Qt`` yet, ``collecting`` whether the cycle collector runs. ``bench_startup.py`` times these
lines; ``tests/ui/test_start_up.py`` checks them.

Nothing is imported before the app that the app does not import itself: PySide6 reads the source of every module
imported after it, so a watcher that loaded PySide6 (or importlib.abc, ~40 ms) first would change what it measures.
"""

from __future__ import annotations

import gc
import importlib.machinery
import os
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for the annotations only: at run time PySide6 is loaded when the app (or the bare window) is
    from collections.abc import Sequence
    from types import ModuleType

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QMainWindow

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WATCHED = "backtimer.ui.screen_fit"  # opens the window; loaded by the app before its window anyway


def report(moment: str) -> None:
    with open("/proc/self/status") as status:
        rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))
    built = "Qt" in vars(sys.modules["PySide6.QtCore"])
    print(f"moment={moment} t={time.perf_counter():.6f} rss={rss} qt-namespace={built:d} collecting={gc.isenabled():d}")
    sys.stdout.flush()


def watch_first_frame(window: QMainWindow, *, then_exit: bool) -> None:
    """Report once the window's first frame is painted: Qt paints all of a window while it handles the window's
    first UpdateRequest, so a zero timer started then fires once the frame is painted and flushed."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    def painted() -> None:
        report("first-frame")
        if then_exit:
            QApplication.exit(0)

    class FirstFrame(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.UpdateRequest and not self.seen:
                self.seen = True
                QTimer.singleShot(0, painted)
            return False

    window.installEventFilter(FirstFrame(window))


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("hello"))
    watch_first_frame(window, then_exit=True)
    room = app.primaryScreen().availableGeometry()  # the size backtimer's first window takes, for a fair comparison
    window.resize(max(1280, round(room.width() * 0.8)), max(760, round(room.height() * 0.85)))
    window.show()
    app.exec()


def watch(screen_fit: ModuleType) -> None:
    """Wrap ``screen_fit.open_window``: its window is watched from the moment it is shown."""
    opened = screen_fit.open_window

    def open_window(window: QMainWindow) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        def filled_in() -> None:
            report("home-filled-in")
            QApplication.exit(0)

        watch_first_frame(window, then_exit=False)
        window.started.connect(lambda: QTimer.singleShot(0, filled_in))  # type: ignore[attr-defined]
        opened(window)

    screen_fit.open_window = open_window  # type: ignore[attr-defined]


class Watcher:
    """Patches WATCHED as the app imports it, leaving the app's own import order as it is."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != WATCHED:
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        assert spec is not None and spec.loader is not None
        run = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            watch(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def app() -> None:
    import runpy

    sys.path.insert(0, ROOT)
    sys.meta_path.insert(0, Watcher())
    sys.argv = ["backtimer"]
    runpy.run_module("backtimer", run_name="__main__")  # exactly `python -m backtimer`


if __name__ == "__main__":
    if sys.argv[1:] == ["bare"]:
        bare()
    else:
        app()
