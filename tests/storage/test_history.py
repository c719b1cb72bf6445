"""The history store on real SQLite files: steps as they end, crashes, damage, full disks, deleting with undo."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from backtimer.core.content.model import Side
from backtimer.core.progress.streaks import StreakRules
from backtimer.storage.history import HistoryStore
from tests.storage.conftest import step

PARIS_SUMMER = timezone(timedelta(hours=2))


class Clock:
    """The wall clock (called) and a monotonic one that moves with it, except when the wall clock jumps."""

    def __init__(self) -> None:
        self.t = datetime(2025, 6, 1, 7, 30, tzinfo=PARIS_SUMMER)
        self.steady = 5000.0

    def __call__(self) -> datetime:
        return self.t

    def monotonic(self) -> float:
        return self.steady

    def advance(self, **kw: float) -> None:
        self.t += timedelta(**kw)
        self.steady += timedelta(**kw).total_seconds()

    def jump(self, **kw: float) -> None:
        """The wall clock is set (by hand, or NTP after a long drift): monotonic time does not move."""
        self.t += timedelta(**kw)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


def test_a_session_is_recorded_step_by_step(db: Path, clock: Clock) -> None:
    store = HistoryStore(db, now=clock, monotonic=clock.monotonic)
    sid = store.begin("lower-back", "standard", speed=2.0, zone="Europe/Paris")
    store.add_step(sid, 0, step(0))
    store.add_step(sid, 1, step(1, "bird-dog", Side.LEFT, 8))
    store.add_step(sid, 1, step(1, "bird-dog", Side.LEFT, 8))  # a retry of the same write: not doubled
    clock.advance(minutes=14)
    store.finish(sid, completed=True)
    store.rate(sid, 7, "  felt good ")
    (record,) = HistoryStore(db, now=clock, monotonic=clock.monotonic).sessions()
    assert (record.id, record.status, record.speed, record.zone) == (sid, "completed", 2.0, "Europe/Paris")
    assert record.started_at == datetime(2025, 6, 1, 7, 30, tzinfo=PARIS_SUMMER)
    assert record.started_at.utcoffset() == timedelta(hours=2)
    assert record.local_date.isoformat() == "2025-06-01"
    assert record.seconds == 14 * 60
    assert (record.comfort, record.note) == (7, "felt good")
    assert [(t.exercise, t.side, t.reps_done) for t in record.exercises] == [
        ("glute-bridge", None, 10),
        ("bird-dog", Side.LEFT, 8),
    ]
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT count(*) FROM steps").fetchone()[0] == 2


def test_a_session_left_open_by_a_crash_shows_as_stopped(db: Path, clock: Clock) -> None:
    store = HistoryStore(db, now=clock, monotonic=clock.monotonic)
    sid = store.begin("lower-back", "standard")
    clock.advance(minutes=3)
    store.add_step(sid, 0, step(0))
    assert store.sessions()[0].status == "open"  # still being recorded by us
    store.close()  # the process died without finish()
    clock.advance(hours=5)
    (record,) = HistoryStore(db, now=clock, monotonic=clock.monotonic).sessions()
    assert record.status == "stopped"
    assert record.seconds == 3 * 60  # ends at the last step written
    assert record.exercises[0].reps_done == 10
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT status FROM sessions").fetchone()[0] == "stopped"


def test_another_live_process_keeps_its_open_session(db: Path, clock: Clock) -> None:
    first = HistoryStore(db, now=clock, monotonic=clock.monotonic)
    sid = first.begin("lower-back", "standard")
    with sqlite3.connect(db) as conn:  # pretend it belongs to a process that is alive (pid 1 on this host)
        conn.execute("UPDATE sessions SET owner = ? WHERE id = ?", (first.owner.rpartition(":")[0] + ":1", sid))
    second = HistoryStore(db, now=clock, monotonic=clock.monotonic)
    assert second.sessions()[0].status == "stopped"  # shown as stopped to others...
    with sqlite3.connect(db) as conn:  # ...but not rewritten, so the owner can still complete it
        assert conn.execute("SELECT status FROM sessions").fetchone()[0] == "open"
    first.finish(sid, True)
    assert second.sessions()[0].status == "completed"


def test_delete_and_undo(db: Path, clock: Clock) -> None:
    store = HistoryStore(db, now=clock, monotonic=clock.monotonic)
    sid = store.begin("lower-back", "standard")
    store.finish(sid, True)
    store.delete(sid)
    assert store.sessions() == []
    assert store.summary(StreakRules(), clock()).current_streak == 0
    store.undelete(sid)
    assert [r.id for r in store.sessions()] == [sid]
    store.delete(sid)
    clock.advance(days=2)
    HistoryStore(db, now=clock, monotonic=clock.monotonic)  # purges what was deleted more than a day ago
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM tallies").fetchone()[0] == 0


@pytest.mark.parametrize("damage", ["garbage", "torn"])
def test_a_damaged_file_is_kept_aside_and_a_new_one_started(db: Path, clock: Clock, damage: str) -> None:
    store = HistoryStore(db, now=clock, monotonic=clock.monotonic)
    for _ in range(30):
        store.finish(store.begin("lower-back", "standard"), True)
    store.close()
    data = bytearray(db.read_bytes())
    if damage == "garbage":
        data[:100] = b"x" * 100  # the header: "file is not a database"
    else:
        for page in range(4096, len(data), 4096):  # every page header after the first: "malformed"
            data[page : page + 64] = b"\xff" * 64
    db.write_bytes(bytes(data))
    (db.parent / "history.sqlite3-wal").unlink(missing_ok=True)
    fresh = HistoryStore(db, now=clock, monotonic=clock.monotonic)
    assert len(fresh.notices) == 1 and "damaged" in fresh.notices[0]
    kept = [p for p in db.parent.iterdir() if ".corrupt-" in p.name and p.suffix == ".sqlite3"]
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(data)
    assert fresh.sessions() == []
    fresh.finish(fresh.begin("lower-back", "standard"), True)
    assert len(HistoryStore(db, now=clock, monotonic=clock.monotonic).sessions()) == 1
    assert HistoryStore(db, now=clock, monotonic=clock.monotonic).notices == []  # told once


class TinyDisk(HistoryStore):
    """A real SQLite limit on the file's size: writes fail with "database or disk is full"."""

    max_pages = 0

    def _configure(self, conn: sqlite3.Connection) -> None:
        if self.max_pages:
            conn.execute(f"PRAGMA max_page_count = {self.max_pages}")


def test_a_full_disk_queues_the_writes_and_retries_them(db: Path, clock: Clock) -> None:
    HistoryStore(db, now=clock, monotonic=clock.monotonic).close()  # schema in place
    TinyDisk.max_pages = sqlite3.connect(db).execute("PRAGMA page_count").fetchone()[0]
    store = TinyDisk(db, now=clock, monotonic=clock.monotonic)
    sid = store.begin("lower-back", "standard")
    n = 0
    while store.pending == 0 and n < 5000:  # fill the free room in the pages there are
        store.add_step(sid, n, step(n))
        n += 1
    for extra in range(n, n + 4):
        store.add_step(sid, extra, step(extra))
    store.finish(sid, True)
    assert store.pending == 6
    assert len(store.notices) == 1 and "full" in store.notices[0] and "kept" in store.notices[0]
    assert store.flush() is False  # still full
    assert store._conn is not None
    store._conn.execute("PRAGMA max_page_count = 100000")  # room again
    assert store.flush() is True
    assert store.notices[-1] == "History is being saved again."
    (record,) = HistoryStore(db, now=clock, monotonic=clock.monotonic).sessions()
    assert record.status == "completed"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), max(seq) FROM steps").fetchone() == (n + 4, n + 3)


def test_summary_for_the_home_screen(db: Path, clock: Clock) -> None:
    store = HistoryStore(db, now=clock, monotonic=clock.monotonic)
    for _ in range(3):
        store.finish(store.begin("lower-back", "standard"), True)
        clock.advance(days=1)
    s = store.summary(StreakRules(), clock())
    assert (s.done_today, s.current_streak) == (False, 3)
    assert store.totals()[:2] == (3, 3)
