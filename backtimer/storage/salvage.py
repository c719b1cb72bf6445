"""Copying what can still be read out of a damaged history file into a fresh one, row by row.

A few damaged pages make SQLite refuse a whole scan, so each table is read in rowid order and, where a read fails,
the reader jumps ahead (doubling the jump) until it reads again, then narrows the jump down to the first rowid after
the damage: rows on good pages are all kept, rows on damaged ones are lost.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from backtimer.storage import queries

TABLES = ("sessions", "steps", "tallies")
MAX_ROWID = 2**62


def salvage(damaged: Path, fresh: sqlite3.Connection) -> int:
    """Copy the readable rows of ``damaged`` into ``fresh`` (already migrated); returns how many sessions came over."""
    try:
        source = sqlite3.connect(f"{damaged.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return 0
    try:
        fresh.execute("BEGIN IMMEDIATE")
        try:
            sessions = sum(_copy(source, fresh, table) for table in TABLES[:1])
            for table in TABLES[1:]:
                _copy(source, fresh, table)
            _fill_missing_tallies(fresh)
            fresh.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                fresh.execute("ROLLBACK")
            raise
    finally:
        source.close()
    return sessions


def _copy(source: sqlite3.Connection, fresh: sqlite3.Connection, table: str) -> int:
    columns = _shared_columns(source, fresh, table)
    if not columns:
        return 0
    names = ", ".join(columns)
    insert = f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
    copied = 0
    for row in readable_rows(source, f"SELECT rowid, {names} FROM {table} WHERE rowid > ? ORDER BY rowid"):
        try:
            copied += fresh.execute(insert, row).rowcount
        except sqlite3.Error:  # a damaged value, or a step whose session was lost: leave that row behind
            continue
    return copied


def _shared_columns(source: sqlite3.Connection, fresh: sqlite3.Connection, table: str) -> list[str]:
    try:
        old = [row[1] for row in source.execute(f"PRAGMA table_info({table})")]
    except sqlite3.Error:
        return []
    new = {row[1] for row in fresh.execute(f"PRAGMA table_info({table})")}
    return [name for name in old if name in new]


def readable_rows(conn: sqlite3.Connection, query: str) -> Iterator[tuple[object, ...]]:
    """The rows of ``query`` (which takes a rowid to start after and yields the rowid first), skipping damage."""
    last = -MAX_ROWID
    while last < MAX_ROWID:
        failed = False
        try:
            for row in conn.execute(query, (last,)):
                last = int(row[0])
                yield tuple(row[1:])
            return
        except sqlite3.DatabaseError:
            failed = True
        if failed:
            resumed = _next_readable(conn, query, last)
            if resumed is None:
                return
            last = resumed


def _next_readable(conn: sqlite3.Connection, query: str, bad: int) -> int | None:
    """The smallest start after ``bad`` from which ``query`` reads again (found by doubling, then halving)."""
    jump = 1
    while not _reads(conn, query, bad + jump):
        jump *= 2
        if bad + jump >= MAX_ROWID:
            return None
    low, high = bad + jump // 2, bad + jump  # reading from low fails, from high it works
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (low, middle) if _reads(conn, query, middle) else (middle, high)
    return high


def _reads(conn: sqlite3.Connection, query: str, start: int) -> bool:
    try:
        conn.execute(query, (start,)).fetchone()
    except sqlite3.DatabaseError:
        return False
    return True


def _fill_missing_tallies(conn: sqlite3.Connection) -> None:
    """A session whose steps came over but whose tallies did not gets them again from its steps."""
    rows = conn.execute(
        "SELECT DISTINCT session_id FROM steps WHERE session_id NOT IN (SELECT session_id FROM tallies)"
    ).fetchall()
    for (session_id,) in rows:
        queries.refresh_tallies(conn, session_id)
