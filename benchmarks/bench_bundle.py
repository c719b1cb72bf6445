"""Size of the PyInstaller bundle and how fast it starts, against starting the same commands from the venv.

    .venv/bin/python benchmarks/bench_bundle.py [--bundle dist/backtimer] [--runs N] [--build]

- size: the whole one-folder bundle, and its largest parts;
- start: a fresh process each time, median and slowest of N, for ``--version`` (interpreter and imports only),
  ``routines --json`` (the content loaded) and the window (offscreen, shown, then closed by itself), each from the
  bundle and from ``.venv/bin/python -m backtimer``. The first run of each is reported apart: it is the closest to a
  cold start this script can make without dropping the system's file cache.
Prints its figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {"--version": ["--version"], "routines --json": ["routines", "--json"], "window": ["gui"]}


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def largest_parts(bundle: Path, count: int = 6) -> list[tuple[str, int]]:
    internal = bundle / "_internal"
    base = internal if internal.is_dir() else bundle
    parts = [
        (p.relative_to(bundle).as_posix(), folder_size(p) if p.is_dir() else p.stat().st_size) for p in base.iterdir()
    ]
    return sorted(parts, key=lambda part: -part[1])[:count]


def time_runs(argv: list[str], env: dict[str, str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=120)
        times.append(time.perf_counter() - started)
    return times


def describe(times: list[float]) -> str:
    rest = times[1:] or times
    first, median, slowest = (round(t * 1000) for t in (times[0], statistics.median(rest), max(rest)))
    return f"first {first:6} ms   median {median:6} ms   max {slowest:6} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "backtimer")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--build", action="store_true", help="build the bundle first (packaging/build.sh)")
    args = parser.parse_args()
    if args.build or not (args.bundle / "backtimer").exists():
        subprocess.run(["bash", str(ROOT / "packaging" / "build.sh"), "--no-smoke"], check=True)
    exe = args.bundle / "backtimer"
    print(f"bundle: {args.bundle}")
    files = sum(1 for f in args.bundle.rglob("*") if f.is_file())
    print(f"  size {folder_size(args.bundle) / 1e6:.1f} MB in {files} files")
    for name, size in largest_parts(args.bundle):
        print(f"    {size / 1e6:7.1f} MB  {name}")
    with tempfile.TemporaryDirectory(prefix="backtimer-bench-") as tmp:
        env = {**os.environ, "BACKTIMER_DATA_DIR": tmp, "QT_QPA_PLATFORM": "offscreen", "BACKTIMER_EXIT_AFTER_MS": "0"}
        venv = [sys.executable, "-m", "backtimer"]
        print(f"start-up, {args.runs} fresh processes each (offscreen):")
        for name, extra in COMMANDS.items():
            bundled = time_runs([str(exe), *extra], env, args.runs)
            from_venv = time_runs([*venv, *extra], {**env, "PYTHONPATH": str(ROOT)}, args.runs)
            ratio = statistics.median(bundled[1:] or bundled) / statistics.median(from_venv[1:] or from_venv)
            print(f"  {name:16} bundle {describe(bundled)}")
            print(f"  {'':16} venv   {describe(from_venv)}   bundle/venv {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
