"""``backtimer history``, ``stats``, ``export`` and ``import`` (docs/contract.md)."""

from __future__ import annotations

import argparse
import json
import sqlite3
import stat
import sys
from pathlib import Path
from typing import Any

from backtimer.commands.common import paths_of, print_json
from backtimer.core.errors import BadInput, Refused
from backtimer.core.settings import streak_rules
from backtimer.storage.files import atomic_write
from backtimer.storage.history import HistoryStore
from backtimer.storage.records import SessionRecord, document, parse_document, to_csv
from backtimer.storage.rescue import is_unsaved_file
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
    demo = f"  demo x{record.speed:g}" if record.demo else ""
    return f"{when}  {record.routine:<16} {record.level:<9} {status:<9} {minutes:>6}{demo}{feel}{note}"


def stats_json(store: HistoryStore, args: argparse.Namespace) -> dict[str, Any]:
    settings_file = SettingsFile(paths_of(args).settings_file)
    settings = settings_file.load()
    _print_notices(settings_file.notices)
    summary = store.summary(streak_rules(settings))
    sessions, completed, minutes = store.totals()
    demos = sum(record.demo for record in store.sessions(exercises=False))
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
        "demo_sessions": demos,  # run with --speed: listed, never counted toward streaks or "today"
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
    demos = f", {stats['demo_sessions']} of them demos (not counted)" if stats["demo_sessions"] else ""
    print(f"Sessions:       {stats['sessions']} ({stats['completed_sessions']} completed{demos})")
    print(f"Minutes:        {stats['total_minutes']:.0f}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    records = open_store(args).sessions()
    text = (
        to_csv(records)
        if args.format == "csv"
        else json.dumps(document(records), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    )
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        write_output(Path(args.output), text)
    except OSError as err:
        raise BadInput(f"{args.output}: cannot write ({err.strerror or err})") from None
    print(f"Wrote {len(records)} sessions to {args.output}.", file=sys.stderr)
    return 0


def _load_json(text: str, source: str) -> object:
    """Standard JSON only: Infinity and NaN are refused, and so is nesting deeper than any export has."""

    def no_constants(name: str) -> object:
        raise BadInput(f"{source}: {name} is not a number JSON allows")

    try:
        return json.loads(text, parse_constant=no_constants)
    except json.JSONDecodeError as err:
        raise BadInput(f"{source}: not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})") from None
    except RecursionError:
        raise BadInput(f"{source}: nested too deeply to be a backtimer history file") from None


def write_output(path: Path, text: str) -> None:
    """Write ``text`` where ``--output`` points, without replacing what is there with something else.

    A link is written through to its target; a pipe or a character device (``/dev/stdout``, a FIFO) is streamed to;
    a regular file or a new name gets a temp file and a rename, so a full disk never truncates an earlier export.
    """
    target = path.resolve() if path.is_symlink() else path
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        atomic_write(target, text)
        return
    if stat.S_ISREG(mode):
        atomic_write(target, text)
    elif stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        with open(target, "w", encoding="utf-8") as stream:
            stream.write(text)
    else:
        raise OSError(0, "not a file")


def cmd_import(args: argparse.Namespace) -> int:
    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except OSError as err:
        raise BadInput(f"{args.file}: cannot read ({err.strerror})") from None
    except UnicodeDecodeError:
        raise BadInput(f"{args.file}: not a text file") from None
    data = _load_json(text, args.file)
    records = parse_document(data, args.file)
    store = HistoryStore(paths_of(args).history_db)
    try:
        added = store.import_records(records)
    except (OSError, sqlite3.Error) as err:
        reason = store.refused or store.trouble or _reason(err)
        raise Refused(f"cannot import into {store.path} ({reason}); nothing was imported") from None
    _print_notices(store.notices)
    print(f"Imported {added} new sessions; {len(records) - added} were already there.")
    if is_unsaved_file(Path(args.file)):
        Path(args.file).unlink(missing_ok=True)  # a session an earlier start could not save: it is in now
    return 0


def _reason(err: Exception) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return str(err)
