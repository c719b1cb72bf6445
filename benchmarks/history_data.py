"""Made-up but realistic histories for benchmarks and screenshots: ten faithful years, or a new user's first days."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta, timezone

from backtimer.core.content.model import Side
from backtimer.core.session.results import ExerciseTally
from backtimer.storage.records import SessionRecord

EXERCISES = (
    ("prone-snow-angel", None),
    ("prone-leg-lift", None),
    ("glute-bridge", None),
    ("figure-four-bridge", Side.LEFT),
    ("figure-four-bridge", Side.RIGHT),
    ("bird-dog", Side.LEFT),
    ("bird-dog", Side.RIGHT),
    ("knee-drop-twist", Side.LEFT),
    ("knee-drop-twist", Side.RIGHT),
)
NOTES = ("", "", "", "", "Felt stiff this morning", "Easy today", "Left side tight", "Slept badly; went gently")


def record(
    day: date, at: time, offset_hours: int, completed: bool, rng: random.Random, comfort: int | None
) -> SessionRecord:
    zone = timezone(timedelta(hours=offset_hours))
    started = datetime.combine(day, at, zone)
    minutes = rng.uniform(11, 16) if completed else rng.uniform(2, 8)
    done = len(EXERCISES) if completed else rng.randint(1, 4)
    lines = tuple(
        ExerciseTally(ex, side, 2 if n < done else 0, (20 if side is None else 10) if n < done else 0, n >= done, False)
        for n, (ex, side) in enumerate(EXERCISES)
    )
    return SessionRecord(
        id=str(uuid.UUID(int=rng.getrandbits(128))),
        routine="lower-back",
        level="standard" if day.year % 2 else "beginner",
        started_at=started,
        ended_at=started + timedelta(minutes=minutes),
        zone=None,
        local_date=day,
        status="completed" if completed else "stopped",
        speed=1.0,
        exercises=lines,
        comfort=comfort,
        note=rng.choice(NOTES) if comfort is not None else "",
    )


def ten_years(today: date, seed: int = 7, years: int = 10) -> list[SessionRecord]:
    """Daily sessions for ``years`` years: most days done, a few missed, some stopped, some doubled, a trip."""
    rng = random.Random(seed)
    records = []
    for back in range(years * 365, -1, -1):
        day = today - timedelta(days=back)
        if back == 0 or (back > 23 and rng.random() < 0.12):  # the last three weeks: a streak to show
            continue  # today still open; about one day in eight missed
        offset = 9 if 200 <= back <= 214 else 1  # two weeks away, eight hours east
        comfort = min(10, max(0, round(4 + 4 * (1 - back / (years * 365)) + rng.gauss(0, 1.2))))
        at = time(rng.choice((6, 7, 7, 8, 19, 21)), rng.randrange(60))
        records.append(record(day, at, offset, rng.random() > 0.06, rng, comfort if rng.random() < 0.6 else None))
        if rng.random() < 0.05:
            records.append(record(day, time(22, 10), offset, True, rng, None))
    return records


def new_user(today: date, seed: int = 3) -> list[SessionRecord]:
    """Someone who started nine days ago: a few sessions, one stopped early, a three-day streak."""
    rng = random.Random(seed)
    plan = [(9, True, 5), (8, False, None), (6, True, 6), (3, True, 6), (2, True, 7), (1, True, 7)]
    return [record(today - timedelta(days=back), time(7, 40), 1, done, rng, c) for back, done, c in plan]


RATED = ("easy", "right", "right", "right", "hard", None)


def with_feedback(records: list[SessionRecord], seed: int = 11) -> list[SessionRecord]:
    """The same sessions with what the coach reads: pain afterwards, a next-day answer, each exercise's rating and
    the dose it was done at (the beginner doses in beginner years, the standard ones otherwise)."""
    from dataclasses import replace

    from backtimer.core.content.model import Dose
    from backtimer.storage.records import ExerciseFeedback

    rng = random.Random(seed)
    doses = {"beginner": Dose(2, 8), "standard": Dose(2, 10)}
    out = []
    for r in records:
        feedback = tuple(
            ExerciseFeedback(ex, rng.choice(RATED), doses[r.level]) for ex in dict.fromkeys(e for e, _ in EXERCISES)
        )
        pain = max(0, min(10, round(rng.gauss(2.5, 1.5))))
        next_day = rng.choice(("better", "same", "same", None))
        out.append(replace(r, pain=pain, next_day=next_day, feedback=feedback))
    return out
