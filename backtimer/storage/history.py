"""The session history in SQLite: every finished step written at once, nothing the user did ever lost.

- WAL, a busy timeout and ``BEGIN IMMEDIATE`` for every write, so two backtimers can record at the same time.
- A damaged file is moved aside (kept), a fresh one started with every row that could still be read; ``notices``
  says so once, with how many sessions were recovered.
- A file written by a newer backtimer is only read (``refused`` says why): nothing is written into it.
- A write that fails (read-only or full disk, a lock held too long) is queued in memory and retried before the next
  write and by ``flush()``, which the app calls before it exits. Every write is idempotent, so a retry never doubles.
- A session a crash left open shows as stopped, and is marked so on the next open.
- What this process records is also kept in memory, so ``unsaved()`` can hand over any session whose writes never
  reached the file (the shells save it as an import-ready file: a finished session is never dropped).
- A session's times come from the wall clock at its start plus the monotonic time since: a clock jump while it runs
  does not change its length. The file and its WAL/SHM companions are private to the user (0600).
"""

from __future__ import annotations

import contextlib
import os
import socket
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

from backtimer.core.progress.streaks import Entry, StreakRules, StreakSummary, summarize
from backtimer.core.session.results import StepResult, tally
from backtimer.storage import queries
from backtimer.storage.files import move_aside
from backtimer.storage.migrations import NewerSchema, migrate
from backtimer.storage.records import SessionRecord, utc_text
from backtimer.storage.salvage import salvage

# Seconds to wait for another backtimer's write. Writes run on the GUI thread, so this stays well under the
# session's 5-second "was the machine asleep?" gap; a write that finds the file locked longer goes to the retry
# queue (saved as soon as it can be) instead of freezing the window. Two busy writers need about a second here.
BUSY_TIMEOUT = 2.0
PURGE_AFTER = timedelta(days=1)  # a deleted session can be undone until then
Write = Callable[[sqlite3.Connection], None]


def wall_now() -> datetime:
    """Now, with the local UTC offset."""
    return datetime.now().astimezone()


@dataclass
class _Live:
    """A session this process recorded, as it would be exported: what ``unsaved()`` hands over."""

    record: SessionRecord
    monotonic_start: float
    results: list[StepResult] = field(default_factory=list)


class HistoryStore:
    def __init__(
        self,
        path: Path,
        *,
        now: Callable[[], datetime] = wall_now,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = path
        self.now = now
        self.monotonic = monotonic
        self.owner = f"{socket.gethostname()}:{os.getpid()}"
        self.notices: list[str] = []
        self.refused: str | None = None  # why nothing may be written (a file from a newer backtimer)
        self.trouble: str | None = None  # the last reason a write failed, in a few words
        self._told: set[str] = set()
        self._pending: list[tuple[str | None, Write]] = []  # (the session it belongs to, the write)
        self._mine: set[str] = set()  # sessions this process is recording
        self._live: dict[str, _Live] = {}
        self._read_only = False
        self._conn: sqlite3.Connection | None = None
        self._connect()

    # ----- opening ---------------------------------------------------------------------------------------------
    def _connect(self) -> bool:
        """Open (or create) the database; on failure leave ``_conn`` None and say why once."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            _create_private(self.path)
            self._conn = self._open_checked()
        except NewerSchema as err:
            self.refused = f"{err}: it is only read, and nothing new can be saved into it"
            self._tell("newer", f"{self.refused}.")
            self._conn = self._open_read_only()  # shown as it is, never written
            self._read_only = True
            return False
        except (sqlite3.Error, OSError) as err:
            self.trouble = _reason(err)
            self._tell("write", _cannot_write(self.path, err))
            self._conn = self._open_read_only()  # the history can still be shown; new steps wait in memory
            self._read_only = True
            return False
        self._read_only = False
        _make_private(self.path)
        return True

    def _open_read_only(self) -> sqlite3.Connection | None:
        """The existing file opened for reading only (a read-only folder or medium), or None."""
        try:
            if not self.path.is_file():
                return None
        except OSError:  # a folder that cannot even be looked into
            return None
        try:
            conn = sqlite3.connect(f"{self.path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            conn.execute("SELECT count(*) FROM sessions").fetchone()
        except sqlite3.Error:
            return None
        return conn

    def _open_checked(self) -> sqlite3.Connection:
        """Open and check the file; a damaged one is moved aside (kept) and a fresh one started."""
        try:
            conn = self._open()
        except sqlite3.DatabaseError as err:
            if not _damaged(err):
                raise
            return self._start_over()
        try:
            healthy = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        except sqlite3.DatabaseError as err:
            if not _damaged(err):
                conn.close()
                raise
            healthy = False
        if not healthy:
            conn.close()
            return self._start_over()
        self._prepare(conn)
        return conn

    def _start_over(self) -> sqlite3.Connection:
        kept = self._move_aside()
        _create_private(self.path)
        conn = self._open()
        self._prepare(conn)
        try:
            recovered = salvage(kept, conn)
        except sqlite3.Error:
            recovered = 0
        count = f"{recovered} session{'s' if recovered != 1 else ''}"
        self._tell(
            "corrupt",
            f"The history file was damaged; it was kept as {kept.name}, and {count} could be read back into a new one.",
        )
        return conn

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")  # a finished step survives a power cut, not only a crash
            conn.execute("PRAGMA foreign_keys = ON")
            self._configure(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _configure(self, conn: sqlite3.Connection) -> None:
        """A seam for subclasses (tests set a page limit here to fill the disk)."""

    def _prepare(self, conn: sqlite3.Connection) -> None:
        migrate(conn, self.path)
        rows = conn.execute(queries.OPEN_SESSIONS).fetchall()
        stale = [sid for sid, owner in rows if sid not in self._mine and _dead(owner, self.owner)]
        cutoff = utc_text(self.now() - PURGE_AFTER)
        try:
            with _transaction(conn):
                for sid in stale:
                    conn.execute(queries.MARK_STOPPED, (sid,))
                conn.execute(queries.PURGE_DELETED, (cutoff,))
        except sqlite3.OperationalError:
            pass  # read-only or busy: housekeeping waits for the next open; reading still works

    def _move_aside(self) -> Path:
        kept = move_aside(self.path)
        for suffix in ("-wal", "-shm"):
            extra = self.path.with_name(self.path.name + suffix)
            if extra.exists():
                os.replace(extra, kept.with_name(kept.name + suffix))
        return kept

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # ----- writing ---------------------------------------------------------------------------------------------
    @property
    def pending(self) -> int:
        """Writes waiting for the disk to accept them."""
        return len(self._pending)

    def begin(self, routine: str, level: str, speed: float = 1.0, zone: str | None = None) -> str:
        """Open a session record now; returns its id."""
        session_id = str(uuid.uuid4())
        started = self.now()
        row: tuple[object, ...] = (session_id, routine, level, utc_text(started), _offset(started), zone)
        row += (started.date().isoformat(), None, "open", speed, None, "", self.owner, utc_text(started))
        self._mine.add(session_id)
        record = SessionRecord(
            session_id, routine, level, started, None, zone, started.date(), "stopped", speed, (), None, ""
        )
        self._live[session_id] = _Live(record, self.monotonic())
        self._write(_run(queries.INSERT_SESSION, row), session_id)
        return session_id

    def moment(self, session_id: str) -> datetime:
        """Now, for a session this process records: its start plus the monotonic time since (clock jumps ignored)."""
        live = self._live.get(session_id)
        if live is None:
            return self.now()
        return live.record.started_at + timedelta(seconds=max(self.monotonic() - live.monotonic_start, 0.0))

    def add_step(self, session_id: str, seq: int, result: StepResult) -> None:
        """Write one finished work step (``seq`` counts the session's steps from 0) and refresh the tallies."""
        at = utc_text(self.moment(session_id))
        if session_id in self._live:
            live = self._live[session_id]
            live.results.append(result)
            live.record = replace(live.record, exercises=tuple(tally(live.results)))
        side = result.side.value if result.side else None
        row: tuple[object, ...] = (
            session_id,
            seq,
            result.step_index,
            result.exercise_id,
            side,
            result.set,
            result.sets,
        )
        row += (result.reps_done, result.seconds_done, result.outcome.value, at)

        def write(conn: sqlite3.Connection) -> None:
            conn.execute(queries.INSERT_STEP, row)
            conn.execute(queries.TOUCH, (at, session_id))
            queries.refresh_tallies(conn, session_id)

        self._write(write, session_id)

    def finish(self, session_id: str, completed: bool) -> None:
        ended = self.moment(session_id)
        at = utc_text(ended)
        status = "completed" if completed else "stopped"
        self._mine.discard(session_id)
        if session_id in self._live:
            live = self._live[session_id]
            live.record = replace(live.record, ended_at=ended, status=status)
        self._write(_run(queries.FINISH, (status, at, at, session_id)), session_id)

    def rate(self, session_id: str, comfort: int | None, note: str, pain: int | None = None) -> None:
        """The person's ratings after the session: ``pain`` 0 (none) to 10 (worst); ``comfort`` is the older scale."""
        for name, value in (("comfort", comfort), ("pain", pain)):
            if value is not None and not 0 <= value <= 10:
                raise ValueError(f"{name} {value} is not 0..10")
        if session_id in self._live:
            live = self._live[session_id]
            live.record = replace(live.record, comfort=comfort, note=note.strip(), pain=pain)
        self._write(_run(queries.RATE, (comfort, note.strip(), pain, session_id)), session_id)

    def delete(self, session_id: str) -> None:
        """Hide a session; ``undelete`` brings it back (until it is purged a day later)."""
        at = utc_text(self.now())
        self._write(_run(queries.DELETE, (at, session_id)))

    def undelete(self, session_id: str) -> None:
        self._write(_run(queries.UNDELETE, (session_id,)))

    def import_records(self, records: Iterable[SessionRecord]) -> int:
        """Add the sessions whose id is new, all in one transaction; returns how many were added. Raises on failure."""
        conn = self._require()
        with _transaction(conn):
            return sum(queries.insert_record(conn, record) for record in records)

    def write(self, write: Write, session_id: str | None = None) -> None:
        """Run ``write`` in a transaction now, or queue it until the file takes it (storage/coaching.py);
        ``session_id``: the session it belongs to, so a session saved to a file when the history cannot take it
        carries it too."""
        self._write(write, session_id)

    def change_live(self, session_id: str, change: Callable[[SessionRecord], SessionRecord]) -> None:
        """Apply ``change`` to the in-memory copy of a session this process is recording (what ``unsaved()``
        hands over when the file cannot take it); sessions not recorded here are left alone."""
        live = self._live.get(session_id)
        if live is not None:
            live.record = change(live.record)

    def connection(self) -> sqlite3.Connection | None:
        """The open connection for reading (None when there is no history file to read)."""
        return self._conn

    @property
    def recording(self) -> set[str]:
        """The sessions this process is recording."""
        return set(self._mine)

    def flush(self) -> bool:
        """Retry the queued writes; True when nothing is left waiting."""
        if self._pending:
            self._write(None)
        return not self._pending

    def unsaved(self) -> list[SessionRecord]:
        """The sessions this process recorded whose writes have not all reached the file, as export shows them.

        One still being recorded reads as stopped at this moment, with what was done so far.
        """
        waiting = {sid for sid, _ in self._pending if sid is not None}
        found = []
        for sid in waiting & set(self._live):
            record = self._live[sid].record
            if record.ended_at is None:
                record = replace(record, ended_at=self.moment(sid))
            found.append(record)
        return found

    def _write(self, write: Write | None, session_id: str | None = None) -> None:
        if write is not None:
            self._pending.append((session_id, write))
        if self.refused is not None:
            return  # never written into: the shells save the session as a file instead
        if (self._conn is None or self._read_only) and not self._reconnect():
            return
        assert self._conn is not None
        try:
            while self._pending:
                with _transaction(self._conn):
                    self._pending[0][1](self._conn)
                self._pending.pop(0)
        except sqlite3.Error as err:
            self.trouble = _reason(err)
            self._tell("write", _cannot_write(self.path, err))
            return
        if "write" in self._told:
            self._told.discard("write")
            self.notices.append("History is being saved again.")

    def _reconnect(self) -> bool:
        """Try the file again for writing (the folder or disk may have come back)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        return self._connect()

    def _require(self) -> sqlite3.Connection:
        """A connection that can write, or OSError with the one-line reason."""
        if self.refused is not None:
            raise OSError(f"{self.path}: {self.refused}")
        if (self._conn is None or self._read_only) and not self._reconnect():
            raise OSError(self.notices[-1] if self.notices else f"cannot open {self.path}")
        assert self._conn is not None
        return self._conn

    def _tell(self, key: str, text: str) -> None:
        if key not in self._told:
            self._told.add(key)
            self.notices.append(text)

    # ----- reading ---------------------------------------------------------------------------------------------
    def sessions(self, exercises: bool = True) -> list[SessionRecord]:
        """Every session not deleted, newest first; one this process is not recording and not finished is stopped.

        With ``exercises=False`` the per exercise lines are left out (fast, for lists); ``session()`` has them.
        """
        if self._conn is None:
            return []
        return queries.load_records(self._conn, self._mine, exercises=exercises)

    def session(self, session_id: str) -> SessionRecord | None:
        """One session with its exercise lines, or None if it is not there (or deleted)."""
        if self._conn is None:
            return None
        found = queries.load_records(self._conn, self._mine, session_id=session_id)
        return found[0] if found else None

    def entries(self) -> list[Entry]:
        """What streaks need, read without the tallies."""
        if self._conn is None:
            return []
        return queries.load_entries(self._conn)

    def totals(self) -> tuple[int, int, float]:
        """(sessions, completed sessions, minutes)."""
        if self._conn is None:
            return (0, 0, 0.0)
        return queries.totals(self._conn)

    def summary(self, rules: StreakRules, now_local: datetime | None = None) -> StreakSummary:
        """Today's state and the streaks, e.g. for the home screen."""
        return summarize(self.entries(), rules, (now_local or self.now()).replace(tzinfo=None))


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # a failed COMMIT may leave it open: every later BEGIN would fail
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise


def _run(sql: str, params: tuple[object, ...]) -> Write:
    def write(conn: sqlite3.Connection) -> None:
        conn.execute(sql, params)

    return write


def _offset(moment: datetime) -> int:
    delta = moment.utcoffset()
    return int(delta.total_seconds()) if delta is not None else 0


def _damaged(err: sqlite3.Error) -> bool:
    """Corruption, as opposed to trouble reaching the file (locked, read-only, full, missing folder)."""
    name = getattr(err, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in str(err)


def _dead(owner: str, me: str) -> bool:
    """Whether the process that opened a session is gone (only knowable on this host; elsewhere: assume alive)."""
    host, _, pid_text = owner.rpartition(":")
    if owner == me or not pid_text.isdigit():
        return True  # our own host:pid on a session we are not recording: an earlier process with our pid
    if host != socket.gethostname():
        return False
    return not _alive(int(pid_text))


def _alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill would terminate the process on Windows: the row shows as stopped anyway
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _create_private(path: Path) -> None:
    """Create an empty database file readable by its owner only (SQLite gives its WAL and SHM the same mode)."""
    if os.name != "posix":
        return
    with contextlib.suppress(FileExistsError):  # an unreadable folder raises here: the caller reports it
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _make_private(path: Path) -> None:
    """An existing history (from an earlier version, made under the usual umask) and its companions become 0600."""
    if os.name != "posix":
        return
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm"):
        candidate = path.with_name(name)
        with contextlib.suppress(OSError):
            info = candidate.lstat()
            if info.st_uid == os.geteuid() and info.st_mode & 0o077 and not candidate.is_symlink():
                os.chmod(candidate, 0o600)


def _reason(err: Exception) -> str:
    return str(err) if isinstance(err, sqlite3.Error) else (getattr(err, "strerror", None) or str(err))


def _cannot_write(path: Path, err: Exception) -> str:
    reason = _reason(err)
    return (
        f"Cannot save history in {path.parent} ({reason}); anything new is kept in memory and saved as soon as it can"
        " be."
    )
