"""Sessions as plain values, and their exchange format (docs/contract.md: ``history --json``, export, import)."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, NoReturn

from backtimer.core.content.model import Dose, Side
from backtimer.core.errors import BadInput
from backtimer.core.progress.streaks import Entry
from backtimer.core.session.results import ExerciseTally

FORMAT = "backtimer-history"
FORMAT_VERSION = 2  # 2 added ratings, "this hurts", doses, pain and the next-day answer; 1 still imports
STATUSES = ("completed", "stopped")
# What an imported session may hold: dates a person could have exercised on (so every later date sum works), counts
# SQLite stores exactly, and the speeds ``backtimer run --speed`` allows.
FIRST_YEAR, LAST_YEAR = 1970, 2199
MAX_COUNT = 10**6
SPEEDS = (0.1, 1000.0)

RATINGS = ("easy", "right", "hard", "painful")
NEXT_DAY = ("better", "same", "worse")


@dataclass(frozen=True)
class ExerciseFeedback:
    """What one exercise of a session was planned at and how the person rated it."""

    exercise: str
    rating: str | None = None  # easy | right | hard | painful
    dose: Dose | None = None


@dataclass(frozen=True)
class SessionRecord:
    """One session as history shows it. ``started_at``/``ended_at`` carry the offset of the place it started."""

    id: str
    routine: str
    level: str
    started_at: datetime
    ended_at: datetime | None
    zone: str | None
    local_date: date
    status: str  # completed | stopped | open (being recorded, or left by a crash until the next open)
    speed: float
    exercises: tuple[ExerciseTally, ...]
    comfort: int | None  # the older rating: 10 = felt great
    note: str
    pain: int | None = None  # the standard scale: 0 = no pain, 10 = worst
    next_day: str | None = None  # better | same | worse
    feedback: tuple[ExerciseFeedback, ...] = ()

    def feedback_of(self, exercise: str) -> ExerciseFeedback | None:
        return next((f for f in self.feedback if f.exercise == exercise), None)

    @property
    def seconds(self) -> float:
        return max((self.ended_at - self.started_at).total_seconds(), 0.0) if self.ended_at else 0.0

    @property
    def completed(self) -> bool:
        return self.status == "completed"

    @property
    def demo(self) -> bool:
        """Run with ``--speed``: history, but not a day of exercise (no streak, not "today: done")."""
        return self.speed != 1

    def entry(self) -> Entry:
        """What streaks count: a completed session at real speed (the same rule the SQL in ``load_entries`` has)."""
        return Entry(self.started_at.replace(tzinfo=None), self.completed and not self.demo)


def to_json(record: SessionRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "routine": record.routine,
        "level": record.level,
        "started_at": record.started_at.isoformat(),
        "local_date": record.local_date.isoformat(),
        "ended_at": record.ended_at.isoformat() if record.ended_at else None,
        "status": "completed" if record.completed else "stopped",
        "exercises": [
            {
                "exercise": t.exercise,
                "side": t.side.value if t.side else None,
                "sets_done": t.sets_done,
                "reps_done": t.reps_done,
                "skipped": t.skipped,
                "rating": _rating(record, t.exercise),
                "hurt": t.hurt,
                "dose": dose_json(_dose(record, t.exercise)),
            }
            for t in record.exercises
        ],
        "comfort": record.comfort,
        "pain": record.pain,
        "next_day": record.next_day,
        "note": record.note,
        "zone": record.zone,
        "speed": record.speed,
        "minutes": round(record.seconds / 60, 1),
    }


def _rating(record: SessionRecord, exercise: str) -> str | None:
    found = record.feedback_of(exercise)
    return found.rating if found else None


def _dose(record: SessionRecord, exercise: str) -> Dose | None:
    found = record.feedback_of(exercise)
    return found.dose if found else None


def dose_json(dose: Dose | None) -> dict[str, Any] | None:
    if dose is None:
        return None
    return {"sets": dose.sets, "reps": dose.reps, "hold_seconds": dose.hold}


def document(records: Sequence[SessionRecord]) -> dict[str, Any]:
    return {"format": FORMAT, "version": FORMAT_VERSION, "sessions": [to_json(r) for r in records]}


CSV_COLUMNS = (
    *("id", "routine", "level", "started_at", "local_date", "ended_at", "status", "speed", "comfort", "note"),
    *("exercise", "side", "sets_done", "reps_done", "skipped", "hurt"),
    *("pain", "next_day", "rating", "dose_sets", "dose_reps", "dose_hold_seconds"),  # added by version 2
)


def to_csv(records: Sequence[SessionRecord]) -> str:
    """One row per exercise and side (a session with none still gets one row), for spreadsheets."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        head = to_json(record)
        session = [head[k] for k in CSV_COLUMNS[:10]]
        session = ["" if v is None else v for v in session]
        for line in head["exercises"] or [None]:
            tail = [line[k] for k in CSV_COLUMNS[10:16]] if line else [""] * 6
            dose = (line or {}).get("dose") or {}
            added = [head["pain"], head["next_day"], (line or {}).get("rating")]
            added += [dose.get("sets"), dose.get("reps"), dose.get("hold_seconds")]
            writer.writerow([*session, *("" if v is None else v for v in [*tail, *added])])
    return out.getvalue()


def parse_document(data: Any, source: str) -> list[SessionRecord]:
    """Read an export back, checking everything first: the first problem raises BadInput naming where it is."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadInput(f'{source}: not a backtimer history file (expected "format": "{FORMAT}")')
    if not isinstance(data.get("version"), int) or data["version"] > FORMAT_VERSION or data["version"] < 1:
        raise BadInput(f"{source}: version: {data.get('version')!r} is not a version this backtimer reads")
    sessions = data.get("sessions")
    if not isinstance(sessions, list):
        raise BadInput(f"{source}: sessions: expected a list")
    records, seen = [], set()
    for n, item in enumerate(sessions):
        record = _parse_session(item, f"{source}: sessions[{n}]")
        if record.id not in seen:
            seen.add(record.id)
            records.append(record)
    return records


def _parse_session(item: Any, where: str) -> SessionRecord:
    if not isinstance(item, dict):
        raise BadInput(f"{where}: expected an object")
    get = _Getter(item, where)
    try:
        session_id = str(uuid.UUID(get.text("id")))
    except ValueError:
        raise BadInput(f"{where}: id: {item['id']!r} is not a UUID") from None
    started = get.moment("started_at")
    assert started is not None
    status = get.text("status")
    if status not in STATUSES:
        raise BadInput(f"{where}: status: {status!r} is not one of {', '.join(STATUSES)}")
    comfort, pain = get.scale("comfort"), get.scale("pain")
    next_day = get.choice("next_day", NEXT_DAY)
    exercises = item.get("exercises", [])
    if not isinstance(exercises, list):
        raise BadInput(f"{where}: exercises: expected a list")
    lines = [_parse_line(line, f"{where}: exercises[{i}]") for i, line in enumerate(exercises)]
    return SessionRecord(
        id=session_id,
        routine=get.text("routine"),
        level=get.text("level"),
        started_at=started,
        ended_at=get.moment("ended_at", optional=True),
        zone=item.get("zone") if isinstance(item.get("zone"), str) else None,
        local_date=get.day("local_date"),
        status=status,
        speed=get.number("speed", 1.0),
        exercises=tuple(tally for tally, _ in lines),
        comfort=comfort,
        note=get.optional_text("note"),
        pain=pain,
        next_day=next_day,
        feedback=_merged([feedback for _, feedback in lines]),
    )


def _merged(lines: list[ExerciseFeedback]) -> tuple[ExerciseFeedback, ...]:
    """One feedback per exercise (its lines per side carry the same): the first rating and dose given."""
    merged: dict[str, ExerciseFeedback] = {}
    for line in lines:
        old = merged.get(line.exercise, ExerciseFeedback(line.exercise))
        merged[line.exercise] = ExerciseFeedback(line.exercise, old.rating or line.rating, old.dose or line.dose)
    return tuple(f for f in merged.values() if f.rating is not None or f.dose is not None)


def _parse_line(line: Any, where: str) -> tuple[ExerciseTally, ExerciseFeedback]:
    tally = _parse_tally(line, where)
    get = _Getter(line, where)
    return tally, ExerciseFeedback(tally.exercise, get.choice("rating", RATINGS), _parse_dose(line.get("dose"), where))


def _parse_dose(value: Any, where: str) -> Dose | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise BadInput(f"{where}: dose: expected an object with sets, reps and hold_seconds (or null)")
    get = _Getter(value, f"{where}: dose")
    sets = get.count("sets")
    if sets < 1:
        get.fail("sets", "a whole number, 1 or more")
    reps = value.get("reps")
    if reps is not None and (type(reps) is not int or reps < 1):
        get.fail("reps", "a whole number, 1 or more (or null)")
    hold = value.get("hold_seconds")
    if hold is not None:
        hold = get.number("hold_seconds", 1.0)
    return Dose(sets, reps, hold)


def _parse_tally(line: Any, where: str) -> ExerciseTally:
    if not isinstance(line, dict):
        raise BadInput(f"{where}: expected an object")
    get = _Getter(line, where)
    side = line.get("side")
    if side not in (None, "left", "right"):
        raise BadInput(f"{where}: side: {side!r} is not left, right or null")
    return ExerciseTally(
        exercise=get.text("exercise"),
        side=Side(side) if side else None,
        sets_done=get.count("sets_done"),
        reps_done=get.count("reps_done"),
        skipped=get.flag("skipped"),
        hurt=get.flag("hurt", optional=True),
    )


class _Getter:
    """Typed reads from one JSON object, each failure naming the field."""

    def __init__(self, item: dict[str, Any], where: str) -> None:
        self.item, self.where = item, where

    def fail(self, key: str, expected: str) -> NoReturn:
        raise BadInput(f"{self.where}: {key}: expected {expected}, got {self.item.get(key)!r}")

    def text(self, key: str) -> str:
        value = self.item.get(key)
        return value if isinstance(value, str) and value.strip() else self.fail(key, "text")

    def optional_text(self, key: str) -> str:
        value = self.item.get(key)
        return value or "" if isinstance(value, (str, type(None))) else self.fail(key, "text or null")

    def count(self, key: str) -> int:
        value = self.item.get(key)
        if type(value) is int and 0 <= value <= MAX_COUNT:
            return value
        self.fail(key, f"a whole number from 0 to {MAX_COUNT}")

    def flag(self, key: str, optional: bool = False) -> bool:
        value = self.item.get(key, False if optional else None)
        return value if isinstance(value, bool) else self.fail(key, "true or false")

    def scale(self, key: str) -> int | None:
        """A 0-10 rating, or null."""
        value = self.item.get(key)
        if value is not None and (type(value) is not int or not 0 <= value <= 10):
            raise BadInput(f"{self.where}: {key}: {value!r} is not a whole number from 0 to 10 (or null)")
        return value

    def choice(self, key: str, choices: tuple[str, ...]) -> str | None:
        value = self.item.get(key)
        if value is not None and value not in choices:
            raise BadInput(f"{self.where}: {key}: {value!r} is not one of {', '.join(choices)} (or null)")
        return value if isinstance(value, str) else None

    def number(self, key: str, default: float) -> float:
        value = self.item.get(key, default)
        low, high = SPEEDS
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and low <= value <= high
        return float(value) if ok else self.fail(key, f"a number from {low:g} to {high:g}")

    def moment(self, key: str, optional: bool = False) -> datetime | None:
        value = self.item.get(key)
        if value is None and optional:
            return None
        try:
            moment = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            self.fail(key, "an ISO 8601 time with its UTC offset")
        if not FIRST_YEAR <= moment.year <= LAST_YEAR:
            self.fail(key, f"a time in the years {FIRST_YEAR} to {LAST_YEAR}")
        return moment

    def day(self, key: str) -> date:
        value = self.item.get(key)
        try:
            day = date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            day = None
        if day is None:
            self.fail(key, "a YYYY-MM-DD date")
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            self.fail(key, f"a date in the years {FIRST_YEAR} to {LAST_YEAR}")
        return day


def utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_utc(text: str, offset_seconds: int) -> datetime:
    """The stored UTC time in its place's offset (kept in UTC at the calendar's very ends, where that cannot be)."""
    moment = datetime.fromisoformat(text)
    try:
        return moment.astimezone(timezone(timedelta(seconds=offset_seconds)))
    except (OverflowError, ValueError):
        return moment
