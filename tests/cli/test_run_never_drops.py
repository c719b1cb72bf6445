"""``backtimer run`` never drops a finished session: real processes, real files, history it cannot write."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

RUN = ["run", "start-small", "--no-voice", "--speed", "1000"]


def backtimer(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BACKTIMER_DATA_DIR": str(data)}
    return subprocess.run(
        [sys.executable, "-m", "backtimer", *args], env=env, text=True, capture_output=True, timeout=120, check=False
    )


def test_a_history_from_a_newer_backtimer_is_refused_before_the_session_starts(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert backtimer(data, *RUN).returncode == 0
    with sqlite3.connect(data / "history.sqlite3") as conn:
        conn.execute("PRAGMA user_version = 9")
    done = backtimer(data, *RUN)
    assert done.returncode == 1  # before: 0, and the session silently gone
    assert done.stdout == ""  # nothing started
    (line,) = done.stderr.splitlines()
    assert "newer backtimer (schema 9" in line and "nothing was started" in line
    with sqlite3.connect(data / "history.sqlite3") as conn:  # left as it was
        assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 9


def test_a_session_the_history_cannot_take_is_saved_as_a_file_offered_at_the_next_start(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    broken = blocker / "data"  # a folder that cannot be made, not even by root
    done = backtimer(broken, *RUN)
    assert done.returncode == 1, done.stderr  # before: 0, and the session gone
    assert "Knee-drop twist" in done.stdout  # the session ran to its end
    last = done.stderr.splitlines()[-1]
    assert last.startswith("backtimer: The history could not be written: this session was saved to ")
    saved = Path(last.split(" saved to ")[1].split(" (backtimer import")[0])
    assert saved.is_file() and saved.is_relative_to(os.environ["XDG_RUNTIME_DIR"])
    again = backtimer(broken, "run", "start-small", "--no-voice", "--speed", "1000")
    assert f"add it with: backtimer import {saved}" in again.stderr
    good = tmp_path / "good"
    imported = backtimer(good, "import", str(saved))
    assert (imported.returncode, imported.stdout) == (0, "Imported 1 new sessions; 0 were already there.\n")
    assert not saved.exists()  # brought in: no longer offered
    (session,) = json.loads(backtimer(good, "history", "--json").stdout)["sessions"]
    assert session["status"] == "completed" and session["speed"] == 1000.0
    assert {line["exercise"] for line in session["exercises"]} >= {"glute-bridge"}
