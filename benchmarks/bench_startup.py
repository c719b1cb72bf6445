"""Start-up and idle cost of the window, against a bare PySide6 window measured in the same run.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python benchmarks/bench_startup.py [--runs N]

- launch to first painted window (a fresh process each time; the median of N) and resident memory at that moment,
  each as a ratio to a bare QMainWindow (budget <= 1.5x each). backtimer is launched exactly as ``python -m
  backtimer`` (its argument parsing, QApplication, single-instance claim, window and all); only a watcher for the
  window's first paint is added (``first_frame.py``, which launches the bare window too). Each launch has a home
  folder of its own (a returning person's: the safety notice read; a first launch into an empty home is printed
  too), found the usual way, without a data folder.
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

PROBE = ROOT / "benchmarks" / "first_frame.py"  # the launch, watched: one line per moment
BARE, APP = ["bare"], ["app"]


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


def launch(kind: list[str], home: str) -> Launch:
    env = person(home)
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, str(PROBE), *kind], capture_output=True, text=True, env=env, check=True, timeout=60
    ).stdout
    # perf_counter is CLOCK_MONOTONIC on Linux: the same clock in both processes
    moments = {
        moment: (float(t) - started, int(kib)) for moment, t, kib in re.findall(r"moment=(\S+) t=(\S+) rss=(\d+)", out)
    }
    assert "first-frame" in moments, f"no paint reported: {out!r}"
    painted = moments["first-frame"]
    usable = moments.get("home-filled-in", painted)
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
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as others:
        returning_person(home)
        for kind in (BARE, APP):
            launch(kind, home)  # warm-up: bytecode written, history file created, files in the page cache
        bare, ours, new = [], [], []
        for index in range(runs):  # taken in turn, so that whatever else the machine does weighs on each alike
            bare.append(launch(BARE, home))
            ours.append(launch(APP, home))
            fresh = Path(others) / str(index)  # a first launch: a home of its own (with the fonts' cache, if any)
            fonts = Path(home) / ".cache" / "fontconfig"
            if fonts.is_dir():
                shutil.copytree(fonts, fresh / ".cache" / "fontconfig")
            new.append(launch(APP, str(fresh)))  # (its safety notice opens after the first paint)

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
