"""The SQL for what the progression coach reads and writes: doses, ratings, pain, the next-day answer, accepted doses.

Every write is safe to run twice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Mapping
from datetime import date, datetime

from backtimer.core.content.model import Dose
from backtimer.core.progress.coach import Accepted, NextDay, Observation, Rating
from backtimer.core.progress.ladder import same_dose
from backtimer.storage.records import ExerciseFeedback, SessionRecord

PLAN_DOSE = """
    INSERT INTO exercise_results (session_id, exercise, sets, reps, hold) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (session_id, exercise) DO UPDATE SET sets = excluded.sets, reps = excluded.reps, hold = excluded.hold
"""
RATE_EXERCISE = """
    INSERT INTO exercise_results (session_id, exercise, rating) VALUES (?, ?, ?)
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
_OBSERVED = """
    SELECT s.id, s.started_utc, s.local_date, s.status = 'completed', s.pain, s.next_day, t.exercise,
        max(t.hurt), sum(t.sets_done), r.rating, r.sets, r.reps, r.hold
    FROM sessions s JOIN tallies t ON t.session_id = s.id
    LEFT JOIN exercise_results r ON r.session_id = s.id AND r.exercise = t.exercise
    WHERE s.routine = ? AND s.deleted_utc IS NULL AND s.speed = 1 AND s.started_utc >= ?
    GROUP BY s.id, t.exercise
    ORDER BY s.started_utc DESC, s.id
"""


def plan_rows(session_id: str, doses: Mapping[str, Dose]) -> list[tuple[object, ...]]:
    return [(session_id, exercise, d.sets, d.reps, d.hold) for exercise, d in doses.items()]


def load(conn: sqlite3.Connection, session_id: str | None = None) -> dict[str, tuple[ExerciseFeedback, ...]]:
    """Each visible session's feedback per exercise (or just ``session_id``'s)."""
    where = "s.deleted_utc IS NULL" + (" AND s.id = ?" if session_id else "")
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
            conn.execute(PLAN_DOSE, (record.id, f.exercise, f.dose.sets, f.dose.reps, f.dose.hold))
        if f.rating is not None:
            conn.execute(RATE_EXERCISE, (record.id, f.exercise, f.rating))


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
    """What the sessions of ``routine`` say about each exercise in ``current``, newest first, read only as far back
    as the coach looks: sessions at the current dose after it was accepted, until each exercise has its latest
    session and two completed ones on different days."""
    found: dict[str, list[Observation]] = {exercise: [] for exercise in current}
    open_ = set(current)
    start = min(since.values()).isoformat() if since and len(since) == len(current) else ""
    for row in conn.execute(_OBSERVED, (routine, start)):
        sid, started, local_date, completed, pain, next_day, exercise, hurt, sets_done, rating = row[:10]
        if exercise not in open_ or (not sets_done and not hurt) or sid in recording:
            continue
        dose = _dose(*row[10:13])
        at = datetime.fromisoformat(started)
        if (dose is not None and not same_dose(dose, current[exercise])) or (
            exercise in since and at < since[exercise]
        ):
            continue
        seen = Observation(
            at,
            date.fromisoformat(local_date),
            bool(completed),
            Rating(rating) if rating else None,
            bool(hurt),
            pain,
            NextDay(next_day) if next_day else None,
            dose,
        )
        found[exercise].append(seen)
        if _enough(found[exercise]):
            open_.discard(exercise)
            if not open_:
                break
    return found


def _enough(seen: list[Observation]) -> bool:
    return len({o.local_date for o in seen if o.completed}) >= 2


def _dose(sets: int | None, reps: int | None, hold: float | None) -> Dose | None:
    return Dose(sets, reps, hold) if sets is not None else None
