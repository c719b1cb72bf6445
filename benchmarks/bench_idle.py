"""Idle CPU of the window during a 60-second hold: how much the app costs while nothing changes but the countdown.

Launches the real app as a process (offscreen, voice and beeps off, safety notice already read) on a one-exercise
routine whose only work is a 60-second plank, starts it with ``--start``, and reads the process's CPU time from
``/proc`` over the 60 seconds of the hold (after the get-ready). Budget: under 2% of one core.

Run: .venv/bin/python -m benchmarks.bench_idle   (Linux only; takes about 90 seconds)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HOLD_SECONDS = 60
GET_READY = 5

ROUTINE = f"""id = "one-hold"
title = "One long hold"
description = "A benchmark routine: one plank of {HOLD_SECONDS} seconds."

[timing]
get_ready = {GET_READY}

[[exercises]]
id = "long-plank"
"""


def long_plank(assets: Path) -> str:
    """The built-in plank with one {HOLD_SECONDS}-second hold at every level (a user exercise file)."""
    text = (assets / "exercises" / "plank.toml").read_text(encoding="utf-8")
    head, _, figure = text.partition("[figure]")
    head = head.split("[dose.beginner]")[0].replace('id = "plank"', 'id = "long-plank"')
    doses = "".join(f"[dose.{level}]\nsets = 1\nhold = {HOLD_SECONDS}\n\n" for level in LEVELS)
    return head + doses + "[figure]" + figure


LEVELS = ("beginner", "standard", "advanced")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def main() -> int:
    if not sys.platform.startswith("linux"):
        print("bench_idle reads /proc: Linux only")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        settings = {"voice_enabled": False, "beeps": False, "safety_acknowledged": True, "get_ready_seconds": GET_READY}
        (data / "settings.json").write_text(json.dumps(settings))
        from backtimer.resources import assets_dir

        (data / "exercises").mkdir()
        (data / "exercises" / "long-plank.toml").write_text(long_plank(assets_dir()), encoding="utf-8")
        routine = Path(tmp) / "one-hold.toml"
        routine.write_text(ROUTINE)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BACKTIMER_DATA_DIR": str(data)}
        env["BACKTIMER_EXIT_AFTER_MS"] = str((GET_READY + HOLD_SECONDS + 15) * 1000)
        command = [sys.executable, "-m", "backtimer", "gui", "--routine", str(routine), "--start"]
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(GET_READY + 6)  # start-up and the get-ready are not idle
        before, t0 = cpu_seconds(proc.pid), time.monotonic()
        time.sleep(HOLD_SECONDS - 10)
        after, t1 = cpu_seconds(proc.pid), time.monotonic()
        proc.terminate()
        proc.wait(30)
    share = (after - before) / (t1 - t0) * 100
    print(f"window during a hold: {after - before:.2f} CPU s over {t1 - t0:.0f} s = {share:.2f}% of one core")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
