"""Start a built bundle and check that it works: the command line, a whole session, the voice worker and the window.

Usage: python packaging/smoke.py [dist/backtimer]
Everything runs offscreen with a throw-away data folder; prints one line per check and exits 1 on the first failure.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(exe: Path, args: list[str], env: dict[str, str], stdin: str = "", timeout: float = 60) -> tuple[str, float]:
    started = time.perf_counter()
    done = subprocess.run(
        [str(exe), *args], input=stdin, capture_output=True, text=True, env=env, timeout=timeout, check=False
    )
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"FAIL backtimer {' '.join(args)}: exit {done.returncode}\n{done.stderr.strip()[-2000:]}")
    return done.stdout, took


def check(bundle: Path) -> None:
    exe = bundle / ("backtimer.exe" if sys.platform == "win32" else "backtimer")
    if not exe.is_file():
        raise SystemExit(f"FAIL no executable at {exe} (build first: bash packaging/build.sh)")
    with tempfile.TemporaryDirectory(prefix="backtimer-smoke-") as tmp:
        env = {**os.environ, "BACKTIMER_DATA_DIR": tmp, "QT_QPA_PLATFORM": "offscreen"}
        out, took = run(exe, ["--version"], env)
        print(f"ok   --version: {out.strip()} ({took:.2f} s)")
        out, took = run(exe, ["routines", "--json"], env)
        ids = {routine["id"] for routine in json.loads(out)}
        assert {"lower-back", "core-stability", "start-small"} <= ids, ids
        print(f"ok   routines --json: {sorted(ids)} ({took:.2f} s)")
        out, took = run(exe, ["run", "start-small", "--speed", "200", "--no-voice"], env, timeout=120)
        print(f"ok   run start-small --speed 200 --no-voice ({took:.2f} s, {len(out.splitlines())} lines)")
        out, _ = run(exe, ["history", "--json"], env)
        sessions = json.loads(out)["sessions"]
        assert sessions and sessions[-1]["status"] == "completed", sessions
        print(f"ok   history: the session was stored as {sessions[-1]['status']}")
        check_worker(exe, env, Path(tmp))
        _, took = run(exe, ["gui"], {**env, "BACKTIMER_EXIT_AFTER_MS": "1500"})
        print(f"ok   window offscreen: opened and closed by itself ({took:.2f} s)")


def check_worker(exe: Path, env: dict[str, str], tmp: Path) -> None:
    """The voice worker, started the way backtimer starts it when frozen: ``<exe> -m backtimer.speech.worker``."""
    wav = tmp / "rest.wav"
    request = json.dumps({"op": "synth", "text": "Rest.", "voice": "", "rate": 175, "path": str(wav)}) + "\n"
    out, took = run(exe, ["-m", "backtimer.speech.worker"], env, stdin=request)
    answers = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    if not answers or not answers[0].get("ready"):
        print(f"warn voice worker: no speech engine in the bundle's environment ({answers[:1]})")
        return
    assert answers[-1].get("ok") and wav.stat().st_size > 1000, answers
    print(f"ok   voice worker: wrote {answers[-1]['seconds']:.2f} s of speech ({took:.2f} s)")


if __name__ == "__main__":
    check(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "backtimer")
    print("smoke test passed")
