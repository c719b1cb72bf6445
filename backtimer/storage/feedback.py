"""The SQL for what the progression coach reads and writes: doses, ratings, pain, the next-day answer, accepted doses.

Every write is safe to run twice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Mapping
from datetime import date, datetime

from backtimer.core.content.model import Dose
from backtimer.core.progress.coach import Accepted, NextDay, Observation, Rating
from backtimer.storage.records import ExerciseFeedback, SessionRecord, utc_text

PLAN_DOSE = """
    INSERT INTO exercise_results (session_id, exercise, routine, started_utc, sets, reps, hold)
    SELECT id, :exercise, routine, started_utc, :sets, :reps, :hold FROM sessions WHERE id = :session
    ON CONFLICT (session_id, exercise) DO UPDATE SET sets = excluded.sets, reps = excluded.reps, hold = excluded.hold
"""
RATE_EXERCISE = """
    INSERT INTO exercise_results (session_id, exercise, routine, started_utc, rating)
    SELECT id, :exercise, routine, started_utc, :rating FROM sessions WHERE id = :session
    ON CONFLICT (session_id, exercise) DO UPDATE SET rating = excluded.rating
"""
NEXT_DAY = "UPDATE sessions SET next_day = ?, next_day_asked_utc = ? WHERE id = ?"
ASKED = "UPDATE sessions SET next_day_asked_utc = coalesce(next_day_asked_utc, ?) WHERE id = ?"
ACCEPT = """
    INSERT INTO accepted_doses (routine, exercise, sets, reps, hold, accepted_utc, local_date, last_up)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (routine, exercise) DO UPDATE SET sets = excluded.sets, reps = excluded.reps, hold = excluded.hold,
        accepted_utc = excluded.accepted_utc, local_date = excluded.local_date,
        last_up = coalesce(excluded.last_up, accepted_doses.last_up)
"""
RESET = "DELETE FROM accepted_doses WHERE routine = ?"
LATEST_FINISHED = """
    SELECT id, local_date, next_day, next_day_asked_utc FROM sessions
    WHERE deleted_utc IS NULL AND status != 'open' AND speed = 1 ORDER BY started_utc DESC LIMIT 1
"""
SUM_TALLIES = """
    INSERT INTO exercise_results (session_id, exercise, routine, started_utc, hurt, done)
    SELECT t.session_id, t.exercise, s.routine, s.started_utc, max(t.hurt), sum(t.sets_done)
    FROM tallies t JOIN sessions s ON s.id = t.session_id WHERE t.session_id = ? GROUP BY t.exercise
    ON CONFLICT (session_id, exercise) DO UPDATE SET hurt = excluded.hurt, done = excluded.done
"""
# One exercise's sessions at one dose (or, with NULLs, those with no dose recorded), newest first, from the index.
_OBSERVED = """
    SELECT r.session_id, r.started_utc, s.local_date, s.status = 'completed', s.pain, s.next_day, r.hurt, r.rating,
        r.sets, r.reps, r.hold
    FROM exercise_results r JOIN sessions s ON s.id = r.session_id
    WHERE r.routine = ? AND r.exercise = ? AND r.sets IS ? AND r.reps IS ? AND r.hold IS ? AND r.started_utc >= ?
        AND (r.done > 0 OR r.hurt) AND s.deleted_utc IS NULL AND s.speed = 1
    ORDER BY r.started_utc DESC
"""


def plan_rows(session_id: str, doses: Mapping[str, Dose]) -> list[dict[str, object]]:
    return [
        {"session": session_id, "exercise": exercise, "sets": d.sets, "reps": d.reps, "hold": d.hold}
        for exercise, d in doses.items()
    ]


def load(conn: sqlite3.Connection, session_id: str | None = None) -> dict[str, tuple[ExerciseFeedback, ...]]:
    """Each visible session's feedback per exercise (or just ``session_id``'s)."""
    where = "(r.rating IS NOT NULL OR r.sets IS NOT NULL) AND s.deleted_utc IS NULL"
    where += " AND s.id = ?" if session_id else ""
    rows = conn.execute(
        "SELECT r.session_id, r.exercise, r.rating, r.sets, r.reps, r.hold FROM exercise_results r"
        f" JOIN sessions s ON s.id = r.session_id WHERE {where}",
        (session_id,) if session_id else (),
    )
    found: dict[str, list[ExerciseFeedback]] = {}
    for sid, exercise, rating, sets, reps, hold in rows:
        found.setdefault(sid, []).append(ExerciseFeedback(exercise, rating, _dose(sets, reps, hold)))
    return {sid: tuple(lines) for sid, lines in found.items()}


def write_imported(conn: sqlite3.Connection, record: SessionRecord) -> None:
    conn.execute("UPDATE sessions SET pain = ?, next_day = ? WHERE id = ?", (record.pain, record.next_day, record.id))
    for f in record.feedback:
        if f.dose is not None:
            conn.executemany(PLAN_DOSE, plan_rows(record.id, {f.exercise: f.dose}))
        if f.rating is not None:
            conn.execute(RATE_EXERCISE, {"session": record.id, "exercise": f.exercise, "rating": f.rating})


def awaiting_next_day(conn: sqlite3.Connection, today: date) -> str | None:
    """The last finished session, when it is from an earlier day and nobody was asked about it yet."""
    row = conn.execute(LATEST_FINISHED).fetchone()
    if row is None:
        return None
    sid, local_date, answer, asked = row
    return sid if answer is None and asked is None and date.fromisoformat(local_date) < today else None


def accepted(conn: sqlite3.Connection, routine: str) -> dict[str, Accepted]:
    rows = conn.execute(
        "SELECT exercise, sets, reps, hold, accepted_utc, last_up FROM accepted_doses WHERE routine = ?", (routine,)
    )
    return {
        exercise: Accepted(
            Dose(sets, reps, hold), datetime.fromisoformat(at), date.fromisoformat(last_up) if last_up else None
        )
        for exercise, sets, reps, hold, at, last_up in rows
    }


def observations(
    conn: sqlite3.Connection,
    routine: str,
    current: Mapping[str, Dose],
    since: Mapping[str, datetime],
    recording: Collection[str] = (),
) -> dict[str, list[Observation]]:
    """What the sessions of ``routine`` say about each exercise in ``current``, newest first: the sessions done at
    the current dose (or with none recorded) after it was accepted, read only until the coach has what it looks at
    (the latest session and two completed ones on different days)."""
    found = {}
    for exercise, dose in current.items():
        start = utc_text(since[exercise]) if exercise in since else ""
        at_dose = _stream(conn, (routine, exercise, dose.sets, dose.reps, dose.hold, start), recording)
        unknown = _stream(conn, (routine, exercise, None, None, None, start), recording)
        found[exercise] = sorted(at_dose + unknown, key=lambda o: o.started_at, reverse=True)
    return found


def _stream(conn: sqlite3.Connection, params: tuple[object, ...], recording: Collection[str]) -> list[Observation]:
    """Newest first, until there is enough (the newest ones of a merge are always among each list's newest)."""
    seen: list[Observation] = []
    for row in conn.execute(_OBSERVED, params):
        sid, started, local_date, completed, pain, next_day, hurt, rating, sets, reps, hold = row
        if sid in recording:
            continue
        seen.append(
            Observation(
                datetime.fromisoformat(started),
                date.fromisoformat(local_date),
                bool(completed),
                Rating(rating) if rating else None,
                bool(hurt),
                pain,
                NextDay(next_day) if next_day else None,
                _dose(sets, reps, hold),
            )
        )
        if _enough(seen):
            break
    return seen


def _enough(seen: list[Observation]) -> bool:
    return len({o.local_date for o in seen if o.completed}) >= 2


def _dose(sets: int | None, reps: int | None, hold: float | None) -> Dose | None:
    return Dose(sets, reps, hold) if sets is not None else None
