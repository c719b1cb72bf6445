"""What the coach keeps in the real history file: planned doses, ratings, pain, the next-day answer, accepted doses."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from backtimer.core.content.model import Dose, Side
from backtimer.core.progress.coach import NextDay, Rating
from backtimer.storage.coaching import CoachStore
from backtimer.storage.history import HistoryStore
from backtimer.storage.recorder import SessionRecorder
from backtimer.storage.records import to_json
from tests.storage.conftest import step

ZONE = timezone(timedelta(hours=1))


class Clock:
    def __init__(self) -> None:
        self.t = datetime(2025, 3, 3, 8, 0, tzinfo=ZONE)

    def __call__(self) -> datetime:
        return self.t


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> HistoryStore:
    return HistoryStore(tmp_path / "history.sqlite3", now=clock)


STANDARD = Dose(2, 10)


def practise(store: HistoryStore, rating: str | None, pain: int | None, dose: Dose = STANDARD) -> str:
    recorder = SessionRecorder(store, "lower-back", "standard")
    recorder.planned({"bird-dog": dose, "glute-bridge": Dose(2, 12)})
    recorder.steps_ended([step(0, "bird-dog", Side.LEFT), step(1, "bird-dog", Side.RIGHT)])
    recorder.rate_exercise("bird-dog", rating)
    recorder.session_ended(True)
    recorder.rate(None, "ok", pain)
    return recorder.session_id


def test_ratings_pain_and_doses_are_kept_with_the_session(store: HistoryStore) -> None:
    sid = practise(store, "hard", 4)
    record = store.session(sid)
    assert record is not None and (record.pain, record.comfort, record.note) == (4, None, "ok")
    lines = to_json(record)["exercises"]
    assert [(e["side"], e["rating"], e["dose"]) for e in lines] == [
        ("left", "hard", {"sets": 2, "reps": 10, "hold_seconds": None}),
        ("right", "hard", {"sets": 2, "reps": 10, "hold_seconds": None}),
    ]  # glute-bridge was planned but never done: no line


def test_ratings_and_pain_out_of_range_are_refused(store: HistoryStore) -> None:
    coach = CoachStore(store)
    with pytest.raises(ValueError, match="rating"):
        coach.rate_exercise("x", "bird-dog", "great")
    with pytest.raises(ValueError, match="pain"):
        store.rate("x", None, "", 11)
    with pytest.raises(ValueError, match="next-day"):
        coach.answer_next_day("x", "fine")


def test_observations_read_newest_first_at_the_current_dose(store: HistoryStore, clock: Clock) -> None:
    coach = CoachStore(store)
    practise(store, "painful", 8, Dose(2, 9))
    clock.t += timedelta(days=1)
    practise(store, "right", 2)
    clock.t += timedelta(days=1)
    latest = practise(store, "easy", 1)
    coach.answer_next_day(latest, "better")
    seen = coach.observations("lower-back", {"bird-dog": Dose(2, 10)}, {})["bird-dog"]
    assert [(o.rating, o.pain, o.next_day) for o in seen] == [
        (Rating.EASY, 1, NextDay.BETTER),
        (Rating.RIGHT, 2, None),
    ]  # the painful one was at 2 x 9
    assert coach.observations("lower-back", {"bird-dog": Dose(2, 9)}, {})["bird-dog"][0].rating is Rating.PAINFUL


def test_accepted_doses_keep_the_day_of_the_last_step_up(store: HistoryStore, clock: Clock) -> None:
    coach = CoachStore(store)
    coach.accept("lower-back", "bird-dog", Dose(2, 11), up=True)
    clock.t += timedelta(days=2)
    coach.accept("lower-back", "bird-dog", Dose(2, 10), up=False)
    (accepted,) = coach.accepted("lower-back").values()
    assert accepted.dose == Dose(2, 10) and accepted.last_up == date(2025, 3, 3)
    assert accepted.at == clock.t
    assert coach.accepted("core-stability") == {}
    coach.reset("lower-back")
    assert coach.accepted("lower-back") == {}


def test_the_next_day_question_is_asked_once_about_an_earlier_day(store: HistoryStore, clock: Clock) -> None:
    coach = CoachStore(store)
    today = clock.t.date()
    assert coach.awaiting_next_day(today) is None
    sid = practise(store, "right", 2)
    assert coach.awaiting_next_day(today) is None  # the same day: too early
    question = coach.awaiting_next_day(today + timedelta(days=1))
    assert question is not None and (question.session_id, question.local_date) == (sid, today)
    coach.asked_next_day(sid)
    assert coach.awaiting_next_day(today + timedelta(days=1)) is None
    clock.t += timedelta(days=1)
    second = practise(store, "right", 2)
    coach.answer_next_day(second, "worse")
    assert coach.awaiting_next_day(today + timedelta(days=3)) is None
    record = store.session(second)
    assert record is not None and record.next_day == "worse"


def test_a_version_2_file_gains_the_new_columns_and_keeps_comfort(tmp_path: Path) -> None:
    from tests.storage.test_migrations import build

    db = tmp_path / "history.sqlite3"
    build(db, 2)
    store = HistoryStore(db)
    (record,) = store.sessions()
    assert (record.comfort, record.pain, record.next_day, record.feedback) == (6, None, None, ())
    with sqlite3.connect(db) as conn:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"exercise_results", "accepted_doses"} <= tables
