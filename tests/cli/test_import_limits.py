"""``import`` refuses what the history could not hold or reckon with: exit 2, one line, nothing imported."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from backtimer.cli import main
from backtimer.core.progress.streaks import Entry, StreakRules, current_streak, longest_streak, summarize
from tests.cli.test_history_cli import GOOD, history


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "in.json"
    path.write_text(text)
    return path


def _doc(*sessions: dict[str, Any]) -> str:
    return json.dumps({"format": "backtimer-history", "version": 1, "sessions": list(sessions)})


LINE: dict[str, Any] = GOOD["exercises"][0]  # type: ignore[index]
SECOND = {**GOOD, "id": "1b6ac9a8-2d3c-4bd5-9a53-2f0d1a5f8a10"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"started_at": "0001-01-01T00:00:00+01:00"}, "started_at: expected a time in the years 1970 to 2199"),
        ({"started_at": "9999-12-31T23:00:00-01:00"}, "started_at: expected a time in the years 1970 to 2199"),
        ({"ended_at": "9999-12-31T23:00:00+00:00"}, "ended_at: expected a time in the years 1970 to 2199"),
        ({"local_date": "0001-01-01"}, "local_date: expected a date in the years 1970 to 2199"),
        ({"exercises": [{**LINE, "reps_done": 2**63}]}, "reps_done: expected a whole number"),
        ({"exercises": [{**LINE, "sets_done": 10**30}]}, "sets_done: expected a whole number"),
        ({"speed": 1e308}, "speed: expected a number from 0.1 to 1000"),
    ],
)
def test_values_the_history_cannot_hold_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    code = main(["import", str(_file(tmp_path, _doc(GOOD, {**SECOND, **change})))])
    err = capsys.readouterr().err
    assert code == 2 and message in err and err.count("\n") == 1  # before: exit 1, "unexpected error" (or accepted)
    assert history(capsys)["sessions"] == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_doc(GOOD, SECOND).replace('"comfort": 6', '"speed": Infinity, "comfort": 6', 1), "Infinity is not a number"),
        (_doc(GOOD, SECOND).replace('"comfort": 6', '"speed": NaN, "comfort": 6', 1), "NaN is not a number"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_non_standard_or_absurdly_deep_json_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, message: str
) -> None:
    code = main(["import", str(_file(tmp_path, text))])
    err = capsys.readouterr().err
    assert code == 2 and message in err and err.count("\n") == 1
    assert history(capsys)["sessions"] == []


def test_date_arithmetic_at_the_calendars_ends_never_raises() -> None:
    earliest = [Entry(datetime(1, 1, 1, 0, 30), True), Entry(datetime(1, 1, 2, 9, 0), True)]
    summary = summarize(earliest, StreakRules(day_start_hour=4), datetime(1, 1, 2, 10, 0))  # before: OverflowError
    assert summary.current_streak == 2 and summary.last_session_date == date(1, 1, 2)
    assert current_streak({date.max}, date.max) == 1 and longest_streak({date.min, date.max}) == 1


def test_importing_where_the_history_cannot_be_written_says_so_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    good = _file(tmp_path, _doc(GOOD))
    code = main(["--data-dir", str(blocker / "data"), "import", str(good)])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1  # before: "unexpected error: OSError: ..."
    assert "cannot import into" in err and "Not a directory" in err and "nothing was imported" in err
