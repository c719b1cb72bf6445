"""``backtimer routines`` and ``backtimer plan``: what there is to do, and step by step how."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from backtimer.commands.common import add_level, load_catalog, paths_of, print_json, routine_and_level
from backtimer.core.content.model import Dose, Level, Routine
from backtimer.core.progress.doses import with_doses
from backtimer.core.session.plan import Plan, build_plan, step_estimate
from backtimer.core.session.steps import Step, StepKind
from backtimer.core.wording import duration_text
from backtimer.practice.coaching import Coaching
from backtimer.practice.history import StoredHistory
from backtimer.practice.notices import Notices


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    routines = sub.add_parser("routines", parents=[common], help="list the routines and their lengths")
    routines.add_argument("--json", action="store_true", help="print JSON")
    routines.set_defaults(func=cmd_routines)
    plan = sub.add_parser("plan", parents=[common], help="show every step of a routine")
    plan.add_argument("routine", metavar="ROUTINE", help="a routine id, or a path to a routine or programme file")
    add_level(plan)
    plan.add_argument("--json", action="store_true", help="print JSON")
    plan.set_defaults(func=cmd_plan)


def cmd_routines(args: argparse.Namespace) -> int:
    catalog = load_catalog(args)
    rows: list[dict[str, Any]] = []
    for routine in catalog.routines.values():
        seconds = {level.value: round(build_plan(routine, level).total_seconds) for level in Level}
        rows.append(
            {
                "id": routine.id,
                "title": routine.title,
                "exercises": [entry.exercise.id for entry in routine.entries],
                "seconds": seconds,
                "default_level": routine.default_level.value,
                "description": routine.description,
                "source": routine.source,
            }
        )
    if args.json:
        print_json(rows)
        return 0
    print_table(
        [
            [row["id"], row["title"], f"{len(row['exercises'])} exercises"]
            + [f"{lvl} {duration_text(s):>5}" for lvl, s in row["seconds"].items()]
            for row in rows
        ]
    )
    return 0


def print_table(rows: list[list[str]]) -> None:
    """Columns as wide as their widest cell, two spaces apart, so every row lines up whatever the ids and titles."""
    widths = [max(len(row[n]) for row in rows) for n in range(len(rows[0]))] if rows else []
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def cmd_plan(args: argparse.Namespace) -> int:
    routine, level = routine_and_level(args)
    plan = build_plan(with_doses(routine, accepted_doses(args, routine)), level)
    if args.json:
        print_json(plan_json(plan))
        return 0
    print(f"{routine.title} — {level.value} — {duration_text(plan.total_seconds)}")
    at = 0.0
    for step in plan.steps:
        print(f"{duration_text(at):>6}  {describe_step(step)}")
        at += step_estimate(step)
    return 0


def accepted_doses(args: argparse.Namespace, routine: Routine) -> dict[str, Dose]:
    """The doses the person accepted for ``routine`` (none when there is no history yet)."""
    paths = paths_of(args)
    if not paths.history_db.is_file():
        return {}
    notices = Notices()
    notices.subscribe(lambda text: print(f"backtimer: {text}", file=sys.stderr))
    history = StoredHistory(paths.history_db, notices)
    try:
        return Coaching(history).accepted_doses(routine)
    finally:
        history.close()


def plan_json(plan: Plan) -> dict[str, Any]:
    return {
        "routine": plan.routine.id,
        "level": plan.level.value,
        "total_seconds": round(plan.total_seconds, 3),
        "steps": [step_json(step) for step in plan.steps],
    }


def step_json(step: Step) -> dict[str, Any]:
    return {
        "kind": step.kind.value,
        "exercise": step.exercise.id if step.exercise else None,
        "side": step.side.value if step.side else None,
        "set": step.set or None,
        "sets": step.sets or None,
        "reps": step.reps,
        "hold_seconds": step.hold_seconds,
        "seconds": step.seconds,
        "next_exercise": step.next_exercise.id if step.next_exercise else None,
        "cues": [
            {"at": round(cue.at, 3), "text": cue.text, "sound": cue.sound.value if cue.sound else None}
            for cue in step.cues
        ],
    }


def describe_step(step: Step) -> str:
    """One line for a step, as the plan listing and the terminal follow-along print it."""
    if step.kind is StepKind.PREPARE:
        return f"Get ready ({step.seconds:g} s)"
    if step.kind is StepKind.DONE:
        return "Done"
    if step.kind is StepKind.REST:
        upcoming = step.next_exercise.name if step.next_exercise else ""
        what = f"set {step.set} of {step.sets}" if step.exercise else upcoming
        return f"Rest {step.seconds:g} s, then {what}"
    if step.kind is StepKind.SWITCH:
        return f"Switch to the {step.side.value if step.side else 'other'} side ({step.seconds:g} s)"
    assert step.exercise is not None
    parts = [step.exercise.name, f"set {step.set} of {step.sets}"]
    if step.side:
        parts.append(f"{step.side.value} side")
    if step.tempo and step.reps:
        each = " each side" if step.alternating else ""
        pace = "at your own pace" if step.seconds is None else f"{step.seconds:g} s"
        parts.append(f"{step.reps} reps{each} ({pace})")
    else:
        parts.append(f"hold {step.hold_seconds:g} s")
    return " · ".join(parts)
