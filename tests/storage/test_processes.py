"""Real processes against one history file: killed mid-session, two at once, a folder it cannot write."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
from pathlib import Path

import pytest

from backtimer.storage.history import HistoryStore
from tests.storage.conftest import RECORD_LOOP, python, step

pytestmark = pytest.mark.slow


def test_sigkill_mid_session_loses_no_finished_step(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    child = _start_loop(db, 100_000)
    assert child.stdout is not None
    sid = child.stdout.readline().strip()
    confirmed = -1
    while confirmed < 40:  # kill it while it is writing: at least 40 steps confirmed, more on the way
        confirmed = int(child.stdout.readline())
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate()
    for line in out.split():  # what it confirmed before the kill landed
        confirmed = int(line)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        seqs = [row[0] for row in conn.execute("SELECT seq FROM steps WHERE session_id = ? ORDER BY seq", (sid,))]
    assert seqs[: confirmed + 1] == list(range(confirmed + 1))  # every confirmed step, in order, none twice
    assert len(seqs) in (confirmed + 1, confirmed + 2)  # at most the step being confirmed when it died
    (record,) = HistoryStore(db).sessions()
    assert record.status == "stopped"
    assert record.exercises[0].reps_done == len(seqs)


def _start_loop(db: Path, steps: int) -> subprocess.Popen[str]:
    return python(RECORD_LOOP.replace("sys.argv[1]", repr(str(db))).replace("int(sys.argv[2])", str(steps)))


def test_two_processes_recording_at_once(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    HistoryStore(db).close()
    children = [_start_loop(db, 300) for _ in range(2)]
    outputs = [child.communicate(timeout=60) for child in children]
    for child, (out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
        assert out.split()[-1] == "done"
    records = HistoryStore(db).sessions()
    assert sorted(r.status for r in records) == ["completed", "completed"]
    assert [t.reps_done for r in records for t in r.exercises] == [300, 300]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT session_id || '/' || seq) FROM steps").fetchone() == (
            600,
            600,
        )


class ReadOnlyUntilAllowed(HistoryStore):
    """Opens the file the way SQLite does on a read-only mount until ``allowed``: its real "readonly" errors."""

    allowed = False

    def _open(self) -> sqlite3.Connection:
        if self.allowed:
            return super()._open()
        uri = f"file:{self.path}?mode=ro"
        return sqlite3.connect(uri, uri=True, timeout=1, isolation_level=None, check_same_thread=False)


def test_a_read_only_file_keeps_the_session_and_saves_it_later(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    HistoryStore(db).close()
    store = ReadOnlyUntilAllowed(db)
    assert store.notices == []  # reading is fine
    sid = store.begin("lower-back", "standard")
    for n in range(3):
        store.add_step(sid, n, step(n))
    store.finish(sid, True)
    assert store.pending == 5
    assert len(store.notices) == 1 and "readonly" in store.notices[0] and "saved as soon as" in store.notices[0]
    store.close()
    ReadOnlyUntilAllowed.allowed = True  # e.g. the disk was remounted
    assert store.flush() is True
    (record,) = HistoryStore(db).sessions()
    assert (record.status, record.exercises[0].sets_done) == ("completed", 3)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_keeps_the_session_and_saves_it_later(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        store = HistoryStore(folder / "history.sqlite3")
        sid = store.begin("lower-back", "standard")
        store.add_step(sid, 0, step(0))
        store.finish(sid, True)
        assert store.pending == 3 and len(store.notices) == 1
        assert store.notices[0].startswith(f"Cannot save history in {folder}")
    finally:
        folder.chmod(0o755)
    assert store.flush() is True
    assert HistoryStore(folder / "history.sqlite3").sessions()[0].status == "completed"


class CannotOpenForWriting(HistoryStore):
    """Like a read-only folder: SQLite cannot even open the file with its WAL beside it."""

    def _open(self) -> sqlite3.Connection:
        raise sqlite3.OperationalError("unable to open database file")


def test_a_history_that_cannot_be_written_is_still_shown(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    writer = HistoryStore(db)
    sid = writer.begin("start-small", "beginner")
    writer.add_step(sid, 0, step(0))
    writer.finish(sid, True)
    writer.close()
    store = CannotOpenForWriting(db)
    assert len(store.notices) == 1 and store.notices[0].startswith(f"Cannot save history in {tmp_path}")
    (record,) = store.sessions()  # what was recorded is shown, not hidden behind an empty list
    assert record.id == sid and record.status == "completed"
    store.close()
