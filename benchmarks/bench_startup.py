"""Start-up and idle cost of the window, against a bare PySide6 window measured in the same run.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python benchmarks/bench_startup.py [--runs N]

- launch to first painted window (a fresh process each time; the median of N) and resident memory at that moment,
  each as a ratio to a bare QMainWindow (budget <= 1.5x each);
(CPU while a hold runs in the player is ``bench_idle.py``.)
Prints its figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAINT_HOOK = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            rss = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmRSS'))
            print(f"painted {time.perf_counter():.6f} {rss}", flush=True)
            QApplication.instance().exit(0)
        return False
"""

BARE = (
    PAINT_HOOK
    + """
from PySide6.QtWidgets import QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("hello"))
hook = FirstPaint()
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
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
app = QApplication(sys.argv[:1])
from backtimer.app import create_window
from backtimer.command_line import CommandLine
from backtimer.ui.screen_fit import open_window
window, problem = create_window(CommandLine())
hook = FirstPaint()
window.installEventFilter(hook)
open_window(window)
app.exec()
window.shut_down()
"""
)


def launch(code: str, data_dir: str) -> tuple[float, int]:
    """Seconds from spawning the process to its first painted window, and its RSS then (KiB)."""
    env = dict(os.environ, BACKTIMER_DATA_DIR=data_dir, PYTHONPYCACHEPREFIX=str(Path(data_dir) / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode: compile once, like it
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    match = re.search(r"painted (\S+) (\d+)", out)
    assert match, f"no paint reported: {out!r}"
    # perf_counter is CLOCK_MONOTONIC on Linux: the same clock in both processes
    return float(match.group(1)) - started, int(match.group(2))


def startup(runs: int) -> None:
    bare_times, app_times, bare_rss, app_rss = [], [], [], []
    with tempfile.TemporaryDirectory() as data:
        for code in (BARE, APP.replace("ROOT_PATH", repr(str(ROOT)))):
            launch(code, data)  # warm-up: bytecode written, history file created, files in the page cache
        for _ in range(runs):
            t, rss = launch(BARE, data)
            bare_times.append(t)
            bare_rss.append(rss)
            t, rss = launch(APP.replace("ROOT_PATH", repr(str(ROOT))), data)
            app_times.append(t)
            app_rss.append(rss)
    bt, at = statistics.median(bare_times), statistics.median(app_times)
    bm, am = statistics.median(bare_rss) / 1024, statistics.median(app_rss) / 1024
    print(f"launch to first paint: bare {bt * 1000:.0f} ms, backtimer {at * 1000:.0f} ms, ratio {at / bt:.2f}x")
    print(f"resident memory then:  bare {bm:.1f} MiB, backtimer {am:.1f} MiB, ratio {am / bm:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="launches of each kind (default 7)")
    args = parser.parse_args()
    print(f"platform: {os.environ.get('QT_QPA_PLATFORM') or ('xcb' if os.environ.get('DISPLAY') else 'default')}")
    startup(args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
