"""What the progression coach keeps in the history file: planned doses, ratings, the next-day answer, accepted doses."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime

from backtimer.core.content.model import Dose
from backtimer.core.progress.coach import Accepted, NextDayQuestion, Observation
from backtimer.storage import feedback
from backtimer.storage.history import HistoryStore, Write
from backtimer.storage.records import NEXT_DAY, RATINGS, ExerciseFeedback, SessionRecord, utc_text


class CoachStore:
    """Reads and writes through ``store``: writes queue like every other when the disk will not take them."""

    def __init__(self, store: HistoryStore) -> None:
        self.store = store

    # ----- one session ---------------------------------------------------------------------------------------
    def plan_doses(self, session_id: str, doses: Mapping[str, Dose]) -> None:
        """The dose each exercise of the session is planned at (written as the session opens)."""
        rows = feedback.plan_rows(session_id, doses)

        def write(conn: sqlite3.Connection) -> None:
            conn.executemany(feedback.PLAN_DOSE, rows)

        self.store.write(write, session_id)
        for exercise, dose in doses.items():
            self.store.change_live(session_id, _with_feedback(exercise, dose=dose))

    def rate_exercise(self, session_id: str, exercise: str, rating: str | None) -> None:
        if rating is not None and rating not in RATINGS:
            raise ValueError(f"rating {rating!r} is not one of {RATINGS}")
        params = {"session": session_id, "exercise": exercise, "rating": rating}
        self.store.write(_run(feedback.RATE_EXERCISE, params), session_id)
        self.store.change_live(session_id, _with_feedback(exercise, rating=rating))

    def answer_next_day(self, session_id: str, answer: str) -> None:
        if answer not in NEXT_DAY:
            raise ValueError(f"next-day answer {answer!r} is not one of {NEXT_DAY}")
        self.store.write(_run(feedback.NEXT_DAY, (answer, utc_text(self.store.now()), session_id)))

    def asked_next_day(self, session_id: str) -> None:
        """The question was shown and put aside: it is not asked again."""
        self.store.write(_run(feedback.ASKED, (utc_text(self.store.now()), session_id)))

    def awaiting_next_day(self, today: date) -> NextDayQuestion | None:
        """The last session, when it was on an earlier day and its next-day question was never shown."""
        conn = self.store.connection()
        found = feedback.awaiting_next_day(conn, today) if conn is not None else None
        record = self.store.session(found) if found else None
        return NextDayQuestion(record.id, record.routine, record.local_date) if record else None

    def today(self) -> date:
        return self.store.now().date()

    # ----- doses ---------------------------------------------------------------------------------------------
    def accepted(self, routine: str) -> dict[str, Accepted]:
        conn = self.store.connection()
        return feedback.accepted(conn, routine) if conn is not None else {}

    def accept(self, routine: str, exercise: str, dose: Dose, *, up: bool) -> None:
        """The person accepted ``dose`` for ``exercise`` (``up``: a step up, for the one-rung-a-week rule)."""
        now = self.store.now()
        day = now.date().isoformat()
        row = (routine, exercise, dose.sets, dose.reps, dose.hold, utc_text(now), day, day if up else None)
        self.store.write(_run(feedback.ACCEPT, row))

    def reset(self, routine: str) -> None:
        """Back to the routine's level: the accepted doses of ``routine`` are dropped."""
        self.store.write(_run(feedback.RESET, (routine,)))

    def observations(
        self, routine: str, current: Mapping[str, Dose], since: Mapping[str, datetime]
    ) -> dict[str, list[Observation]]:
        conn = self.store.connection()
        if conn is None:
            return {exercise: [] for exercise in current}
        return feedback.observations(conn, routine, current, since, self.store.recording)


def _run(sql: str, params: tuple[object, ...] | Mapping[str, object]) -> Write:
    def write(conn: sqlite3.Connection) -> None:
        conn.execute(sql, params)

    return write


def _with_feedback(
    exercise: str, *, rating: str | None = None, dose: Dose | None = None
) -> Callable[[SessionRecord], SessionRecord]:
    """A change to a session record: ``exercise``'s rating or planned dose set (the other kept)."""

    def change(record: SessionRecord) -> SessionRecord:
        old = record.feedback_of(exercise) or ExerciseFeedback(exercise)
        new = ExerciseFeedback(exercise, rating if rating is not None else old.rating, dose or old.dose)
        rest = tuple(f for f in record.feedback if f.exercise != exercise)
        return replace(record, feedback=(*rest, new))

    return change
