"""``backtimer progress``, the history format 2 fields, and the accepted doses in ``plan`` and ``run``."""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from backtimer.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def session(days_ago: int, rating: str | None = "right", pain: int | None = 2, **more: Any) -> dict[str, Any]:
    start = datetime.now().astimezone().replace(microsecond=0) - timedelta(days=days_ago, hours=1)
    dose = {"sets": 2, "reps": 10, "hold_seconds": None}
    line = {"exercise": "bird-dog", "sets_done": 2, "reps_done": 20, "skipped": False, "rating": rating}
    line |= {"hurt": more.pop("hurt", False), "dose": more.pop("dose", dose)}
    return {
        "id": str(uuid.uuid4()),
        "routine": "lower-back",
        "level": "standard",
        "started_at": start.isoformat(),
        "local_date": start.date().isoformat(),
        "ended_at": (start + timedelta(minutes=15)).isoformat(),
        "status": "completed",
        "exercises": [{**line, "side": "left"}, {**line, "side": "right"}],
        "comfort": None,
        "pain": pain,
        "next_day": None,
        "note": "",
        **more,
    }


def load(capsys: pytest.CaptureFixture[str], tmp_path: Path, sessions: list[dict[str, Any]], version: int = 2) -> None:
    file = tmp_path / f"h{uuid.uuid4().hex}.json"
    file.write_text(json.dumps({"format": "backtimer-history", "version": version, "sessions": sessions}))
    code, _, err = run(capsys, "import", str(file))
    assert code == 0, err


def progress(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code, out, err = run(capsys, "progress", *args, "--json")
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def bird(data: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = next(e for e in data["exercises"] if e["exercise"] == "bird-dog")
    return found


def test_progress_json_shape_with_no_history(capsys: pytest.CaptureFixture[str]) -> None:
    data = progress(capsys)
    assert data["routine"] == "lower-back"
    assert [e["exercise"] for e in data["exercises"]][:2] == ["prone-snow-angel", "prone-leg-lift"]
    for e in data["exercises"]:
        assert set(e) >= {"exercise", "dose", "suggestion"}
        assert set(e["dose"]) == {"sets", "reps", "hold_seconds"}
        assert set(e["suggestion"]) >= {"action", "dose", "reason"}
        assert e["suggestion"]["action"] == "hold" and e["suggestion"]["dose"] == e["dose"]
    assert bird(data)["dose"] == {"sets": 2, "reps": 10, "hold_seconds": None}


def test_two_good_days_suggest_one_rung_and_accepting_changes_plan_and_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    load(capsys, tmp_path, [session(1), session(2)])
    suggestion = bird(progress(capsys, "lower-back"))["suggestion"]
    assert suggestion["action"] == "progress"
    assert suggestion["dose"] == {"sets": 2, "reps": 11, "hold_seconds": None}
    code, out, _ = run(capsys, "progress", "lower-back")
    assert code == 0 and "Ready for more: Bird-dog 10 → 11 reps a side" in out

    code, _, err = run(capsys, "progress", "lower-back", "--accept", "bird-dog")
    assert code == 0 and "Accepted: Ready for more: Bird-dog 10 → 11" in err
    after = bird(progress(capsys, "lower-back"))
    assert after["dose"]["reps"] == 11 and after["suggestion"]["action"] == "hold"  # no evidence at 11 yet
    assert after["accepted_on"] is not None

    _, out, _ = run(capsys, "plan", "lower-back", "--json")
    reps = {s["reps"] for s in json.loads(out)["steps"] if s["exercise"] == "bird-dog" and s["kind"] == "work"}
    assert reps == {11}
    assert run(capsys, "run", "lower-back", "--no-voice", "--speed", "1000")[0] == 0
    latest = json.loads(run(capsys, "history", "--json")[1])["sessions"][0]
    line = next(e for e in latest["exercises"] if e["exercise"] == "bird-dog")
    assert line["dose"] == {"sets": 2, "reps": 11, "hold_seconds": None} and line["reps_done"] == 22

    code, _, err = run(capsys, "progress", "lower-back", "--reset")
    assert code == 0 and "Back to the routine's level" in err
    assert bird(progress(capsys, "lower-back"))["dose"]["reps"] == 10


def test_a_step_up_waits_a_week_after_the_last_one(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    load(capsys, tmp_path, [session(3), session(4)])
    run(capsys, "progress", "--accept", "all")
    eleven = {"sets": 2, "reps": 11, "hold_seconds": None}
    now = datetime.now().astimezone()
    later = [session(0, dose=eleven), session(0, dose=eleven)]
    for n, item in enumerate(later):  # after the acceptance, on two days: good evidence at the new dose
        moment = now + timedelta(days=n, minutes=1)
        item["started_at"], item["local_date"] = moment.isoformat(), moment.date().isoformat()
    load(capsys, tmp_path, later)
    suggestion = bird(progress(capsys, "lower-back"))["suggestion"]
    assert suggestion["action"] == "hold" and "one a week" in suggestion["reason"]


@pytest.mark.parametrize(
    ("latest", "action", "reps"),
    [
        (session(0, "painful"), "step_back", 9),
        (session(0, hurt=True), "step_back", 9),
        (session(0, pain=7), "step_back", 9),
        (session(0, next_day="worse"), "step_back", 9),
        (session(0, pain=4), "hold", 10),
        (session(0, "hard"), "hold", 10),
    ],
)
def test_the_latest_session_steps_back_or_holds(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, latest: dict[str, Any], action: str, reps: int
) -> None:
    load(capsys, tmp_path, [latest, session(1), session(2)])
    suggestion = bird(progress(capsys, "lower-back"))["suggestion"]
    assert (suggestion["action"], suggestion["dose"]["reps"]) == (action, reps)
    if action == "step_back":
        run(capsys, "progress", "--accept", "bird-dog")
        after = bird(progress(capsys, "lower-back"))
        assert after["dose"]["reps"] == 9 and after["suggestion"]["action"] == "hold"  # the same session never twice


def test_progress_defaults_to_the_routine_last_practised(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    other = session(1)
    other["routine"] = "core-stability"
    load(capsys, tmp_path, [session(3), other])
    assert progress(capsys)["routine"] == "core-stability"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--accept", "plank"), "--accept: 'plank' is not an exercise of lower-back"),
        (("no-such-routine",), "no-such-routine"),
        (("--accept", "all", "--reset"), "--accept and --reset: choose one"),
    ],
)
def test_progress_bad_input(capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str) -> None:
    code, _, err = run(capsys, "progress", *args)
    assert code == 2 and message in err and err.count("\n") == 1


def test_version_1_files_import_with_nulls(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    old = session(1)
    for key in ("pain", "next_day"):
        del old[key]
    for line in old["exercises"]:
        del line["rating"], line["dose"], line["hurt"]
    old["comfort"] = 7
    load(capsys, tmp_path, [old], version=1)
    (back,) = json.loads(run(capsys, "history", "--json")[1])["sessions"]
    assert (back["comfort"], back["pain"], back["next_day"]) == (7, None, None)
    assert {(e["rating"], e["hurt"], e["dose"]) for e in back["exercises"]} == {(None, False, None)}


def test_version_2_round_trip_and_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    load(capsys, tmp_path, [session(1, "easy", 3, next_day="better", note="fine")])
    exported = json.loads(run(capsys, "export")[1])
    (back,) = exported["sessions"]
    assert exported["version"] == 2 and (back["pain"], back["next_day"]) == (3, "better")
    assert [e["rating"] for e in back["exercises"]] == ["easy", "easy"]
    assert back["exercises"][0]["dose"] == {"sets": 2, "reps": 10, "hold_seconds": None}
    rows = list(csv.DictReader(io.StringIO(run(capsys, "export", "--format", "csv")[1])))
    assert [(r["pain"], r["next_day"], r["rating"], r["dose_reps"], r["hurt"]) for r in rows] == [
        ("3", "better", "easy", "10", "False")
    ] * 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"pain": 11}, "sessions[1]: pain: 11 is not a whole number from 0 to 10"),
        ({"pain": "3"}, "sessions[1]: pain: '3' is not a whole number from 0 to 10"),
        ({"pain": True}, "sessions[1]: pain: True is not a whole number"),
        ({"next_day": "fine"}, "sessions[1]: next_day: 'fine' is not one of better, same, worse"),
        ({"rating": "great"}, "sessions[1]: exercises[0]: rating: 'great' is not one of easy, right, hard, painful"),
        ({"rating": 2}, "sessions[1]: exercises[0]: rating: 2 is not one of"),
        ({"hurt": "yes"}, "sessions[1]: exercises[0]: hurt: expected true or false"),
        ({"dose": {"sets": 0, "reps": 1}}, "sessions[1]: exercises[0]: dose: sets: expected a whole number, 1 or more"),
        ({"dose": {"sets": 2, "reps": 2.5}}, "sessions[1]: exercises[0]: dose: reps: expected a whole number"),
        (
            {"dose": {"sets": 2, "hold_seconds": -1}},
            "sessions[1]: exercises[0]: dose: hold_seconds: expected a number from 0.1 to 1000",
        ),
        ({"dose": [2, 10]}, "sessions[1]: exercises[0]: dose: expected an object"),
    ],
)
def test_a_bad_version_2_field_imports_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    bad = session(2)
    line_fields = {"rating", "hurt", "dose"}
    bad.update({k: v for k, v in change.items() if k not in line_fields})
    bad["exercises"][0].update({k: v for k, v in change.items() if k in line_fields})
    file = tmp_path / "bad.json"
    file.write_text(json.dumps({"format": "backtimer-history", "version": 2, "sessions": [session(1), bad]}))
    code, _, err = run(capsys, "import", str(file))
    assert code == 2 and message in err and err.count("\n") == 1, err
    assert json.loads(run(capsys, "history", "--json")[1])["sessions"] == []
