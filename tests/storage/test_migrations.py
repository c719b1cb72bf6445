"""Every earlier schema version opens, keeps its sessions, and leaves a backup copy first."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from backtimer.storage.history import HistoryStore
from backtimer.storage.migrations import MIGRATIONS, SCHEMA_VERSION, migrate, user_version

# Version 1 exactly as it shipped, frozen here so that a later edit to MIGRATIONS[0] cannot hide a break.
V1_ROW = (
    "INSERT INTO sessions VALUES ('0b6ac9a8-2d3c-4bd5-9a53-2f0d1a5f8a10', 'lower-back', 'standard',"
    " '2024-01-02T06:30:00.000000+00:00', 3600, 'Europe/Paris', '2024-01-02', '2024-01-02T06:45:00.000000+00:00',"
    " 'completed', 1.0, 6, 'first one', '', '2024-01-02T06:45:00.000000+00:00');"
    "INSERT INTO tallies VALUES ('0b6ac9a8-2d3c-4bd5-9a53-2f0d1a5f8a10', 0, 'bird-dog', 'left', 2, 16, 0, 0);"
)


def build(path: Path, version: int) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, None, target=min(version, 1))
    if version >= 1:
        conn.executescript(V1_ROW)
    migrate(conn, None, target=version)
    conn.close()


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_every_earlier_version_is_migrated(tmp_path: Path, version: int) -> None:
    db = tmp_path / "history.sqlite3"
    build(db, version)
    store = HistoryStore(db)
    assert store.notices == []
    with sqlite3.connect(db) as conn:
        assert user_version(conn) == SCHEMA_VERSION
    backups = sorted(tmp_path.glob("history.v*-backup-*.sqlite3"))
    if version == 0:
        assert backups == [] and store.sessions() == []
        return
    assert len(backups) == SCHEMA_VERSION - version  # one copy before each migration
    with sqlite3.connect(backups[0]) as conn:
        assert user_version(conn) == version
        assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1
    (record,) = store.sessions()
    assert (record.comfort, record.note, record.started_at.hour) == (6, "first one", 7)
    assert record.exercises[0].reps_done == 16
    store.delete(record.id)  # the newest features work on migrated data
    assert store.sessions() == []


def test_a_newer_file_is_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    build(db, SCHEMA_VERSION)
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    store = HistoryStore(db)
    assert len(store.notices) == 1 and "newer backtimer" in store.notices[0]
    with sqlite3.connect(db) as conn:
        assert user_version(conn) == SCHEMA_VERSION + 1


def test_migrations_are_listed_in_order() -> None:
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 2
