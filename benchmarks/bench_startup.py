"""Start-up and idle cost of the window, against a bare PySide6 window measured in the same run.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python benchmarks/bench_startup.py [--runs N]

- launch to first painted window (a fresh process each time; the median of N) and resident memory at that moment,
  each as a ratio to a bare QMainWindow (budget <= 1.5x each). backtimer is launched exactly as ``python -m
  backtimer`` (its argument parsing, QApplication, single-instance claim, window and all); only a watcher for the
  window's first paint is added. Each launch has a home folder of its own (a returning person's: the safety notice
  read; a first launch into an empty home is printed too), found the usual way, without a data folder;
(CPU while a hold runs in the player is ``bench_idle.py``.)
Prints its figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAINT_HOOK = """
import sys, time


def rss():
    return next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmRSS'))


def first_paint_hook(then_exit):
    # PySide6 is imported here, when the window is about to show, not before: what a process imports before
    # PySide6 costs it less (PySide6 reads the source of every module imported after it), so the watcher must not
    # change that order.
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        # The window's first frame: Qt paints all of a window while it handles the window's first UpdateRequest,
        # so a zero timer started then fires once the frame is painted and flushed (whichever widgets cover it).
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.UpdateRequest and not hasattr(self, "seen"):
                self.seen = True
                QTimer.singleShot(0, self.report)
            return False

        def report(self):
            print(f"painted {time.perf_counter():.6f} {rss()}", flush=True)
            if then_exit:
                QApplication.instance().exit(0)

    return FirstPaint()


def usable():  # home filled in (routines, lengths, streak) and the desktop parts attached
    from PySide6.QtWidgets import QApplication

    print(f"usable {time.perf_counter():.6f} {rss()}", flush=True)
    QApplication.instance().exit(0)
"""

BARE = (
    PAINT_HOOK
    + """
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("hello"))
hook = first_paint_hook(then_exit=True)
window.installEventFilter(hook)
room = app.primaryScreen().availableGeometry()  # the size backtimer's first window takes, for a fair comparison
window.resize(max(1280, round(room.width() * 0.8)), max(760, round(room.height() * 0.85)))
window.show()
app.exec()
"""
)

APP = (
    PAINT_HOOK
    + """
sys.path.insert(0, ROOT_PATH)
import importlib.machinery, runpy  # (not importlib.abc: its ~40 ms of imports would be counted against the app)

WATCHED = "backtimer.ui.screen_fit"  # opens the window; loaded by the app before its window anyway


def watch(screen_fit):
    opened = screen_fit.open_window
    hook = first_paint_hook(then_exit=False)

    def open_window(window):  # the window is watched for its first paint from the moment it is shown
        from PySide6.QtCore import QTimer

        window.installEventFilter(hook)
        window.started.connect(lambda: QTimer.singleShot(0, usable))  # after what else the start-up hangs on it
        opened(window)

    screen_fit.open_window = open_window


class Watcher:
    # Patches the module as the app imports it, so that the app's own import order is left as it is.
    def find_spec(self, name, path, target=None):
        if name != WATCHED:
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            watch(module)

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, Watcher())
sys.argv = ["backtimer"]
runpy.run_module("backtimer", run_name="__main__")  # exactly `python -m backtimer`: arguments, desktop parts and all
"""
)


@dataclass(frozen=True)
class Launch:
    painted: float  # seconds from spawning the process to the first painted window
    usable: float  # ... to home filled in (the same as ``painted`` for the bare window)
    rss_painted: int  # KiB
    rss_usable: int


PYCACHE = Path(tempfile.gettempdir()) / "backtimer-bench-pycache"  # an installed app has its bytecode already


def person(home: str) -> dict[str, str]:
    """The environment of someone whose home folder is ``home``: backtimer finds its folders the way it does for
    everyone (platformdirs), not through a chosen data folder."""
    env = dict(os.environ, HOME=home, PYTHONPYCACHEPREFIX=str(PYCACHE))
    for name in ("BACKTIMER_DATA_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env.pop(name, None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode: compile once, like it
    return env


def launch(code: str, home: str) -> Launch:
    env = person(home)
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, timeout=60
    ).stdout
    # perf_counter is CLOCK_MONOTONIC on Linux: the same clock in both processes
    moments = {
        kind: (float(t) - started, int(kib)) for kind, t, kib in re.findall(r"(painted|usable) (\S+) (\d+)", out)
    }
    assert "painted" in moments, f"no paint reported: {out!r}"
    painted = moments["painted"]
    usable = moments.get("usable", painted)
    return Launch(painted[0], usable[0], painted[1], usable[1])


def returning_person(home: str) -> None:
    """The settings of someone who has opened backtimer before (the safety notice has been read), in ``home``."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from backtimer.core.settings import Settings;"
        "from backtimer.storage.paths import Paths; from backtimer.storage.settings import SettingsFile;"
        "SettingsFile(Paths.resolve().settings_file).save(Settings(safety_acknowledged=True))"
    )
    subprocess.run([sys.executable, "-c", code, str(ROOT)], env=person(home), check=True, timeout=60)


def startup(runs: int) -> None:
    app = APP.replace("ROOT_PATH", repr(str(ROOT)))
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as others:
        returning_person(home)
        for code in (BARE, app):
            launch(code, home)  # warm-up: bytecode written, history file created, files in the page cache
        bare, ours, new = [], [], []
        for index in range(runs):  # taken in turn, so that whatever else the machine does weighs on each alike
            bare.append(launch(BARE, home))
            ours.append(launch(app, home))
            fresh = Path(others) / str(index)  # a first launch: a home of its own (with the fonts' cache, if any)
            fonts = Path(home) / ".cache" / "fontconfig"
            if fonts.is_dir():
                shutil.copytree(fonts, fresh / ".cache" / "fontconfig")
            new.append(launch(app, str(fresh)))  # (its safety notice opens after the first paint)

    def median(kind: list[Launch], value: Callable[[Launch], float]) -> float:
        return statistics.median(value(one) for one in kind)

    bt, at, nt = (median(kind, lambda one: one.painted) for kind in (bare, ours, new))
    print(f"launch to first paint: bare {bt * 1000:.0f} ms, backtimer {at * 1000:.0f} ms, ratio {at / bt:.2f}x")
    fastest_bare, fastest_ours = min(one.painted for one in bare), min(one.painted for one in ours)
    print(
        f"  (fastest of each: bare {fastest_bare * 1000:.0f} ms, backtimer {fastest_ours * 1000:.0f} ms, "
        f"ratio {fastest_ours / fastest_bare:.2f}x: the machine's own noise only ever adds)"
    )
    print(f"  (first launch ever, an empty home folder: {nt * 1000:.0f} ms, ratio {nt / bt:.2f}x)")
    ut = median(ours, lambda one: one.usable)
    print(f"launch to home filled in (routines, streak; tray attached): {ut * 1000:.0f} ms, {ut / bt:.2f}x bare")
    bm, am, um = (
        median(bare, lambda one: one.rss_painted) / 1024,
        median(ours, lambda one: one.rss_painted) / 1024,
        median(ours, lambda one: one.rss_usable) / 1024,
    )
    print(f"resident memory at first paint: bare {bm:.1f} MiB, backtimer {am:.1f} MiB, ratio {am / bm:.2f}x")
    print(f"  (backtimer with home filled in: {um:.1f} MiB, {um / bm:.2f}x)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="launches of each kind (default 7)")
    args = parser.parse_args()
    print(f"platform: {os.environ.get('QT_QPA_PLATFORM') or ('xcb' if os.environ.get('DISPLAY') else 'default')}")
    startup(args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
