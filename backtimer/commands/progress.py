"""``backtimer progress``: each exercise's dose and the coach's suggestion; accept it, or go back to the level."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from backtimer.command_line import CommandLine
from backtimer.commands.common import load_catalog, load_settings, paths_of, print_json
from backtimer.core.content.catalog import Catalog
from backtimer.core.content.loader import parse_level
from backtimer.core.content.model import Level, Routine
from backtimer.core.errors import BadInput
from backtimer.core.progress.phrases import dose_text
from backtimer.practice.coaching import Advice, Coaching
from backtimer.practice.history import StoredHistory
from backtimer.practice.notices import Notices
from backtimer.storage.records import dose_json

DEFAULT_ROUTINE = "lower-back"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    progress = sub.add_parser("progress", parents=[common], help="suggested dose changes, one exercise at a time")
    progress.add_argument("routine", metavar="ROUTINE", nargs="?", help="default: the routine last practised")
    progress.add_argument("--level", metavar="LEVEL", help="the level the doses start from (default: yours)")
    progress.add_argument("--json", action="store_true", help="print JSON")
    progress.add_argument("--accept", metavar="EXERCISE", help="apply the suggestion for EXERCISE, or for all")
    progress.add_argument("--reset", action="store_true", help="drop the accepted doses: back to the routine's level")
    progress.set_defaults(func=cmd_progress)


def cmd_progress(args: argparse.Namespace) -> int:
    if args.accept and args.reset:
        raise BadInput("--accept and --reset: choose one")
    notices = Notices()
    notices.subscribe(lambda text: print(f"backtimer: {text}", file=sys.stderr))
    history = StoredHistory(paths_of(args).history_db, notices)
    try:
        catalog = load_catalog(args)
        routine = catalog.routine(args.routine) if args.routine else last_practised(history, catalog)
        level = person_level(args, routine)
        coaching = Coaching(history)
        if args.reset:
            coaching.reset(routine)
            print(f"Back to the routine's level: {routine.title} uses the {level.value} doses again.", file=sys.stderr)
        elif args.accept:
            accept(coaching, routine, level, args.accept)
        advice = coaching.advice(routine, level)
    finally:
        problem = history.close()
    if problem:
        print(f"backtimer: {problem}", file=sys.stderr)
        return 1
    if args.json:
        print_json({"routine": routine.id, "level": level.value, "exercises": [advice_json(a) for a in advice]})
        return 0
    print(f"{routine.title} — doses from {level.value}")
    for a in advice:
        print(f"  {a.line}")
        print(f"      now {dose_text(a.dose, a.exercise.sides)}. {a.suggestion.reason}")
    return 0


def accept(coaching: Coaching, routine: Routine, level: Level, name: str) -> None:
    ids = [entry.exercise.id for entry in routine.entries]
    if name != "all" and name not in ids:
        raise BadInput(f"--accept: {name!r} is not an exercise of {routine.id} (known: {', '.join(ids)}, or all)")
    changed = coaching.accept(routine, level, None if name == "all" else name)
    for advice in changed:
        print(f"Accepted: {advice.line}", file=sys.stderr)
    if not changed:
        print("Nothing to change: every suggestion is to keep the dose.", file=sys.stderr)


def last_practised(history: StoredHistory, catalog: Catalog) -> Routine:
    """The routine of the latest session that is still known, else the default one."""
    for record in history.store.sessions(exercises=False):
        if record.routine in catalog.routines:
            return catalog.routines[record.routine]
    return catalog.routine(DEFAULT_ROUTINE)


def person_level(args: argparse.Namespace, routine: Routine) -> Level:
    """--level, else the level chosen with this routine last time, else the routine's own."""
    if args.level:
        return parse_level(args.level, "--level")
    settings = load_settings(CommandLine.of(args))
    if settings.last_routine == routine.id:
        return parse_level(settings.level, "level")
    return routine.default_level


def advice_json(advice: Advice) -> dict[str, Any]:
    return {
        "exercise": advice.exercise.id,
        "name": advice.exercise.name,
        "dose": dose_json(advice.dose),
        "accepted_on": advice.accepted.at.date().isoformat() if advice.accepted else None,
        "suggestion": {
            "action": advice.suggestion.action.value,
            "dose": dose_json(advice.suggestion.dose),
            "reason": advice.suggestion.reason,
            "text": advice.line,
        },
    }
