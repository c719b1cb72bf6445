"""The command-line contract (docs/contract.md), run as a real subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from backtimer.cli import main


def backtimer(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "backtimer", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_routines_json_shape() -> None:
    out = backtimer("routines", "--json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert {r["id"] for r in rows} == {"lower-back", "core-stability", "start-small"}
    for row in rows:
        assert set(row) >= {"id", "title", "exercises", "seconds"}
        assert set(row["seconds"]) == {"beginner", "standard", "advanced"}
        assert row["seconds"]["beginner"] <= row["seconds"]["standard"] <= row["seconds"]["advanced"]


def test_plan_json_shape() -> None:
    out = backtimer("plan", "lower-back", "--level", "beginner", "--json")
    assert out.returncode == 0, out.stderr
    plan = json.loads(out.stdout)
    assert (plan["routine"], plan["level"]) == ("lower-back", "beginner")
    assert plan["total_seconds"] == pytest.approx(sum(s["seconds"] for s in plan["steps"]))
    kinds = {s["kind"] for s in plan["steps"]}
    assert kinds == {"prepare", "work", "switch", "rest", "done"}
    for step in plan["steps"]:
        assert set(step) >= {"kind", "exercise", "side", "set", "sets", "reps", "hold_seconds", "seconds", "cues"}
        assert step["side"] in ("left", "right", None)
        for cue in step["cues"]:
            assert set(cue) >= {"at", "text"}


def test_run_follows_a_whole_routine_quickly_and_prints_cues(tmp_path: Path) -> None:
    out = backtimer("run", "start-small", "--speed", "1000", "--no-voice", "--data-dir", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert "First up: Glute bridge." in out.stdout
    assert "Well done" in out.stdout
    assert "Switch" in out.stdout


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["plan", "no-such-routine"], "no such routine"),
        (["plan", "lower-back", "--level", "expert"], "expert"),
        (["run", "lower-back", "--speed", "0"], "--speed"),
        (["run", "lower-back", "--speed", "fast"], "speed"),
        (["plan", "/nonexistent/routine.toml"], "no such file"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], needle: str) -> None:
    out = backtimer(*args)
    assert out.returncode == 2
    assert needle in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr


def test_a_broken_routine_file_names_file_and_field(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('id = "b"\ntitle = "B"\n[[exercises]]\nid = "glute-bridge"\nsets = -1\n', encoding="utf-8")
    out = backtimer("plan", str(path))
    assert out.returncode == 2
    assert out.stderr.strip() == f"backtimer: {path}: exercises[0].sets: -1 is out of range (1 to 10)"


def test_version() -> None:
    out = backtimer("--version")
    assert out.returncode == 0 and out.stdout.startswith("backtimer ")


def test_user_routines_in_the_data_dir_are_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "routines").mkdir()
    (tmp_path / "routines" / "mine.toml").write_text(
        'id = "mine"\ntitle = "Mine"\n[[exercises]]\nid = "plank"\n', encoding="utf-8"
    )
    assert main(["--data-dir", str(tmp_path), "routines", "--json"]) == 0
    ids = [r["id"] for r in json.loads(capsys.readouterr().out)]
    assert "mine" in ids
    assert main(["routines", "--data-dir", str(tmp_path), "--json"]) == 0
    assert "mine" in [r["id"] for r in json.loads(capsys.readouterr().out)]


def test_environment_variable_sets_the_data_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "routines").mkdir()
    (tmp_path / "routines" / "env.toml").write_text(
        'id = "from-env"\ntitle = "Env"\n[[exercises]]\nid = "plank"\n', encoding="utf-8"
    )
    monkeypatch.setenv("BACKTIMER_DATA_DIR", str(tmp_path))
    assert main(["plan", "from-env", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["routine"] == "from-env"


def test_run_uses_the_users_rest_lengths(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text('{"rest_between_sets": 12, "get_ready_seconds": 4}', encoding="utf-8")
    out = backtimer("run", "start-small", "--speed", "1000", "--no-voice", "--data-dir", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert "Rest 12 seconds." in out.stdout
    ready = re.search(r"Get ready \((\d+) s\)", out.stdout)
    assert ready is not None and int(ready.group(1)) >= 20  # 4 s asked for: made long enough for the opening


def test_a_data_dir_that_is_a_file_is_bad_input(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("hi", encoding="utf-8")
    for args in (["history"], ["run", "start-small", "--speed", "1000", "--no-voice"], ["routines"]):
        out = backtimer(*args, "--data-dir", str(blocker))
        assert out.returncode == 2, args
        assert out.stderr.strip() == f"backtimer: {blocker}: the data folder is a file, not a folder"


def test_no_screen_is_one_line_not_a_crash(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run(
        [sys.executable, "-m", "backtimer", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert out.returncode == 1
    assert out.stderr.startswith("backtimer: no screen to open a window on") and len(out.stderr.splitlines()) == 1
