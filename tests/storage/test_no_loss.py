"""Nothing the person did is dropped: damaged files salvaged, a full disk ends in a file, private files, steady time."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from backtimer.storage.history import HistoryStore
from backtimer.storage.recorder import SessionRecorder
from backtimer.storage.records import FORMAT, SessionRecord, parse_document
from tests.storage.conftest import step
from tests.storage.test_history import Clock, TinyDisk

UTC1 = timezone(timedelta(hours=1))


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


def _many_sessions(db: Path, count: int) -> None:
    store = HistoryStore(db)
    start = datetime(2024, 1, 1, 7, 0, tzinfo=UTC1)
    records = [
        SessionRecord(
            str(uuid.UUID(int=n + 1)), "lower-back", "standard", start + timedelta(days=n), None, None,
            (start + timedelta(days=n)).date(), "completed", 1.0, (), None, f"note {n} " + "x" * 400,
        )
        for n in range(count)
    ]  # fmt: skip
    store.import_records(records)
    store.close()
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_a_few_damaged_pages_lose_only_the_sessions_on_them(db: Path) -> None:
    _many_sessions(db, 1000)
    data = bytearray(db.read_bytes())
    pages = len(data) // 4096
    for page in (pages // 3, pages // 2, 2 * pages // 3):  # three leaf pages in the middle of the sessions table
        data[page * 4096 : page * 4096 + 64] = b"\xff" * 64
    db.write_bytes(bytes(data))
    store = HistoryStore(db)
    (notice,) = store.notices
    recovered = len(store.sessions())
    assert 900 <= recovered < 1000  # before: 0 (the whole file moved aside)
    assert f"{recovered} sessions could be read back" in notice
    kept = [p for p in db.parent.iterdir() if ".corrupt-" in p.name and p.suffix == ".sqlite3"]
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(data)  # the damaged file is kept as it was
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_the_history_and_its_wal_and_shm_are_private(db: Path) -> None:
    old = os.umask(0o022)
    try:
        store = HistoryStore(db)
        store.finish(store.begin("lower-back", "standard"), True)
        for name in ("history.sqlite3", "history.sqlite3-wal", "history.sqlite3-shm"):
            assert stat.S_IMODE((db.parent / name).stat().st_mode) == 0o600, name
        store.close()
        os.chmod(db, 0o644)  # a file an earlier version left readable by everyone
        HistoryStore(db).close()
        assert stat.S_IMODE(db.stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_a_wall_clock_jump_during_a_session_does_not_change_its_length(db: Path, clock: Clock) -> None:
    store = HistoryStore(db, now=clock, monotonic=clock.monotonic)
    sid = store.begin("lower-back", "standard")
    clock.advance(minutes=5)
    clock.jump(days=400)  # someone sets the clock a year ahead mid-session
    store.add_step(sid, 0, step(0))
    clock.advance(minutes=5)
    clock.jump(days=-800)  # ...and then two years back
    store.finish(sid, True)
    (record,) = HistoryStore(db, now=clock, monotonic=clock.monotonic).sessions()
    assert record.seconds == 10 * 60  # before: 576,000 minutes, or 0


def test_a_full_disk_to_the_end_saves_the_session_as_an_import_ready_file(
    db: Path, clock: Clock, tmp_path: Path
) -> None:
    HistoryStore(db, now=clock, monotonic=clock.monotonic).close()
    TinyDisk.max_pages = sqlite3.connect(db).execute("PRAGMA page_count").fetchone()[0]
    store = TinyDisk(db, now=clock, monotonic=clock.monotonic)
    told: list[str] = []
    places = [tmp_path / "unsaved"]
    recorder = SessionRecorder(store, "lower-back", "standard", notify=told.append, places=places)
    results = [step(n, reps=10) for n in range(600)]
    for n in range(0, 600, 10):
        clock.advance(seconds=1)
        recorder.steps_ended(results[n : n + 10])
    assert store.pending > 0  # the disk filled up during the session
    recorder.session_ended(True)
    recorder.rate(6, "fine")
    assert not recorder.saved and recorder.rescued is not None
    assert recorder.rescued.parent == places[0]
    assert stat.S_IMODE(recorder.rescued.stat().st_mode) == 0o600
    assert told[-1].startswith(f"The history could not be written: this session was saved to {recorder.rescued}")
    data = json.loads(recorder.rescued.read_text())
    assert data["format"] == FORMAT
    (record,) = parse_document(data, str(recorder.rescued))  # exactly what `backtimer import` reads
    assert (record.id, record.status, record.comfort, record.note) == (recorder.session_id, "completed", 6, "fine")
    assert record.exercises[0].reps_done == 6000 and record.seconds == 60


def test_a_history_from_a_newer_backtimer_is_shown_but_never_written(db: Path) -> None:
    store = HistoryStore(db)
    store.finish(store.begin("lower-back", "standard"), True)
    store.close()
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 9")
    before = db.read_bytes()
    newer = HistoryStore(db)
    assert newer.refused is not None and "newer backtimer" in newer.refused
    assert len(newer.sessions()) == 1  # still shown
    sid = newer.begin("lower-back", "standard")
    newer.finish(sid, True)
    assert not newer.flush() and [r.id for r in newer.unsaved()] == [sid]
    newer.close()
    assert db.read_bytes() == before


def test_a_session_saved_to_a_file_keeps_its_ratings_and_planned_doses(tmp_path: Path, db: Path) -> None:
    """Where the history cannot take a session (here: written by a newer backtimer), the file has everything."""
    from backtimer.core.content.model import Dose

    HistoryStore(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 9")
    store = HistoryStore(db)
    assert store.refused is not None
    recorder = SessionRecorder(store, "start-small", "beginner", places=[tmp_path / "unsaved"])
    recorder.planned({"glute-bridge": Dose(2, 10), "bird-dog": Dose(2, 8)})
    recorder.steps_ended([step(0), step(1, "bird-dog")])
    recorder.rate_exercise("glute-bridge", "hard")
    recorder.session_ended(True)
    recorder.rate_exercise("bird-dog", "easy")  # rated on the summary, after the file was written
    recorder.rate(None, "", 3)
    assert recorder.rescued is not None
    (session,) = json.loads(recorder.rescued.read_text())["sessions"]
    by_exercise = {e["exercise"]: e for e in session["exercises"]}
    assert by_exercise["glute-bridge"]["rating"] == "hard" and by_exercise["bird-dog"]["rating"] == "easy"
    assert by_exercise["glute-bridge"]["dose"] == {"sets": 2, "reps": 10, "hold_seconds": None}
    assert session["pain"] == 3
