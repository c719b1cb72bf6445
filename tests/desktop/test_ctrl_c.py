"""Ctrl-C in the terminal the window was started from: it quits cleanly, and the session is recorded as stopped."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import with_default_sigint

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")


def _open_session(db: Path) -> bool:
    if not db.exists():
        return False
    try:
        with sqlite3.connect(db) as conn:
            return bool(conn.execute("SELECT count(*) FROM sessions WHERE status = 'open'").fetchone()[0] == 1)
    except sqlite3.Error:
        return False


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_the_window_quits_on_ctrl_c_and_records_the_session_as_stopped(tmp_path: Path, number: int) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"safety_acknowledged": True, "voice_enabled": False}))
    env = {**os.environ, "BACKTIMER_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "backtimer", "gui", "--routine", "start-small", "--start"]
    child = subprocess.Popen(with_default_sigint(command), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60  # a limit on waiting, not a timing assert
        while not _open_session(data / "history.sqlite3"):
            assert child.poll() is None and time.monotonic() < deadline, child.communicate()
            time.sleep(0.1)
        child.send_signal(number)
        _, err = child.communicate(timeout=30)  # before: Ctrl-C was ignored, the window ran on
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode == 0, err
    shown = subprocess.run(
        [sys.executable, "-m", "backtimer", "history", "--json"], env=env, capture_output=True, text=True, check=True
    )
    (session,) = json.loads(shown.stdout)["sessions"]
    assert session["status"] == "stopped" and session["ended_at"] is not None
    with sqlite3.connect(data / "history.sqlite3") as conn:
        assert conn.execute("SELECT status FROM sessions").fetchone()[0] == "stopped"  # written, not just shown
