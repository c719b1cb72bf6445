"""``backtimer history``, ``stats``, ``export`` and ``import`` (docs/contract.md)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from backtimer.commands.common import paths_of, print_json
from backtimer.core.errors import BadInput
from backtimer.core.settings import streak_rules
from backtimer.storage.files import atomic_write
from backtimer.storage.history import HistoryStore
from backtimer.storage.records import SessionRecord, document, parse_document, to_csv
from backtimer.storage.settings import SettingsFile


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    history = sub.add_parser("history", parents=[common], help="list the recorded sessions")
    history.add_argument("--json", action="store_true", help="print JSON")
    history.set_defaults(func=cmd_history)
    stats = sub.add_parser("stats", parents=[common], help="streaks, this week and totals")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(func=cmd_stats)
    export = sub.add_parser("export", parents=[common], help="write the history as JSON or CSV")
    export.add_argument(
        "--format", choices=("json", "csv"), default="json", help="json (default; import reads it) or csv"
    )
    export.add_argument("--output", metavar="FILE", help="write to FILE instead of the terminal")
    export.set_defaults(func=cmd_export)
    imp = sub.add_parser("import", parents=[common], help="add the sessions of an exported JSON file")
    imp.add_argument("file", metavar="FILE", help="a file written by export --format json")
    imp.set_defaults(func=cmd_import)


def open_store(args: argparse.Namespace) -> HistoryStore:
    store = HistoryStore(paths_of(args).history_db)
    _print_notices(store.notices)
    return store


def _print_notices(notices: list[str]) -> None:
    for notice in notices:
        print(f"backtimer: {notice}", file=sys.stderr)


def cmd_history(args: argparse.Namespace) -> int:
    records = open_store(args).sessions()
    if args.json:
        print_json(document(records))
        return 0
    if not records:
        print("No sessions yet.")
        return 0
    for record in records:
        print(describe(record))
    return 0


def describe(record: SessionRecord) -> str:
    """One line a person reads: when, what, how it ended, how long, how it felt."""
    when = f"{record.local_date:%a %Y-%m-%d} {record.started_at:%H:%M}"
    feel = f"  comfort {record.comfort}" if record.comfort is not None else ""
    note = f"  “{record.note}”" if record.note else ""
    minutes = f"{record.seconds / 60:.0f} min"
    status = "completed" if record.completed else "stopped"
    return f"{when}  {record.routine:<16} {record.level:<9} {status:<9} {minutes:>6}{feel}{note}"


def stats_json(store: HistoryStore, args: argparse.Namespace) -> dict[str, Any]:
    settings_file = SettingsFile(paths_of(args).settings_file)
    settings = settings_file.load()
    _print_notices(settings_file.notices)
    summary = store.summary(streak_rules(settings))
    sessions, completed, minutes = store.totals()
    return {
        "current_streak": summary.current_streak,
        "longest_streak": summary.longest_streak,
        "sessions": sessions,
        "completed_sessions": completed,
        "total_minutes": round(minutes, 1),
        "done_today": summary.done_today,
        "last_session_date": summary.last_session_date.isoformat() if summary.last_session_date else None,
        "weekly_goal": summary.weekly_goal,
        "this_week": summary.this_week,
        "week_streak": summary.week_streak,
        "longest_week_streak": summary.longest_week_streak,
        "today": summary.today.isoformat(),
        "rest_weekdays": sorted(settings.rest_weekdays),
        "day_start_hour": settings.day_start_hour,
    }


def cmd_stats(args: argparse.Namespace) -> int:
    stats = stats_json(open_store(args), args)
    if args.json:
        print_json(stats)
        return 0
    days = "day" if stats["current_streak"] == 1 else "days"
    print(f"Today:          {'done' if stats['done_today'] else 'not yet'}")
    print(f"Current streak: {stats['current_streak']} {days} (longest {stats['longest_streak']})")
    print(f"This week:      {stats['this_week']} of {stats['weekly_goal']} (weeks in a row: {stats['week_streak']})")
    print(f"Sessions:       {stats['sessions']} ({stats['completed_sessions']} completed)")
    print(f"Minutes:        {stats['total_minutes']:.0f}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    records = open_store(args).sessions()
    text = (
        to_csv(records) if args.format == "csv" else json.dumps(document(records), indent=2, ensure_ascii=False) + "\n"
    )
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        atomic_write(Path(args.output), text)  # a full disk never truncates an earlier export
    except OSError as err:
        raise BadInput(f"{args.output}: cannot write ({err.strerror})") from None
    print(f"Wrote {len(records)} sessions to {args.output}.", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except OSError as err:
        raise BadInput(f"{args.file}: cannot read ({err.strerror})") from None
    except UnicodeDecodeError:
        raise BadInput(f"{args.file}: not a text file") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise BadInput(f"{args.file}: not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})") from None
    records = parse_document(data, args.file)
    store = open_store(args)
    added = store.import_records(records)
    print(f"Imported {added} new sessions; {len(records) - added} were already there.")
    return 0
