"""The SQL behind HistoryStore, and turning rows into records. Every write here is safe to run twice."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Collection
from datetime import date, datetime, timedelta

from backtimer.core.content.model import Side
from backtimer.core.progress.streaks import Entry
from backtimer.core.session.results import ExerciseTally, Outcome, StepResult, tally
from backtimer.storage import feedback
from backtimer.storage.records import ExerciseFeedback, SessionRecord, from_utc, utc_text

INSERT_SESSION = """
    INSERT OR IGNORE INTO sessions (id, routine, level, started_utc, utc_offset, zone, local_date,
        ended_utc, status, speed, comfort, note, owner, updated_utc)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
INSERT_STEP = """
    INSERT OR IGNORE INTO steps (session_id, seq, step_index, exercise, side, set_no, sets, reps_done, seconds_done,
        outcome, ended_utc)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
TOUCH = "UPDATE sessions SET updated_utc = ? WHERE id = ? AND status = 'open'"
FINISH = "UPDATE sessions SET status = ?, ended_utc = ?, updated_utc = ? WHERE id = ?"
RATE = "UPDATE sessions SET comfort = ?, note = ?, pain = ? WHERE id = ?"
DELETE = "UPDATE sessions SET deleted_utc = ? WHERE id = ?"
UNDELETE = "UPDATE sessions SET deleted_utc = NULL WHERE id = ?"
OPEN_SESSIONS = "SELECT id, owner FROM sessions WHERE status = 'open'"
MARK_STOPPED = "UPDATE sessions SET status = 'stopped', ended_utc = updated_utc WHERE id = ? AND status = 'open'"
PURGE_DELETED = "DELETE FROM sessions WHERE deleted_utc IS NOT NULL AND deleted_utc < ?"

_SESSION_COLUMNS = """id, routine, level, started_utc, utc_offset, zone, local_date, ended_utc, status, speed,
    comfort, note, updated_utc, pain, next_day"""


def refresh_tallies(conn: sqlite3.Connection, session_id: str) -> None:
    """Recompute a session's per exercise+side lines from its steps (a handful of rows)."""
    rows = conn.execute(
        "SELECT step_index, exercise, side, set_no, sets, reps_done, seconds_done, outcome FROM steps"
        " WHERE session_id = ? ORDER BY seq",
        (session_id,),
    ).fetchall()
    results = [
        StepResult(r[0], r[1], Side(r[2]) if r[2] else None, r[3], r[4], r[5], r[6], Outcome(r[7])) for r in rows
    ]
    write_tallies(conn, session_id, tally(results))


def write_tallies(conn: sqlite3.Connection, session_id: str, lines: Collection[ExerciseTally]) -> None:
    conn.execute("DELETE FROM tallies WHERE session_id = ?", (session_id,))
    conn.executemany(
        "INSERT INTO tallies VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (session_id, n, t.exercise, t.side.value if t.side else None, t.sets_done, t.reps_done, t.skipped, t.hurt)
            for n, t in enumerate(lines)
        ],
    )
    conn.execute(feedback.SUM_TALLIES, (session_id,))


def insert_record(conn: sqlite3.Connection, record: SessionRecord) -> bool:
    """Add an imported session unless its id is already known (deleted ones included); True when added."""
    offset = record.started_at.utcoffset() or timedelta(0)
    ended = utc_text(record.ended_at) if record.ended_at else None
    cursor = conn.execute(
        INSERT_SESSION,
        (
            record.id,
            record.routine,
            record.level,
            utc_text(record.started_at),
            int(offset.total_seconds()),
            record.zone,
            record.local_date.isoformat(),
            ended,
            record.status,
            record.speed,
            record.comfort,
            record.note,
            "",
            ended or utc_text(record.started_at),
        ),
    )
    if cursor.rowcount == 0:
        return False
    write_tallies(conn, record.id, record.exercises)
    feedback.write_imported(conn, record)
    return True


def load_records(
    conn: sqlite3.Connection, recording: Collection[str], *, exercises: bool = True, session_id: str | None = None
) -> list[SessionRecord]:
    """Visible sessions, newest first (or just ``session_id``). An open session nobody here records reads as stopped.

    ``exercises=False`` skips the per exercise lines: ten lines a session make them most of the reading time.
    """
    where = "deleted_utc IS NULL" + (" AND id = ?" if session_id else "")
    params = (session_id,) if session_id else ()
    lines: dict[str, list[ExerciseTally]] = {}
    if exercises:
        tally_rows = conn.execute(
            "SELECT t.session_id, t.exercise, t.side, t.sets_done, t.reps_done, t.skipped, t.hurt FROM tallies t"
            f" JOIN sessions s ON s.id = t.session_id WHERE s.{where.replace(' AND id', ' AND s.id')}"
            " ORDER BY t.session_id, t.position",
            params,
        )
        for sid, exercise, side, sets_done, reps_done, skipped, hurt in tally_rows:
            line = ExerciseTally(exercise, _SIDES[side], sets_done, reps_done, bool(skipped), bool(hurt))
            lines.setdefault(sid, []).append(line)
    notes = feedback.load(conn, session_id) if exercises else {}
    rows = conn.execute(
        f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE {where} ORDER BY started_utc DESC, id", params
    ).fetchall()
    return [_record(row, tuple(lines.get(row[0], ())), row[0] in recording, notes.get(row[0], ())) for row in rows]


_SIDES: dict[str | None, Side | None] = {None: None, "left": Side.LEFT, "right": Side.RIGHT}


def _record(
    row: tuple[object, ...],
    lines: tuple[ExerciseTally, ...],
    recording: bool,
    notes: tuple[ExerciseFeedback, ...] = (),
) -> SessionRecord:
    sid, routine, level, started, offset, zone, local_date, ended, status, speed, comfort, note, updated = row[:13]
    pain, next_day = row[13:15]
    assert isinstance(started, str) and isinstance(offset, int) and isinstance(updated, str)
    if status == "open" and not recording:
        status, ended = "stopped", updated
    return SessionRecord(
        id=str(sid),
        routine=str(routine),
        level=str(level),
        started_at=from_utc(started, offset),
        ended_at=from_utc(ended, offset) if isinstance(ended, str) else None,
        zone=zone if isinstance(zone, str) else None,
        local_date=date.fromisoformat(str(local_date)),
        status=str(status),
        speed=float(speed) if isinstance(speed, (int, float)) and math.isfinite(speed) else 1.0,
        exercises=lines,
        comfort=comfort if isinstance(comfort, int) else None,
        note=str(note or ""),
        pain=pain if isinstance(pain, int) else None,
        next_day=next_day if isinstance(next_day, str) else None,
        feedback=notes,
    )


def load_entries(conn: sqlite3.Connection) -> list[Entry]:
    """The local wall-clock start of each session (computed by SQLite from UTC and the stored offset)."""
    rows = conn.execute(
        "SELECT strftime('%Y-%m-%dT%H:%M:%S', started_utc, utc_offset || ' seconds'),"
        " status = 'completed' AND speed = 1"  # a sped-up demo run is history, not a day of exercise
        " FROM sessions WHERE deleted_utc IS NULL"
    )
    parse = datetime.fromisoformat
    return [Entry(parse(wall), bool(done)) for wall, done in rows]


def totals(conn: sqlite3.Connection) -> tuple[int, int, float]:
    """(sessions, completed sessions, minutes), where an open session's time runs to its last write."""
    sessions, completed, days = conn.execute(
        "SELECT count(*), coalesce(sum(status = 'completed'), 0),"
        " coalesce(sum(max(julianday(coalesce(ended_utc, updated_utc)) - julianday(started_utc), 0)), 0)"
        " FROM sessions WHERE deleted_utc IS NULL"
    ).fetchone()
    return int(sessions), int(completed), float(days) * 24 * 60
