"""Shared pieces for the storage tests: step results, and running a recorder in another process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from backtimer.core.content.model import Side
from backtimer.core.session.results import Outcome, StepResult

ROOT = Path(__file__).resolve().parents[2]


def step(n: int, exercise: str = "glute-bridge", side: Side | None = None, reps: int = 10) -> StepResult:
    return StepResult(n, exercise, side, n % 3 + 1, 3, reps, 30.0, Outcome.COMPLETED)


def python(code: str, *, user: int | None = None, **kwargs: object) -> subprocess.Popen[str]:
    """Run ``code`` in a fresh interpreter that imports backtimer from this checkout."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-c", code],
        env=env,
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        user=user,
        **kwargs,
    )


RECORD_LOOP = """
import sys
from pathlib import Path
from backtimer.core.content.model import Side
from backtimer.core.session.results import Outcome, StepResult
from backtimer.storage.history import HistoryStore
store = HistoryStore(Path(sys.argv[1]))
sid = store.begin("lower-back", "standard")
print(sid, flush=True)
n = 0
while n < int(sys.argv[2]):
    store.add_step(sid, n, StepResult(n, "bird-dog", Side.LEFT, 1, 2, 1, 1.0, Outcome.COMPLETED))
    assert store.pending == 0, store.notices
    print(n, flush=True)
    n += 1
store.finish(sid, True)
print("done", flush=True)
"""
