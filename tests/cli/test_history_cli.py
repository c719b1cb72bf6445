"""``history``, ``stats``, ``export``, ``import`` and the record ``run`` leaves (docs/contract.md)."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from backtimer.cli import main
from tests.helpers import with_default_sigint

SESSION_KEYS = {
    "id",
    "routine",
    "level",
    "started_at",
    "local_date",
    "ended_at",
    "status",
    "exercises",
    "comfort",
    "note",
}
STATS_KEYS = {"current_streak", "longest_streak", "sessions", "completed_sessions", "total_minutes", "done_today"}
STATS_KEYS |= {"last_session_date", "weekly_goal", "this_week"}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def history(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code, out, _ = run(capsys, "history", "--json")
    assert code == 0
    data: dict[str, Any] = json.loads(out)
    return data


def test_empty_history_and_stats(capsys: pytest.CaptureFixture[str]) -> None:
    assert history(capsys) == {"format": "backtimer-history", "version": 2, "sessions": []}
    code, out, _ = run(capsys, "stats", "--json")
    stats = json.loads(out)
    assert code == 0 and set(stats) >= STATS_KEYS
    assert (stats["current_streak"], stats["sessions"], stats["done_today"], stats["weekly_goal"]) == (0, 0, False, 3)
    assert run(capsys, "history")[1] == "No sessions yet.\n"


def test_run_records_its_session_and_shapes_hold(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, _, err = run(capsys, "run", "start-small", "--no-voice", "--speed", "1000")
    assert code == 0, err
    (session,) = history(capsys)["sessions"]
    assert set(session) >= SESSION_KEYS
    assert (session["routine"], session["status"], session["speed"]) == ("start-small", "completed", 1000.0)
    assert session["started_at"][:10] == session["local_date"]
    assert session["exercises"] and set(session["exercises"][0]) >= {"exercise", "side", "sets_done", "reps_done"}
    assert all(not line["skipped"] and line["sets_done"] > 0 for line in session["exercises"])
    stats = json.loads(run(capsys, "stats", "--json")[1])
    # A sped-up run is recorded as such, but a demo is not a day of exercise: it does not feed the streak.
    assert (stats["current_streak"], stats["completed_sessions"], stats["done_today"], stats["this_week"]) == (
        0,
        1,
        False,
        0,
    )
    assert (data_dir / "history.sqlite3").exists()


def test_run_stopped_with_ctrl_c_is_recorded_as_stopped(tmp_path: Path) -> None:
    env = {**os.environ, "BACKTIMER_DATA_DIR": str(tmp_path / "d")}
    cmd = [sys.executable, "-m", "backtimer", "run", "lower-back", "--no-voice", "--speed", "40"]
    child = subprocess.Popen(
        with_default_sigint(cmd), env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("— Rest"):  # the first work step has ended (and was written)
            break
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=60)
    assert "Stopped." in out, err
    shown = subprocess.run([*cmd[:3], "history", "--json"], env=env, text=True, capture_output=True, check=True)
    (session,) = json.loads(shown.stdout)["sessions"]
    assert session["status"] == "stopped"
    assert session["exercises"][0]["sets_done"] >= 1


def test_export_import_round_trip_is_idempotent(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(capsys, "run", "start-small", "--no-voice", "--speed", "1000")
    exported = tmp_path / "out.json"
    assert run(capsys, "export", "--output", str(exported))[0] == 0
    other = ["--data-dir", str(tmp_path / "other")]
    code, out, _ = run(capsys, *other, "import", str(exported))
    assert (code, out) == (0, "Imported 1 new sessions; 0 were already there.\n")
    code, out, _ = run(capsys, *other, "import", str(exported))
    assert (code, out) == (0, "Imported 0 new sessions; 1 were already there.\n")
    code, out, _ = run(capsys, *other, "history", "--json")
    assert json.loads(out) == json.loads(exported.read_text())


def test_export_csv(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "run", "start-small", "--no-voice", "--speed", "1000")
    code, out, _ = run(capsys, "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) >= 3
    assert {r["exercise"] for r in rows} >= {"glute-bridge", "bird-dog"}
    assert {r["status"] for r in rows} == {"completed"}


GOOD = {
    "id": "0b6ac9a8-2d3c-4bd5-9a53-2f0d1a5f8a10",
    "routine": "lower-back",
    "level": "standard",
    "started_at": "2024-01-02T07:30:00+01:00",
    "local_date": "2024-01-02",
    "ended_at": "2024-01-02T07:45:00+01:00",
    "status": "completed",
    "exercises": [{"exercise": "bird-dog", "side": "left", "sets_done": 2, "reps_done": 16, "skipped": False}],
    "comfort": 6,
    "note": "",
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": "done"}, "sessions[1]: status: 'done' is not one of completed, stopped"),
        (
            {"started_at": "2024-01-02T07:30:00"},
            "sessions[1]: started_at: expected an ISO 8601 time with its UTC offset",
        ),
        ({"comfort": 11}, "sessions[1]: comfort: 11 is not a whole number from 0 to 10"),
        ({"id": "x"}, "sessions[1]: id: 'x' is not a UUID"),
        ({"exercises": [{"exercise": "bird-dog", "sets_done": -1}]}, "sessions[1]: exercises[0]: sets_done"),
    ],
)
def test_a_malformed_import_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    second = {**GOOD, "id": "1b6ac9a8-2d3c-4bd5-9a53-2f0d1a5f8a10", **change}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "backtimer-history", "version": 1, "sessions": [GOOD, second]}))
    code, _, err = run(capsys, "import", str(bad))
    assert code == 2 and message in err and err.count("\n") == 1
    assert history(capsys)["sessions"] == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON (line 1"),
        ("[]", "not a backtimer history file"),
        ('{"format": "backtimer-history", "version": 9, "sessions": []}', "version: 9"),
    ],
)
def test_an_unreadable_import_says_why(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(text)
    code, _, err = run(capsys, "import", str(bad))
    assert code == 2 and message in err
    assert run(capsys, "import", str(tmp_path / "missing.json"))[0] == 2


def test_import_keeps_the_stored_offset_and_date(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"format": "backtimer-history", "version": 1, "sessions": [GOOD]}))
    assert run(capsys, "import", str(good))[0] == 0
    (session,) = history(capsys)["sessions"]
    assert (session["started_at"], session["local_date"]) == ("2024-01-02T07:30:00+01:00", "2024-01-02")
    assert session["exercises"][0]["reps_done"] == 16


def test_a_demo_run_reads_as_a_demo_in_history_and_stats(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "run", "start-small", "--no-voice", "--speed", "1000")
    (line,) = run(capsys, "history")[1].splitlines()
    assert "demo x1000" in line  # before: it looked like a real session
    code, out, _ = run(capsys, "stats")
    assert code == 0 and "Today:          not yet" in out and "1 of them demos (not counted)" in out
    assert json.loads(run(capsys, "stats", "--json")[1])["demo_sessions"] == 1


def test_routines_columns_line_up_whatever_the_names(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    (data_dir / "routines").mkdir(parents=True)
    (data_dir / "routines" / "mine.toml").write_text(
        'id = "my-very-own-long-routine-id"\ntitle = "A title longer than the others are"\n'
        '[[exercises]]\nid = "glute-bridge"\n'
    )
    code, out, _ = run(capsys, "routines")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 4
    for column in ("exercises", "standard", "advanced"):
        assert len({line.index(column) for line in lines}) == 1, out  # before: ragged


def test_the_run_summary_says_holds_in_seconds_not_reps(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "run", "core-stability", "--level", "beginner", "--no-voice", "--speed", "1000")
    assert code == 0
    plank = next(line for line in out.splitlines() if line.strip().startswith("Plank:"))
    assert plank.strip().startswith("Plank: 2 sets of ") and plank.endswith(" s holds")  # before: "2 sets, 0 reps"
    assert "Pelvic tilt: 2 sets," in out and " reps" in out
