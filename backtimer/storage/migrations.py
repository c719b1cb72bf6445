"""The history schema, versioned with ``PRAGMA user_version``.

``MIGRATIONS[n]`` takes a database from version ``n`` to ``n + 1``. Never edit a migration that has shipped: add a new
one. Before each migration of a database that already holds data, a copy is saved beside it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from backtimer.storage.files import free_sibling

MIGRATIONS: tuple[str, ...] = (
    # 0 -> 1: sessions, the steps written as they end, and the per exercise+side tallies that history shows.
    """
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        routine TEXT NOT NULL,
        level TEXT NOT NULL,
        started_utc TEXT NOT NULL,            -- ISO 8601, UTC
        utc_offset INTEGER NOT NULL,          -- seconds east of UTC where the session started
        zone TEXT,                            -- IANA name where known
        local_date TEXT NOT NULL,             -- YYYY-MM-DD at the start, in that place
        ended_utc TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'completed', 'stopped')),
        speed REAL NOT NULL DEFAULT 1.0,
        comfort INTEGER CHECK (comfort BETWEEN 0 AND 10),
        note TEXT NOT NULL DEFAULT '',
        owner TEXT NOT NULL DEFAULT '',       -- host:pid recording an open session
        updated_utc TEXT NOT NULL             -- the last write: the end of a session a crash left open
    );
    CREATE INDEX sessions_by_date ON sessions (local_date);
    CREATE TABLE steps (
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,                 -- 0, 1, 2... in the order the steps ended
        step_index INTEGER NOT NULL,
        exercise TEXT NOT NULL,
        side TEXT,
        set_no INTEGER NOT NULL,
        sets INTEGER NOT NULL,
        reps_done INTEGER NOT NULL,
        seconds_done REAL NOT NULL,
        outcome TEXT NOT NULL,
        ended_utc TEXT NOT NULL,
        PRIMARY KEY (session_id, seq)
    );
    CREATE TABLE tallies (
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        exercise TEXT NOT NULL,
        side TEXT,
        sets_done INTEGER NOT NULL,
        reps_done INTEGER NOT NULL,
        skipped INTEGER NOT NULL,
        hurt INTEGER NOT NULL,
        PRIMARY KEY (session_id, position)
    );
    """,
    # 1 -> 2: deleting keeps the row for a while so that it can be undone.
    """
    ALTER TABLE sessions ADD COLUMN deleted_utc TEXT;
    CREATE INDEX sessions_deleted ON sessions (deleted_utc) WHERE deleted_utc IS NOT NULL;
    """,
    # 2 -> 3: what the person tells the progression coach. Pain is the standard scale (0 = none, 10 = worst); the
    # older comfort rating stays as it was for the sessions that have it.
    """
    ALTER TABLE sessions ADD COLUMN pain INTEGER CHECK (pain BETWEEN 0 AND 10);
    ALTER TABLE sessions ADD COLUMN next_day TEXT CHECK (next_day IN ('better', 'same', 'worse'));
    ALTER TABLE sessions ADD COLUMN next_day_asked_utc TEXT;  -- the next-day question was shown (answered or not)
    CREATE INDEX sessions_by_routine ON sessions (routine, started_utc);
    CREATE TABLE exercise_results (
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        exercise TEXT NOT NULL,
        routine TEXT NOT NULL,                -- the session's, copied: the coach reads this table alone, by index
        started_utc TEXT NOT NULL,            -- the session's, copied
        rating TEXT CHECK (rating IN ('easy', 'right', 'hard', 'painful')),
        sets INTEGER,                         -- the dose the session planned for it (NULL: not known)
        reps INTEGER,
        hold REAL,
        hurt INTEGER NOT NULL DEFAULT 0,      -- from the tallies, all sides together
        done INTEGER NOT NULL DEFAULT 0,      -- sets done, all sides together
        PRIMARY KEY (session_id, exercise)
    );
    CREATE INDEX exercise_results_by_dose ON exercise_results (routine, exercise, sets, reps, hold, started_utc);
    INSERT INTO exercise_results (session_id, exercise, routine, started_utc, hurt, done)
        SELECT t.session_id, t.exercise, s.routine, s.started_utc, max(t.hurt), sum(t.sets_done)
        FROM tallies t JOIN sessions s ON s.id = t.session_id GROUP BY t.session_id, t.exercise;
    CREATE TABLE accepted_doses (
        routine TEXT NOT NULL,
        exercise TEXT NOT NULL,
        sets INTEGER NOT NULL,
        reps INTEGER,
        hold REAL,
        accepted_utc TEXT NOT NULL,
        local_date TEXT NOT NULL,             -- the day it was accepted, where the person was
        last_up TEXT,                         -- the day of the latest step up (one rung up a week at most)
        PRIMARY KEY (routine, exercise)
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class NewerSchema(Exception):
    """The file was written by a newer backtimer."""


def user_version(conn: sqlite3.Connection) -> int:
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return version


def migrate(conn: sqlite3.Connection, path: Path | None, target: int = SCHEMA_VERSION) -> list[Path]:
    """Bring the database up to ``target``; returns the backups written. ``conn`` must be in autocommit mode."""
    version = user_version(conn)
    if version > SCHEMA_VERSION:
        raise NewerSchema(f"history was written by a newer backtimer (schema {version}, this one knows {target})")
    backups: list[Path] = []
    had_data = version > 0  # a brand-new file has nothing worth a copy
    while version < target:
        if path is not None and had_data:
            backups.append(backup(conn, path, version))
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = user_version(conn)  # another process may have migrated while we waited for the lock
            if version < target:
                for statement in _statements(MIGRATIONS[version]):
                    conn.execute(statement)
                version += 1
                conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return backups


def _statements(script: str) -> list[str]:
    """Split a migration into statements, so that it runs inside our own transaction (executescript commits)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line.split("--", 1)[0].rstrip() + "\n" if "--" in line else line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]


def backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """A consistent copy (SQLite's backup API, safe with WAL) named after the version it holds."""
    target = free_sibling(path, f"v{version}-backup")
    if os.name == "posix":  # as private as the history itself
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    copy = sqlite3.connect(target)
    try:
        conn.backup(copy)
    finally:
        copy.close()
    return target
